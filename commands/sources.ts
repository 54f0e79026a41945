// /nmi sources [language] [private] — every source: title, publisher, date, link, age.
import type { APIApplicationCommandSubcommandOption, APIEmbed } from 'discord.js';
import type { Lang } from '../src/knowledge/schema.js';
import type { Subcommand } from '../src/discord/command.js';
import { formatAge, formatDate, t } from '../src/discord/i18n.js';
import { LIMITS } from '../src/discord/limits.js';
import { COLOR_INFO, kbText, link } from '../src/discord/render.js';
import { reply, type Draft } from '../src/discord/respond.js';
import { respond } from '../src/discord/types.js';
import type { Snapshot } from '../src/store.js';
import { isPrivate, languageOption, privateOption } from './options.js';

const data = {
  type: 1,
  name: 'sources',
  name_localizations: { da: 'kilder' },
  description: 'The sources behind the answers, with their dates',
  description_localizations: { da: 'Kilderne bag svarene, med deres datoer' },
  options: [languageOption, privateOption],
} as const satisfies APIApplicationCommandSubcommandOption;

/** Sources newest first; as many embeds as needed (within a message's 10 embeds and 6000 characters). */
export function sourcesDraft(snap: Snapshot, lang: Lang, now: Date): Draft {
  const L = t(lang);
  const sources = [...snap.kb.sources.values()].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  const lines = sources.map(
    (s) =>
      `${link(s.title, s.url)}\n${kbText(s.publisher)} · ${formatDate(s.date, lang)} · ${L.age(formatAge(s.date, now, lang))} · ${s.kind === 'news' ? `*${L.news}*` : L.official}`,
  );
  const embeds: APIEmbed[] = [];
  let chunk = '';
  const budget = LIMITS.embedTotal - 200;
  let used = 0;
  let shown = 0;
  for (const line of lines) {
    if (used + line.length + 2 > budget) break;
    if (chunk.length + line.length + 2 > LIMITS.embedDescription) {
      embeds.push({ description: chunk, color: COLOR_INFO });
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n\n${line}` : line;
    used += line.length + 2;
    shown++;
  }
  if (chunk) embeds.push({ description: chunk, color: COLOR_INFO });
  if (shown < lines.length) embeds.push({ description: `(+${lines.length - shown})`, color: COLOR_INFO });
  if (embeds.length === 0) embeds.push({ description: L.none, color: COLOR_INFO });
  embeds[0]!.title = L.sourcesTitle;
  embeds[0]!.description = `${L.sourcesIntro(sources.length)}\n\n${embeds[0]!.description}`;
  return { embeds };
}

export const sourcesCommand: Subcommand = {
  data,
  execute(ctx) {
    return respond(reply(sourcesDraft(ctx.snap, ctx.lang, ctx.services.now()), { ephemeral: isPrivate(ctx.input) }));
  },
};
