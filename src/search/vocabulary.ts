// Spelling correction against the knowledge base's own words: "helikoptre" →
// "helikoptere", "comander" → "commander". Candidates come from a deletion index
// (words that share a form with up to two letters removed), then edit distance
// decides. fuse.js did this first, scanning every word of similar length: ~2 ms
// for each unknown word of a question, against ~0.02 ms here (npm run bench).

/**
 * Everyday words one edit from a word of the base that people ask about when the base has no
 * answer (what it cost, who was wounded): never typos, so they stay words the base lacks.
 * ("spend" is not "send", "wounded" not "founded", "værd" not "være".)
 */
const NOT_TYPOS = new Set(
  `spend spends spent spending worth wage wages wounded payed president presidents tanks hours picked planet world
  write decent error errors sound
  movie movies
  vaerd lyder naeste invaderede iranske partier aften`.split(/\s+/),
);

/** Typos allowed by word length: none in short words, where a typo is another word ("kfor" is not "kort"). */
const allowedEdits = (length: number) => (length < 5 ? 0 : length < 9 ? 1 : 2);

/** Three rows of the distance table, reused: correcting a word compares it with many candidates. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [before, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur[j] = v;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length]!;
}

/** Every form of a word with up to `k` letters removed (the word itself included). */
function deletions(word: string, k: number): Set<string> {
  let level = new Set([word]);
  const all = new Set(level);
  for (let i = 0; i < k; i++) {
    const next = new Set<string>();
    for (const w of level) for (let j = 0; j < w.length; j++) next.add(w.slice(0, j) + w.slice(j + 1));
    for (const w of next) all.add(w);
    level = next;
  }
  return all;
}

/** Adds a word under a deletion form: one word kept as a string (most forms), several in an array. */
function addForm(index: Map<string, string | string[]>, form: string, word: string): void {
  const cur = index.get(form);
  if (cur === undefined) index.set(form, word);
  else if (typeof cur === 'string') {
    if (cur !== word) index.set(form, [cur, word]);
  } else if (!cur.includes(word)) cur.push(word);
}

export class VocabularyCorrector {
  /** Deletion form → the word or words it comes from; built on the first word to correct. */
  private index?: Map<string, string | string[]>;
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly vocabulary: readonly string[]) {}

  /** The deletion index, built on the first misspelt word. */
  private lookup(): Map<string, string | string[]> {
    if (!this.index) {
      const index = new Map<string, string | string[]>();
      // Every form with up to two letters removed (one for short words), written out directly:
      // a form reached twice is the same key, so no set of forms is needed per word.
      for (const w of this.vocabulary) {
        addForm(index, w, w);
        for (let i = 0; i < w.length; i++) {
          const d1 = w.slice(0, i) + w.slice(i + 1);
          addForm(index, d1, w);
          if (w.length >= 7) for (let j = i; j < d1.length; j++) addForm(index, d1.slice(0, j) + d1.slice(j + 1), w);
        }
      }
      this.index = index;
    }
    return this.index;
  }

  /** The closest known word to a misspelled one, or undefined when none is close. */
  correct(word: string): string | undefined {
    const allowed = allowedEdits(word.length);
    if (allowed === 0 || NOT_TYPOS.has(word)) return undefined;
    if (this.cache.has(word)) return this.cache.get(word);
    const index = this.lookup();
    let best: { word: string; edits: number } | undefined;
    // A long word reaches the same candidate through many of its deletions: weigh each once.
    const seen = new Set<string>();
    for (const d of deletions(word, allowed)) {
      const found = index.get(d);
      for (const candidate of typeof found === 'string' ? [found] : (found ?? [])) {
        if (seen.has(candidate) || Math.abs(candidate.length - word.length) > allowed) continue;
        seen.add(candidate);
        const edits = editDistance(word, candidate);
        // Fewest edits wins; on a tie, the first in the base's own order.
        if (edits <= allowed && (!best || edits < best.edits)) best = { word: candidate, edits };
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best?.word);
    return best?.word;
  }

  /** Builds the deletion index now rather than on the first misspelt word. */
  warm(): void {
    this.lookup();
  }
}
