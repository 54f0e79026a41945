// /nmi <shortcut> [language] [private] — one subcommand per knowledge entry with
// a `shortcut`, generated from the knowledge base when the commands are built.
import type { APIApplicationCommandSubcommandOption } from 'discord.js';
import { titleOf } from '../src/knowledge/knowledge-base.js';
import type { Entry } from '../src/knowledge/schema.js';
import { answerQuestion } from '../src/discord/answering.js';
import { LIMITS, truncate } from '../src/discord/limits.js';
import type { CommandInput, Ctx, HandlerResult } from '../src/discord/types.js';
import { isPrivate, languageOption, privateOption } from './options.js';

export function shortcutData(entry: Entry & { shortcut: string }): APIApplicationCommandSubcommandOption {
  return {
    type: 1,
    name: entry.shortcut,
    description: truncate(titleOf(entry, 'en'), LIMITS.commandDescription),
    description_localizations: { da: truncate(titleOf(entry, 'da'), LIMITS.commandDescription) },
    options: [languageOption, privateOption],
  };
}

export function executeShortcut(ctx: Ctx<CommandInput>, entry: Entry): HandlerResult {
  return answerQuestion(ctx, { question: '', entryId: entry.id, ephemeral: isPrivate(ctx.input) });
}
