// /nmi topics [language] [private] — every question, 25 to a page in a select
// menu (choosing one answers it), with Previous/Next buttons between pages.
import type { APIApplicationCommandSubcommandOption, APIEmbed } from 'discord.js';
import { titleOf } from '../src/knowledge/knowledge-base.js';
import type { Lang } from '../src/knowledge/schema.js';
import type { Subcommand } from '../src/discord/command.js';
import { encodeCustomId } from '../src/discord/custom-id.js';
import { t } from '../src/discord/i18n.js';
import { LIMITS, truncate } from '../src/discord/limits.js';
import { COLOR_INFO, joinLines, kbText } from '../src/discord/render.js';
import { reply, type ActionRow, type Draft } from '../src/discord/respond.js';
import { respond } from '../src/discord/types.js';
import type { Snapshot } from '../src/store.js';
import { isPrivate, languageOption, privateOption } from './options.js';

export const TOPICS_PAGE_SIZE = LIMITS.selectOptions;

const data = {
  type: 1,
  name: 'topics',
  name_localizations: { da: 'emner' },
  description: 'Browse every question NMI bot can answer',
  description_localizations: { da: 'Se alle spørgsmål, NMI bot kan svare på' },
  options: [languageOption, privateOption],
} as const satisfies APIApplicationCommandSubcommandOption;

/** One page of topics: a numbered list, a select menu of the same questions, and paging buttons. */
export function topicsPage(snap: Snapshot, lang: Lang, requestedPage: number): Draft {
  const L = t(lang);
  const entries = snap.kb.entries;
  const pages = Math.max(1, Math.ceil(entries.length / TOPICS_PAGE_SIZE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const slice = entries.slice(page * TOPICS_PAGE_SIZE, (page + 1) * TOPICS_PAGE_SIZE);
  const lines = slice.map((e, i) => `${page * TOPICS_PAGE_SIZE + i + 1}. ${kbText(titleOf(e, lang))}${e.shortcut ? ` — \`/nmi ${e.shortcut}\`` : ''}`);
  const embed: APIEmbed = {
    title: L.topicsTitle,
    description: `${L.topicsIntro(entries.length)}\n\n${joinLines(lines, LIMITS.embedDescription - 200)}`,
    color: COLOR_INFO,
    ...(pages > 1 ? { footer: { text: L.page(page + 1, pages) } } : {}),
  };
  const components: ActionRow[] = [];
  if (slice.length) {
    components.push({
      type: 1,
      components: [
        {
          type: 3,
          custom_id: encodeCustomId({ kind: 'pick', lang, page }),
          placeholder: L.choose,
          min_values: 1,
          max_values: 1,
          options: slice.map((e) => ({ label: truncate(titleOf(e, lang), LIMITS.selectOptionLabel), value: e.id })),
        },
      ],
    });
  }
  if (pages > 1) {
    components.push({
      type: 1,
      components: [
        { type: 2, style: 2, label: L.previous, custom_id: encodeCustomId({ kind: 'page', lang, page: page - 1 }), disabled: page === 0 },
        { type: 2, style: 2, label: L.next, custom_id: encodeCustomId({ kind: 'page', lang, page: page + 1 }), disabled: page >= pages - 1 },
      ],
    });
  }
  return { embeds: [embed], components };
}

export const topicsCommand: Subcommand = {
  data,
  execute(ctx) {
    return respond(reply(topicsPage(ctx.snap, ctx.lang, 0), { ephemeral: isPrivate(ctx.input) }));
  },
};
