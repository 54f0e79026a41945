// The one path from a question to the Discord reply: /nmi ask, the shortcuts,
// the context menu, answer buttons, and `npm run ask -- --discord` all use it.
import type { Answer } from '../answer/answer.js';
import { ask } from '../answer/ask.js';
import type { Lang } from '../knowledge/schema.js';
import type { Snapshot } from '../store.js';
import { entryIdFromValue } from './custom-id.js';
import { renderAnswer } from './render.js';
import { reply, type Draft, type InteractionResponse } from './respond.js';

/** /nmi ask's question option: Discord enforces it, we enforce it again for other paths. */
export const MAX_QUESTION_CHARS = 300;

export interface AskDraftOptions {
  /** Answer this entry exactly (a picked autocomplete suggestion, a button). */
  entryId?: string;
  now?: Date;
  /** Answers whose facts are older than this many days are marked "may have changed" (default 730). */
  freshnessDays?: number;
  /** Echo the user's own wording above the answer when it differs from the entry's question. */
  showQuery?: boolean;
}

/**
 * Answers `question` (free text, or `id:<entry>` from an autocomplete pick) in
 * `lang` ('auto' detects it) and renders the Discord draft.
 */
export function answerDraft(snap: Snapshot, question: string, lang: Lang | 'auto', opts: AskDraftOptions = {}): { answer: Answer; draft: Draft } {
  const picked = entryIdFromValue(question.trim());
  const entryId = opts.entryId ?? (picked && snap.kb.byId.has(picked) ? picked : undefined);
  const text = picked && entryId === picked ? '' : question.trim().slice(0, MAX_QUESTION_CHARS);
  const answer = ask(snap, text, { lang, ...(entryId ? { entryId } : {}), ...(opts.now ? { now: opts.now } : {}), ...(opts.freshnessDays ? { freshnessDays: opts.freshnessDays } : {}) });
  return { answer, draft: renderAnswer(answer, { showQuery: opts.showQuery ?? true }) };
}

/**
 * The exact interaction-response JSON the bot sends for `/nmi ask question:<question>`
 * (POST /interactions/{id}/{token}/callback), from a snapshot, the question and the
 * language (omitted: detected from the question, as the CLI does).
 */
export function askResponse(snap: Snapshot, question: string, lang?: Lang, opts: { private?: boolean; now?: Date } = {}): InteractionResponse {
  const { draft } = answerDraft(snap, question, lang ?? 'auto', opts.now ? { now: opts.now } : {});
  return reply(draft, { ephemeral: opts.private ?? false });
}
