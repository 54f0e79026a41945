// Message context menu "Ask NMI bot": the message's text is the question; the answer is private.
import type { RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { answerQuestion } from '../src/discord/answering.js';
import { MAX_QUESTION_CHARS } from '../src/discord/ask-response.js';
import type { MessageCommand } from '../src/discord/command.js';
import { t } from '../src/discord/i18n.js';
import { errorReply } from '../src/discord/respond.js';
import { respond } from '../src/discord/types.js';

const data = {
  type: 3,
  name: 'Ask NMI bot',
  name_localizations: { da: 'Spørg NMI bot' },
  contexts: [0, 1],
  integration_types: [0],
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

export const askMessageCommand: MessageCommand = {
  name: data.name,
  data,
  execute(ctx) {
    const question = ctx.input.targetContent.replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_CHARS);
    if (!question) return respond(errorReply(t(ctx.lang).noText));
    return answerQuestion(ctx, { question, ephemeral: true });
  },
};
