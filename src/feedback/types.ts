import type { Lang } from '../knowledge/schema.js';

export type { Lang };

/** pino-compatible: a pino Logger fits. */
export interface FeedbackLogger {
  warn(obj: object, msg?: string): void;
}

export interface UnansweredQuestion {
  text: string;
  lang: Lang;
  /** The best candidate entry the search found, even though it was not good enough. */
  bestId: string | null;
  confidence: number;
  /** The Discord server; null in DMs and the CLI. Never a user id. */
  guildId: string | null;
  at?: Date;
}

export interface Vote {
  /** Only ever used as HMAC input; never stored or logged. */
  userId: string;
  entryId: string;
  /** The knowledge version (content hash, possibly shortened) the answer was built from. */
  version: string;
  vote: 'up' | 'down';
  at?: Date;
}

/**
 * recorded: a first vote on this answer. changed: the user switched up<->down
 * (the old vote is replaced, never counted twice). duplicate: the same vote
 * again, nothing changed — also returned when the vote could not be stored
 * (the failure is logged), since in both cases nothing was counted.
 */
export type VoteResult = 'recorded' | 'changed' | 'duplicate';

export interface GapGroup {
  /** The representative wording: the most frequent one. */
  question: string;
  /** How many times a question of this group went unanswered. */
  count: number;
  /** Languages it was asked in, sorted. */
  languages: Lang[];
  /** ISO 8601. */
  firstSeen: string;
  /** ISO 8601. */
  lastSeen: string;
  /** Up to 3 other wordings (distinct after normalisation), most frequent first. */
  variants: string[];
  /** The most common best candidate and the best confidence it reached; null if none. */
  nearest: { id: string; confidence: number } | null;
}

export interface FeedbackRow {
  entryId: string;
  up: number;
  down: number;
  total: number;
  /** down / total, in [0, 1]. */
  downShare: number;
  /** Knowledge versions the votes were cast on. */
  versions: number;
  /** ISO 8601. */
  lastVote: string;
}

export interface FeedbackStore {
  /** False for the no-op store (FEEDBACK_STORE=off): hide the vote buttons. */
  readonly enabled: boolean;
  recordUnanswered(q: UnansweredQuestion): void;
  recordVote(v: Vote): VoteResult;
  gaps(days: number, now?: Date): GapGroup[];
  feedback(days: number, now?: Date): FeedbackRow[];
  /** Deletes rows older than the retention; returns how many. */
  prune(now?: Date): number;
  close(): void;
}
