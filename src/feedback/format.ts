// Plain-text reports for the Discord admin commands and the CLI. Pure.
// Output stays under maxChars (default 4000), ending in "… and N more" when cut.
// Question texts are user input: shown on one line, shortened, in quotes. The
// Discord side should still send them with allowedMentions: { parse: [] }.
import { displayQuestion } from './normalize.js';
import type { FeedbackRow, GapGroup, Lang } from './types.js';

export const DEFAULT_MAX_CHARS = 4000;
/** A question is cut to this many characters in a report. */
const MAX_SHOWN_QUESTION = 120;

export interface FormatOptions {
  /** The window the rows cover, shown in the heading. */
  days?: number;
  /** Hard limit on the output length (default 4000). */
  maxChars?: number;
  /** An entry's title for its id, shown next to the id when known. */
  titleOf?: (entryId: string) => string | undefined;
}

const T = {
  en: {
    gapsHead: (days: string, asked: number, groups: number) =>
      `Unanswered questions${days}: ${asked} asked, ${groups} ${groups === 1 ? 'group' : 'groups'}`,
    gapsNone: (days: string) => `No unanswered questions${days}.`,
    lastDays: (n: number) => ` in the last ${n} ${n === 1 ? 'day' : 'days'}`,
    headDays: (n: number) => `, last ${n} ${n === 1 ? 'day' : 'days'}`,
    last: 'last',
    nearest: 'nearest',
    noNearest: 'no close entry',
    also: 'also',
    fbHead: (days: string, votes: number, entries: number) =>
      `Answer feedback${days}: ${votes} ${votes === 1 ? 'vote' : 'votes'} on ${entries} ${entries === 1 ? 'entry' : 'entries'}`,
    fbNone: (days: string) => `No votes${days}.`,
    votes: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
    down: 'down',
    more: (n: number) => `… and ${n} more`,
    decimal: '.',
    percent: (n: number) => `${n}%`,
  },
  da: {
    gapsHead: (days: string, asked: number, groups: number) =>
      `Ubesvarede spørgsmål${days}: ${asked} stillet, ${groups} ${groups === 1 ? 'gruppe' : 'grupper'}`,
    gapsNone: (days: string) => `Ingen ubesvarede spørgsmål${days}.`,
    lastDays: (n: number) => ` de seneste ${n} ${n === 1 ? 'dag' : 'dage'}`,
    headDays: (n: number) => `, seneste ${n} ${n === 1 ? 'dag' : 'dage'}`,
    last: 'sidst',
    nearest: 'nærmeste',
    noNearest: 'intet nært svar',
    also: 'også',
    fbHead: (days: string, votes: number, entries: number) =>
      `Feedback på svar${days}: ${votes} ${votes === 1 ? 'stemme' : 'stemmer'} på ${entries} ${entries === 1 ? 'svar' : 'svar'}`,
    fbNone: (days: string) => `Ingen stemmer${days}.`,
    votes: (n: number) => `${n} ${n === 1 ? 'stemme' : 'stemmer'}`,
    down: 'negative',
    more: (n: number) => `… og ${n} mere`,
    decimal: ',',
    percent: (n: number) => `${n} %`,
  },
} as const;

function quote(text: string): string {
  const t = displayQuestion(text);
  return `"${t.length > MAX_SHOWN_QUESTION ? `${t.slice(0, MAX_SHOWN_QUESTION - 1)}…` : t}"`;
}

function entryLabel(id: string, opts: FormatOptions): string {
  const title = opts.titleOf?.(id);
  return title ? `${id} ${quote(title)}` : id;
}

/**
 * Joins a heading and per-item blocks, dropping whole items from the end so
 * the result, with its "… and N more" line, fits maxChars.
 */
function fit(head: string, items: readonly string[], more: (n: number) => string, maxChars: number): string {
  const full = [head, ...items].join('\n');
  if (full.length <= maxChars) return full;
  let out = head;
  for (let i = 0; i < items.length; i++) {
    const next = `${out}\n${items[i]}`;
    if (`${next}\n${more(items.length - i - 1)}`.length > maxChars) {
      return clip(`${out}\n${more(items.length - i)}`, maxChars);
    }
    out = next;
  }
  return clip(out, maxChars);
}

/** Last resort when even the heading is too long for maxChars. */
function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(0, maxChars - 1))}…`;
}

function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

export function formatGaps(rows: readonly GapGroup[], lang: Lang, opts: FormatOptions = {}): string {
  const t = T[lang];
  if (rows.length === 0) return t.gapsNone(opts.days === undefined ? '' : t.lastDays(opts.days));
  const asked = rows.reduce((n, r) => n + r.count, 0);
  const head = t.gapsHead(opts.days === undefined ? '' : t.headDays(opts.days), asked, rows.length);
  const items = rows.map((g, i) => {
    const nearest = g.nearest
      ? `${t.nearest}: ${entryLabel(g.nearest.id, opts)} (${g.nearest.confidence.toFixed(2).replace('.', t.decimal)})`
      : t.noNearest;
    const line = `${i + 1}. ${quote(g.question)} — ${g.count}× (${g.languages.join(', ')}) · ${t.last} ${dateOf(g.lastSeen)} · ${nearest}`;
    return g.variants.length > 0 ? `${line}\n   ${t.also}: ${g.variants.map(quote).join(', ')}` : line;
  });
  return fit(head, items, t.more, opts.maxChars ?? DEFAULT_MAX_CHARS);
}

/**
 * The gaps as a knowledge/examples/ file to label: every wording, each with the entry that came
 * closest as its label, to check (or null: decline). Kept, they teach the classifier how people ask.
 */
export function formatGapsAsExamples(rows: readonly GapGroup[], opts: { days: number; now: Date }): string {
  const lines = [
    `# Questions the bot declined or was unsure of, the ${opts.days} days to ${opts.now.toISOString().slice(0, 10)} (npm run gaps -- --examples).`,
    '# Check each expect: the entry that answers the question, or null when the sources do not (the bot must',
    '# decline). Fix the language where a group mixed both, delete what should not be learned, save the file',
    '# under knowledge/examples/ and run npm run kb:check and npm run eval -- --cross-validate.',
    'examples:',
  ];
  for (const g of rows) {
    for (const q of [g.question, ...g.variants]) {
      lines.push(`  - {q: ${JSON.stringify(q)}, lang: ${g.languages[0] ?? 'en'}, expect: ${g.nearest ? g.nearest.id : 'null'}, kind: gap}`);
    }
  }
  return lines.join('\n');
}

export function formatFeedback(rows: readonly FeedbackRow[], lang: Lang, opts: FormatOptions = {}): string {
  const t = T[lang];
  if (rows.length === 0) return t.fbNone(opts.days === undefined ? '' : t.lastDays(opts.days));
  const votes = rows.reduce((n, r) => n + r.total, 0);
  const head = t.fbHead(opts.days === undefined ? '' : t.headDays(opts.days), votes, rows.length);
  const items = rows.map(
    (r, i) =>
      `${i + 1}. ${entryLabel(r.entryId, opts)} — ${t.percent(Math.round(r.downShare * 100))} ${t.down} · 👍 ${r.up} · 👎 ${r.down} (${t.votes(r.total)})`,
  );
  return fit(head, items, t.more, opts.maxChars ?? DEFAULT_MAX_CHARS);
}
