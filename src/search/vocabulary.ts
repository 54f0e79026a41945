// Spelling correction against the knowledge base's own words: "helikoptre" →
// "helikoptere", "comander" → "commander". Candidates come from a deletion index
// (words that share a form with up to two letters removed), then edit distance
// decides. fuse.js did this first, scanning every word of similar length: ~2 ms
// for each unknown word of a question, against ~0.02 ms here (npm run bench).

/** Typos allowed by word length: none in short words, where a typo is another word ("kfor" is not "kort"). */
const allowedEdits = (length: number) => (length < 5 ? 0 : length < 9 ? 1 : 2);

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
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

export class VocabularyCorrector {
  /** Deletion form → the words it comes from; built on the first word to correct. */
  private index?: Map<string, string[]>;
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly vocabulary: readonly string[]) {}

  /** Builds the deletion index now rather than on the first misspelt word. */
  lookup(): Map<string, string[]> {
    if (!this.index) {
      this.index = new Map();
      for (const w of this.vocabulary) {
        for (const d of deletions(w, w.length >= 7 ? 2 : 1)) {
          const list = this.index.get(d);
          if (!list) this.index.set(d, [w]);
          else if (!list.includes(w)) list.push(w);
        }
      }
    }
    return this.index;
  }

  /** The closest known word to a misspelled one, or undefined when none is close. */
  correct(word: string): string | undefined {
    const allowed = allowedEdits(word.length);
    if (allowed === 0) return undefined;
    if (this.cache.has(word)) return this.cache.get(word);
    const index = this.lookup();
    let best: { word: string; edits: number } | undefined;
    for (const d of deletions(word, allowed)) {
      for (const candidate of index.get(d) ?? []) {
        const edits = editDistance(word, candidate);
        // Fewest edits wins; on a tie, the first in the base's own order.
        if (edits <= allowed && (!best || edits < best.edits)) best = { word: candidate, edits };
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best?.word);
    return best?.word;
  }
}
