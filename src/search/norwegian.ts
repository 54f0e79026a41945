// Norwegian readers write to a Danish bot in Norwegian ("Hva er hensikten med
// misjonen?", in Nynorsk "Kven har leiinga?"). The two languages share most words;
// these are the common ones spelt apart, folded (æ→ae, ø→oe, å→aa), each to its
// Danish spelling.
const PAIRS = `misjon mission|misjonen missionen|misjonens missionens|misjoner missioner|misjonene missionerne
hva hvad|lenge laenge|blitt blevet|ble blev|avsluttet afsluttet|avslutte afslutte|avsluttes afsluttes|avslutningen afslutningen
gjoer goer|gjoere goere|noe noget|mye meget|veldig meget|fortsatt fortsat|fremdeles stadig|etter efter
nasjonal national|nasjonale nationale|sikkerhet sikkerhed|sikkerhetsraad sikkerhedsraad|sikkerhetsraadet sikkerhedsraadet
forsvarsdepartementet forsvarsministeriet|forsvarsdepartement forsvarsministerium|departementet ministeriet
hensikt hensigt|hensikten hensigten|tjenestegjoer tjenestegoer|soldatene soldaterne|styrkene styrkerne
utdanning uddannelse|utdanne uddanne|utdanner uddanner|opplaering oplaering|trening traening|treningen traeningen
trene traene|trener traener|trent traenet|deltar deltager|bidrar bidrager|skjedde skete|sluttet sluttede
begynte begyndte|sjef chef|sjefen chefen|sjefer chefer|helikoptre helikoptere|helikoptrene helikopterne
overta overtage|overtok overtog|overtatt overtaget|oppdrag opgave|oppgave opgave|oppgaver opgaver
opprettet oprettet|opprette oprette|oppstart opstart|utsendt udsendt|utsendte udsendte|utplassert udsendt
nyheter nyheder|nyhetene nyhederne|siste seneste|riktig rigtig
soldatar soldater|soldatane soldaterne|leiinga ledelsen|leiing ledelse|sjoel selv|sjoelv selv|ikkje ikke|kva hvad|kven hvem`;

const NORWEGIAN: ReadonlyMap<string, string> = new Map(
  PAIRS.split(/[|\n]/)
    .map((p) => p.trim().split(/\s+/) as [string, string]),
);

/** Folded words, each Norwegian spelling replaced by the Danish one. */
export const inDanishSpelling = (words: readonly string[]): string[] => words.map((w) => NORWEGIAN.get(w) ?? w);
