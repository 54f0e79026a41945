// Spelling correction against the knowledge base's own words: "helikoptre" →
// "helikoptere", "comander" → "commander". fuse.js does the fuzzy comparison;
// words are bucketed by length so a query only scans words it could be a typo of.
import Fuse from 'fuse.js';

/** fuse.js score (0 = exact) above which a word is not taken as a typo. */
const MAX_SCORE = 0.35;

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

export class VocabularyCorrector {
  private readonly byLength = new Map<number, string[]>();
  private readonly fuses = new Map<number, Fuse<string>>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(vocabulary: Iterable<string>) {
    for (const w of vocabulary) {
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  private fuse(length: number): Fuse<string> | undefined {
    const words = this.byLength.get(length);
    if (!words) return undefined;
    let fuse = this.fuses.get(length);
    if (!fuse) {
      fuse = new Fuse(words, { includeScore: true, threshold: MAX_SCORE, ignoreLocation: true, isCaseSensitive: true });
      this.fuses.set(length, fuse);
    }
    return fuse;
  }

  /** The closest known word to a misspelled one, or undefined when none is close. */
  correct(word: string): string | undefined {
    const allowed = allowedEdits(word.length);
    if (allowed === 0) return undefined;
    if (this.cache.has(word)) return this.cache.get(word);
    let best: { word: string; edits: number; score: number } | undefined;
    // fuse.js finds candidates among words whose length a typo could explain;
    // the edit distance decides, so a near-looking different word is not taken.
    for (let len = word.length - allowed; len <= word.length + allowed; len++) {
      for (const r of this.fuse(len)?.search(word, { limit: 3 }) ?? []) {
        const edits = editDistance(word, r.item);
        const score = r.score ?? 1;
        if (edits <= allowed && (!best || edits < best.edits || (edits === best.edits && score < best.score))) {
          best = { word: r.item, edits, score };
        }
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best?.word);
    return best?.word;
  }
}
