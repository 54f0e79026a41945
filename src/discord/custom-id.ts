// custom_id of the bot's buttons and menus: short, versioned by prefix, and
// carrying everything the click needs (entry id, language, page), because the
// bot keeps no per-message state.
import type { Lang } from '../knowledge/schema.js';
import { LIMITS } from './limits.js';

export type CustomId =
  /** Answer this entry (related-question and "did you mean" buttons). */
  | { kind: 'answer'; lang: Lang; entryId: string }
  /** A select menu whose chosen value is an entry id (topics, related). */
  | { kind: 'pick'; lang: Lang; page: number }
  /** Show a page of /nmi topics. */
  | { kind: 'page'; lang: Lang; page: number };

const isLang = (s: string | undefined): s is Lang => s === 'en' || s === 'da';

export function encodeCustomId(c: CustomId): string {
  let id: string;
  switch (c.kind) {
    case 'answer':
      id = `nmi:a:${c.lang}:${c.entryId}`;
      break;
    case 'pick':
      id = `nmi:s:${c.lang}:${c.page}`;
      break;
    case 'page':
      id = `nmi:p:${c.lang}:${c.page}`;
      break;
  }
  if (id.length > LIMITS.customId) throw new Error(`custom_id longer than ${LIMITS.customId}: ${id}`);
  return id;
}

export function decodeCustomId(id: string): CustomId | null {
  const parts = id.split(':');
  if (parts[0] !== 'nmi' || parts.length !== 4) return null;
  const [, kind, lang, rest] = parts;
  if (!isLang(lang) || !rest) return null;
  if (kind === 'a') return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(rest) ? { kind: 'answer', lang, entryId: rest } : null;
  const page = Number(rest);
  if (!Number.isInteger(page) || page < 0) return null;
  if (kind === 's') return { kind: 'pick', lang, page };
  if (kind === 'p') return { kind: 'page', lang, page };
  return null;
}

/** Autocomplete values that name an entry exactly: `id:who-leads`. */
export const ENTRY_VALUE_PREFIX = 'id:';

export function entryIdFromValue(value: string): string | null {
  if (!value.startsWith(ENTRY_VALUE_PREFIX)) return null;
  const id = value.slice(ENTRY_VALUE_PREFIX.length);
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ? id : null;
}
