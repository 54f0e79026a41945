import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import {
  FeedbackSchemaError,
  loadFeedbackConfig,
  openFeedbackStore,
  schedulePrune,
  SCHEMA_VERSION,
  type FeedbackLogger,
} from '../../src/feedback/index.js';
import { daysAgo, memoryLogger, NOW, tempConfig, tempDir } from './helpers.js';

const USER_A = '734598123456789012';
const USER_B = '298765432109876543';

/** Every text/blob value of every column of every table, as strings. */
function allStoredValues(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name);
    const values: string[] = [];
    for (const t of tables) {
      for (const row of db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]) {
        for (const v of Object.values(row)) values.push(Buffer.isBuffer(v) ? v.toString('latin1') : String(v));
      }
    }
    return values;
  } finally {
    db.close();
  }
}

describe('privacy: no user id is stored', () => {
  it('keeps neither the raw user id nor anything containing it, in any table or in the file bytes', () => {
    const cfg = tempConfig();
    const store = openFeedbackStore(cfg);
    store.recordVote({ userId: USER_A, entryId: 'nmi-commander', version: 'abc123', vote: 'up' });
    store.recordVote({ userId: USER_B, entryId: 'nmi-commander', version: 'abc123', vote: 'down' });
    store.recordVote({ userId: USER_A, entryId: 'nmi-mandate', version: 'abc123', vote: 'down' });
    store.recordUnanswered({ text: 'who pays for nmi', lang: 'en', bestId: null, confidence: 0.1, guildId: '111' });
    store.close();

    const values = allStoredValues(cfg.dbPath);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      expect(v).not.toContain(USER_A);
      expect(v).not.toContain(USER_B);
    }
    // Also the raw file (and any journal left beside it): nothing hides in free pages.
    for (const f of fs.readdirSync(path.dirname(cfg.dbPath))) {
      const bytes = fs.readFileSync(path.join(path.dirname(cfg.dbPath), f)).toString('latin1');
      expect(bytes).not.toContain(USER_A);
      expect(bytes).not.toContain(USER_B);
    }
  });

  it('makes the database file readable by its owner only (it holds the hash key)', () => {
    if (process.platform === 'win32') return;
    const cfg = tempConfig();
    openFeedbackStore(cfg).close();
    expect(fs.statSync(cfg.dbPath).mode & 0o077).toBe(0);
  });
});

describe('votes', () => {
  it('counts the same user voting twice on the same answer once', () => {
    const store = openFeedbackStore(tempConfig());
    const vote = { userId: USER_A, entryId: 'nmi-commander', version: 'abc123', vote: 'down' as const, at: NOW };
    expect(store.recordVote(vote)).toBe('recorded');
    expect(store.recordVote(vote)).toBe('duplicate');
    expect(store.feedback(30, NOW)).toMatchObject([{ entryId: 'nmi-commander', up: 0, down: 1, total: 1 }]);
    store.close();
  });

  it('lets a user change their vote, replacing the old one instead of adding to it', () => {
    const store = openFeedbackStore(tempConfig());
    const base = { userId: USER_A, entryId: 'nmi-commander', version: 'abc123', at: NOW };
    expect(store.recordVote({ ...base, vote: 'up' })).toBe('recorded');
    expect(store.recordVote({ ...base, vote: 'down' })).toBe('changed');
    expect(store.feedback(30, NOW)).toMatchObject([{ up: 0, down: 1, total: 1, downShare: 1 }]);
    store.close();
  });

  it('counts two different users as two votes', () => {
    const store = openFeedbackStore(tempConfig());
    const base = { entryId: 'nmi-commander', version: 'abc123', at: NOW };
    expect(store.recordVote({ ...base, userId: USER_A, vote: 'up' })).toBe('recorded');
    expect(store.recordVote({ ...base, userId: USER_B, vote: 'down' })).toBe('recorded');
    expect(store.feedback(30, NOW)).toMatchObject([{ up: 1, down: 1, total: 2, downShare: 0.5 }]);
    store.close();
  });

  it('treats an answer built from a new knowledge version as a new answer to vote on', () => {
    const store = openFeedbackStore(tempConfig());
    const base = { userId: USER_A, entryId: 'nmi-commander', vote: 'down' as const, at: NOW };
    expect(store.recordVote({ ...base, version: 'v1' })).toBe('recorded');
    expect(store.recordVote({ ...base, version: 'v2' })).toBe('recorded');
    expect(store.feedback(30, NOW)).toMatchObject([{ down: 2, versions: 2 }]);
    store.close();
  });

  it('still refuses a double vote after a restart, with a generated key kept in the database', () => {
    const cfg = tempConfig();
    const vote = { userId: USER_A, entryId: 'nmi-commander', version: 'abc123', vote: 'up' as const, at: NOW };
    const first = openFeedbackStore(cfg, { now: () => NOW });
    expect(first.recordVote(vote)).toBe('recorded');
    first.close();
    const second = openFeedbackStore(cfg, { now: () => NOW });
    expect(second.recordVote(vote)).toBe('duplicate');
    expect(second.feedback(30, NOW)).toMatchObject([{ total: 1 }]);
    second.close();
  });

  it('uses FEEDBACK_HASH_KEY when set, and never stores it', () => {
    const key = 'a-secret-key-of-32-characters!!!';
    const cfg = tempConfig({ FEEDBACK_HASH_KEY: key });
    const store = openFeedbackStore(cfg);
    const vote = { userId: USER_A, entryId: 'nmi-commander', version: 'abc123', vote: 'up' as const, at: NOW };
    expect(store.recordVote(vote)).toBe('recorded');
    expect(store.recordVote(vote)).toBe('duplicate');
    store.close();
    for (const v of allStoredValues(cfg.dbPath)) expect(v).not.toContain(key);
  });

  it('sorts the feedback report by share of 👎, then by number of votes', () => {
    const store = openFeedbackStore(tempConfig());
    const cast = (entryId: string, votes: ('up' | 'down')[]) =>
      votes.forEach((vote, i) => store.recordVote({ userId: `user-${i}`, entryId, version: 'v1', vote, at: NOW }));
    cast('liked', ['up', 'up', 'up']);
    cast('disliked-few', ['down']);
    cast('disliked-many', ['down', 'down', 'down', 'up']);
    cast('mixed', ['down', 'up']);
    cast('disliked-most', ['down', 'down']);
    expect(store.feedback(30, NOW).map((r) => [r.entryId, r.downShare])).toEqual([
      ['disliked-most', 1],
      ['disliked-few', 1],
      ['disliked-many', 0.75],
      ['mixed', 0.5],
      ['liked', 0],
    ]);
    store.close();
  });
});

describe('retention', () => {
  it('prune(now) deletes rows older than the retention and keeps newer ones', () => {
    const store = openFeedbackStore(tempConfig({ FEEDBACK_RETENTION_DAYS: '30' }), { now: () => NOW });
    const q = { lang: 'en' as const, bestId: null, confidence: 0.1, guildId: null };
    store.recordUnanswered({ ...q, text: 'old question', at: daysAgo(31) });
    store.recordUnanswered({ ...q, text: 'new question', at: daysAgo(29) });
    store.recordVote({ userId: USER_A, entryId: 'old-entry', version: 'v1', vote: 'up', at: daysAgo(45) });
    store.recordVote({ userId: USER_A, entryId: 'new-entry', version: 'v1', vote: 'up', at: daysAgo(1) });

    expect(store.prune(NOW)).toBe(2);
    expect(store.gaps(365, NOW).map((g) => g.question)).toEqual(['new question']);
    expect(store.feedback(365, NOW).map((r) => r.entryId)).toEqual(['new-entry']);
    expect(store.prune(NOW)).toBe(0);
    store.close();
  });

  it('deletes expired rows when the store is opened', () => {
    const cfg = tempConfig({ FEEDBACK_RETENTION_DAYS: '90' });
    const first = openFeedbackStore(cfg, { now: () => daysAgo(100) });
    first.recordUnanswered({ text: 'asked long ago', lang: 'da', bestId: null, confidence: 0, guildId: null });
    first.close();
    const second = openFeedbackStore(cfg, { now: () => NOW });
    second.recordUnanswered({ text: 'asked today', lang: 'da', bestId: null, confidence: 0, guildId: null });
    expect(second.gaps(3650, NOW).map((g) => g.question)).toEqual(['asked today']);
    second.close();
  });

  it('schedulePrune prunes daily on a timer that does not keep the process alive', () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const store = { ...openFeedbackStore(loadFeedbackConfig({ FEEDBACK_STORE: 'off' })), prune: () => ++calls };
      const schedule = schedulePrune(store);
      vi.advanceTimersByTime(24 * 60 * 60 * 1000 - 1);
      expect(calls).toBe(0);
      vi.advanceTimersByTime(1);
      expect(calls).toBe(1);
      vi.advanceTimersByTime(2 * 24 * 60 * 60 * 1000);
      expect(calls).toBe(3);
      schedule.stop();
      vi.advanceTimersByTime(24 * 60 * 60 * 1000);
      expect(calls).toBe(3);
    } finally {
      vi.useRealTimers();
    }
    // The real timer is unref'd.
    const spy = vi.spyOn(globalThis, 'setInterval');
    const schedule = schedulePrune(openFeedbackStore(loadFeedbackConfig({ FEEDBACK_STORE: 'off' })));
    const timer = spy.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    schedule.stop();
    spy.mockRestore();
  });

  it('schedulePrune logs a failing prune instead of crashing', () => {
    vi.useFakeTimers();
    try {
      const logger = memoryLogger();
      const broken = {
        ...openFeedbackStore(loadFeedbackConfig({ FEEDBACK_STORE: 'off' })),
        prune: (): number => {
          throw new Error('disk full');
        },
      };
      const schedule = schedulePrune(broken, { logger });
      expect(() => vi.advanceTimersByTime(24 * 60 * 60 * 1000)).not.toThrow();
      expect(logger.warnings).toHaveLength(1);
      schedule.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('migrations', () => {
  it('creates the parent directory and stamps the schema version on first use', () => {
    const cfg = tempConfig();
    expect(fs.existsSync(path.dirname(cfg.dbPath))).toBe(false);
    openFeedbackStore(cfg).close();
    const db = new Database(cfg.dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('opening an existing database again keeps its data and version', () => {
    const cfg = tempConfig();
    const first = openFeedbackStore(cfg, { now: () => NOW });
    first.recordUnanswered({ text: 'who leads nmi now', lang: 'en', bestId: 'nmi-commander', confidence: 0.4, guildId: '1' });
    first.recordVote({ userId: USER_A, entryId: 'nmi-commander', version: 'v1', vote: 'down' });
    first.close();

    const second = openFeedbackStore(cfg, { now: () => NOW });
    expect(second.gaps(30, NOW)).toMatchObject([{ question: 'who leads nmi now', count: 1 }]);
    expect(second.feedback(30, NOW)).toMatchObject([{ entryId: 'nmi-commander', down: 1 }]);
    second.close();
    const db = new Database(cfg.dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer version of the bot, saying so', () => {
    const cfg = tempConfig();
    fs.mkdirSync(path.dirname(cfg.dbPath), { recursive: true });
    const db = new Database(cfg.dbPath);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openFeedbackStore(cfg)).toThrow(FeedbackSchemaError);
    expect(() => openFeedbackStore(cfg)).toThrow(/newer version of the bot/);
  });
});

describe('FEEDBACK_STORE=off', () => {
  it('records nothing and creates no file or directory', () => {
    const cfg = tempConfig({ FEEDBACK_STORE: 'off' });
    const store = openFeedbackStore(cfg);
    expect(store.enabled).toBe(false);
    store.recordUnanswered({ text: 'who leads nmi now', lang: 'en', bestId: null, confidence: 0, guildId: null });
    store.recordVote({ userId: USER_A, entryId: 'nmi-commander', version: 'v1', vote: 'up' });
    expect(store.gaps(30)).toEqual([]);
    expect(store.feedback(30)).toEqual([]);
    expect(store.prune()).toBe(0);
    store.close();
    expect(fs.existsSync(path.dirname(cfg.dbPath))).toBe(false);
  });
});

describe('recording never breaks an answer', () => {
  it('logs and carries on when the database cannot be written', () => {
    const logger = memoryLogger();
    const cfg = tempConfig();
    const store = openFeedbackStore(cfg, { logger });
    store.close(); // e.g. during shutdown, an answer still in flight
    expect(() =>
      store.recordUnanswered({ text: 'who leads nmi now', lang: 'en', bestId: null, confidence: 0, guildId: null }),
    ).not.toThrow();
    expect(store.recordVote({ userId: USER_A, entryId: 'nmi-commander', version: 'v1', vote: 'up' })).toBe('duplicate');
    expect(logger.warnings.map((w) => (w.obj as { op: string }).op)).toEqual(['recordUnanswered', 'recordVote']);
    expect(JSON.stringify(logger.warnings)).not.toContain(USER_A);
  });

  it('logs and carries on with malformed input', () => {
    const logger = memoryLogger();
    const store = openFeedbackStore(tempConfig(), { logger });
    expect(() =>
      store.recordUnanswered({ text: 'x', lang: 'fr' as 'en', bestId: null, confidence: Number.NaN, guildId: null }),
    ).not.toThrow();
    expect(store.recordVote({ userId: '', entryId: 'e', version: 'v', vote: 'up' })).toBe('duplicate');
    expect(logger.warnings).toHaveLength(2);
    expect(store.gaps(30)).toEqual([]);
    store.close();
  });

  it('accepts a pino logger', () => {
    const logger: FeedbackLogger = pino({ enabled: false });
    openFeedbackStore(tempConfig(), { logger }).close();
  });

  it('keeps very long questions bounded', () => {
    const store = openFeedbackStore(tempConfig(), { now: () => NOW });
    store.recordUnanswered({ text: 'why '.repeat(2000), lang: 'en', bestId: null, confidence: 0, guildId: null });
    const [group] = store.gaps(1, NOW);
    expect(group!.question.length).toBeLessThanOrEqual(1000);
    store.close();
  });
});

describe('config', () => {
  it('defaults: on, ./data/nmi.sqlite, 90 days, generated key', () => {
    const cfg = loadFeedbackConfig({});
    expect(cfg).toEqual({
      enabled: true,
      dbPath: path.resolve('data/nmi.sqlite'),
      retentionDays: 90,
      hashKey: null,
    });
  });

  it('reads every variable', () => {
    const dir = tempDir();
    expect(
      loadFeedbackConfig({
        FEEDBACK_STORE: 'OFF',
        FEEDBACK_DB: path.join(dir, 'f.sqlite'),
        FEEDBACK_RETENTION_DAYS: '14',
        FEEDBACK_HASH_KEY: 'k'.repeat(32),
      }),
    ).toEqual({ enabled: false, dbPath: path.join(dir, 'f.sqlite'), retentionDays: 14, hashKey: 'k'.repeat(32) });
  });

  it.each([
    [{ FEEDBACK_STORE: 'maybe' }, /FEEDBACK_STORE must be "on" or "off"/],
    [{ FEEDBACK_RETENTION_DAYS: 'ninety' }, /FEEDBACK_RETENTION_DAYS must be a whole number of days/],
    [{ FEEDBACK_RETENTION_DAYS: '0' }, /FEEDBACK_RETENTION_DAYS must be at least 1 day/],
    [{ FEEDBACK_HASH_KEY: 'short' }, /FEEDBACK_HASH_KEY is too short.*unset it/],
  ])('names the variable and the fix for %o', (env, message) => {
    expect(() => loadFeedbackConfig(env)).toThrow(message);
  });

  it('never repeats the hash key in an error', () => {
    expect(() => loadFeedbackConfig({ FEEDBACK_HASH_KEY: 'hunter2' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
