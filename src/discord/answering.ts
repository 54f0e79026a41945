// Answering a question inside an interaction: the cooldown, the metrics, then
// the same answerDraft() every transport uses; 👍/👎 buttons on answers, and
// questions the bot could not (or barely could) answer recorded as gaps.
import { performance } from 'node:perf_hooks';
import type { APIButtonComponentWithCustomId } from 'discord.js';
import type { Answer } from '../answer/answer.js';
import { voteCustomId } from '../feedback/index.js';
import { answerDraft } from './ask-response.js';
import { t } from './i18n.js';
import { errorReply, reply, type ActionRow, type Draft } from './respond.js';
import { respond, type Ctx, type HandlerResult } from './types.js';

/** Answers below this confidence are recorded as gaps even though they were given. */
export const LOW_CONFIDENCE = 0.6;

export interface AnswerRequest {
  question: string;
  entryId?: string;
  ephemeral: boolean;
}

/** A friendly private note when the user is over their question budget, else null. */
export function cooldownNote(ctx: Ctx): HandlerResult | null {
  const { cooldown, now } = ctx.services;
  const wait = cooldown.take(ctx.input.member.userId, now().getTime());
  return wait > 0 ? respond(errorReply(t(ctx.lang).cooldown(Math.max(1, Math.ceil(wait / 1000))))) : null;
}

/** The 👍/👎 row for an answered entry; null when the id cannot go into a button. */
export function voteRow(entryId: string, version: string, lang: Ctx['lang']): ActionRow | null {
  const L = t(lang);
  try {
    const buttons: APIButtonComponentWithCustomId[] = [
      { type: 2, style: 2, label: `👍 ${L.voteUp}`, custom_id: voteCustomId('up', entryId, version) },
      { type: 2, style: 2, label: `👎 ${L.voteDown}`, custom_id: voteCustomId('down', entryId, version) },
    ];
    return { type: 1, components: buttons };
  } catch {
    return null;
  }
}

function withVotes(draft: Draft, answer: Answer, ctx: Ctx): Draft {
  if (answer.status !== 'answered' || !answer.id || !ctx.services.feedback.enabled) return draft;
  const row = voteRow(answer.id, ctx.snap.kb.version, answer.lang);
  return row ? { ...draft, components: [...(draft.components ?? []), row] } : draft;
}

/** Records a declined or low-confidence free-text question: the text, language, best candidate and server — never who asked. */
function recordGap(answer: Answer, ctx: Ctx): void {
  const text = answer.query.trim();
  if (!text) return; // a picked entry or a button: nothing the user typed
  if (answer.status === 'answered' && answer.confidence >= LOW_CONFIDENCE) return;
  try {
    ctx.services.feedback.recordUnanswered({
      text,
      lang: answer.lang,
      bestId: answer.id ?? answer.suggestions[0]?.id ?? null,
      confidence: answer.confidence,
      guildId: ctx.input.guildId,
    });
  } catch (err) {
    ctx.services.log.warn({ err, interactionId: ctx.input.id }, 'could not record an unanswered question');
  }
}

export function answerQuestion(ctx: Ctx, req: AnswerRequest): HandlerResult {
  const limited = cooldownNote(ctx);
  if (limited) return limited;
  const started = performance.now();
  const { answer, draft } = answerDraft(ctx.snap, req.question, ctx.lang, {
    ...(req.entryId ? { entryId: req.entryId } : {}),
    now: ctx.services.now(),
    freshnessDays: ctx.services.freshnessDays,
  });
  ctx.services.metrics.record(answer.status, performance.now() - started);
  recordGap(answer, ctx);
  return respond(reply(withVotes(draft, answer, ctx), { ephemeral: req.ephemeral }));
}
