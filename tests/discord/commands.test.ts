// The registration JSON (built from the knowledge) and the runner, with plain data and strict doubles.
import { describe, expect, it } from 'vitest';
import { buildCommands } from '../../commands/index.js';
import { shortcutEntries } from '../../commands/nmi.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import { Metrics } from '../../src/discord/metrics.js';
import { InteractionRunner, type Sender } from '../../src/discord/runner.js';
import type { Services, StoreLike } from '../../src/discord/types.js';
import { createNoopStore } from '../../src/feedback/index.js';
import type { Entry } from '../../src/knowledge/schema.js';
import type { InteractionResponse, MessageData } from '../../src/discord/respond.js';
import { silentLogger } from '../../src/log.js';
import { KnowledgeStore, type Snapshot } from '../../src/store.js';
import { FIXTURE_KB } from './harness.js';
import { slash } from './standin/interactions.js';
import { IDS } from './standin/server.js';
import { strict } from './strict.js';
import { validateCommandsPut, validateInteractionCallback, validateWebhookEdit } from './standin/validate.js';

type Opt = { type: number; name: string; description?: string; description_localizations?: Record<string, string>; name_localizations?: Record<string, string>; options?: Opt[] };

describe('registration JSON', () => {
  it('is valid against the API description and the naming rules', async () => {
    const store = await KnowledgeStore.open(FIXTURE_KB);
    expect(validateCommandsPut(buildCommands(store.current))).toEqual([]);
  });

  it('has a Danish description for every command, subcommand and option, and Danish names for the fixed ones', async () => {
    const store = await KnowledgeStore.open(FIXTURE_KB);
    const cmds = buildCommands(store.current) as unknown as (Opt & { type: number })[];
    const walk = (o: Opt, path: string): string[] => [
      ...(o.description_localizations?.['da'] ? [] : [`${path}: no Danish description`]),
      ...(o.options ?? []).flatMap((x) => walk(x, `${path} ${x.name}`)),
    ];
    for (const c of cmds.filter((c) => c.type === 1)) expect(walk(c, c.name)).toEqual([]);
    const nmi = cmds.find((c) => c.name === 'nmi')!;
    const byName = new Map(nmi.options!.map((o) => [o.name, o]));
    expect(byName.get('ask')!.name_localizations).toEqual({ da: 'spørg' });
    expect(byName.get('topics')!.name_localizations).toEqual({ da: 'emner' });
    expect(byName.get('ask')!.options!.map((o) => o.name_localizations?.['da'])).toEqual(['spørgsmål', 'sprog', 'privat']);
    expect(cmds.find((c) => c.type === 3)).toMatchObject({ name: 'Ask NMI bot', name_localizations: { da: 'Spørg NMI bot' } });
    expect(byName.get('who-leads')!.description_localizations).toEqual({ da: 'Hvem leder NMI?' });
  });

  it('never has more than 25 subcommands, however many shortcuts the knowledge has', () => {
    const entries = Array.from({ length: 40 }, (_, i) =>
      strict<Entry>({ id: `e${i}`, shortcut: `short-${i}`, questions: { en: [`Question ${i}?`], da: [`Spørgsmål ${i}?`] } }, `entry e${i}`),
    );
    const snap = strict<Snapshot>({ kb: strict<Snapshot['kb']>({ entries }, 'kb') }, 'snapshot');
    expect(shortcutEntries(snap).length).toBe(21);
    const nmi = buildCommands(snap)[0] as unknown as Opt;
    expect(nmi.options!.length).toBe(25);
    expect(validateCommandsPut(buildCommands(snap))).toEqual([]);
  });
});

describe('the runner', () => {
  async function setup(store?: StoreLike) {
    const real = await KnowledgeStore.open(FIXTURE_KB);
    const sent: { kind: 'callback' | 'edit'; body: InteractionResponse | MessageData }[] = [];
    const sender = strict<Sender>(
      {
        async callback(_id, _token, body) {
          expect(validateInteractionCallback(body)).toEqual([]);
          sent.push({ kind: 'callback', body });
        },
        async editOriginal(appId, _token, body) {
          expect(appId).toBe(IDS.app);
          expect(validateWebhookEdit(body)).toEqual([]);
          sent.push({ kind: 'edit', body });
        },
      },
      'sender',
    );
    const services = strict<Services>(
      {
        store: store ?? real,
        admin: { adminRoleIds: [], adminUserIds: [] },
        metrics: new Metrics(),
        cooldown: new Cooldown(100, 1000),
        log: silentLogger,
        feedback: createNoopStore(),
        freshnessDays: 730,
        now: () => new Date('2025-06-01T00:00:00Z'),
      },
      'services',
    );
    return { runner: new InteractionRunner(services, sender), sent, real };
  }

  it('finishes a deferred reload in flight when stopped, and refuses new work while draining', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = await KnowledgeStore.open(FIXTURE_KB);
    const slowStore = strict<StoreLike>(
      {
        get current() {
          return real.current;
        },
        async reload() {
          await gate;
          return real.reload();
        },
      },
      'store',
    );
    const { runner, sent } = await setup(slowStore);
    const reload = runner.handle(slash('nmi-admin', 'reload', [], { permissions: '32' }) as never);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.map((s) => s.body)).toEqual([{ type: 5, data: { flags: 64 } }]);
    const drained = runner.drain(5000);
    await runner.handle(slash('nmi', 'help', []) as never);
    expect(sent[1]!.body).toMatchObject({ type: 4, data: { flags: 64, content: 'The bot is restarting — please try again in a moment.' } });
    expect(runner.pending).toBe(1);
    release();
    await drained;
    await reload;
    expect(runner.pending).toBe(0);
    expect(sent[2]).toMatchObject({ kind: 'edit', body: { embeds: [{ title: 'No changes: the knowledge files are the same.' }] } });
  });

  it('a deferred handler that throws edits the original with a private error and a reference', async () => {
    const real = await KnowledgeStore.open(FIXTURE_KB);
    const broken = strict<StoreLike>(
      {
        get current() {
          return real.current;
        },
        async reload() {
          throw new Error('disk on fire');
        },
      },
      'store',
    );
    const { runner, sent } = await setup(broken);
    await runner.handle(slash('nmi-admin', 'reload', [], { permissions: '32' }) as never);
    expect(sent[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect((sent[1]!.body as MessageData).content).toMatch(/^Something went wrong on my side\. Please try again \(reference [0-9A-F]{8}\)\.$/);
  });

  it('ignores interaction types it does not handle', async () => {
    const { runner, sent } = await setup();
    await runner.handle({ ...slash('nmi', 'help', []), type: 1 } as never);
    expect(sent).toEqual([]);
  });
});

describe('topics pages', () => {
  it('pages 25 questions at a time with Previous/Next, and a page button updates the message', async () => {
    const { topicsPage } = await import('../../commands/topics.js');
    const { route } = await import('../../src/discord/router.js');
    const { update } = await import('../../src/discord/respond.js');
    const entries = Array.from({ length: 60 }, (_, i) =>
      strict<Entry>({ id: `e-${i}`, shortcut: undefined, questions: { en: [`Question number ${i}?`], da: [`Spørgsmål nummer ${i}?`] } }, `entry ${i}`),
    );
    const snap = strict<Snapshot>({ kb: strict<Snapshot['kb']>({ entries }, 'kb') }, 'snapshot');
    const page = topicsPage(snap, 'da', 2);
    expect(validateInteractionCallback(update(page))).toEqual([]);
    const [menu, nav] = page.components!;
    const select = menu!.components[0] as { custom_id: string; options: { value: string }[] };
    expect(select.custom_id).toBe('nmi:s:da:2');
    expect(select.options.map((o) => o.value)).toEqual(Array.from({ length: 10 }, (_, i) => `e-${50 + i}`));
    expect(nav!.components.map((b) => [(b as { label: string }).label, (b as { disabled: boolean }).disabled])).toEqual([
      ['Forrige', false],
      ['Næste', true],
    ]);
    expect(page.embeds![0]!.footer!.text).toBe('Side 3 af 3');

    const services = strict<Services>({ store: strict<StoreLike>({ current: snap }, 'store') }, 'services');
    const result = await route({ kind: 'component', id: '1', locale: 'en-US', guildId: null, member: { userId: IDS.user, guildId: null, permissions: null, roleIds: [] }, customId: 'nmi:p:en:1', values: [] }, services);
    expect(result).toMatchObject({ kind: 'respond', body: { type: 7 } });
    const body = (result as { body: InteractionResponse }).body;
    expect(validateInteractionCallback(body)).toEqual([]);
    expect(JSON.stringify(body)).toContain('Question number 25?');
  });
});
