// Spelling correction against the knowledge base's own words: "helikoptre" →
// "helikoptere", "comander" → "commander". fuse.js does the fuzzy comparison;
// words are bucketed by length so a query only scans words it could be a typo of.
import Fuse from 'fuse.js';

/** fuse.js score (0 = exact) above which a word is not taken as a typo. */
const MAX_SCORE = 0.3;

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
    if (word.length < 4) return undefined;
    if (this.cache.has(word)) return this.cache.get(word);
    let best: { word: string; score: number } | undefined;
    // One typo changes the length by at most one; two by at most two.
    for (const len of [word.length, word.length - 1, word.length + 1, word.length - 2, word.length + 2]) {
      for (const r of this.fuse(len)?.search(word, { limit: 1 }) ?? []) {
        const score = (r.score ?? 1) + Math.abs(len - word.length) * 0.02;
        if (score <= MAX_SCORE && (!best || score < best.score)) best = { word: r.item, score };
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best?.word);
    return best?.word;
  }
}
