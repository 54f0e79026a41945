// Feedback wired into the bot, end to end against the Discord stand-in with a
// real SQLite feedback store in a temp dir: 👍/👎 on answers, one vote per user
// and answer, gaps recorded with the server and never the user, and the admin
// reports /nmi-admin gaps and /nmi-admin feedback.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  loadFeedbackConfig,
  openFeedbackStore,
  voteCustomId,
  type FeedbackStore,
  type UnansweredQuestion,
} from '../../src/feedback/index.js';
import { nmiAdminCommand } from '../../commands/nmi-admin.js';
import { button, slash } from './standin/interactions.js';
import { IDS, type CallbackRecord } from './standin/server.js';
import { startHarness, type Harness } from './harness.js';

interface Message {
  content?: string;
  embeds?: { title?: string; description?: string }[];
  components?: { components?: { custom_id?: string; label?: string }[] }[];
  flags?: number;
}
const msg = (cb: CallbackRecord) => cb.body.data as unknown as Message;
const customIds = (m: Message) => (m.components ?? []).flatMap((r) => r.components ?? []).map((c) => c.custom_id);

/** Delegates to the real store and remembers every recordUnanswered call. */
function spying(real: FeedbackStore) {
  const unanswered: UnansweredQuestion[] = [];
  const store: FeedbackStore = {
    enabled: real.enabled,
    recordUnanswered: (q) => {
      unanswered.push(q);
      real.recordUnanswered(q);
    },
    recordVote: (v) => real.recordVote(v),
    gaps: (d, n) => real.gaps(d, n),
    feedback: (d, n) => real.feedback(d, n),
    prune: (n) => real.prune(n),
    close: () => real.close(),
  };
  return { store, unanswered };
}

describe('feedback in the bot', () => {
  let h: Harness;
  let dbDir: string;
  let dbPath: string;
  let spy: ReturnType<typeof spying>;
  beforeAll(async () => {
    dbDir = mkdtempSync(join(tmpdir(), 'nmi-fb-e2e-'));
    dbPath = join(dbDir, 'nmi.sqlite');
    spy = spying(openFeedbackStore(loadFeedbackConfig({ FEEDBACK_DB: dbPath })));
    h = await startHarness({ env: { COOLDOWN_MAX: '1000', ADMIN_ROLE_IDS: IDS.adminRole }, feedback: spy.store });
  }, 20_000);
  afterAll(async () => {
    await h?.stop();
    rmSync(dbDir, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(h.standin.problems).toEqual([]);
  });

  it('an answer carries 👍/👎 buttons naming the entry and the knowledge version; a decline does not', async () => {
    const version = h.store.current.kb.version;
    const cb = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'Who leads NMI?' }]));
    const ids = customIds(msg(cb));
    expect(ids).toContain(voteCustomId('up', 'who-leads', version));
    expect(ids).toContain(voteCustomId('down', 'who-leads', version));
    const declined = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'best pizza recipe in rome' }]));
    expect(customIds(msg(declined)).some((id) => id?.startsWith('vote:'))).toBe(false);
  });

  it('a shortcut and a related-question button answer with vote buttons too', async () => {
    const shortcut = await h.standin.interact(slash('nmi', 'who-leads', [], { locale: 'da' }));
    expect(customIds(msg(shortcut))).toContain(voteCustomId('up', 'who-leads', h.store.current.kb.version));
    const related = await h.standin.interact(button('nmi:a:en:mission-size'));
    expect(customIds(msg(related))).toContain(voteCustomId('down', 'mission-size', h.store.current.kb.version));
  });

  it('voting twice counts once; switching is "changed"; replies are private and in the user language', async () => {
    const up = voteCustomId('up', 'training-locations', h.store.current.kb.version);
    const down = voteCustomId('down', 'training-locations', h.store.current.kb.version);
    const first = msg(await h.standin.interact(button(up, { userId: IDS.user })));
    expect(first.flags).toBe(64);
    expect(first.content).toBe('Thanks — recorded.');
    const again = msg(await h.standin.interact(button(up, { userId: IDS.user })));
    expect(again.content).toBe('You already voted on this answer.');
    let row = spy.store.feedback(30).find((r) => r.entryId === 'training-locations');
    expect(row).toMatchObject({ up: 1, down: 0, total: 1 });

    const changed = msg(await h.standin.interact(button(down, { userId: IDS.user, locale: 'da' })));
    expect(changed.flags).toBe(64);
    expect(changed.content).toBe('Tak — din stemme er ændret.');
    row = spy.store.feedback(30).find((r) => r.entryId === 'training-locations');
    expect(row).toMatchObject({ up: 0, down: 1, total: 1 });

    const other = msg(await h.standin.interact(button(up, { userId: IDS.admin, locale: 'da' })));
    expect(other.content).toBe('Tak — registreret.');
    expect(spy.store.feedback(30).find((r) => r.entryId === 'training-locations')).toMatchObject({ up: 1, down: 1, total: 2 });
  });

  it('records an unanswered question with the guild id and no user id', async () => {
    const before = spy.unanswered.length;
    const text = 'what is the canteen menu at camp dublin';
    const cb = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: text }], { userId: IDS.user }));
    expect(msg(cb).embeds![0]!.title).toBe("I don't know");
    const recorded = spy.unanswered.slice(before);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ text, lang: 'en', guildId: IDS.guild });
    expect(Object.keys(recorded[0]!).sort()).toEqual(['bestId', 'confidence', 'guildId', 'lang', 'text']);
    expect(JSON.stringify(recorded)).not.toContain(IDS.user);
    expect(spy.store.gaps(30).some((g) => g.question.includes('canteen'))).toBe(true);
    // Nothing identifying the user reaches the database file either.
    expect(readFileSync(dbPath).includes(Buffer.from(IDS.user))).toBe(false);
  });

  it('an answer with confidence below 0.6 is given (with vote buttons) and recorded as a gap with its best entry', async () => {
    const before = spy.unanswered.length;
    // Words only the answer has, plus a word the base does not know: answered, but barely.
    const cb = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'staff officers advisers support canteen' }], { userId: IDS.user }));
    expect(customIds(msg(cb))).toContain(voteCustomId('up', 'mission-size', h.store.current.kb.version));
    const recorded = spy.unanswered.slice(before);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ text: 'staff officers advisers support canteen', lang: 'en', bestId: 'mission-size', guildId: IDS.guild });
    expect(recorded[0]!.confidence).toBeLessThan(0.6);
    expect(JSON.stringify(recorded)).not.toContain(IDS.user);
  });

  it('a well-answered question and a picked entry are not recorded as gaps', async () => {
    const before = spy.unanswered.length;
    await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'Who leads NMI?' }]));
    await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'id:mission-size' }]));
    await h.standin.interact(button('nmi:a:en:training-locations'));
    expect(spy.unanswered.length).toBe(before);
  });

  it('/nmi-admin gaps and feedback refuse a non-admin', async () => {
    for (const sub of ['gaps', 'feedback']) {
      const cb = await h.standin.interact(slash('nmi-admin', sub, [], { permissions: '1024', userId: IDS.user }));
      expect(msg(cb).flags).toBe(64);
      expect(msg(cb).content).toBe('Only server admins can use this command.');
    }
  });

  it('/nmi-admin gaps shows an admin the recorded gap, privately, in their language', async () => {
    await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'hvad er der til frokost i lejren' }], { locale: 'da' }));
    const cb = await h.standin.interact(
      slash('nmi-admin', 'gaps', [{ type: 4, name: 'days', value: 7 }], { permissions: '32', userId: IDS.admin, locale: 'da' }),
    );
    const m = msg(cb);
    expect(m.flags).toBe(64);
    expect(m.embeds![0]!.title).toBe('Ubesvarede spørgsmål');
    expect(m.embeds![0]!.description).toContain('seneste 7 dage');
    expect(m.embeds![0]!.description).toContain('frokost');
    const en = msg(await h.standin.interact(slash('nmi-admin', 'gaps', [], { permissions: '0', roles: [IDS.adminRole] })));
    expect(en.embeds![0]!.description).toContain('last 30 days');
    expect(en.embeds![0]!.description).toContain('canteen');
  });

  it('/nmi-admin feedback shows an admin the votes', async () => {
    const cb = await h.standin.interact(slash('nmi-admin', 'feedback', [{ type: 4, name: 'days', value: 365 }], { permissions: '32', userId: IDS.admin }));
    const m = msg(cb);
    expect(m.flags).toBe(64);
    expect(m.embeds![0]!.title).toBe('Answer feedback');
    expect(m.embeds![0]!.description).toContain('training-locations');
    expect(m.embeds![0]!.description).toContain('last 365 days');
  });

  it('registers the days option as an integer from 1 to 365', () => {
    const admin = nmiAdminCommand.data(h.store.current) as unknown as { options: { name: string; options?: object[] }[] };
    for (const sub of ['gaps', 'feedback']) {
      expect(admin.options.find((o) => o.name === sub)?.options).toEqual([
        expect.objectContaining({ type: 4, name: 'days', min_value: 1, max_value: 365, required: false }),
      ]);
    }
  });
});

describe('feedback off, and the freshness age', () => {
  let h: Harness;
  beforeAll(async () => {
    // No feedback store given: the harness (like FEEDBACK_STORE=off) uses the no-op store.
    h = await startHarness({ env: { FRESHNESS_MAX_AGE_DAYS: '100000', ADMIN_USER_IDS: IDS.admin } });
  }, 20_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('answers without vote buttons, and says so when an admin asks for the reports', async () => {
    const cb = await h.standin.interact(slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'Who leads NMI?' }]));
    expect(customIds(msg(cb)).some((id) => id?.startsWith('vote:'))).toBe(false);
    const gaps = msg(await h.standin.interact(slash('nmi-admin', 'gaps', [], { permissions: '0', userId: IDS.admin })));
    expect(gaps.flags).toBe(64);
    expect(gaps.content).toContain('FEEDBACK_STORE=off');
    expect(h.standin.problems).toEqual([]);
  });

  it('FRESHNESS_MAX_AGE_DAYS reaches ask(): a 2020 answer is not marked stale with a long limit', async () => {
    const cb = await h.standin.interact(slash('nmi', 'who-leads', []));
    const footer = (cb.body.data as { embeds: { footer?: { text: string } }[] }).embeds[0]!.footer?.text;
    expect(footer).toBe('As of 4 March 2020');
  });
});
