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
  /** BM25 over the whole entry. */
  score: number;
  /** 0..1: weighted word overlap with the entry's closest single question. */
  similarity: number;
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

/** One entry as indexed: analyzed text per field, the language in the field name. */
interface Doc {
  id: string;
  q_en: string;
  q_da: string;
  k: string;
  a_en: string;
  a_da: string;
}
const FIELDS = ['q_en', 'q_da', 'k', 'a_en', 'a_da'] as const;
const fieldLang = (field: string) => (field.endsWith('_en') ? 'en' : field.endsWith('_da') ? 'da' : undefined);

interface Phrasing {
  terms: ReadonlySet<string>;
  words: { terms: string[]; weight: number }[];
}

/** Weight of a stop word relative to a content word of the same rarity. */
const STOP_WEIGHT = 0.15;
/** Ranking: BM25 over the entry, similarity to its closest question, share of the question covered. */
const W_BM25 = 0.4;
const W_SIM = 0.4;
const W_COV = 0.2;
/** Confidence: coverage, scaled by the margin over the runner-up and by the closest question's similarity. */
const MARGIN_FLOOR = 0.8;
const SIMILARITY_FLOOR = 0.6;
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
  /** Each entry's questions as weighted content words, for nearest-question similarity. */
  private readonly phrasings = new Map<string, Phrasing[]>();

  private constructor(kb: KnowledgeBase) {
    this.entries = kb.entries;
    this.byId = kb.byId;
    this.synonyms = new SynonymMap(kb.synonyms);
    this.mini = new MiniSearch<Doc>({
      fields: [...FIELDS],
      idField: 'id',
      // Documents arrive already analyzed: words separated by spaces.
      tokenize: (text) => text.split(' '),
      processTerm: (word, field) => (word ? expand(word, fieldLang(field ?? '')) : null),
      searchOptions: {
        boost: { q_en: 2, q_da: 2, k: 1.5, a_en: 0.6, a_da: 0.6 },
        combineWith: 'OR',
        tokenize: (t) => t.split(' '),
        processTerm: (t) => t,
      },
    });
    const vocabulary = new Set<string>();
    const docs = kb.entries.map((e) => {
      const terms = new Set<string>();
      const field = (texts: string[], lang?: Lang) => {
        const ws = texts.flatMap((t) => analyze(t, this.synonyms));
        for (const w of ws) {
          vocabulary.add(w);
          for (const t of expand(w, lang)) terms.add(t);
        }
        return ws.join(' ');
      };
      const later = e.developments ?? [];
      const doc: Doc = {
        id: e.id,
        q_en: field(e.questions.en, 'en'),
        q_da: field(e.questions.da, 'da'),
        k: field(e.keywords ?? []),
        a_en: field([e.answer.en, ...later.map((d) => d.en)], 'en'),
        a_da: field([e.answer.da, ...later.map((d) => d.da)], 'da'),
      };
      for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return doc;
    });
    this.mini.addAll(docs);
    for (const e of kb.entries) {
      this.phrasings.set(
        e.id,
        [...e.questions.en.map((q) => [q, 'en'] as const), ...e.questions.da.map((q) => [q, 'da'] as const)].map(([q, lang]) => {
          const words = [...new Set(analyze(q, this.synonyms))].filter((w) => !isStopWord(w)).map((w) => ({ terms: expand(w, lang), weight: this.idf(w) }));
          return { terms: new Set(words.flatMap((w) => w.terms)), words };
        }),
      );
    }
    // Typos are corrected towards the base's words and every spelling the synonym table knows.
    this.corrector = new VocabularyCorrector(
      [...vocabulary, ...this.synonyms.variants()].filter((w) => w.length >= 4 && !isStopWord(w) && !/^\d+$/.test(w)),
    );
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

  /**
   * Danish joins words: "træningssteder", "helikopteropgaven". An unknown word
   * that splits into two known words (a linking s or e allowed) is read as both.
   */
  private decompound(word: string): string[] | undefined {
    let best: string[] | undefined;
    let bestShorter = 0;
    for (let i = 3; i <= word.length - 3; i++) {
      const right = this.synonyms.one(word.slice(i));
      if (!this.known(right)) continue;
      const head = word.slice(0, i);
      const left = [head, head.replace(/[se]$/, '')].map((h) => this.synonyms.one(h)).find((h) => h.length >= 3 && this.known(h) && !isStopWord(h));
      const shorter = Math.min(i, word.length - i);
      if (left && shorter > bestShorter) {
        best = [left, right];
        bestShorter = shorter;
      }
    }
    return best;
  }

  search(question: string, limit = 5): SearchResult {
    const n = this.entries.length;
    const unknownIdf = Math.log(1 + (n + 0.5) / 0.5);
    const words = [...new Set(analyze(question, this.synonyms))];
    const weighted = words.flatMap((word): { word: string; weight: number; unknown?: boolean }[] => {
      const stop = isStopWord(word);
      if (this.known(word)) return [{ word, weight: (stop ? STOP_WEIGHT : 1) * this.idf(word) }];
      if (stop) return [{ word, weight: STOP_WEIGHT * unknownIdf, unknown: true }];
      if (!/^\d+$/.test(word)) {
        const fixed = this.corrector.correct(word);
        if (fixed) {
          const canonical = this.synonyms.one(fixed);
          return [{ word: canonical, weight: CORRECTED_WEIGHT * this.idf(canonical) }];
        }
        const parts = this.decompound(word);
        if (parts) return parts.map((p) => ({ word: p, weight: CORRECTED_WEIGHT * this.idf(p) }));
      }
      return [{ word, weight: unknownIdf, unknown: true }];
    });
    const total = weighted.reduce((s, w) => s + w.weight, 0);
    const query = weighted.filter((w) => !w.unknown);
    const terms = weighted.map((w) => w.word);
    if (!query.length || total === 0) return { hits: [], confidence: 0, terms };

    const raw = this.mini.search(query.flatMap((w) => expand(w.word)).join(' '));
    const content = query.filter((w) => !isStopWord(w.word)).map((w) => ({ ...w, terms: expand(w.word) }));
    const queryTerms = new Set(content.flatMap((w) => w.terms));
    const contentTotal = weighted.filter((w) => !isStopWord(w.word)).reduce((s, w) => s + w.weight, 0);
    /** Weighted overlap of the question with one phrasing: what both share over what either has alone. */
    const similarity = (p: Phrasing) => {
      const shared = content.filter((w) => w.terms.some((t) => p.terms.has(t))).reduce((s, w) => s + w.weight, 0);
      const extra = p.words.filter((w) => !w.terms.some((t) => queryTerms.has(t))).reduce((s, w) => s + w.weight, 0);
      return contentTotal > 0 ? shared / (contentTotal + 0.5 * extra) : 0;
    };
    const top = raw[0]?.score ?? 1;
    const hits: Hit[] = raw.slice(0, Math.max(limit, 20)).map((r) => {
      const matched = new Set(r.queryTerms);
      const covered = query.filter((w) => expand(w.word).some((t) => matched.has(t))).reduce((s, w) => s + w.weight, 0);
      const sim = Math.max(0, ...(this.phrasings.get(r.id as string) ?? []).map(similarity));
      return { id: r.id as string, score: r.score / top, similarity: sim, coverage: covered / total };
    });
    const rank = (h: Hit) => W_BM25 * h.score + W_SIM * h.similarity + W_COV * h.coverage;
    hits.sort((a, b) => rank(b) - rank(a));
    const [first, second] = hits;
    if (!first) return { hits: [], confidence: 0, terms };
    const margin = second ? (rank(first) - rank(second)) / rank(first) : 1;
    const confidence = Math.min(
      1,
      first.coverage * (MARGIN_FLOOR + (1 - MARGIN_FLOOR) * Math.min(1, 2 * margin)) * (SIMILARITY_FLOOR + (1 - SIMILARITY_FLOOR) * first.similarity),
    );
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
