// "Not the plan: what did Denmark actually send?", "Ikke hvem der leder den nu
// – men hvornår …?", "Apart from the helicopters, what else …?": the words a
// person names only to rule them out point at the entry they do not want. The
// part they rule out is dropped before searching; a question that would be left
// with nothing keeps its words.

/** Where a ruled-out part ends: a comma, colon, semicolon, dash or full stop, or "but"/"I mean"/"men"/"jeg mener". */
const END = String.raw`(?:(?:\s*[,:;–—]\s*|\.\s+|\s+-\s+)(?:(?:but|men|i mean|jeg mener)\s+)?|\s+(?:but|men|i mean|jeg mener)\s+)`;

/** A question that opens by ruling something out, up to the first END. */
const OPENING = new RegExp(
  String.raw`^\s*(?:(?:ok|okay|so|altså|nej)\s*,?\s+)?` +
    String.raw`(?:(?:i'?m|i am) not (?:asking|talking) (?:about )?|i (?:don'?t|do not) mean |forget (?:about )?|never ?mind (?:about )?|not |apart from |aside from |besides |other than |except |` +
    String.raw`(?:leaving|setting|putting) (?=[^,:;–—?.]*\baside\b)|ignoring |excluding |i (?:get|know|understand|realise|realize) (?:that )?|` +
    String.raw`jeg spørger ikke (?:om )?|jeg mener ikke |glem (?:lige )?(?:alt om )?|lige meget |ikke |bortset fra |ud over |udover |andet end |` +
    String.raw`(?:hvis )?(?:vi |man )?ser (?:vi )?bort fra |jeg ved (?:godt )?(?:at )?|jeg forstår (?:godt )?(?:at )?)` +
    String.raw`[^,:;–—?.]+?` +
    END,
  'iu',
);

/** A question that ends by ruling something out: "…, not only the Danes", "…, altså ikke kun danskerne". */
const CLOSING = /(?:[,;–—]\s*|\s+)(?:(?:and|but|altså|og|men)\s+)?(?:not|ikke) (?:only |just |kun |bare )?[^,;–—?]+[?.!]*\s*$/iu;

/** A question that ends by setting something aside or preferring over it: "who sends people besides denmark", "…, rather than NATO staying forever?". ("instead of" is left out: "Which mission came instead of NTM-I?" asks about the replacement.) */
const EXCEPT = /\s+(?:besides|apart from|aside from|other than|except(?: for)?|as opposed to|rather than|ud ?over|bortset fra|andet end|foruden|i modsætning til|snarere end)\s+[^,;:–—?.!]+[?.!]*\s*$/iu;

/** A question word in what EXCEPT would drop means the question itself comes after it: "So rather than fighting, what does NMI do?" */
const ASKS = /\b(?:who|what|when|where|why|how|which|hvem|hvad|hvornår|hvor|hvorfor|hvordan|hvilke|hvilken|hvilket)\b/iu;

/** A closing "not …" only counts after a comma or an "and/og", so "is it not a combat mission?" stays whole. */
const CLOSING_NEEDS = /(?:[,;–—]|\b(?:and|og|altså)\s+)\s*(?:not|ikke)\b[^,;–—]*$/iu;

/** A "not …" between a comma and a colon or dash: "the helicopters, not the rest: how many?", "…, not the EU — who?". */
const BEFORE_COLON = /[,;–—]\s*(?:(?:and|but|altså|og|men)\s+)?(?:not|ikke) [^,;:–—?.!]+(?=\s*[:–—]\s|\s+-\s)/iu;

export function withoutRuledOut(question: string): string {
  let out = question;
  const opening = OPENING.exec(out);
  if (opening) out = out.slice(opening[0].length);
  out = out.replace(BEFORE_COLON, '').replace(EXCEPT, (tail) => (ASKS.test(tail) ? tail : ''));
  if (CLOSING_NEEDS.test(out)) out = out.replace(CLOSING, '');
  return /\p{L}{2,}/u.test(out) ? out : question;
}
