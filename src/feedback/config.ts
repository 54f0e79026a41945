// The feedback store's settings, read from the environment in this one place.
// Invalid values fail loudly at start-up with the variable's name and the fix;
// the hash key's value never appears in any message.
import path from 'node:path';
import { z } from 'zod';

export const DEFAULT_DB_PATH = './data/nmi.sqlite';
export const DEFAULT_RETENTION_DAYS = 90;
/** A caller-supplied HMAC key shorter than this is too easy to guess. */
export const MIN_HASH_KEY_LENGTH = 16;

export interface FeedbackConfig {
  /** FEEDBACK_STORE=off turns recording off: a no-op store, no file is created. */
  enabled: boolean;
  /** Absolute path of the SQLite file (or ':memory:'). */
  dbPath: string;
  /** Rows older than this many days are deleted on open and daily. */
  retentionDays: number;
  /** FEEDBACK_HASH_KEY; null means "generate one and keep it in the database". */
  hashKey: string | null;
}

export class FeedbackConfigError extends Error {
  override readonly name = 'FeedbackConfigError';
}

/** Unset and empty (`FOO=` in a .env file) both mean "use the default". */
const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const EnvSchema = z.object({
  FEEDBACK_STORE: z.preprocess(
    (v) => (typeof unsetIfEmpty(v) === 'string' ? (v as string).trim().toLowerCase() : undefined),
    z
      .enum(['on', 'off'], { error: 'must be "on" or "off": set FEEDBACK_STORE=on to record questions and votes, FEEDBACK_STORE=off to record nothing' })
      .default('on'),
  ),
  FEEDBACK_DB: z.preprocess(unsetIfEmpty, z.string().default(DEFAULT_DB_PATH)),
  FEEDBACK_RETENTION_DAYS: z.preprocess(
    (v) => {
      const s = unsetIfEmpty(v);
      if (s === undefined) return undefined;
      const t = String(s).trim();
      return /^\d+$/.test(t) ? Number(t) : t;
    },
    z
      .number({ error: `must be a whole number of days, e.g. FEEDBACK_RETENTION_DAYS=${DEFAULT_RETENTION_DAYS}; unset it for the default (${DEFAULT_RETENTION_DAYS})` })
      .int()
      .min(1, 'must be at least 1 day: set e.g. FEEDBACK_RETENTION_DAYS=90, or FEEDBACK_STORE=off to keep nothing')
      .max(3650, 'must be at most 3650 days (10 years): pick a shorter retention')
      .default(DEFAULT_RETENTION_DAYS),
  ),
  FEEDBACK_HASH_KEY: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .min(
        MIN_HASH_KEY_LENGTH,
        `is too short: use at least ${MIN_HASH_KEY_LENGTH} characters (e.g. the output of \`openssl rand -hex 32\`), or unset it to let the bot generate and keep its own key`,
      )
      .optional(),
  ),
});

/**
 * Reads FEEDBACK_STORE, FEEDBACK_DB, FEEDBACK_RETENTION_DAYS and FEEDBACK_HASH_KEY.
 * Throws FeedbackConfigError naming every invalid variable and how to fix it.
 */
export function loadFeedbackConfig(env: NodeJS.ProcessEnv = process.env): FeedbackConfig {
  const parsed = EnvSchema.safeParse({
    FEEDBACK_STORE: env.FEEDBACK_STORE,
    FEEDBACK_DB: env.FEEDBACK_DB,
    FEEDBACK_RETENTION_DAYS: env.FEEDBACK_RETENTION_DAYS,
    FEEDBACK_HASH_KEY: env.FEEDBACK_HASH_KEY,
  });
  if (!parsed.success) {
    // Never echo the input: FEEDBACK_HASH_KEY is a secret.
    const problems = parsed.error.issues.map((i) => `${String(i.path[0] ?? 'feedback config')} ${i.message}`);
    throw new FeedbackConfigError(`Invalid feedback settings:\n- ${problems.join('\n- ')}`);
  }
  const e = parsed.data;
  return {
    enabled: e.FEEDBACK_STORE === 'on',
    dbPath: resolveDbPath(e.FEEDBACK_DB),
    retentionDays: e.FEEDBACK_RETENTION_DAYS,
    hashKey: e.FEEDBACK_HASH_KEY ?? null,
  };
}

export function resolveDbPath(p: string): string {
  return p === ':memory:' ? p : path.resolve(p);
}
