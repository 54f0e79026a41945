// A compact BM25F index over pre-analyzed words, with two fields scored apart
// (an entry's questions and keywords; its answer) so a word in a short question
// counts for more than the same word in a long answer. Written here rather than
// taken from a library because each question word arrives with the other forms
// it stands for, and ranking needs to know per entry which words matched:
// MiniSearch took ~4 s to index 1,000 entries expanded this way; this builds
// 10,000 in under 2 s (npm run bench).

/** One word of a question: it matches a document through its best-scoring form. */
export interface QueryWord {
  terms: readonly string[];
}

export interface Scored {
  doc: number;
  score: number;
  /** Bit i set: the question's word i matched this document. */
  matched: number;
}

export const FIELDS = { question: 0, answer: 1 } as const;
export type Field = (typeof FIELDS)[keyof typeof FIELDS];
/** How much each field's BM25 counts. */
const FIELD_BOOST = [2, 0.6] as const;

const K1 = 1.2;
const B = 0.75;
/** Matches are tracked in a 32-bit mask; later words of a very long question are ignored. */
export const MAX_QUERY_WORDS = 32;

export class Bm25 {
  /** Terms are numbered as first seen; postings (documents, frequency per field) are kept per number. */
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly docs: number[][] = [];
  private readonly tfs: [number[], number[]][] = [];
  private readonly lengths: [number[], number[]] = [[], []];
  private readonly totalLength = [0, 0];
  /** The document being added: frequency per field and term number, and the numbers it touched. */
  private acc: [Float64Array, Float64Array] = [new Float64Array(1024), new Float64Array(1024)];
  private touched: number[] = [];
  private pending = [0, 0];

  get size(): number {
    return this.lengths[0].length;
  }

  /** Adds one occurrence of a term (with a weight) to a field of the document being built; returns the term's number. */
  addTerm(term: string, field: Field, weight = 1): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      this.docs.push([]);
      this.tfs.push([[], []]);
      if (id >= this.acc[0].length) {
        this.acc = this.acc.map((a) => {
          const grown = new Float64Array(a.length * 2);
          grown.set(a);
          return grown;
        }) as [Float64Array, Float64Array];
      }
    }
    if (this.acc[0][id] === 0 && this.acc[1][id] === 0) this.touched.push(id);
    this.acc[field][id] = this.acc[field][id]! + weight;
    this.pending[field] = this.pending[field]! + weight;
    return id;
  }

  /** Closes the document being built; returns its number. */
  endDocument(): number {
    const doc = this.size;
    for (const id of this.touched) {
      this.docs[id]!.push(doc);
      for (const f of [0, 1] as const) {
        this.tfs[id]![f].push(this.acc[f][id]!);
        this.acc[f][id] = 0;
      }
    }
    this.touched = [];
    for (const f of [0, 1] as const) {
      this.lengths[f].push(this.pending[f]!);
      this.totalLength[f] = this.totalLength[f]! + this.pending[f]!;
      this.pending[f] = 0;
    }
    return doc;
  }

  /** Every term indexed. */
  terms(): readonly string[] {
    return this.names;
  }

  /** In how many documents a term occurs, in any field. */
  df(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.docs[id]!.length;
  }

  idf(df: number): number {
    const n = this.size;
    return Math.log(1 + (n - Math.min(df, n) + 0.5) / (Math.min(df, n) + 0.5));
  }

  /** Documents sharing any word with the question, best first, at most `limit`. */
  search(words: readonly QueryWord[], limit: number): Scored[] {
    const n = this.size;
    const avg = this.totalLength.map((t) => t / n || 1);
    const scores = new Float64Array(n);
    const matched = new Uint32Array(n);
    const touched: number[] = [];
    const best = new Map<number, number>();
    words.slice(0, MAX_QUERY_WORDS).forEach((word, wi) => {
      best.clear();
      for (const term of word.terms) {
        const id = this.ids.get(term);
        if (id === undefined) continue;
        const docs = this.docs[id]!;
        const tfs = this.tfs[id]!;
        const idf = this.idf(docs.length);
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i]!;
          let s = 0;
          for (const f of [0, 1] as const) {
            const tf = tfs[f][i]!;
            if (tf > 0) s += FIELD_BOOST[f] * ((idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[f][d]!) / avg[f]!)));
          }
          if (s > (best.get(d) ?? 0)) best.set(d, s);
        }
      }
      for (const [d, s] of best) {
        if (matched[d] === 0) touched.push(d);
        scores[d] = scores[d]! + s;
        matched[d] = matched[d]! | (1 << wi);
      }
    });
    touched.sort((a, b) => scores[b]! - scores[a]!);
    return touched.slice(0, limit).map((doc) => ({ doc, score: scores[doc]!, matched: matched[doc]! }));
  }
}
