// Answering a question inside an interaction: the cooldown, the metrics, then
// the same answerDraft() every transport uses.
import { performance } from 'node:perf_hooks';
import { answerDraft } from './ask-response.js';
import { t } from './i18n.js';
import { errorReply, reply } from './respond.js';
import { respond, type Ctx, type HandlerResult } from './types.js';

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

export function answerQuestion(ctx: Ctx, req: AnswerRequest): HandlerResult {
  const limited = cooldownNote(ctx);
  if (limited) return limited;
  const started = performance.now();
  const { answer, draft } = answerDraft(ctx.snap, req.question, ctx.lang, {
    ...(req.entryId ? { entryId: req.entryId } : {}),
    now: ctx.services.now(),
  });
  ctx.services.metrics.record(answer.status, performance.now() - started);
  return respond(reply(draft, { ephemeral: req.ephemeral }));
}
