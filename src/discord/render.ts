// Answer → Discord draft (embed + buttons). Pure: no discord.js client, no I/O.
import { escapeMarkdown } from 'discord.js';
import type { APIEmbed, APIEmbedField, APIButtonComponentWithCustomId } from 'discord.js';
import type { Answer, CitedSource, Suggestion } from '../answer/answer.js';
import type { Lang } from '../knowledge/schema.js';
import { encodeCustomId } from './custom-id.js';
import { formatDate, t } from './i18n.js';
import { LIMITS, truncate } from './limits.js';
import { escapeUserText, neutraliseMentions, type ActionRow, type Draft } from './respond.js';

export const COLOR_ANSWER = 0x004990; // NATO blue
export const COLOR_NO_MATCH = 0x888888;
export const COLOR_INFO = 0x2f6f4f;

/** Knowledge-base text is curated, but it still must never ping anyone. */
export const kbText = (s: string): string => neutraliseMentions(s);

/** `[Title](url)` with the title's markdown escaped. */
export function link(title: string, url: string): string {
  const safeTitle = escapeMarkdown(title).replace(/\[/g, '\\[').replace(/\]/g, '\\]');
  return `[${neutraliseMentions(safeTitle)}](${url.replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}

export function sourceLine(s: CitedSource, lang: Lang): string {
  const L = t(lang);
  const parts = [link(s.title, s.url), kbText(s.publisher), formatDate(s.date, lang)];
  let line = parts.join(' — ');
  if (s.section) line += ` (${kbText(s.section)})`;
  if (s.kind === 'news') line += ` · *${L.newsOnly}*`;
  return line;
}

/**
 * Join lines to at most `max` characters without cutting a line (a cut link is
 * worse than a missing one); a line longer than `max` on its own is shortened.
 */
export function joinLines(lines: readonly string[], max: number, sep = '\n'): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = out ? out + sep + line : line;
    if (next.length <= max) {
      out = next;
      continue;
    }
    if (!out) return truncate(line, max);
    const more = `${sep}(+${lines.length - i})`;
    return out.length + more.length <= max ? out + more : out;
  }
  return out;
}

function answerButtons(items: readonly Suggestion[], lang: Lang, style: 1 | 2): ActionRow[] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const s of items.slice(0, LIMITS.buttonsPerRow)) {
    const customId = `nmi:a:${lang}:${s.id}`;
    if (customId.length > LIMITS.customId) continue;
    buttons.push({
      type: 2,
      style,
      label: truncate(s.question, LIMITS.buttonLabel),
      custom_id: encodeCustomId({ kind: 'answer', lang, entryId: s.id }),
    });
  }
  return buttons.length ? [{ type: 1, components: buttons }] : [];
}

export interface RenderOptions {
  /** Show what the user typed above the answer (free-text questions). */
  showQuery?: boolean;
}

/** One embed per answer; related questions as buttons; "I don't know" with did-you-mean buttons. */
export function renderAnswer(a: Answer, opts: RenderOptions = {}): Draft {
  const L = t(a.lang);
  if (a.status === 'no_match' || a.answer === null || a.question === null) {
    const q = escapeUserText(truncate(a.query.trim(), 300));
    const lines = [L.noMatch(q), '', a.suggestions.length ? L.didYouMean : L.noSuggestions];
    return {
      embeds: [{ title: L.noMatchTitle, description: lines.join('\n'), color: COLOR_NO_MATCH }],
      components: answerButtons(a.suggestions.slice(0, 3), a.lang, 2),
    };
  }

  const fields: APIEmbedField[] = [];
  if (a.sources.length) {
    // One line per source; sections of the same source share its line.
    const byId = new Map<string, CitedSource & { sections: string[] }>();
    for (const s of a.sources) {
      const seen = byId.get(s.id);
      if (seen) {
        if (s.section) seen.sections.push(s.section);
      } else byId.set(s.id, { ...s, sections: s.section ? [s.section] : [] });
    }
    const lines = [...byId.values()].map((s) => sourceLine({ ...s, ...(s.sections.length ? { section: s.sections.join('; ') } : {}) }, a.lang));
    fields.push({ name: lines.length === 1 ? L.source : L.sources, value: joinLines(lines, LIMITS.fieldValue) });
  }
  // One field per later development, so the newest ones are never cut off by the
  // 1,024-character field limit: for "who leads?" the latest is the point.
  a.developments.forEach((d, i) => {
    const date = formatDate(d.date, a.lang);
    let value = kbText(d.text);
    if (d.sources.length) value += ' ' + d.sources.map((s) => link(s.title, s.url)).join(', ');
    if (d.newsOnly) value += ` · *${L.newsOnly}*`;
    fields.push({ name: i === 0 ? `${L.sinceThen} · ${date}` : date, value: truncate(value, LIMITS.fieldValue) });
  });
  if (a.disputed) {
    let value = kbText(a.disputed.text);
    if (a.disputed.sources.length) value += '\n' + a.disputed.sources.map((s) => link(s.title, s.url)).join(', ');
    fields.push({ name: L.disputed, value: truncate(value, LIMITS.fieldValue) });
  }

  let description = kbText(a.answer);
  if (opts.showQuery && a.query.trim() && a.query.trim() !== a.question) {
    description = `> ${escapeUserText(truncate(a.query.trim().replace(/\s+/g, ' '), 300))}\n\n${description}`;
  }

  const embed: APIEmbed = {
    title: kbText(a.question),
    description,
    color: COLOR_ANSWER,
  };
  if (fields.length) embed.fields = fields;
  if (a.asOf) {
    const date = formatDate(a.asOf, a.lang);
    embed.footer = { text: a.stale ? `⚠ ${L.stale(date)}` : L.asOf(date) };
  }
  return { embeds: [embed], components: answerButtons(a.related, a.lang, 2) };
}
