// The Snowball Danish stemmer (snowballstem.org/algorithms/danish), written out
// plainly: the generated JavaScript of the snowball-stemmers package took most of
// the time of indexing a large base. tests/core/stemmers.test.ts checks it gives
// the package's stems.

const VOWELS = new Set('aeiouyæåø');
/** Letters a plural or genitive "s" may follow. */
const S_ENDING = new Set('abcdfghjklmnoprtvyzå');

/** Step 1's endings, longest first so the longest one in R1 is taken. */
const STEP1 = `hed ethed ered e erede ende erende ene erne ere en heden eren er heder erer heds es endes erendes enes ernes eres ens hedens erens ers ets erets et eret`
  .split(' ')
  .sort((a, b) => b.length - a.length);
const STEP3 = ['elig', 'løst', 'lig', 'els', 'ig'];

const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

/** R1: after the first non-vowel that follows a vowel, but not before the fourth letter. */
function r1(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return Math.max(3, i + 1);
  }
  return word.length;
}

/** The longest of `endings` (given longest first) that ends the word within R1, or undefined. */
function endingInR1(word: string, start: number, endings: readonly string[]): string | undefined {
  return endings.find((e) => word.length - e.length >= start && word.endsWith(e));
}

/** Step 2: "gd", "dt", "gt", "kt" in R1 lose their last letter. */
function consonantPair(word: string, start: number): string {
  return word.length - 2 >= start && /(?:gd|dt|gt|kt)$/.test(word) ? word.slice(0, -1) : word;
}

export function danishStem(input: string): string {
  let word = input;
  const start = r1(word);
  if (start >= word.length) return word;
  // Step 1: the longest ending in R1, or a final "s" after a valid s-ending.
  const ending = endingInR1(word, start, [...STEP1, 's']);
  if (ending === 's') {
    if (S_ENDING.has(word[word.length - 2]!)) word = word.slice(0, -1);
  } else if (ending) word = word.slice(0, -ending.length);
  word = consonantPair(word, start);
  // Step 3.
  if (word.endsWith('igst')) word = word.slice(0, -2);
  const suffix = endingInR1(word, start, STEP3);
  if (suffix === 'løst') word = word.slice(0, -1);
  else if (suffix) word = consonantPair(word.slice(0, -suffix.length), start);
  // Step 4: a double consonant at the end of R1 is undoubled.
  const last = word[word.length - 1];
  if (word.length - 1 >= start && word.length >= 2 && !isVowel(last) && last === word[word.length - 2]) word = word.slice(0, -1);
  return word;
}
