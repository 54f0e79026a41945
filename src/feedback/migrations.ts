// Schema migrations, applied in order; PRAGMA user_version records the last one.
// Append new migrations at the end — never edit or reorder a released one.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'unanswered questions, votes, meta',
    up(db) {
      db.exec(`
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- No user ids: the server id at most.
        CREATE TABLE unanswered (
          id         INTEGER PRIMARY KEY,
          text       TEXT    NOT NULL,
          lang       TEXT    NOT NULL CHECK (lang IN ('en', 'da')),
          best_id    TEXT,
          confidence REAL    NOT NULL,
          guild_id   TEXT,
          at         INTEGER NOT NULL  -- ms since the epoch
        ) STRICT;
        CREATE INDEX unanswered_at ON unanswered (at);

        -- vote_key = HMAC-SHA256(key, user id + entry id + version): one vote per
        -- user per answer, while the user id cannot be read back, nor one user's
        -- votes on different answers be linked together.
        CREATE TABLE votes (
          vote_key TEXT    PRIMARY KEY,
          entry_id TEXT    NOT NULL,
          version  TEXT    NOT NULL,
          vote     TEXT    NOT NULL CHECK (vote IN ('up', 'down')),
          at       INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX votes_at ON votes (at);
        CREATE INDEX votes_entry ON votes (entry_id);
      `);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class FeedbackSchemaError extends Error {
  override readonly name = 'FeedbackSchemaError';
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database up to SCHEMA_VERSION; each migration is its own transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new FeedbackSchemaError(
      `${db.name} has feedback schema version ${current}, but this bot only knows up to ${latest}: ` +
        'it was written by a newer version of the bot. Upgrade the bot or point FEEDBACK_DB at another file.',
    );
  }
  let previous = 0;
  for (const m of migrations) {
    if (m.version <= previous) throw new Error(`feedback migrations out of order at version ${m.version}`);
    previous = m.version;
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
