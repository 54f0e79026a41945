// /nmi help [language] [private]
import type { APIApplicationCommandSubcommandOption } from 'discord.js';
import type { Subcommand } from '../src/discord/command.js';
import { t } from '../src/discord/i18n.js';
import { LIMITS } from '../src/discord/limits.js';
import { COLOR_INFO, joinLines, kbText } from '../src/discord/render.js';
import { reply } from '../src/discord/respond.js';
import { respond } from '../src/discord/types.js';
import { isPrivate, languageOption, privateOption } from './options.js';

const data = {
  type: 1,
  name: 'help',
  name_localizations: { da: 'hjælp' },
  description: 'What NMI bot can do and how to ask',
  description_localizations: { da: 'Hvad NMI bot kan, og hvordan du spørger' },
  options: [languageOption, privateOption],
} as const satisfies APIApplicationCommandSubcommandOption;

export const helpCommand: Subcommand = {
  data,
  execute(ctx) {
    const L = t(ctx.lang);
    const shortcuts = ctx.snap.kb.entries.flatMap((e) => (e.shortcut ? [`\`/nmi ${e.shortcut}\` — ${kbText(e.questions[ctx.lang][0]!)}`] : []));
    const embed = {
      title: L.helpTitle,
      description: L.help.join('\n'),
      color: COLOR_INFO,
      ...(shortcuts.length ? { fields: [{ name: L.shortcuts, value: joinLines(shortcuts, LIMITS.fieldValue) }] } : {}),
    };
    return respond(reply({ embeds: [embed] }, { ephemeral: isPrivate(ctx.input) }));
  },
};
