// Finds the entry a question asks about, and how sure we are.
// Ranking: BM25 (MiniSearch) over each entry's questions, keywords and answer,
// every word indexed raw plus its Danish and English stems. Confidence: how much
// of the question's weight (rarity) the best entry covers, and its margin over
// the runner-up. Misspelled words are corrected against the knowledge base's own
// vocabulary with fuse.js; suggestions for autocomplete rank titles the same way.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { titleOf, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Entry, Lang } from '../knowledge/schema.js';
import { analyze, expand, isStopWord, SynonymMap } from './normalize.js';
import { VocabularyCorrector } from './vocabulary.js';

export interface Hit {
  id: string;
  score: number;
  /** Share (0..1) of the question's weight that this entry matches. */
  coverage: number;
}

export interface SearchResult {
  /** Best first; at most `limit`. */
  hits: Hit[];
  /** 0..1: how sure we are that hits[0] answers the question. */
  confidence: number;
  /** The question's words after cleaning, synonyms and spelling correction. */
  terms: string[];
}

interface Doc {
  id: string;
  q: string;
  k: string;
  a: string;
}

/** Weight of a stop word relative to a content word of the same rarity. */
const STOP_WEIGHT = 0.15;
/** A corrected word counts a little less than one spelled right. */
const CORRECTED_WEIGHT = 0.85;

export class SearchIndex {
  private readonly mini: MiniSearch<Doc>;
  private readonly synonyms: SynonymMap;
  /** In how many entries each index term occurs. */
  private readonly df = new Map<string, number>();
  private readonly corrector: VocabularyCorrector;
  private readonly titles: Record<Lang, Fuse<{ id: string; title: string }>>;
  private readonly entries: readonly Entry[];
  private readonly byId: ReadonlyMap<string, Entry>;

  private constructor(kb: KnowledgeBase) {
    this.entries = kb.entries;
    this.byId = kb.byId;
    this.synonyms = new SynonymMap(kb.synonyms);
    this.mini = new MiniSearch<Doc>({
      fields: ['q', 'k', 'a'],
      idField: 'id',
      // Documents arrive already analyzed: words separated by spaces.
      tokenize: (text) => text.split(' '),
      processTerm: (word) => (word ? expand(word) : null),
      searchOptions: { boost: { q: 2, k: 1.5, a: 0.6 }, combineWith: 'OR', tokenize: (t) => t.split(' '), processTerm: (t) => t },
    });
    const vocabulary = new Set<string>();
    const docs = kb.entries.map((e) => {
      const field = (texts: string[]) => {
        const ws = texts.flatMap((t) => analyze(t, this.synonyms));
        ws.forEach((w) => vocabulary.add(w));
        return ws.join(' ');
      };
      const doc: Doc = {
        id: e.id,
        q: field([...e.questions.en, ...e.questions.da]),
        k: field(e.keywords ?? []),
        a: field([e.answer.en, e.answer.da, ...(e.developments ?? []).flatMap((d) => [d.en, d.da])]),
      };
      const terms = new Set([doc.q, doc.k, doc.a].join(' ').split(' ').filter(Boolean).flatMap(expand));
      for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return doc;
    });
    this.mini.addAll(docs);
    this.corrector = new VocabularyCorrector([...vocabulary].filter((w) => w.length >= 4 && !isStopWord(w) && !/^\d+$/.test(w)));
    const titleFuse = (lang: Lang) =>
      new Fuse(
        kb.entries.map((e) => ({ id: e.id, title: titleOf(e, lang) })),
        { keys: ['title'], threshold: 0.4, ignoreLocation: true },
      );
    this.titles = { en: titleFuse('en'), da: titleFuse('da') };
  }

  static build(kb: KnowledgeBase): SearchIndex {
    return new SearchIndex(kb);
  }

  private known(word: string): boolean {
    return expand(word).some((t) => this.df.has(t));
  }

  /** Rarity of a word: BM25's idf of its rarest known form. */
  private idf(word: string): number {
    const n = this.entries.length;
    const df = Math.min(...expand(word).map((t) => this.df.get(t) ?? Infinity));
    return Math.log(1 + (n - Math.min(df, n) + 0.5) / (Math.min(df, n) + 0.5));
  }

  search(question: string, limit = 5): SearchResult {
    const n = this.entries.length;
    const unknownIdf = Math.log(1 + (n + 0.5) / 0.5);
    const words = [...new Set(analyze(question, this.synonyms))];
    const weighted = words.map((word) => {
      const stop = isStopWord(word);
      if (this.known(word)) return { word, weight: (stop ? STOP_WEIGHT : 1) * this.idf(word) };
      if (stop) return { word, weight: STOP_WEIGHT * unknownIdf, unknown: true };
      const fixed = /^\d+$/.test(word) ? undefined : this.corrector.correct(word);
      if (fixed) return { word: fixed, weight: CORRECTED_WEIGHT * this.idf(fixed) };
      return { word, weight: unknownIdf, unknown: true };
    });
    const total = weighted.reduce((s, w) => s + w.weight, 0);
    const query = weighted.filter((w) => !w.unknown);
    const terms = weighted.map((w) => w.word);
    if (!query.length || total === 0) return { hits: [], confidence: 0, terms };

    const raw = this.mini.search(query.flatMap((w) => expand(w.word)).join(' '));
    const hits: Hit[] = raw.slice(0, Math.max(limit, 8)).map((r) => {
      const matched = new Set(r.queryTerms);
      const covered = query.filter((w) => expand(w.word).some((t) => matched.has(t))).reduce((s, w) => s + w.weight, 0);
      return { id: r.id as string, score: r.score, coverage: covered / total };
    });
    // An entry that covers more of the question beats one that repeats a word more often.
    hits.sort((a, b) => b.score * (0.5 + b.coverage) - a.score * (0.5 + a.coverage));
    const [first, second] = hits;
    if (!first) return { hits: [], confidence: 0, terms };
    const rank = (h: Hit) => h.score * (0.5 + h.coverage);
    const margin = second ? (rank(first) - rank(second)) / rank(first) : 1;
    const confidence = first.coverage * (0.55 + 0.45 * Math.min(1, 2 * margin));
    return { hits: hits.slice(0, limit), confidence, terms };
  }

  /**
   * Questions for autocomplete and "did you mean": ranked by the same engine,
   * the word being typed matched as a prefix; an empty box gives the entries
   * with shortcuts (the most asked) first.
   */
  suggest(text: string, lang: Lang, limit = 25): { id: string; question: string }[] {
    const out = new Map<string, string>();
    const add = (id: string) => {
      const entry = this.byId.get(id);
      if (entry && out.size < limit) out.set(id, titleOf(entry, lang));
    };
    const ws = analyze(text, this.synonyms);
    if (ws.length) {
      const terms = ws.map((w, i) => (i === ws.length - 1 ? w : (this.known(w) ? w : (this.corrector.correct(w) ?? w))));
      for (const r of this.mini.search(terms.join(' '), {
        processTerm: (t) => t,
        prefix: (_t, i, all) => i === all.length - 1,
        fuzzy: (t) => (t.length > 4 ? 0.2 : false),
      })) {
        add(r.id as string);
      }
      for (const r of this.titles[lang].search(text, { limit })) add(r.item.id);
      return [...out].map(([id, question]) => ({ id, question }));
    }
    for (const e of this.entries) if (e.shortcut) add(e.id);
    for (const e of this.entries) add(e.id);
    return [...out].map(([id, question]) => ({ id, question }));
  }
}
