// Turns Danish or English text into search terms, the same way for the
// knowledge base and for questions, so both sides meet on one vocabulary.
import { stem as englishStem } from 'porter2';
import type { Synonym } from '../knowledge/schema.js';
import { danishStem } from './danish-stemmer.js';
import { STOP_WORDS } from './stop-words.js';

/**
 * Danish letters and their ASCII spellings meet on the ASCII form
 * (æ→ae, ø→oe, å→aa): people type "traeningsmission" as often as
 * "træningsmission". Stems are taken of the folded word, so both spellings
 * stem alike (Danish suffix rules barely involve æøå).
 */
export function foldDanish(word: string): string {
  // Swedish and German ä/ö are the same letters as æ/ø: "försvarsministeriet" is "forsvarsministeriet" misspelt.
  return /[æøåäö]/.test(word) ? word.replace(/[æä]/g, 'ae').replace(/[øö]/g, 'oe').replace(/å/g, 'aa') : word;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const APOSTROPHE = /['’‘`´]/;

/** NFKC, lower case, typographic apostrophes, possessive 's dropped. */
export function cleanText(text: string): string {
  // Most text is plain ASCII without apostrophes: skip the costly steps for it.
  let t = (PLAIN_ASCII.test(text) ? text : text.normalize('NFKC')).toLowerCase();
  if (APOSTROPHE.test(t)) {
    t = t
      .replace(/[’‘`´]/g, "'")
      .replace(/(\p{L})'s\b/gu, '$1')
      .replace(/(\p{L})'(?=\s|$)/gu, '$1');
  }
  return t;
}

/** Cleaned text → words: letters and digits, hyphenated words split. */
function split(clean: string): string[] {
  return (PLAIN_ASCII.test(clean) ? clean.split(/[^a-z0-9]+/) : clean.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
}

/** A thousands separator, English or Danish: "4,000" and "4.000" are the number 4000. */
const THOUSANDS = /(\d)[.,](?=\d{3}(?!\d))/g;
const withoutThousandsSeparators = (text: string) => (/\d[.,]\d/.test(text) ? text.replace(THOUSANDS, '$1') : text);

/** Words: letters and digits, hyphenated words split, numbers whole. */
export function words(text: string): string[] {
  return split(cleanText(withoutThousandsSeparators(text)));
}

export const isStopWord = (word: string) => STOP_WORDS.has(foldDanish(word));

/** Rewrites every spelling of a name to its canonical token (multi-word phrases first). */
export class SynonymMap {
  private readonly single = new Map<string, string>();
  /** Multi-word variants by their first word, longest first. */
  private readonly phrases = new Map<string, { words: string[]; canonical: string }[]>();
  /** Every word that appears in any variant. */
  private readonly words = new Set<string>();
  private readonly canonicals = new Set<string>();

  constructor(synonyms: readonly Synonym[]) {
    for (const s of synonyms) {
      const canonical = foldDanish(words(s.canonical).join(''));
      this.canonicals.add(canonical);
      for (const v of s.variants) {
        const ws = words(v).map(foldDanish);
        ws.forEach((w) => this.words.add(w));
        if (ws.length === 1) this.single.set(ws[0]!, canonical);
        else if (ws.length > 1) {
          const list = this.phrases.get(ws[0]!) ?? [];
          list.push({ words: ws, canonical });
          list.sort((a, b) => b.words.length - a.words.length);
          this.phrases.set(ws[0]!, list);
        }
      }
    }
  }

  /** Every word of every spelling the table knows (to correct typos against). */
  variants(): string[] {
    return [...this.words];
  }

  /** The word is a spelling, or part of a spelling, the table rewrites. */
  knows(word: string): boolean {
    return this.words.has(word);
  }

  /** The word is one the table rewrites to ("nonnato"): a made-up token, not a compound. */
  isCanonical(word: string): boolean {
    return this.canonicals.has(word);
  }

  /** The canonical form of one folded word. */
  one(word: string): string {
    return this.single.get(word) ?? word;
  }

  /** Folded words in, folded words out, each synonym replaced by its canonical form. */
  apply(input: string[]): string[] {
    // Most texts hold no spelling at all: they are given back as they are, each word looked up
    // once (indexing applies this to millions of words).
    let first = 0;
    while (first < input.length && !this.words.has(input[first]!)) first++;
    if (first === input.length) return input;
    const out = input.slice(0, first);
    for (let i = first; i < input.length; ) {
      const w = input[i]!;
      const phrase = this.words.has(w) ? this.phrases.get(w)?.find((p) => p.words.every((x, k) => input[i + k] === x)) : undefined;
      if (phrase) {
        out.push(phrase.canonical);
        i += phrase.words.length;
      } else {
        out.push(this.single.get(w) ?? w);
        i += 1;
      }
    }
    return out;
  }
}

const stemCache = new Map<string, string | null>();

/**
 * The index terms of one word: the word itself plus its stems, tagged with
 * the stemmer's language ("da:soldat", "en:lead") so an English word's Danish
 * stem only meets Danish words. Text of a known language gets that language's
 * stem; a question gets both rather than a guess at the language of three words.
 * A stem that is itself a function word ("sites" → da "sit") is dropped.
 */
export function expand(word: string, lang?: 'en' | 'da'): string[] {
  const terms = [word];
  if (lang !== 'en') {
    const stem = stemIn('da', word);
    if (stem) terms.push(stem);
  }
  if (lang !== 'da') {
    const stem = stemIn('en', word);
    if (stem) terms.push(stem);
  }
  return terms;
}

/** Stems worked out before (the build's table of the shipped base's words), so they need not be again. */
export function seedStems(known: Iterable<[string, string | null]>): void {
  for (const [key, stem] of known) stemCache.set(key, stem);
}

/** Every stem worked out so far, as `seedStems` takes them. */
export function knownStems(): [string, string | null][] {
  return [...stemCache];
}

/** One language's tagged stem of a word, cached per language so indexing and questions share it. */
function stemIn(lang: 'en' | 'da', word: string): string | null {
  const key = `${lang}:${word}`;
  let stem = stemCache.get(key);
  if (stem === undefined) {
    stem = null;
    if (word.length > 3 && !/^\d+$/.test(word)) {
      const s = foldDanish(lang === 'da' ? danishStem(word) : englishStem(word));
      if (s.length >= 3 && !isStopWord(s)) stem = `${lang}:${s}`;
    }
    if (stemCache.size > 100_000) stemCache.clear();
    stemCache.set(key, stem);
  }
  return stem;
}

/** Text → folded canonical words (cleaned, synonyms applied), before stemming. */
export function analyze(text: string, synonyms: SynonymMap): string[] {
  return synonyms.apply(tokens(text));
}

/** Set phrases often typed as one word ("er den stadig igang", "takeover", "hvormange"), split as written properly; folded like every word (æ→ae). */
const JOINED = new Map<string, readonly string[]>([
  ...['i gang', 'i dag', 'i morgen', 'i gaar', 'i aar', 'i hvert fald', 'i alt', 'i stedet', 'i forvejen', 'take over', 'hvor mange', 'hvor meget', 'hvor laenge', 'how many', 'how much', 'how long'].map((p) => [p.replace(/ /g, ''), p.split(' ')] as const),
  // "whats" is "what's" typed without the apostrophe, which the cleaning drops with its s.
  ...['what', 'who', 'how', 'where', 'when', 'that'].map((w) => [`${w}s`, [w]] as const),
]);

/**
 * The words of plain ASCII text without apostrophes, in one pass; undefined for
 * any other text. Most of a base and most questions are such text, and building
 * an index tokenizes millions of words.
 */
function plainWords(text: string): string[] | undefined {
  const out: string[] = [];
  let start = -1;
  let upper = false;
  let separated = false;
  const digit = (i: number) => i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const lower = c >= 97 && c <= 122;
    const cap = c >= 65 && c <= 90;
    if (lower || cap || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      upper ||= cap;
      continue;
    }
    if (c > 126 || c === 39 || c === 96) return undefined;
    // A thousands separator inside a number: "4,000" is one word.
    if ((c === 44 || c === 46) && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) && start >= 0) {
      separated = true;
      continue;
    }
    if (start >= 0) {
      let w = text.slice(start, i);
      if (separated) w = w.replace(/[.,]/g, '');
      out.push(upper ? w.toLowerCase() : w);
      start = -1;
      upper = false;
      separated = false;
    }
  }
  return out;
}

/** Text → folded words, before synonyms. */
export function tokens(text: string): string[] {
  return plainWords(text) ?? split(foldDanish(cleanText(withoutThousandsSeparators(text))));
}

/** An English yes/no question ending in "over" asks whether something has ended ("Is NMI over?", "is the mission over now"); "isn't" is cleaned to "isn" + "t". */
const ASKS_YES_OR_NO = new Set(['is', 'was', 'are', 'were', 'isn', 'wasn', 'aren', 'weren', 'isnt', 'wasnt']);
/** Words that may open such a question before its verb ("Hi, is NMI over?", "so is it over now"). */
const OPENERS = new Set(['hi', 'hey', 'hello', 'so', 'ok', 'okay', 'well', 'and', 'but', 'wait', 'quick', 'question', 'lol', 'btw', 'sorry']);
/** Words that may follow the closing "over" ("over now", "over already"). */
const AFTER_OVER = new Set(['now', 'yet', 'already']);
/**
 * Words before an "over" that is a movement or a handover, not an end: "Denmark took over", "handed
 * it over", "sending more troops over", "moved over".
 */
const OVER_IS_NO_END = new Set(
  `take takes took taken taking hand hands handed handing pass passed turn turned it them send sends sent sending
  come comes came coming go goes went gone going move moves moved moving bring brings brought fly flew flown
  troops soldiers people staff`.split(/\s+/),
);

/**
 * "Is NMI over?": the closing "over" read as "ended", a word the synonym table knows ("is over",
 * "it over" are its phrases, but the mission's name can stand between). Not after a word that makes
 * it a movement or a handover, nor in Danish, where "over" closes other phrases ("hvad dækker NMI over?").
 */
export function overAsEnded(words: readonly string[]): readonly string[] {
  let first = 0;
  while (first < words.length && OPENERS.has(words[first]!)) first++;
  let last = words.length - 1;
  while (last > first && AFTER_OVER.has(words[last]!)) last--;
  if (words[last] !== 'over' || !ASKS_YES_OR_NO.has(words[first]!) || OVER_IS_NO_END.has(words[last - 1]!)) return words;
  return [...words.slice(0, last), 'ended', ...words.slice(last + 1)];
}

/** A claim put as a comparison asks what the pair compares: "more or fewer than ten?" asks how many. */
const COMPARED = new Map<string, string[]>();
/** The words of the compared pairs: a question without any is given back as it is. */
const COMPARED_FIRST = new Set<string>();
for (const [pair, asks] of [
  ['more fewer', 'how many'], ['more less', 'how many'], ['longer shorter', 'how long'], ['earlier later', 'when'],
  ['flere faerre', 'hvor mange'], ['laengere kortere', 'hvor laenge'], ['tidligere senere', 'hvornaar'],
] as const) {
  const [a, b] = pair.split(' ') as [string, string];
  for (const or of ['or', 'eller']) for (const [x, y] of [[a, b], [b, a]]) COMPARED.set(`${x} ${or} ${y}`, asks.split(' '));
  COMPARED_FIRST.add(a).add(b);
}

/** "more or fewer than ten", "flere eller færre end tre": the pair read as the question it asks ("how many … than ten"). */
export function comparedAsAsked(words: readonly string[]): readonly string[] {
  if (!words.some((w) => COMPARED_FIRST.has(w))) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const asks = i + 2 < words.length ? COMPARED.get(`${words[i]} ${words[i + 1]} ${words[i + 2]}`) : undefined;
    if (asks) {
      out.push(...asks);
      i += 2;
    } else out.push(words[i]!);
  }
  return out;
}

/** A question's words with set phrases typed as one word split apart ("igang" → "i gang"). */
export function unjoined(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const parts = JOINED.get(w);
    if (parts) out.push(...parts);
    else out.push(w);
  }
  return out;
}

