// Question in, Answer out: the one path every transport (CLI, Discord) uses.
// Pure and synchronous: the snapshot passed in is all it reads.
import { titleOf } from '../knowledge/knowledge-base.js';
import type { Entry, Lang, SourceRef } from '../knowledge/schema.js';
import { detectLanguage } from '../search/stop-words.js';
import type { Snapshot } from '../store.js';
import type { Answer, CitedSource } from './answer.js';

/** Below this confidence the word-overlap engine says it does not know (tuned on tests/eval). */
export const CONFIDENCE_THRESHOLD = 0.4;
/** Facts older than this are flagged "this may have changed". */
export const DEFAULT_FRESHNESS_DAYS = 730;
const MAX_SUGGESTIONS = 3;

export interface AskOptions {
  /** 'auto' (default) detects the question's language, English when unclear. */
  lang?: Lang | 'auto';
  /** Answer this entry exactly (a picked suggestion or button), skipping search. */
  entryId?: string;
  now?: Date;
  freshnessDays?: number;
}

function cite(snap: Snapshot, refs: readonly SourceRef[]): CitedSource[] {
  return refs.flatMap((r) => {
    const s = snap.kb.sources.get(r.id);
    return s ? [{ id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.date, kind: s.kind, ...(r.section ? { section: r.section } : {}) }] : [];
  });
}

export function isStale(asOf: string, now: Date, freshnessDays: number): boolean {
  return now.getTime() - Date.parse(asOf) > freshnessDays * 86_400_000;
}

function answered(snap: Snapshot, query: string, lang: Lang, entry: Entry, confidence: number, opts: AskOptions): Answer {
  return {
    query,
    lang,
    status: 'answered',
    id: entry.id,
    question: titleOf(entry, lang),
    answer: entry.answer[lang],
    confidence: Math.round(confidence * 1000) / 1000,
    sources: cite(snap, entry.sources),
    asOf: entry.asOf,
    stale: isStale(entry.asOf, opts.now ?? new Date(), opts.freshnessDays ?? DEFAULT_FRESHNESS_DAYS),
    developments: (entry.developments ?? []).map((d) => {
      const sources = cite(snap, d.sources);
      return { date: d.date, text: d[lang], sources, newsOnly: sources.every((s) => s.kind === 'news') };
    }),
    disputed: entry.disputed ? { text: entry.disputed[lang], sources: cite(snap, entry.disputed.sources) } : null,
    related: (entry.related ?? []).flatMap((id) => {
      const r = snap.kb.byId.get(id);
      return r ? [{ id, question: titleOf(r, lang) }] : [];
    }),
    suggestions: [],
  };
}

export function ask(snap: Snapshot, query: string, opts: AskOptions = {}): Answer {
  const lang: Lang = !opts.lang || opts.lang === 'auto' ? detectLanguage(query, 'en') : opts.lang;
  if (opts.entryId) {
    const entry = snap.kb.byId.get(opts.entryId);
    if (entry) return answered(snap, query, lang, entry, 1, opts);
  }
  // Where the base has examples to learn from, the classifier decides (src/search/classifier.ts) and
  // its likeliest entries are the "did you mean" questions; otherwise the word-overlap engine does both.
  let confidence: number;
  let near: string[];
  const verdict = snap.classifier?.classify(query);
  if (verdict) {
    const learned = verdict.id ? snap.kb.byId.get(verdict.id) : undefined;
    if (learned) return answered(snap, query, lang, learned, verdict.p, opts);
    confidence = verdict.p; // how near it came
    // Offered only for a question that uses a word of the base: not for "thanks!" or "who won the cup".
    near = snap.index.sharesAWord(query) ? verdict.ranked.filter((id) => snap.kb.byId.has(id)) : [];
  } else {
    const result = snap.index.search(query);
    const best = result.hits[0] && snap.kb.byId.get(result.hits[0].id);
    if (best && result.confidence >= CONFIDENCE_THRESHOLD) return answered(snap, query, lang, best, result.confidence, opts);
    confidence = result.confidence;
    near = result.hits.map((h) => h.id);
  }
  const suggestions = near.length
    ? near.slice(0, MAX_SUGGESTIONS).map((id) => ({ id, question: titleOf(snap.kb.byId.get(id)!, lang) }))
    : verdict || !query.trim()
      ? []
      : snap.index.suggest(query, lang, MAX_SUGGESTIONS);
  return {
    query,
    lang,
    status: 'no_match',
    id: null,
    question: null,
    answer: null,
    confidence: Math.round(confidence * 1000) / 1000,
    sources: [],
    asOf: null,
    stale: false,
    developments: [],
    disputed: null,
    related: [],
    suggestions,
  };
}
