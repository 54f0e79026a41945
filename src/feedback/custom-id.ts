// The 👍/👎 buttons' custom_id: `vote:<up|down>:<entryId>:<versionShort>`.
// The entry id and knowledge version are the "answer reference" a vote is
// deduplicated on; Discord caps a custom_id at 100 characters.

export const VOTE_PREFIX = 'vote';
export const MAX_CUSTOM_ID_LENGTH = 100;
/** Characters of the knowledge version (a content hash) kept in the button. */
export const VERSION_SHORT_LENGTH = 12;

export interface VoteRef {
  vote: 'up' | 'down';
  entryId: string;
  version: string;
}

/** The version as it appears in buttons, and so as votes are stored. */
export function shortVersion(version: string): string {
  return version.slice(0, VERSION_SHORT_LENGTH);
}

const SAFE = /^[A-Za-z0-9_-]+$/;

export function voteCustomId(vote: 'up' | 'down', entryId: string, version: string): string {
  const v = shortVersion(version);
  if (!SAFE.test(entryId)) throw new RangeError(`entry id ${JSON.stringify(entryId)} cannot go into a button id`);
  if (!SAFE.test(v)) throw new RangeError(`knowledge version ${JSON.stringify(v)} cannot go into a button id`);
  const id = `${VOTE_PREFIX}:${vote}:${entryId}:${v}`;
  if (id.length > MAX_CUSTOM_ID_LENGTH) {
    throw new RangeError(`button id for entry ${entryId} is ${id.length} characters, over Discord's ${MAX_CUSTOM_ID_LENGTH}`);
  }
  return id;
}

/** The vote a button stands for, or null when the custom_id is not a vote button. */
export function parseVoteCustomId(customId: string): VoteRef | null {
  if (customId.length > MAX_CUSTOM_ID_LENGTH) return null;
  const parts = customId.split(':');
  if (parts.length !== 4) return null;
  const [prefix, vote, entryId, version] = parts as [string, string, string, string];
  if (prefix !== VOTE_PREFIX || (vote !== 'up' && vote !== 'down')) return null;
  if (!SAFE.test(entryId) || !SAFE.test(version)) return null;
  return { vote, entryId, version };
}
