// Answers for the terminal: as a person reads them, or as the JSON contract
// other tools rely on (see README "CLI").
import type { Answer, CitedSource } from '../answer/answer.js';
import { formatDate, t } from '../i18n.js';

export function citation(s: CitedSource, lang: Answer['lang']): string {
  const news = s.kind === 'news' ? ` — ${t(lang, 'newsOnly')}` : '';
  return `${s.title} (${s.publisher}, ${formatDate(s.date, lang)})${s.section ? `, "${s.section}"` : ''}${news} ${s.url}`;
}

/**
 * The answer with what happened later and what sources dispute, each with its
 * date and publisher: the whole of what a reader must see, in one string.
 */
export function fullAnswer(a: Answer): string | null {
  if (a.answer === null) return null;
  const l = a.lang;
  const parts = [a.answer];
  if (a.developments.length) {
    const items = a.developments.map(
      (d) => `• ${formatDate(d.date, l)}: ${d.text} (${[...new Set(d.sources.map((s) => s.publisher))].join('; ')}${d.newsOnly ? `, ${t(l, 'newsOnly')}` : ''})`,
    );
    parts.push(`${t(l, 'sinceThen')}:\n${items.join('\n')}`);
  }
  if (a.disputed) parts.push(`⚠ ${t(l, 'disputed')}: ${a.disputed.text}`);
  return parts.join('\n\n');
}

/** Every source the answer cites, main ones first, each once. */
export function allSources(a: Answer): CitedSource[] {
  const all = [...a.sources, ...a.developments.flatMap((d) => d.sources), ...(a.disputed?.sources ?? [])];
  return [...new Map(all.map((s) => [s.id, s])).values()];
}

export function toText(a: Answer): string {
  const l = a.lang;
  if (a.status === 'no_match') {
    const lines = [t(l, 'noMatch')];
    if (a.suggestions.length) lines.push('', t(l, 'didYouMean'), ...a.suggestions.map((s) => `  • ${s.question}`));
    return lines.join('\n');
  }
  const sources = allSources(a).map((s) => `  • ${citation(s, l)}`);
  return [a.question, '', fullAnswer(a), '', `${t(l, 'sources')}:`, ...sources, '', t(l, a.stale ? 'asOfStale' : 'asOf', { date: formatDate(a.asOf!, l) })].join('\n');
}

/** The `--json` / `--jsonl` object: its fields and their order are a contract. */
export function toJson(a: Answer) {
  return {
    query: a.query,
    lang: a.lang,
    status: a.status,
    id: a.id,
    question: a.question,
    answer: fullAnswer(a),
    confidence: a.confidence,
    sources: allSources(a).map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.date })),
    asOf: a.asOf,
    suggestions: a.suggestions,
  };
}
