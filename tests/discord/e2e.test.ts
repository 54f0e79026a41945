// End to end: the real discord.js Client logs in to the local stand-in of
// Discord, receives INTERACTION_CREATE and answers through REST. Every body it
// sends is validated against discord-api-spec's zod schemas plus the rules the
// description lacks (standin/validate.ts); the stand-in records any problem.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreLike } from '../../src/discord/types.js';
import type { KnowledgeStore } from '../../src/store.js';
import { run as deployCommandsScript } from '../../scripts/deploy-commands.js';
import { autocompleteOf, button, messageMenu, select, slash } from './standin/interactions.js';
import { DiscordStandin, IDS, TOKEN, type CallbackRecord } from './standin/server.js';
import { BASES_ENTRY_YAML, copyFixture, startHarness, type Harness } from './harness.js';

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}
interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  options?: { label: string; value: string }[];
  components?: Component[];
}
interface Message {
  content?: string;
  embeds?: Embed[];
  components?: Component[];
  flags?: number;
  allowed_mentions: { parse: string[] };
}

const msg = (cb: CallbackRecord) => cb.body.data as unknown as Message;
const buttons = (m: Message) => (m.components ?? []).flatMap((r) => r.components ?? []);
/** Discord acknowledges only callbacks within 3 s; the bot should need a fraction of that. */
const FAST_MS = 1000;

const EXTRA_ENTRY = BASES_ENTRY_YAML;

/** A store whose `current` throws once when armed: a handler that fails mid-interaction. */
class FailingOnceStore implements StoreLike {
  armed = false;
  constructor(private readonly inner: KnowledgeStore) {}
  get current() {
    if (this.armed) {
      this.armed = false;
      throw new Error('simulated handler failure');
    }
    return this.inner.current;
  }
  reload() {
    return this.inner.reload();
  }
}

describe('the bot against the Discord stand-in', () => {
  let h: Harness;
  let failing: FailingOnceStore;
  beforeAll(async () => {
    h = await startHarness({
      env: { COOLDOWN_MAX: '1000', ADMIN_ROLE_IDS: IDS.adminRole },
      wrapStore: (s) => (failing = new FailingOnceStore(s)),
    });
  }, 20_000);
  afterAll(async () => {
    await h?.stop();
  });
  afterEach(() => {
    // Every body the bot sent so far passed validation, and it asked for nothing the stand-in does not serve.
    expect(h.standin.problems).toEqual([]);
  });

  it('logs in with the gateway URL from GET /gateway/bot', () => {
    const gw = h.standin.requests.find((r) => r.path === '/api/v10/gateway/bot');
    expect(gw?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(h.standin.identified).toBe(true);
    expect(h.bot.client.guilds.cache.has(IDS.guild)).toBe(true);
    expect(h.logs.some((l) => l.msg === 'NMI bot ready')).toBe(true);
  });

  it('answers /nmi ask with an embed: question, answer, sources, since then, as-of footer, related buttons', async () => {
    const cb = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'Who leads NMI?' }]));
    expect(cb.latencyMs).toBeLessThan(FAST_MS);
    expect(cb.body.type).toBe(4);
    const m = msg(cb);
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.flags).toBeUndefined();
    const e = m.embeds![0]!;
    expect(e.title).toBe('Who leads NMI?');
    expect(e.description).toContain('Canada');
    expect(e.fields?.find((f) => f.name === 'Source')?.value).toContain('[Test article about NMI](https://example.org/article)');
    const since = e.fields?.find((f) => f.name.startsWith('Since then'));
    expect(since?.name).toBe('Since then · 22 May 2025');
    expect(since?.value).toContain('France took command.');
    expect(since?.value).toContain('news report only');
    expect(e.footer?.text).toContain('as of 4 March 2020 — this may have changed');
    expect(buttons(m).map((b) => b.custom_id)).toEqual(['nmi:a:en:mission-size', 'nmi:a:en:training-locations']);
  });

  it('declines honestly when it does not know, echoing the question safely', async () => {
    const cb = await h.standin.interact(
      slash('nmi', 'ask', [
        { type: 3, name: 'question', value: 'best **pizza** recipe @everyone <@1400000000000000002>' },
        { type: 5, name: 'private', value: true },
      ]),
    );
    expect(cb.latencyMs).toBeLessThan(FAST_MS);
    const m = msg(cb);
    expect(m.flags).toBe(64);
    const e = m.embeds![0]!;
    expect(e.title).toBe("I don't know");
    expect(e.description).toContain('\\*\\*pizza\\*\\*');
    expect(e.description).not.toMatch(/@everyone|<@\d/);
  });

  it('answers /nmi who-leads in Danish for a Danish user', async () => {
    const cb = await h.standin.interact(slash('nmi', 'who-leads', [], { locale: 'da' }));
    const e = msg(cb).embeds![0]!;
    expect(e.title).toBe('Hvem leder NMI?');
    expect(e.description).toContain('Canada');
    expect(e.fields?.map((f) => f.name)).toEqual(['Kilde', 'Siden da · 22. maj 2025']);
    expect(e.footer?.text).toContain('pr. 4. marts 2020 — det kan have ændret sig');
    expect(buttons(msg(cb))[0]!.custom_id).toBe('nmi:a:da:mission-size');
  });

  it('the language option overrides the locale', async () => {
    const cb = await h.standin.interact(slash('nmi', 'size', [{ type: 3, name: 'language', value: 'en' }], { locale: 'da' }));
    const e = msg(cb).embeds![0]!;
    expect(e.title).toBe('How many people serve in NMI?');
    expect(e.fields?.map((f) => f.name)).toContain('Sources disagree');
  });

  it('autocompletes with at most 25 choices whose values name the entry; picking one answers exactly', async () => {
    const empty = await h.standin.interact(autocompleteOf('nmi', 'ask', { name: 'question', value: '' }));
    expect(empty.latencyMs).toBeLessThan(FAST_MS);
    expect(empty.body.type).toBe(8);
    const choices = (empty.body.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.value).toBe('id:who-leads');

    const typed = await h.standin.interact(autocompleteOf('nmi', 'ask', { name: 'question', value: 'hvor træner' }, [], { locale: 'da' }));
    const da = (typed.body.data as { choices: { name: string; value: string }[] }).choices;
    expect(da[0]).toEqual({ name: 'Hvor træner NMI?', value: 'id:training-locations' });

    const picked = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'id:training-locations' }], { locale: 'da' }));
    expect(msg(picked).embeds![0]!.title).toBe('Hvor træner NMI?');
  });

  it('a related-question button answers privately, in the language it carries', async () => {
    const cb = await h.standin.interact(button('nmi:a:da:training-locations'));
    expect(cb.body.type).toBe(4);
    expect(msg(cb).flags).toBe(64);
    expect(msg(cb).embeds![0]!.title).toBe('Hvor træner NMI?');
  });

  it('/nmi topics lists every question in a select menu; choosing one answers it', async () => {
    const cb = await h.standin.interact(slash('nmi', 'topics', []));
    const m = msg(cb);
    const menu = buttons(m).find((c) => c.type === 3)!;
    expect(menu.custom_id).toBe('nmi:s:en:0');
    expect(menu.options!.map((o) => o.value)).toEqual(['who-leads', 'mission-size', 'training-locations', 'new-facts']);
    const chosen = await h.standin.interact(select('nmi:s:en:0', ['new-facts']));
    expect(msg(chosen).embeds![0]!.title).toBe('What did NATO say in 2024?');
    const stale = await h.standin.interact(select('nmi:s:en:0', ['no-such-entry']));
    expect(msg(stale).flags).toBe(64);
  });

  it('/nmi sources shows each source with publisher, date, link and age', async () => {
    const cb = await h.standin.interact(slash('nmi', 'sources', []));
    const text = msg(cb).embeds!.map((e) => e.description).join('\n');
    expect(text).toContain('[NATO Mission Iraq topic page](https://example.org/nato)');
    expect(text).toMatch(/NATO · 27 May 2024 · \d+ (years|months|days) old/);
    expect(text).toContain('*news*');
  });

  it('/nmi help explains the commands', async () => {
    const cb = await h.standin.interact(slash('nmi', 'help', [{ type: 5, name: 'private', value: true }], { locale: 'da' }));
    expect(msg(cb).flags).toBe(64);
    expect(msg(cb).embeds![0]!.title).toBe('NMI bot — hjælp');
  });

  it('the message context menu asks with the message text and answers privately', async () => {
    const cb = await h.standin.interact(messageMenu('Ask NMI bot', 'who leads the nato mission in iraq?'));
    expect(cb.latencyMs).toBeLessThan(FAST_MS);
    expect(msg(cb).flags).toBe(64);
    expect(msg(cb).embeds![0]!.title).toBe('Who leads NMI?');
  });

  it('refuses /nmi-admin for a member without Manage Server even when the server loosened the command', async () => {
    const before = h.store.current.kb.version;
    const cb = await h.standin.interact(slash('nmi-admin', 'reload', [], { permissions: '1024' }));
    expect(cb.body.type).toBe(4);
    expect(msg(cb).flags).toBe(64);
    expect(msg(cb).content).toBe('Only server admins can use this command.');
    expect(h.store.current.kb.version).toBe(before);
  });

  it('reloads for an admin: defers privately, then reports the diff and re-registers changed shortcuts', async () => {
    writeFileSync(join(h.kbDir, 'extra.yaml'), EXTRA_ENTRY);
    const puts = h.standin.requests.filter((r) => r.method === 'PUT').length;
    const interaction = slash('nmi-admin', 'reload', [], { permissions: '32', userId: IDS.admin });
    const cb = await h.standin.interact(interaction);
    expect(cb.latencyMs).toBeLessThan(FAST_MS);
    expect(cb.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await h.standin.waitForRequest((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${IDS.app}/${interaction.token}/messages/@original`);
    const e = (edit.body as Message).embeds![0]!;
    expect(e.title).toBe('Knowledge reloaded.');
    expect(e.fields?.find((f) => f.name === 'Added')?.value).toBe('`bases`');
    expect(e.fields?.find((f) => f.name === 'Shortcuts added')?.value).toBe('`bases`');
    expect(e.description).toContain('re-registered 3 commands');
    const put = h.standin.requests.filter((r) => r.method === 'PUT');
    expect(put.length).toBe(puts + 1);
    expect(put.at(-1)!.path).toBe(`/api/v10/applications/${IDS.app}/guilds/${IDS.guild}/commands`);
    const nmi = (put.at(-1)!.body as { name: string; options: { name: string }[] }[]).find((c) => c.name === 'nmi')!;
    expect(nmi.options.map((o) => o.name)).toContain('bases');
    // The new shortcut answers at once.
    const answer = await h.standin.interact(slash('nmi', 'bases', []));
    expect(msg(answer).embeds![0]!.description).toBe('Test answer about bases.');
  });

  it('an admin role from ADMIN_ROLE_IDS may use /nmi-admin status', async () => {
    const cb = await h.standin.interact(slash('nmi-admin', 'status', [], { permissions: '0', roles: [IDS.adminRole] }));
    const e = msg(cb).embeds![0]!;
    expect(msg(cb).flags).toBe(64);
    expect(e.title).toBe('NMI bot — status');
    const field = (name: string) => e.fields?.find((f) => f.name === name)?.value;
    expect(field('Version')).toBe(`\`${h.store.current.kb.version}\``);
    expect(field('Entries')).toBe('5');
    expect(field('Questions')).toBe('en: 30 · da: 30');
    expect(field('Answered / Declined')).toMatch(/^\d+ \/ [1-9]\d*$/);
    expect(field('Answer latency')).toMatch(/^p50 [\d.]+ ms · p99 [\d.]+ ms$/);
    expect(field('Sources (3)')).toContain('`nato-page` NATO Mission Iraq topic page — 27 May 2024');
  });

  it('a reload with a broken file keeps the old knowledge serving and shows the problems', async () => {
    const before = h.store.current.kb.version;
    writeFileSync(join(h.kbDir, 'broken.yaml'), 'entries:\n  - id: broken\n    questions: {en: ["x"]}\n');
    try {
      const interaction = slash('nmi-admin', 'reload', [], { permissions: '32', userId: IDS.admin, locale: 'da' });
      const cb = await h.standin.interact(interaction);
      expect(cb.body.type).toBe(5);
      const edit = await h.standin.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
      const e = (edit.body as Message).embeds![0]!;
      expect(e.title).toBe('Genindlæsning mislykkedes — den tidligere viden bruges stadig.');
      expect(e.description).toContain('broken.yaml');
      expect(h.store.current.kb.version).toBe(before);
      const still = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'who leads nmi' }]));
      expect(msg(still).embeds![0]!.title).toBe('Who leads NMI?');
    } finally {
      rmSync(join(h.kbDir, 'broken.yaml'));
    }
  });

  it('a handler that throws gives a private error with a reference, is logged, and the bot keeps answering', async () => {
    failing.armed = true;
    const interaction = slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'who leads nmi' }]);
    const cb = await h.standin.interact(interaction);
    expect(msg(cb).flags).toBe(64);
    const ref = /reference ([0-9A-F]{8})/.exec(msg(cb).content ?? '')?.[1];
    expect(ref).toBeDefined();
    const logged = h.logs.find((l) => l.msg === 'handler failed');
    expect(logged).toMatchObject({ ref, interactionId: interaction.id, command: '/nmi ask', guildId: IDS.guild, level: 50 });
    expect(JSON.stringify(h.logs)).not.toContain(TOKEN);
    expect(JSON.stringify(h.logs)).not.toContain(interaction.token);
    const next = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'who leads nmi' }]));
    expect(msg(next).embeds![0]!.title).toBe('Who leads NMI?');
  });

  it('answers many interactions at once, each well inside 3 s', async () => {
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: i % 2 ? 'how big is the mission' : 'hvor træner nmi' }], { userId: `14000000000000001${String(i).padStart(2, '0')}` }))),
    );
    for (const cb of all) expect(cb.latencyMs).toBeLessThan(FAST_MS * 2);
  });
});

describe('cooldown', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { COOLDOWN_MAX: '2', COOLDOWN_WINDOW_SECONDS: '60' } });
  }, 20_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('answers a friendly private note past the per-user limit, others unaffected', async () => {
    const ask = (userId: string) => h.standin.interact(slash('nmi', 'who-leads', [], { userId }));
    expect(msg(await ask(IDS.user)).embeds).toBeDefined();
    expect(msg(await ask(IDS.user)).embeds).toBeDefined();
    const limited = msg(await ask(IDS.user));
    expect(limited.flags).toBe(64);
    expect(limited.content).toMatch(/^You're asking quickly — please wait \d+ s and try again\.$/);
    expect(msg(await ask(IDS.admin)).embeds).toBeDefined();
    expect(h.standin.problems).toEqual([]);
  });
});

describe('scripts/deploy-commands.ts', () => {
  it('PUTs the commands to the guild, idempotently, and prints what it registered', async () => {
    const standin = await DiscordStandin.start();
    const kbDir = copyFixture();
    try {
      const env = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: IDS.app, DISCORD_GUILD_ID: IDS.guild, DISCORD_API_URL: standin.apiBase, KNOWLEDGE_DIR: kbDir };
      let out = '';
      expect(await deployCommandsScript([], env, (s) => (out += s))).toBe(0);
      expect(await deployCommandsScript([], env, () => {})).toBe(0);
      const puts = standin.requests.filter((r) => r.method === 'PUT');
      expect(puts.map((r) => r.path)).toEqual([
        `/api/v10/applications/${IDS.app}/guilds/${IDS.guild}/commands`,
        `/api/v10/applications/${IDS.app}/guilds/${IDS.guild}/commands`,
      ]);
      expect(puts[0]!.body).toEqual(puts[1]!.body);
      expect(puts[0]!.headers.authorization).toBe(`Bot ${TOKEN}`);
      const names = (puts[0]!.body as { name: string }[]).map((c) => c.name);
      expect(names).toEqual(['nmi', 'nmi-admin', 'Ask NMI bot']);
      expect(out).toContain('Registered 3 commands in server');
      expect(out).toContain('/nmi (ask, topics, sources, help, who-leads, size)');

      const global = { ...env, DISCORD_GUILD_ID: '' };
      expect(await deployCommandsScript([], global, () => {})).toBe(0);
      expect(standin.requests.at(-1)!.path).toBe(`/api/v10/applications/${IDS.app}/commands`);
      expect(standin.problems).toEqual([]);
    } finally {
      await standin.stop();
      rmSync(kbDir, { recursive: true, force: true });
    }
  });

  it('--dry-run prints the JSON array without a token and sends nothing', async () => {
    let out = '';
    const code = await deployCommandsScript(['--dry-run'], { KNOWLEDGE_DIR: copyFixture() }, (s) => (out += s));
    expect(code).toBe(0);
    const body = JSON.parse(out) as { name: string; default_member_permissions?: string; contexts?: number[] }[];
    expect(body.map((c) => c.name)).toEqual(['nmi', 'nmi-admin', 'Ask NMI bot']);
    expect(body[1]).toMatchObject({ default_member_permissions: '32', contexts: [0] });
  });
});
