// A question often comes wrapped in sentences that only frame it: "I'm prepping
// a podcast. Which documents are your answers based on?", "did nato pull out or
// what? heard it on the radio". The sentences that ask say what is wanted; the
// rest is context. A colon ends a sentence after one about the asker or before a
// whole question ("Til brug for et talepapir: hvad er formålet …?"), and a dash
// after a greeting or the asker ("hej fra Sisimiut – hvor mange …?"): before other
// colons and dashes comes the topic as often as not ("Not the whole contribution,
// only the helicopters: how many?", "current COM NMI – which nation holds it?").

export interface Framed {
  /** The sentences that ask; the whole text when none or all of them do. */
  asking: string;
  /** The rest ("" when there is none). */
  framing: string;
}

/** Question words, which also ask from inside a sentence: "… and I would like to know what it is." */
const QUESTION_WORDS = new Set('who what when where why how which hvem hvad hvornår hvor hvorfor hvordan hvilken hvilke hvilket'.split(' '));

/** Words that open a question when its question mark is left off ("er det fra forsvaret"). */
const OPENS_A_QUESTION = new Set([
  ...QUESTION_WORDS,
  ...`whose is are was were do does did can could will would has have had should
  er var har havde kan kunne vil ville skal skulle gør gjorde`.split(/\s+/),
]);

function asks(sentence: string): boolean {
  const s = sentence.trim();
  if (s.endsWith('?')) return true;
  if (/[.!]$/.test(s)) return false;
  return OPENS_A_QUESTION.has(s.split(/\s+/)[0]!.toLowerCase());
}

/** Without a question mark, a sentence asks when it holds a question word ("Kære bot. … vide, hvad det er. Tak."). */
const holdsAQuestionWord = (sentence: string) => sentence.toLowerCase().split(/[^\p{L}]+/u).some((w) => QUESTION_WORDS.has(w));

/** The question words, capital or not, as they open a question of its own after a colon. */
const QUESTION_OPENERS = `(?:${[...QUESTION_WORDS].map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})`;

/** Words that speak of the asker, and greetings. */
const ASKER = String.raw`(?:[Ii]|[Ii]'?m|[Mm]e|[Mm]y|[Ww]e|[Oo]ur|[Jj]eg|[Mm]ig|[Mm]in|[Mm]it|[Vv]i|[Vv]ores)`;
const GREETING = String.raw`(?:[Hh]ej|[Hh]i|[Hh]ello|[Hh]ey|[Hh]ilsen|[Gg]reetings)`;

/**
 * Where a sentence ends: after "?" or "!", or after "." that follows a word of three letters or more,
 * or of two when a capital follows: abbreviations end none ("U.S. troops", "ca. 500", "f.eks.
 * soldater", "d. 4. marts"), and chat that starts sentences in lower case still splits.
 * A colon ends a sentence that speaks of the asker ("Jeg forbereder et interview: hvor længe …?"),
 * and so does a dash, also after a greeting ("hej fra Sisimiut – hvor mange …?").
 */
const SENTENCE_END = new RegExp(
  [
    String.raw`(?<=[?!])\s+`,
    // Each long look-behind is tried only where its cheap first check holds: a question is split on every ask.
    String.raw`(?<=\.)(?<=(?:^|\s)[\p{L}\p{N}]{3,}\.)\s+`,
    String.raw`(?<=\.)(?<=(?:^|\s)[\p{L}\p{N}]{2}\.)\s+(?=\p{Lu})`,
    String.raw`(?<=:)(?<=^[^:?!]*\b${ASKER}\b[^:?!]*:)\s+`,
    // …and any colon before a whole question ("Til brug for et talepapir: hvad er …?", "Podcast prep: what's …?").
    String.raw`(?<=:)\s+(?=(?:${QUESTION_OPENERS})(?:['’]?s|['’]re)?\s+\p{L}+\s+\p{L}+)`,
    String.raw`(?=\s+[–—-]\s)(?<=^[^:?!–—]*\b(?:${ASKER}|${GREETING})\b[^:?!–—]*)\s+[–—-]\s+`,
  ].join('|'),
  'u',
);

/** Splits a question into the sentences that ask and those that frame them. */
export function splitFraming(text: string): Framed {
  const sentences = text.split(SENTENCE_END).filter((s) => s.trim() !== '');
  const asking = sentences.filter(text.includes('?') ? asks : holdsAQuestionWord);
  if (asking.length === 0 || asking.length === sentences.length) return { asking: text, framing: '' };
  return { asking: asking.join(' '), framing: sentences.filter((s) => !asking.includes(s)).join(' ') };
}
