// InteractionInput → HandlerResult: picks the command, the language and the
// snapshot (taken once, so a reload mid-question cannot mix knowledge).
import { buildCommands, messageCommand, slashCommand } from '../../commands/index.js';
import { topicsPage } from '../../commands/topics.js';
import { parseVoteCustomId } from '../feedback/index.js';
import { answerQuestion } from './answering.js';
import { decodeCustomId } from './custom-id.js';
import { chooseLang, t } from './i18n.js';
import { autocomplete, errorReply, update } from './respond.js';
import { respond, type Ctx, type HandlerResult, type InteractionInput, type Services } from './types.js';

export { buildCommands };

function languageOf(input: InteractionInput): ReturnType<typeof chooseLang> {
  if (input.kind === 'command' || input.kind === 'autocomplete') {
    const o = input.options['language'];
    return chooseLang(input.locale, typeof o === 'string' ? o : null);
  }
  if (input.kind === 'component') {
    const c = decodeCustomId(input.customId);
    if (c) return c.lang;
  }
  return chooseLang(input.locale);
}

/** A short label for logs: "/nmi ask", "component nmi:a:da:who-leads". */
export function describeInput(input: InteractionInput): string {
  switch (input.kind) {
    case 'command':
      return `/${input.commandName}${input.subcommand ? ` ${input.subcommand}` : ''}`;
    case 'autocomplete':
      return `autocomplete /${input.commandName}${input.subcommand ? ` ${input.subcommand}` : ''}`;
    case 'message-context':
      return `context "${input.commandName}"`;
    case 'component':
      return `component ${input.customId}`;
  }
}

export async function route(input: InteractionInput, services: Services): Promise<HandlerResult> {
  const snap = services.store.current;
  const lang = languageOf(input);
  const L = t(lang);
  switch (input.kind) {
    case 'command': {
      const cmd = slashCommand(input.commandName);
      if (!cmd) return respond(errorReply(L.gone));
      return cmd.execute({ input, snap, lang, services });
    }
    case 'autocomplete': {
      const cmd = slashCommand(input.commandName);
      if (!cmd?.autocomplete) return respond(autocomplete([]));
      return cmd.autocomplete({ input, snap, lang, services });
    }
    case 'message-context': {
      const cmd = messageCommand(input.commandName);
      if (!cmd) return respond(errorReply(L.gone));
      return cmd.execute({ input, snap, lang, services });
    }
    case 'component': {
      const vote = parseVoteCustomId(input.customId);
      if (vote) return respond(errorReply(recordVote(services, input.member.userId, vote, L, input.id)));
      const c = decodeCustomId(input.customId);
      const ctx: Ctx = { input, snap, lang, services };
      if (!c) return respond(errorReply(L.gone));
      if (c.kind === 'page') return respond(update(topicsPage(snap, lang, c.page)));
      const entryId = c.kind === 'answer' ? c.entryId : input.values[0];
      if (!entryId || !snap.kb.byId.has(entryId)) return respond(errorReply(L.gone));
      // A click may come from anyone who sees the message: answer the clicker privately.
      return answerQuestion(ctx, { question: '', entryId, ephemeral: true });
    }
  }
}

/** Records a 👍/👎 click (the user id is only hashed by the store) and says what happened, privately. */
function recordVote(
  services: Services,
  userId: string,
  vote: NonNullable<ReturnType<typeof parseVoteCustomId>>,
  L: ReturnType<typeof t>,
  interactionId: string,
): string {
  if (!services.feedback.enabled) return L.feedbackOff;
  const result = services.feedback.recordVote({ userId, entryId: vote.entryId, version: vote.version, vote: vote.vote });
  services.log.debug({ interactionId, entryId: vote.entryId, vote: vote.vote, result }, 'vote');
  return result === 'recorded' ? L.voteRecorded : result === 'changed' ? L.voteChanged : L.voteDuplicate;
}
