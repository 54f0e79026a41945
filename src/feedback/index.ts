// Questions nobody could answer, and 👍/👎 feedback on answers.
//
//   const store = openFeedbackStore(loadFeedbackConfig(), { logger });
//   const pruning = schedulePrune(store, { logger });   // daily, unref'd
//   store.recordUnanswered({ text, lang, bestId, confidence, guildId });
//   store.recordVote({ userId, entryId, version, vote });  // from parseVoteCustomId(...)
//   formatGaps(store.gaps(30), 'da', { days: 30 });
export type {
  FeedbackLogger,
  FeedbackRow,
  FeedbackStore,
  GapGroup,
  UnansweredQuestion,
  Vote,
  VoteResult,
} from './types.js';
export {
  DEFAULT_DB_PATH,
  DEFAULT_RETENTION_DAYS,
  FeedbackConfigError,
  loadFeedbackConfig,
  type FeedbackConfig,
} from './config.js';
export {
  createNoopStore,
  NoFeedbackDatabaseError,
  openFeedbackReader,
  openFeedbackStore,
  schedulePrune,
  type OpenOptions,
  type PruneSchedule,
} from './store.js';
export { FeedbackSchemaError, MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
export { DEFAULT_MAX_CHARS, formatFeedback, formatGaps, type FormatOptions } from './format.js';
export { normalizeQuestion, questionSimilarity, SIMILARITY_THRESHOLD } from './normalize.js';
export {
  MAX_CUSTOM_ID_LENGTH,
  parseVoteCustomId,
  shortVersion,
  VOTE_PREFIX,
  voteCustomId,
  type VoteRef,
} from './custom-id.js';
