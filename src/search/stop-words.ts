// Function words of English and Danish, and other words that say nothing about
// what is asked (who asks, light verbs, checks); Danish folded: æ→ae, ø→oe, å→aa.
// They stay in the index — rarity already weighs them down in ranking — but
// count for little when judging how much of a question the knowledge covers,
// so "what is the capital of France" is judged on "capital" and "France".
const ENGLISH = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
or other our out over own same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your
yours tell me please know about anything thing things something much many lot get got s t don whats who's what's
still currently right today anyway actually really ok okay hi hey hello thanks thank
thing things stuff something anything everything nothing someone anyone everyone somebody anybody wait ever never
too also else quick quickly type kind sort moment days day these those way whole every well better best idea going
gonna wanna want need let lets let's say said says heard hear hearing know knew known think thought guess mean means
exactly basically probably maybe perhaps quite pretty rather somewhat around roughly approximately about almost
already yet again just even though although however whether either neither like likely lot lots bit little big-ish
u r ur ya yeah yes no nope atm btw fyi pls plz thx tbh imo idk lol hmm um uh oh ah so-called one ones someone's
can't cannot won't isn't aren't wasn't weren't didn't doesn't don't haven't hasn't hadn't it's that's there's here's
i'm you're we're they're i've you've we've they've i'd you'd he's she's out there anymore nowadays
take takes took taken taking get gets got gotten getting give gives gave given go goes went gone going make makes
made come comes came become becomes became put puts seem seems use uses used
coming taking getting making giving putting seeming using meant saying thinking knowing wanting needing
wonder wondering wondered curious ask asking asked tell telling told towards toward lol lmao tho couple deal
partway mainly mostly along besides apart literally honestly seriously whatever kinda sorta gotta rn smth sth
guys y'all wat wut total altogether overall yo yep yup see sees saw seen seeing read heard
weren wasn isn aren didn doesn haven hasn hadn won wouldn couldn shouldn ll ve re
another others otherwise anyhow anyways anywhere somewhere nowhere everywhere elsewhere somehow sometime sometimes
ahead alone aside beside beyond despite within via versus whilst whereas thus hence therefore indeed merely namely
nearly largely fairly truly simply certainly surely clearly obviously apparently presumably hopefully unfortunately
definitely possibly usually often presently present kindly appreciate wants wanted wish wishes hope hoping looking trying
try tried whatever whoever whichever whenever wherever whose ones myself yourself himself herself ourselves bunch
question questions quiz q wise reading says dumb stupid silly conduct conducts conducted conducting
perform performs performed activities activity`;

const DANISH = `af alle allerede altid andet andre at bare blev bliver da de dem den denne der deres det dette dig din
dine disse dit du efter eller en end er et for fordi fra ham han hans har havde have hende hendes her hos hun hvad
hvem hvilke hvilken hvilket hvis hvor hvordan hvornaar hvorfor hvorhen hvorfra hvorifra hvorledes i ikke ind ja jeg jer jo kan kunne
man mange med meget men mig min mine mit mod naar ned nej noget nogle nu og ogsaa om op os over paa saa sig sin sine
sit skal skulle skullet haft kunnet villet maatte burde som stadig sådan til ud under var vil ville vi vaere vaeret
hej tak lige egentlig mon nok vel kun
fortael fortaelle ved vide hvad's nogen noget mere mest
helt bare nogensinde virkelig altsaa ca cirka omkring her henne der derhenne dernede pt p.t. man din dit dine
jeres vores hans hendes sin sit sine stadigvaek stadigvaek fortsat nok vist jo da dog endnu allerede igen ogsaa
osv mv fx f.eks evt lidt lige snart tit ofte aldrig altid hele halve mon gad tror troede synes mener hoert hoere
ikk ik iik ha okay ok jamen nah naa aa aah hmm haha tja nogle nogen noget andet andre ting tingen tingene slags
sådan saadan saan slags type form moment dage dag for tiden nuvaerende for nylig vel ellers egentlig overhovedet
tog tage tager taget gik gaa gaar gaaet fik faa faar faaet gav give giver givet goere goer gjorde gjort lave laver
lavede lavet kom komme kommer kommet blev blive bliver blevet holde holder holdt bruge bruger brugt
derovre derude faktisk rent overhovedet ligesom lissom sgu hva hvaa nemlig aabenbart
forresten ioevrigt lol spoerge spoerger spurgte undre undrer nysgerrig alt samlet sammenlagt
maaske oeh oehm eh naah jaja hejsa hallo folkens gutter spoergsmaal lurer taenkte taenker set se laest laese
sagt sige siger sagde kender kendte forstaar forstod hoerte godt handler
venligst gerne derhenne herovre sikkert formentlig vistnok tilsyneladende nogenlunde tilsammen
ift mht dvs iflg ifm bla
udfoere udfoerer udfoert gennemfoere gennemfoerer gennemfoert aktiviteter aktivitet aktiviteten aktiviteterne hen
dens dets udover derudover oppe slet vaek oejeblikket naervaerende
ae noej ta ka sku ku`;

/** Set phrases that say nothing about what is asked, though their words alone might ("place", "back"); by first word. */
const FILLER_PHRASES = new Map<string, string[][]>();
for (const phrase of `in the first place|first of all|by the way|at all|back then|back in|as well|for that matter|
the thing is|to be honest|in the end|at the end of the day|i det hele taget|først og fremmest|for den sags skyld|
i sin tid|dengang i|i sidste ende|at some point|på et tidspunkt|no longer|not any longer|ikke længere|ikke mere|når alt kommer til alt|i så fald|if so|on earth|in the world|in a nutshell|in short|in brief|
in a few words|in plain english|to what extent|i hvilken grad|i hvilket omfang|in plain terms|in practice|i praksis|i morgen|for good|for altid|in simple terms|in layman terms|kort fortalt|kort sagt|i korte træk|med få ord`.split('|')) {
  const words = phrase.trim().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').split(' ');
  FILLER_PHRASES.set(words[0]!, [...(FILLER_PHRASES.get(words[0]!) ?? []), words]);
}

/** The length of the filler phrase starting at words[i], or 0. */
function fillerAt(words: readonly string[], i: number): number {
  for (const p of FILLER_PHRASES.get(words[i]!) ?? []) {
    let k = 1;
    while (k < p.length && words[i + k] === p[k]) k++;
    if (k === p.length) return k;
  }
  return 0;
}

/** "keeps saying", "keep hearing": "keep" before a verb in -ing says "again and again", not "retain". */
const KEEP = new Set(['keep', 'keeps', 'kept', 'keeping']);
const keepsDoing = (words: readonly string[], i: number) => KEEP.has(words[i]!) && /^\p{L}{2,}ing$/u.test(words[i + 1] ?? '');

/** Folded words with every filler phrase taken out. */
export function withoutFillerPhrases(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const skip = fillerAt(words, i) || (keepsDoing(words, i) ? 1 : 0);
    if (skip) i += skip;
    else out.push(words[i++]!);
  }
  return out;
}

/**
 * Who is asking ("my brother is out with nmi", "min søn er udsendt", "jeg er pensioneret"): families
 * of deployed soldiers, students and journalists say it, and it tells nothing about what they ask.
 * Never a spelling target ("koster" is not "moster").
 */
const ASKERS = `brother brothers sister sisters son sons daughter daughters dad father mom mum mother husband wife
boyfriend girlfriend kid kids child children family uncle aunt cousin nephew niece grandson granddaughter grandchild
mor mors bror broder soester soen soenner datter doetre kone kaereste barn boern familie familien onkel moster faster farbror
morbror faetter kusine nevoe barnebarn boerneboern bedstemor bedstefar mormor morfar farmor farfar
grandma grandpa grandmother grandfather retired pensioner pensioneret pensionist studerende
journalist reporter researcher forsker moderator gymnasieelev skoleelev patron patrons librarian
laaner laanere bibliotekar mp mps folketingsmedlem politiker briefing briefings drafting memo notat notatet sro srp
sorry excuse undskyld veteran veteraner elev elever essay assignment homework lektier studiegruppe studiegruppen statskundskab indslag
worried worry worries nervous scared afraid anxious concerned sick bekymret bekymrede nervoes bange urolig`;

/**
 * Words that frame a question rather than say what it is about: light verbs ("carry out", "involved",
 * "snakker"), hedges and checks ("is it true", "passer det"), "full"/"samlede", seasons, chat slang and
 * less common function words; requests' adjectives ("neutral", "detailed", "kortfattet"), what the
 * asker works on ("podcast", "speciale"), Swedish and Norwegian function words. Never spelling
 * targets: "døde" must not become "boede".
 */
const LIGHT = `involved involve involves involving involvement engaged
especially particularly primarily always enough none several less least twice across unless among
b c d e f g h j k l m n o p v w x y z
whos wheres whens hows whys thats theres heres ngl fr lowkey highkey someday perspective
full complete entire originally original
consist consists consisted comprise comprises spring summer autumn winter
called named mention mentions mentioned mentioning talk talks talked talking true false correct incorrect wrong
presence tilstedevaerelse instead example examples eksempel eksempelvis vender vende vendte comeback stykke stykker tid tiden outfit outfits sentence sentences ago care cares done look looks looked combined together programme programmes program programs programmet purely solely exclusively carry carries carried carrying write writes wrote written writing element elements behind
involveret involvere involverer involvering engageret udelukkende indgaa indgaar indgik indgaaet
skrive skriver skrev skrevet hed hedder hedde heddet kaldes kaldet kaldt kalder kaldte
baade hverken enten heller netop isaer saerligt specielt primaert hovedsageligt blot ganske temmelig ret saaledes
derfor dermed desuden selvom mens indtil inden simpelthen ingen intet alting hver hvert enhver ens samme per pr
blandt mellem gennem foran bagved imod naevne naevner naevnte naevnt snakke snakker snakkede rigtigt rigtig korrekt sandt forkert passer stemmer
bestaa bestaar bestod bestaaet samlede fulde komplette oprindelig oprindeligt
ultimo primo medio foraar foraaret sommer sommeren efteraar efteraaret vinter vinteren proeve proever
proevede forsoege forsoeger goddag godmorgen dav kaere venlig venlige hilsen mvh
hur ocksaa och inte vad vem aer av egentligen ju mycket kanske bara maanga hela naer ska ger nya oever
bot botten list liste opremse
antal number numbers amount
samarbejde samarbejder samarbejdet cooperate cooperates cooperation collaborate collaborates
ren rene particular specific extra ekstra nordic nordisk nordiske scandinavian skandinavisk skandinaviske
kontor kontoret round rounds trivia stod praecis praecist
tomorrow entirely reelt straight belong belongs sounds soon level levels niveau niveauet aftale aftalen forever evigt
checking diskutere diskuterer diskuterede discuss discussing discussed dengang
regarding concerning slutningen
brief briefly concise concisely basic basics overordnet overordnede principal saetning saetninger
markant markante betydeligt vaesentligt significantly substantially considerably drastically dramatically
refer refers referring referred henviser henvise
good random randomly wtf wth sand falsk redegoer redegoere redegoerelse
pod specifically fungerer fungere fungerede
lt gen gl genlt genmaj gm brig col
similar lignende tilsvarende equivalent counterpart
role roles rolle rollen play plays played spiller spillede
neutral neutralt neutrale objektiv objektivt unbiased upartisk upartiske balanced balanceret afbalanceret
nuanced nuanceret simpel simpelt enkel enkelt enkle easy nem nemt understandable forstaaeligt letforstaaelig
letforstaaeligt laegmand plainly detailed detaljeret detaljerede thorough thoroughly grundig grundigt
uddybende concrete concretely konkret konkrete generelt generel generelle generally essentially grundlaeggende
fundamentally exact exakt noejagtig noejagtigt praecise approximate approx omtrentlig omtrent circa ballpark
estimate estimated rough hoefligst respectfully respektfuldt dear sir madam greetings hiya howdy heya godaften
hejhej davs halloejsa hei tjena tjenare cheers ty tysm takk tack bruh bro dude mate omg wtf srsly lmk tbf ikr
istg jk fam mega vildt sindssygt pisse fucking hamrende skide typ assaa xd hehe legit ble blir noe veldig litt
kanskje meg deg fortell beraetta vilka vilken vilket foer fraan ifraan jag naagon naagot naagra varfoer sedan
factual faktuel faktuelt saglig sagligt short succinct kortfattet kortfattede hurtig hurtigt tldr tl;dr eli5
details detaljer comprehensive udfoerlig udfoerligt in-depth chronological chronologically kronologisk
kronologiske raekkefoelge raekkefoelgen precise precisely noejagtige eksakt eksakte specifikt actual faktiske
reelle egentlige virkelige estimates anslaaet anslag skoen skoennet sure certain uncertain unsure sikker
usikker wow ffs iirc afaik asap student lesson lektion presentation praesentation podcast thesis speciale exam
eksamen historieopgave historieopgaven skoleopgave skoleopgaven projektopgave regards hilsner taknemmelig
grateful appreciated kort shorter succinctly compact kompakt condensed oneliner one-liner stikord stikordsform
punktform bullet bullets bekraeft angive angiv indicate specify inform informere confused confusing forvirret
forvirrende clue aner opinion aerligt aerlig serioest angiveligt supposedly allegedly interesting interessant
main podcaster dissertation specialet bacheloropgave synopsis paper uni university universitet gymnasiet
oplaeg foredrag eksamensopgave pubquiz newsletter nyhedsbrev blog interview neighbour neighbor nabo friend ven
veninde kammerat colleague kollega spouse fiancé forlovede svigersoen svigerdatter fact-check faktatjek
faktatjekke double-check dobbelttjekke oplyse oplyses oplys navne navnet navnene bekraeftes verify verificere
factcheck tal tallet tallene stats statistics statistik bekraefte figures statistikken names`;

/** Function words that a misspelt word may be corrected to ("actully" → actually). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${DANISH}`.split(/\s+/).filter(Boolean));
export const STOP_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...`${ASKERS} ${LIGHT}`.split(/\s+/).filter(Boolean)]);

const DANISH_MARKERS = new Set(
  `og er det der hvem hvad hvor hvordan hvornaar hvorfor hvilke hvilken hvilket jeg du vi de den en et til af paa med
  som har var ikke om kan skal mange missionen irak danmark danske dansk soldater ledelse leder blev bliver hvem's nu
  stadig siden efter aar hvornaar hvorfra hvorifra`.split(/\s+/),
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
