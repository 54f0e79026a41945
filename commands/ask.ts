// /nmi ask question:<text> [language] [private] — free text, with autocomplete.
import type { APIApplicationCommandSubcommandOption } from 'discord.js';
import { answerQuestion } from '../src/discord/answering.js';
import { MAX_QUESTION_CHARS } from '../src/discord/ask-response.js';
import type { Subcommand } from '../src/discord/command.js';
import { ENTRY_VALUE_PREFIX } from '../src/discord/custom-id.js';
import { t } from '../src/discord/i18n.js';
import { LIMITS } from '../src/discord/limits.js';
import { autocomplete, errorReply } from '../src/discord/respond.js';
import { respond } from '../src/discord/types.js';
import { isPrivate, languageOption, privateOption, stringOpt } from './options.js';

const data = {
  type: 1,
  name: 'ask',
  name_localizations: { da: 'spørg' },
  description: 'Ask a question about NATO Mission Iraq in your own words',
  description_localizations: { da: 'Stil et spørgsmål om NATO Mission Iraq med dine egne ord' },
  options: [
    {
      type: 3,
      name: 'question',
      name_localizations: { da: 'spørgsmål' },
      description: 'Your question (suggestions appear while you type)',
      description_localizations: { da: 'Dit spørgsmål (forslag vises, mens du skriver)' },
      required: true,
      autocomplete: true,
      max_length: MAX_QUESTION_CHARS,
    },
    languageOption,
    privateOption,
  ],
} as const satisfies APIApplicationCommandSubcommandOption;

export const askCommand: Subcommand = {
  data,
  execute(ctx) {
    const question = (stringOpt(ctx.input.options, 'question') ?? '').trim();
    if (!question) return respond(errorReply(t(ctx.lang).emptyQuestion));
    return answerQuestion(ctx, { question, ephemeral: isPrivate(ctx.input) });
  },
  autocomplete(ctx) {
    const typed = ctx.input.focused.value.slice(0, MAX_QUESTION_CHARS);
    const suggestions = ctx.snap.index.suggest(typed, ctx.lang, LIMITS.autocompleteChoices);
    return respond(
      autocomplete(suggestions.map((s) => ({ name: s.question, value: `${ENTRY_VALUE_PREFIX}${s.id}` }))),
    );
  },
};
