// Question words are typed in a hurry more than any others ("hw many", "wen did",
// "hvm leder", "hvor mage"), and they decide what kind of answer is wanted. Few
// short words are a letter away from one of them, so, unlike other short words,
// they are read past a dropped letter, and the ones that ask for a kind of answer
// past a wrong one.
import { isStopWord } from './normalize.js';

/** Question words a hurried typist drops a letter from; folded. */
const QUESTION_WORDS = 'how who what when where which why many much hvem hvad hvor hvornaar hvorfor hvilke hvilken mange'.split(' ');
/** Those that say what kind of answer is wanted: a wrong letter in them is read too, not in "what" or "hvad", a letter from everyday words ("chat", "kvad"). */
const KIND_WORDS = ['many', 'much', 'when', 'hvem', 'hvor'];
/** Each question word with a letter left out, and each kind word with one letter unknown ("m?ny"), to the word. */
const SHORT_OF = new Map<string, string>();
for (const w of QUESTION_WORDS) for (let i = 0; i < w.length; i++) if (!SHORT_OF.has(w.slice(0, i) + w.slice(i + 1))) SHORT_OF.set(w.slice(0, i) + w.slice(i + 1), w);
for (const w of KIND_WORDS) for (let i = 0; i < w.length; i++) SHORT_OF.set(`${w.slice(0, i)}?${w.slice(i + 1)}`, w);
/** Each question word with a letter typed twice ("manny", "hvvem") or two letters swapped ("mnay", "hwo"), to the word. */
const MISTYPED = new Map<string, string>();
/** Typos of "how" that are also typos of another question word ("hwo": who): the word after decides. */
const ALSO_HOW = new Set<string>();
for (const w of QUESTION_WORDS) {
  const typo = (t: string) => {
    if (MISTYPED.get(t) === 'how' && w !== 'how') ALSO_HOW.add(t);
    MISTYPED.set(t, w);
  };
  for (let i = 0; i < w.length; i++) typo(w.slice(0, i + 1) + w.slice(i));
  for (let i = 0; i + 1 < w.length; i++) if (w[i] !== w[i + 1]) typo(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
}
/** Words after which only "how" asks: "hwo big", "hwo many". */
const AFTER_HOW = new Set(['many', 'much', 'big', 'large', 'long', 'old', 'often', 'far']);

/**
 * A question word typed in a hurry drops a letter ("hw", "wen", "hvm", "mage"), types one twice
 * ("manny"), swaps two ("mnay") or, in a short one, hits a wrong one ("meny"): only these few words
 * are filled in, as few short words are a letter away from one of them. Read also for the kind of
 * question ("how mnay" asks how many); `next`, the word after, tells "hwo big" (how) from "hwo leads" (who).
 */
export function filledQuestionWord(word: string, next?: string): string | undefined {
  if (!/^[a-z]+$/.test(word) || isStopWord(word)) return undefined;
  if (ALSO_HOW.has(word) && AFTER_HOW.has(next!)) return 'how';
  const mistyped = MISTYPED.get(word);
  if (mistyped) return mistyped;
  if (word.length > 4) return undefined;
  const dropped = SHORT_OF.get(word);
  if (dropped) return dropped;
  if (word.length === 4) {
    for (let i = 0; i < 4; i++) {
      const w = SHORT_OF.get(`${word.slice(0, i)}?${word.slice(i + 1)}`);
      if (w) return w;
    }
  }
  return undefined;
}
