// The SQLite feedback store (better-sqlite3, synchronous) and its no-op twin.
//
// Privacy: no user id is ever written. A vote is keyed by
// HMAC-SHA256(key, [userId, entryId, version]); the key comes from
// FEEDBACK_HASH_KEY or is generated once and kept in the meta table. It is
// never logged.
//
// Recording never throws: a failure is logged (if a logger was given) and the
// caller's answer goes on.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FeedbackConfig } from './config.js';
import { FeedbackSchemaError, migrate, SCHEMA_VERSION, schemaVersion } from './migrations.js';
import { checkDays, DAY_MS, queryFeedback, queryGaps } from './queries.js';
import type { FeedbackLogger, FeedbackRow, FeedbackStore, GapGroup, UnansweredQuestion, Vote, VoteResult } from './types.js';

/** Longest question kept: bounds the database, and no real question is longer. */
export const MAX_STORED_QUESTION = 1000;
const MAX_ID_LENGTH = 200;
const HASH_KEY_META = 'vote_hash_key';

export interface OpenOptions {
  logger?: FeedbackLogger;
  /** The clock used when `at`/`now` are not given (tests). */
  now?: () => Date;
}

/** The store for `cfg`: SQLite when enabled, a no-op (no file at all) when FEEDBACK_STORE=off. */
export function openFeedbackStore(cfg: FeedbackConfig, opts: OpenOptions = {}): FeedbackStore {
  return cfg.enabled ? openSqliteStore(cfg, opts) : createNoopStore();
}

export function createNoopStore(): FeedbackStore {
  return {
    enabled: false,
    recordUnanswered() {},
    recordVote() {
      return 'recorded';
    },
    gaps(days) {
      checkDays(days);
      return [];
    },
    feedback(days) {
      checkDays(days);
      return [];
    },
    prune() {
      return 0;
    },
    close() {},
  };
}

function openDatabase(dbPath: string): Database.Database {
  const inMemory = dbPath === ':memory:';
  const existed = inMemory || fs.existsSync(dbPath);
  if (!inMemory) fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    // The file holds the vote hash key: readable by the bot's user only.
    if (!existed) fs.chmodSync(dbPath, 0o600);
  } catch {
    // Not supported everywhere (Windows): not worth failing over.
  }
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

function loadHashKey(db: Database.Database, configured: string | null): Buffer {
  if (configured !== null) return Buffer.from(configured, 'utf8');
  const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(HASH_KEY_META);
  if (row) return Buffer.from(row.value, 'hex');
  const fresh = randomBytes(32).toString('hex');
  // OR IGNORE + re-read: another process opening the same file at once wins consistently.
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(HASH_KEY_META, fresh);
  const stored = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(HASH_KEY_META);
  return Buffer.from(stored!.value, 'hex');
}

function validDate(d: Date | undefined, fallback: () => Date): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  return Number.isFinite(t) ? t : fallback().getTime();
}

function errInfo(err: unknown): { name: string; message: string } {
  return err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
}

function openSqliteStore(cfg: FeedbackConfig, opts: OpenOptions): FeedbackStore {
  const clock = opts.now ?? (() => new Date());
  const log = opts.logger;
  const db = openDatabase(cfg.dbPath);
  let key: Buffer;
  try {
    migrate(db);
    key = loadHashKey(db, cfg.hashKey);
  } catch (err) {
    db.close();
    throw err;
  }

  const insertUnanswered = db.prepare<[string, string, string | null, number, string | null, number]>(
    'INSERT INTO unanswered (text, lang, best_id, confidence, guild_id, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const getVote = db.prepare<[string], { vote: string }>('SELECT vote FROM votes WHERE vote_key = ?');
  const insertVote = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO votes (vote_key, entry_id, version, vote, at) VALUES (?, ?, ?, ?, ?)',
  );
  const updateVote = db.prepare<[string, number, string]>('UPDATE votes SET vote = ?, at = ? WHERE vote_key = ?');
  const pruneUnanswered = db.prepare<[number]>('DELETE FROM unanswered WHERE at < ?');
  const pruneVotes = db.prepare<[number]>('DELETE FROM votes WHERE at < ?');

  const castVote = db.transaction((voteKey: string, v: Vote, at: number): VoteResult => {
    const existing = getVote.get(voteKey);
    if (!existing) {
      insertVote.run(voteKey, v.entryId, v.version, v.vote, at);
      return 'recorded';
    }
    if (existing.vote === v.vote) return 'duplicate';
    updateVote.run(v.vote, at, voteKey);
    return 'changed';
  });

  const prune = db.transaction((now: number): number => {
    const cutoff = now - cfg.retentionDays * DAY_MS;
    return pruneUnanswered.run(cutoff).changes + pruneVotes.run(cutoff).changes;
  });

  let closed = false;
  const store: FeedbackStore = {
    enabled: true,

    recordUnanswered(q: UnansweredQuestion) {
      try {
        if (closed) throw new Error('feedback store is closed');
        if (typeof q.text !== 'string' || q.text.trim() === '') return;
        if (q.lang !== 'en' && q.lang !== 'da') throw new TypeError(`unknown language ${String(q.lang)}`);
        const confidence = Number.isFinite(q.confidence) ? q.confidence : 0;
        insertUnanswered.run(
          q.text.trim().slice(0, MAX_STORED_QUESTION),
          q.lang,
          q.bestId === null ? null : String(q.bestId).slice(0, MAX_ID_LENGTH),
          confidence,
          q.guildId === null ? null : String(q.guildId).slice(0, MAX_ID_LENGTH),
          validDate(q.at, clock),
        );
      } catch (err) {
        log?.warn({ err: errInfo(err), op: 'recordUnanswered' }, 'could not record an unanswered question');
      }
    },

    recordVote(v: Vote): VoteResult {
      try {
        if (closed) throw new Error('feedback store is closed');
        if (v.vote !== 'up' && v.vote !== 'down') throw new TypeError('vote must be "up" or "down"');
        for (const [name, value] of [['userId', v.userId], ['entryId', v.entryId], ['version', v.version]] as const) {
          if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) {
            throw new TypeError(`${name} must be a non-empty string of at most ${MAX_ID_LENGTH} characters`);
          }
        }
        const voteKey = createHmac('sha256', key)
          .update(JSON.stringify([v.userId, v.entryId, v.version]))
          .digest('hex');
        return castVote(voteKey, v, validDate(v.at, clock));
      } catch (err) {
        log?.warn({ err: errInfo(err), op: 'recordVote' }, 'could not record a vote');
        return 'duplicate';
      }
    },

    gaps(days: number, now?: Date): GapGroup[] {
      return queryGaps(db, days, now ?? clock());
    },

    feedback(days: number, now?: Date): FeedbackRow[] {
      return queryFeedback(db, days, now ?? clock());
    },

    prune(now?: Date): number {
      if (closed) return 0;
      return prune(validDate(now, clock));
    },

    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };

  try {
    store.prune();
  } catch (err) {
    log?.warn({ err: errInfo(err), op: 'prune' }, 'could not delete old feedback rows');
  }
  return store;
}

export interface PruneSchedule {
  stop(): void;
}

/**
 * Runs store.prune() every `intervalMs` (default: daily) on an unref'd timer,
 * so it never keeps the process alive. Failures are logged, never thrown.
 */
export function schedulePrune(
  store: FeedbackStore,
  opts: { intervalMs?: number; logger?: FeedbackLogger; now?: () => Date } = {},
): PruneSchedule {
  const timer = setInterval(() => {
    try {
      store.prune(opts.now?.());
    } catch (err) {
      opts.logger?.warn({ err: errInfo(err), op: 'prune' }, 'could not delete old feedback rows');
    }
  }, opts.intervalMs ?? DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export class NoFeedbackDatabaseError extends Error {
  override readonly name = 'NoFeedbackDatabaseError';
}

/**
 * Opens an existing database read-only for the reports (CLI): no pruning, no
 * key generated. An older schema is migrated first. Throws
 * NoFeedbackDatabaseError when the file does not exist.
 */
export function openFeedbackReader(dbPath: string): Pick<FeedbackStore, 'gaps' | 'feedback' | 'close'> {
  if (dbPath !== ':memory:' && !fs.existsSync(dbPath)) {
    throw new NoFeedbackDatabaseError(`No feedback database at ${dbPath}`);
  }
  if (dbPath !== ':memory:' && fs.statSync(dbPath).isDirectory()) {
    throw new FeedbackSchemaError(`${dbPath} is a directory: give the path of the SQLite file, e.g. ${path.join(dbPath, 'nmi.sqlite')}`);
  }
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new FeedbackSchemaError(`${dbPath} cannot be opened: ${errInfo(err).message}`);
  }
  try {
    const version = schemaVersion(db);
    // The bot stamps a version on every database it creates: 0 is someone else's file.
    if (version === 0) throw new FeedbackSchemaError(`${dbPath} is not a feedback database (no schema version)`);
    if (version > SCHEMA_VERSION) migrate(db); // throws the "newer bot" message
    if (version < SCHEMA_VERSION) {
      db.close();
      db = new Database(dbPath, { fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      migrate(db);
    }
  } catch (err) {
    db.close();
    if (err instanceof FeedbackSchemaError) throw err;
    throw new FeedbackSchemaError(`${dbPath} is not a readable feedback database: ${errInfo(err).message}`);
  }
  return {
    gaps: (days, now) => queryGaps(db, days, now ?? new Date()),
    feedback: (days, now) => queryFeedback(db, days, now ?? new Date()),
    close: () => db.close(),
  };
}
