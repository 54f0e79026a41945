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
  /** Words that contain it ("træningsmission" for "træning"): they match for less, and never as rarer than it. */
  containing?: readonly string[];
  /** The word's own rarity, the cap for `containing`. */
  idf?: number;
  /** A cap on every form's rarity: a rare form does not make a common word rare. */
  maxIdf?: number;
}

/** A document matched only through a word containing the question's word scores this share. */
const CONTAINING_SHARE = 0.5;

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
/**
 * Length normalisation per field. An entry's questions are phrasings of one thing: more of them is
 * curation, not a sign that a word matters less to the entry, so that field is not normalised.
 */
const B = [0, 0.75] as const;
/** Matches are tracked in a 32-bit mask; later words of a very long question are ignored. */
export const MAX_QUERY_WORDS = 32;

/** One field's BM25 contribution (0 when the term is not in that field). */
function fieldScore(idf: number, tf: number, length: number, avgLength: number, boost: number, b: number): number {
  return tf > 0 ? (boost * idf * tf * (K1 + 1)) / (tf + K1 * (1 - b + (b * length) / avgLength)) : 0;
}

/** A typed array's first `used` values, in a bigger one. */
function copied<T extends Int32Array | Float32Array>(from: T, used: number, to: T): T {
  to.set(from.subarray(0, used));
  return to;
}

/** Postings grouped by term: term t's are at [start[t], start[t + 1]). */
interface Compiled {
  start: Int32Array;
  docs: Int32Array;
  tfQuestion: Float32Array;
  tfAnswer: Float32Array;
}

export class Bm25 {
  /** Terms are numbered as first seen. */
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /**
   * Postings as added, document by document, in typed arrays (millions of postings without millions
   * of small JS arrays): term and frequency per field; document d's end at docEnds[d].
   */
  private addedTerm = new Int32Array(1 << 16);
  private addedTf: [Float32Array, Float32Array] = [new Float32Array(1 << 16), new Float32Array(1 << 16)];
  private added = 0;
  private readonly docEnds: number[] = [];
  private compiled?: Compiled;
  private scratch?: { scores: Float64Array; matched: Uint32Array; best: Float64Array; dirty: boolean };
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
    const [q, a] = this.acc;
    if (this.added + this.touched.length > this.addedTerm.length) {
      const size = Math.max(2 * this.addedTerm.length, this.added + this.touched.length);
      this.addedTerm = copied(this.addedTerm, this.added, new Int32Array(size));
      this.addedTf = [copied(this.addedTf[0], this.added, new Float32Array(size)), copied(this.addedTf[1], this.added, new Float32Array(size))];
    }
    const [tfQ, tfA] = this.addedTf;
    let at = this.added;
    for (const id of this.touched) {
      this.addedTerm[at] = id;
      tfQ[at] = q[id]!;
      tfA[at] = a[id]!;
      q[id] = 0;
      a[id] = 0;
      at++;
    }
    this.added = at;
    this.docEnds.push(at);
    this.touched = [];
    for (const f of [0, 1] as const) {
      this.lengths[f].push(this.pending[f]!);
      this.totalLength[f] = this.totalLength[f]! + this.pending[f]!;
      this.pending[f] = 0;
    }
    this.compiled = undefined;
    return doc;
  }

  /** Groups the postings by term (a counting sort), on first use after adding. */
  private postings(): Compiled {
    if (this.compiled) return this.compiled;
    const n = this.added;
    const terms = this.addedTerm;
    const [addedQ, addedA] = this.addedTf;
    const start = new Int32Array(this.names.length + 1);
    for (let i = 0; i < n; i++) start[terms[i]! + 1]!++;
    for (let t = 0; t < this.names.length; t++) start[t + 1]! += start[t]!;
    const next = start.slice(0, this.names.length);
    const docs = new Int32Array(n);
    const tfQuestion = new Float32Array(n);
    const tfAnswer = new Float32Array(n);
    for (let doc = 0, i = 0; doc < this.docEnds.length; doc++) {
      for (const end = this.docEnds[doc]!; i < end; i++) {
        const at = next[terms[i]!]!++;
        docs[at] = doc;
        tfQuestion[at] = addedQ[i]!;
        tfAnswer[at] = addedA[i]!;
      }
    }
    this.compiled = { start, docs, tfQuestion, tfAnswer };
    return this.compiled;
  }

  /** Every term indexed. */
  terms(): readonly string[] {
    return this.names;
  }

  /** A term's number, if it was indexed. */
  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** In how many documents a term occurs, in any field. */
  df(term: string): number {
    const id = this.ids.get(term);
    if (id === undefined) return 0;
    const { start } = this.postings();
    return start[id + 1]! - start[id]!;
  }

  idf(df: number): number {
    const n = this.size;
    return Math.log(1 + (n - Math.min(df, n) + 0.5) / (Math.min(df, n) + 0.5));
  }

  /** Documents sharing any word with the question, best first, at most `limit`. */
  search(words: readonly QueryWord[], limit: number): Scored[] {
    const n = this.size;
    const { start, docs, tfQuestion, tfAnswer } = this.postings();
    const avgQ = this.totalLength[0]! / n || 1;
    const avgA = this.totalLength[1]! / n || 1;
    const [lenQ, lenA] = this.lengths;
    if (limit <= 0) return [];
    // Per-document scratch, kept between searches and zeroed at the end of each; new if one did not end.
    if (this.scratch?.scores.length !== n || this.scratch.dirty) {
      this.scratch = { scores: new Float64Array(n), matched: new Uint32Array(n), best: new Float64Array(n), dirty: false };
    }
    const { scores, matched, best } = this.scratch;
    this.scratch.dirty = true;
    const touched: number[] = [];
    // Per document, the best score of the current word's forms; `hit` lists the documents set.
    const hit: number[] = [];
    const count = Math.min(words.length, MAX_QUERY_WORDS);
    for (let wi = 0; wi < count; wi++) {
      const word = words[wi]!;
      const lists = word.containing?.length ? [word.terms, word.containing] : [word.terms];
      for (let l = 0; l < lists.length; l++) {
        const share = l === 0 ? 1 : CONTAINING_SHARE;
        for (const term of lists[l]!) {
          const id = this.ids.get(term);
          if (id === undefined) continue;
          const from = start[id]!;
          const to = start[id + 1]!;
          const idf = Math.min(l === 0 ? Infinity : (word.idf ?? Infinity), word.maxIdf ?? Infinity, this.idf(to - from));
          for (let i = from; i < to; i++) {
            const d = docs[i]!;
            const s = share * (fieldScore(idf, tfQuestion[i]!, lenQ[d]!, avgQ, FIELD_BOOST[0], B[0]) + fieldScore(idf, tfAnswer[i]!, lenA[d]!, avgA, FIELD_BOOST[1], B[1]));
            if (s > best[d]!) {
              if (best[d] === 0) hit.push(d);
              best[d] = s;
            }
          }
        }
      }
      for (const d of hit) {
        if (matched[d] === 0) touched.push(d);
        scores[d] = scores[d]! + best[d]!;
        matched[d] = matched[d]! | (1 << wi);
        best[d] = 0;
      }
      hit.length = 0;
    }
    // The best `limit` documents, kept sorted while scanning: sorting every touched
    // document (thousands in a big base) took most of a query's time.
    const top: number[] = [];
    for (const d of touched) {
      const s = scores[d]!;
      if (top.length === limit && s <= scores[top[limit - 1]!]!) continue;
      let i = Math.min(top.length, limit - 1);
      while (i > 0 && scores[top[i - 1]!]! < s) {
        top[i] = top[i - 1]!;
        i--;
      }
      top[i] = d;
    }
    const out = top.map((doc) => ({ doc, score: scores[doc]!, matched: matched[doc]! }));
    for (const d of touched) scores[d] = matched[d] = 0;
    this.scratch.dirty = false;
    return out;
  }
}
