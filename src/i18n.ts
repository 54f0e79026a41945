// User-facing strings of the core in both languages, and dates as people write them.
import type { Lang } from './knowledge/schema.js';

const STRINGS = {
  en: {
    noMatch: "I don't know the answer to that — my knowledge covers NATO Mission Iraq (NMI) only.",
    didYouMean: 'Did you mean:',
    source: 'Source',
    sources: 'Sources',
    sinceThen: 'Since then',
    disputed: 'Sources disagree',
    newsOnly: 'news reports only',
    asOf: 'Facts as of {date}.',
    asOfStale: 'Facts as of {date} — this may have changed.',
  },
  da: {
    noMatch: 'Det ved jeg ikke — min viden dækker kun NATO’s træningsmission i Irak (NMI).',
    didYouMean: 'Mente du:',
    source: 'Kilde',
    sources: 'Kilder',
    sinceThen: 'Siden da',
    disputed: 'Kilderne er uenige',
    newsOnly: 'kun nyhedsmedier',
    asOf: 'Oplysninger pr. {date}.',
    asOfStale: 'Oplysninger pr. {date} — det kan have ændret sig.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type StringKey = keyof (typeof STRINGS)['en'];

export function t(lang: Lang, key: StringKey, vars: Record<string, string> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
};

/** 2020-03-04 → "4 March 2020" / "4. marts 2020"; 2024-01 (day unknown) → "January 2024" / "januar 2024". */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = m && MONTHS[lang][Number(m[2]) - 1];
  if (!m || !month) return iso;
  const [, y, , d] = m;
  if (!d) return lang === 'da' ? `${month} ${y}` : `${month[0]!.toUpperCase()}${month.slice(1)} ${y}`;
  return lang === 'da' ? `${Number(d)}. ${month} ${y}` : `${Number(d)} ${month} ${y}`;
}
