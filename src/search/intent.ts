// What kind of answer a question wants, from its question words: a person, a
// place, a time, a number or a reason. Entries learn which kinds they answer
// from their own questions, so "who led NMI before Denmark?" leans to the entry
// asked with "who", not the one asked with "when".
export type Intent = 'who' | 'where' | 'when' | 'count' | 'why';

/** "What …", "which …", "hvad …": the question's own word asks for a thing, so a later "when it took over" is not what it asks. */
const ASKS_FOR_A_THING = new Set(['what', 'whats', 'which', 'hvad', 'hvilken', 'hvilke', 'hvilket']);
const COUNT_NOUNS = new Set(['number', 'antal', 'antallet']);
const TIME_WORDS = new Set(['year', 'years', 'date', 'dates', 'month', 'aar', 'aarstal', 'dato', 'datoer', 'maaned']);

/** Every word that can decide a question's kind: the others are passed over with one lookup (indexing asks this of every question of the base). */
const DECIDING = new Set([
  ...ASKS_FOR_A_THING,
  ...'how antal number hur hvor who whom hvem where whereabouts hvorhen hvorfra hvorifra when hvornaar why hvorfor'.split(' '),
]);

/** Folded words (æ→ae, ø→oe, å→aa) before synonyms. The first question word decides. */
export function intentOf(words: readonly string[]): Intent | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!DECIDING.has(w)) continue;
    const next = words[i + 1];
    // "What's the total number of …", "hvad er antallet af …": a count asked with "what".
    if (ASKS_FOR_A_THING.has(w)) return next && TIME_WORDS.has(next) ? 'when' : words.slice(i + 1, i + 5).some((x) => COUNT_NOUNS.has(x)) ? 'count' : null;
    if ((w === 'how' && (next === 'many' || next === 'much' || next === 'big' || next === 'large')) || w === 'antal' || w === 'number') return 'count';
    if (w === 'hur' && (next === 'mange' || next === 'maanga')) return 'count';
    if (w === 'hvor') return next === 'mange' || next === 'meget' || next === 'stor' || next === 'store' ? 'count' : next === 'laenge' ? 'when' : 'where';
    if (w === 'who' || w === 'whom' || w === 'hvem') return 'who';
    if (w === 'where' || w === 'whereabouts' || w === 'hvorhen' || w === 'hvorfra' || w === 'hvorifra') return 'where';
    if (w === 'when' || w === 'hvornaar') return 'when';
    if (w === 'why' || w === 'hvorfor') return 'why';
  }
  return null;
}

/** Words that ask about today rather than a date or a plan: "nu", "currently", "still", "i dag" (and "at present", "these days", "p.t." below). */
const NOW_WORDS = new Set(['now', 'currently', 'current', 'today', 'nowadays', 'presently', 'still', 'anymore', 'nu', 'pt', 'stadig', 'stadigvaek', 'aktuelt', 'nuvaerende', 'fortsat', 'atm', 'rn', 'oejeblikket', 'naervaerende']);

/** Folded words before synonyms: does the question ask about today? */
export function asksAboutNow(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (
      NOW_WORDS.has(w) ||
      (w === 'dag' && words[i - 1] === 'i') ||
      (w === 'tiden' && words[i - 1] === 'for') ||
      (w === 'days' && words[i - 1] === 'these') ||
      (w === 'present' && words[i - 1] === 'at') ||
      (w === 't' && words[i - 1] === 'p') ||
      (w === 'moment' && words[i - 1] === 'the' && words[i - 2] === 'at')
    )
      return true;
  }
  return false;
}
