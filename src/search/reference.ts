// "Who led NMI before Denmark?" asks about someone else than "Which country did
// Denmark take over from?": a name after "before", "after", "from" (før, efter,
// fra) is a point of reference, not who the question is about. Such a name
// becomes its own term, so questions about Denmark and questions about whoever
// came before or after Denmark are told apart by their words alone.
const REFERENCE_WORDS = new Set(['before', 'after', 'from', 'foer', 'efter', 'fra', 'since', 'siden']);
const ARTICLES = new Set(['the', 'de', 'den']);
const SUFFIX = 'ref';

/** Canonical names (after synonyms) that follow a reference word get the suffix; others stay. */
export function markReferences(words: string[], isName: (w: string) => boolean): string[] {
  let out: string[] | undefined;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!REFERENCE_WORDS.has(words[i]!)) continue;
    const j = ARTICLES.has(words[i + 1]!) ? i + 2 : i + 1;
    if (j < words.length && isName(words[j]!)) (out ??= [...words])[j] = words[j] + SUFFIX;
  }
  return out ?? words;
}

/** The name a reference term stands for ("denmarkref" → denmark), or undefined. */
export const referredName = (word: string): string | undefined =>
  word.length > SUFFIX.length + 1 && word.endsWith(SUFFIX) ? word.slice(0, -SUFFIX.length) : undefined;
