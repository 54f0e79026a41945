// Function words of English and Danish (Danish folded: æ→ae, ø→oe, å→aa).
// They stay in the index — rarity already weighs them down in ranking — but
// count for little when judging how much of a question the knowledge covers,
// so "what is the capital of France" is judged on "capital" and "France".
const ENGLISH = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
or other our out over own same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your
yours tell me please know about anything thing things something much many lot get got s t don whats who's what's
still currently right today anyway actually really ok okay hi hey hello thanks thank`;

const DANISH = `af alle allerede altid andet andre at bare blev bliver da de dem den denne der deres det dette dig din
dine disse dit du efter eller en end er et for fordi fra ham han hans har havde have hende hendes her hos hun hvad
hvem hvilke hvilken hvilket hvis hvor hvordan hvornaar hvorfor hvorhen hvorledes i ikke ind ja jeg jer jo kan kunne
man mange med meget men mig min mine mit mod naar ned nej noget nogle nu og ogsaa om op os over paa saa sig sin sine
sit skal skulle som stadig sådan til ud under var vil ville vi vaere vaeret hej tak lige egentlig mon nok vel
fortael fortaelle ved vide hvad's nogen noget mere mest`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${DANISH}`.split(/\s+/).filter(Boolean));

const DANISH_MARKERS = new Set(
  `og er det der hvem hvad hvor hvordan hvornaar hvorfor hvilke hvilken hvilket jeg du vi de den en et til af paa med
  som har var ikke om kan skal mange missionen irak danmark danske dansk soldater ledelse leder blev bliver hvem's nu
  stadig siden efter aar hvornaar hvorfra`.split(/\s+/),
);
const ENGLISH_MARKERS = new Set(
  `the is are was were who what where when why how which does do did of to in for with and it this that many much
  mission iraq denmark danish soldiers lead leads leader command still now since after year from`.split(/\s+/),
);

/**
 * The language of a question from its function words and letters; `fallback`
 * when it gives no sign (e.g. "NMI").
 */
export function detectLanguage(text: string, fallback: 'en' | 'da'): 'en' | 'da' {
  const lower = text.toLowerCase();
  let da = /[æøå]/.test(lower) ? 2 : 0;
  let en = 0;
  for (const w of lower.split(/[^\p{L}]+/u)) {
    const folded = w.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
    if (DANISH_MARKERS.has(folded)) da += 1;
    if (ENGLISH_MARKERS.has(folded)) en += 1;
  }
  if (da === en) return fallback;
  return da > en ? 'da' : 'en';
}
