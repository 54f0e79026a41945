// Finding the answer on the fixture knowledge base: both languages, Danish
// letters typed either way, synonyms, typos, declining what it does not know,
// and what an answer carries (freshness, later developments, disputes).
import { describe, expect, it } from 'vitest';
import { ask, CONFIDENCE_THRESHOLD } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/answer.js';
import { MAX_QUESTION_LENGTH } from '../../src/knowledge/schema.js';
import { buildSnapshot } from '../../src/store.js';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, editFile, FIXTURE } from './helpers.js';

const snap = buildSnapshot(FIXTURE).snapshot;

function answers(question: string, id: string, opts: Parameters<typeof ask>[2] = {}): Answer {
  const a = ask(snap, question, opts);
  expect({ question, status: a.status, id: a.id }).toEqual({ question, status: 'answered', id });
  expect(a.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  return a;
}

function declines(question: string, opts: Parameters<typeof ask>[2] = {}): Answer {
  const a = ask(snap, question, opts);
  expect({ question, status: a.status, id: a.id }).toEqual({ question, status: 'no_match', id: null });
  expect(a.question).toBeNull();
  expect(a.answer).toBeNull();
  expect(a.sources).toEqual([]);
  expect(a.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
  expect(a.suggestions.length).toBeLessThanOrEqual(3);
  return a;
}

/** The fixture plus Denmark and Italy as names, and an entry on Denmark's command that Italy took over. */
function fixtureWithDanishCommand() {
  const dir = copyFixture();
  editFile(dir, 'sources.yaml', 'synonyms:', 'synonyms:\n  - canonical: denmark\n    variants: ["danmark", "danish", "danes", "danske", "danskerne"]\n  - canonical: italy\n    variants: ["italien", "italian"]');
  editFile(dir, 'entries.yaml', '"Which country leads the mission?"', '"Which country leads the mission?", "Who led NMI before Denmark?", "Who took over NMI after Denmark?"');
  editFile(dir, 'entries.yaml', '"Hvilket land leder missionen?"', '"Hvilket land leder missionen?", "Hvem ledede NMI før Danmark?", "Hvem overtog NMI efter Danmark?"');
  appendFileSync(
    join(dir, 'entries.yaml'),
    `  - id: danish-command
    questions:
      en: ["When did Denmark lead NMI?", "Danish command of NMI", "Which country did Denmark take over from?", "How long did Denmark lead NMI?", "Danish commanders of NMI", "When did Denmark hand NMI over to Canada?"]
      da: ["Hvornår ledede Danmark NMI?", "Dansk ledelse af NMI", "Hvem overtog Danmark ledelsen fra?", "Hvor længe ledede Danmark NMI?", "Danske chefer for NMI", "Hvornår afleverede Danmark NMI?"]
    answer:
      en: "NMI was led by Denmark from Canada's handover in November 2020 to May 2022, when Italy took over."
      da: "Danmark ledede NMI fra Canadas overdragelse i november 2020 til maj 2022, da Italien overtog."
    sources: [{ id: article }]
    asOf: "2020-03-04"
`,
  );
  return buildSnapshot(dir).snapshot;
}

describe('ask: finding the entry', () => {
  it.each([
    ['Who leads NMI?', 'who-leads'],
    ['Which country is in charge of the NATO mission?', 'who-leads'],
    ['How many people serve in NMI?', 'mission-size'],
    ['where does the mission train', 'training-locations'],
    ['What did NATO say in 2024?', 'new-facts'],
  ])('English: "%s" → %s', (q, id) => {
    const a = answers(q, id);
    expect(a.lang).toBe('en');
  });

  it.each([
    ['Hvem leder NMI?', 'who-leads'],
    ['Hvor mange er med i missionen?', 'mission-size'],
    ['Hvor træner NMI?', 'training-locations'],
    ['Hvad sagde NATO i 2024?', 'new-facts'],
  ])('Danish: "%s" → %s', (q, id) => {
    const a = answers(q, id);
    expect(a.lang).toBe('da');
    expect(a.answer).toBe(snap.kb.byId.get(id)!.answer.da);
  });

  it('gives the same answer for æ/ø/å and ae/oe/aa spellings', () => {
    const withLetters = answers('NMI træningssteder', 'training-locations');
    const ascii = answers('NMI traeningssteder', 'training-locations');
    expect(ascii.id).toBe(withLetters.id);
    // In Danish, both spellings give the Danish answer word for word.
    expect(answers('NMI traeningssteder', 'training-locations', { lang: 'da' }).answer).toBe(answers('NMI træningssteder', 'training-locations', { lang: 'da' }).answer);
    // A Danish sentence typed without Danish letters is still answered in Danish.
    const a = answers('Hvor foregår træningen?', 'training-locations');
    const b = answers('Hvor foregaar traeningen?', 'training-locations');
    expect([a.lang, b.lang]).toEqual(['da', 'da']);
    expect(b.answer).toBe(a.answer);
    expect(answers('hvor mange folk taeller missionen', 'mission-size').id).toBe(answers('hvor mange folk tæller missionen', 'mission-size').id);
  });

  it.each([
    ['Does NMI train in Tajji?', 'training-locations'],
    ['Is there training in Bagdad?', 'training-locations'],
    ['Who leads NATO Mission Iraq', 'who-leads'],
    ['hvem leder natos træningsmission i irak', 'who-leads'],
  ])('synonyms: "%s" → %s', (q, id) => {
    answers(q, id);
  });

  it('rewrites synonyms to the canonical name in the search terms', () => {
    expect(snap.index.search('tajji').terms).toEqual(['taji']);
    expect(snap.index.search('bagdad').terms).toEqual(['baghdad']);
    expect(snap.index.search('who leads nato mission iraq').terms).toEqual(['who', 'leads', 'nmi']);
  });

  it.each([
    ['Who is the comander of NMI?', 'who-leads'],
    ['NMI traning locations', 'training-locations'],
    ['comander', 'who-leads'],
  ])('typos: "%s" → %s', (q, id) => {
    answers(q, id);
  });

  it('corrects the misspelled word in the search terms', () => {
    expect(snap.index.search('comander').terms).toEqual(['commander']);
    expect(snap.index.search('traning').terms).toEqual(['training']);
  });

  it('reads a closing "over" of an English yes/no question as "ended", but not a handover or a movement', () => {
    const dir = copyFixture();
    editFile(dir, 'sources.yaml', '  - canonical: taji', '  - canonical: ended\n    variants: ["is over", "finished"]\n  - canonical: taji');
    editFile(dir, 'entries.yaml', '"Recent NATO statement on NMI"', '"Recent NATO statement on NMI", "Has NMI ended?"');
    const { index } = buildSnapshot(dir).snapshot;
    // The mission's name stands between "is" and "over", so the table's phrase "is over" cannot match.
    expect(index.search('Is NMI over?').terms).toContain('ended');
    expect(index.search('is the mission over now').terms).toContain('ended');
    expect(index.search("Hi, isn't NMI over?").terms).toContain('ended');
    expect(index.search('Is it true that Canada took over?').terms).not.toContain('ended');
    expect(index.search('Is Canada sending more troops over?').terms).not.toContain('ended');
    expect(index.search('Hvad dækker NMI over?').terms).not.toContain('ended');
  });

  it('reads "at present" as asking about now, not as a word the base lacks', () => {
    expect(ask(snap, 'Who leads NMI at present?')).toMatchObject({ status: 'answered', id: 'who-leads', confidence: ask(snap, 'Who leads NMI now?').confidence });
  });

  it('keeps an everyday word that is one letter from a word of the base: what it cost is not what it sent', () => {
    const dir = copyFixture();
    editFile(dir, 'entries.yaml', '"Which country leads the mission?"', '"Which country leads the mission?", "What did Canada send?"');
    const { index } = buildSnapshot(dir).snapshot;
    expect(index.search('what did canada sendd').terms).toContain('send');
    expect(index.search('what did canada spend').terms).toContain('spend');
  });
});

describe('ask: how people word things', () => {
  it('leaves out what the question rules out', () => {
    // Without the "not …, but" the question's many words about size win.
    expect(ask(snap, 'how many people serve in nmi, the headcount, who is in charge?').id).toBe('mission-size');
    answers('Not how many people serve in NMI or its headcount, but who is in charge?', 'who-leads');
    answers('Ikke hvor mange ansatte nmi har – men hvem styrer?', 'who-leads');
  });

  it('takes a year within the base\'s own span as part of its time, and one outside it as something else', () => {
    // The fixture's texts run from 2018 to 2025; 2021 is named nowhere.
    answers('Who led the mission in 2021?', 'who-leads');
    declines('Who led the mission in 1991?');
    // So is a day of the month: "24" next to a month is a date, not something the base lacks.
    answers('Who led the mission on 24 October?', 'who-leads');
  });

  it('splits Danish set phrases typed as one word', () => {
    expect(snap.index.search('hvem leder nmi idag').terms).toEqual(snap.index.search('hvem leder nmi i dag').terms);
    expect(snap.index.search('hvormange ansatte har nmi').terms).toEqual(snap.index.search('hvor mange ansatte har nmi').terms);
    answers('hvormange ansatte har nmi', 'mission-size');
    // …also for the kind of answer it asks for.
    expect(ask(snap, 'hvormange er med i nmi').id).toBe(ask(snap, 'hvor mange er med i nmi').id);
  });

  it('checks a head count the base does not hold against the one it does, and keeps small numbers as something else', () => {
    answers('Does NMI have more than 1,000 staff?', 'mission-size');
    answers('Er der over 5000 ansatte i missionen?', 'mission-size');
    declines('what is 170 times 230');
  });

  it('reads a claim put as "more or fewer than N" as asking how many, in both languages', () => {
    expect(snap.index.search('Are there more or fewer than 300 personnel in NMI?').terms).toEqual(
      expect.arrayContaining(['how', 'many', '300']),
    );
    expect(snap.index.search('Er der flere eller færre end 300 personer i NMI?').terms).toEqual(expect.arrayContaining(['hvor', 'mange']));
    answers('Er der flere eller færre end 300 personer i NMI?', 'mission-size');
    // A small figure the base lacks is still something else, compared or not.
    declines('Does NMI have more or fewer than 10 personnel?');
  });

  it('reads two swapped letters, or a double letter typed once, in a short word as the word meant', () => {
    // Short words are never corrected by edit distance, but these are typos of their own.
    expect(answers('hwo leads the mission', 'who-leads').confidence).toBeGreaterThan(0.9);
    answers('hvme styrer missionen', 'who-leads');
    // A name of the base is corrected like any word: "Taij" is Taji, capital or not.
    answers('Do they train at Taij?', 'training-locations');
    expect(snap.index.search('how many staf does nmi have').terms).toContain('staff');
    answers('how many staf does nmi have', 'mission-size');
    // One letter more is not a typo rule: it makes a function word of real words ("tank" → "thank").
    expect(snap.index.search('does nmi have a tank').terms).toContain('tank');
  });

  it('reads a vowel left out between two consonants of a short word as the word meant', () => {
    expect(snap.index.search('hvem ledr missionen').terms).toContain('leder');
    answers('hvem ledr missionen', 'who-leads');
    // Only between two consonants: after a vowel or at the end it makes other words ("car" is not "care").
    expect(snap.index.search('does the nmi commander have a car').terms).toContain('car');
    declines('does the nmi commander have a car');
  });

  it('corrects a misspelt word that the synonym table knows only inside a longer phrase', () => {
    // "star" is part of "three-star general", not a word of its own: here it is "står" without å.
    const dir = copyFixture();
    editFile(dir, 'sources.yaml', 'synonyms:', 'synonyms:\n  - canonical: general\n    variants: ["three-star general"]');
    const { snapshot } = buildSnapshot(dir);
    const typed = ask(snapshot, 'Hvem star i spidsen for NMI?');
    expect([typed.id, typed.confidence]).toEqual(['who-leads', ask(snapshot, 'Hvem står i spidsen for NMI?').confidence]);
    expect(snapshot.index.search('three-star general').terms).toEqual(['general']);
  });

  it('fills in a question word typed a letter short, also for the kind of question it asks', () => {
    expect(snap.index.search('hw many staff does nmi have').terms).toContain('how');
    answers('hw many staff does nmi have', 'mission-size');
    // Two letters swapped, also for the kind of question: "how mnay" asks how many.
    expect(snap.index.search('how mnay staff does nmi have').terms).toContain('many');
    answers('how mnay staff does nmi have', 'mission-size');
    // "hvor mage" asks how many, not where.
    answers('hvor mage ansatte har nmi', 'mission-size');
    expect(ask(snap, 'hvor mage er med i nmi').id).toBe('mission-size');
    // A wrong letter in "many" or "hvem" too, not in "what" ("chat" is a word).
    expect(snap.index.search('how meny people serve in nmi').terms).toContain('many');
    answers('how meny people serve in nmi', 'mission-size');
    // "hwo" is "how" or "who" swapped: the word after tells.
    answers('hwo big is nmi', 'mission-size');
    answers('hwo leads nmi', 'who-leads');
    // A function word a letter off is read as meant for the kind of question too: "hvor mamge" asks how many.
    answers('hvor mamge ansatte har nmi', 'mission-size');
    expect(snap.index.search('chat about nmi').terms).toContain('chat');
  });

  it('reads Norwegian spellings (Bokmål and Nynorsk) as the Danish words', () => {
    expect(snap.index.search('hvem leder misjonen').terms).toEqual(snap.index.search('hvem leder missionen').terms);
    // Nynorsk too.
    expect(snap.index.search('kven har leiinga').terms).toEqual(snap.index.search('hvem har ledelsen').terms);
    answers('Hvor mange er med i misjonen nå?', 'mission-size');
  });

  it('reads words that only ask for brevity as framing', () => {
    answers('Briefly, who leads NMI?', 'who-leads');
    answers('Hvem leder helt overordnet NMI?', 'who-leads');
  });

  it('reads chat around a question, and a quiz\'s "true or false", as saying nothing about what is asked', () => {
    answers('hey hope ur good, random but how many staff does nmi have?', 'mission-size');
    answers('Sand eller falsk: NMI træner i Taji.', 'training-locations');
  });

  it('tells a question about a country from one about whoever came before or after it', () => {
    const withDenmark = fixtureWithDanishCommand();
    const asked = ['Who led the mission before Denmark?', 'hvem overtog efter danskerne', 'From which country did Denmark take over the lead?', 'Hvem overtog Danmark ledelsen fra?'];
    expect(asked.map((q) => ask(withDenmark, q).id)).toEqual(['who-leads', 'who-leads', 'danish-command', 'danish-command']);
    // A name the base never writes after "before"/"after" is read as the name.
    expect(withDenmark.index.search('Did NMI train in Baghdad after Taji?').terms).toContain('taji');
  });

  it('reads a misspelt filler word as a filler, not as a word the base lacks', () => {
    expect(snap.index.search('hvem ledte nmi i slutnigen af 2020').terms).toContain('slutningen');
    answers('Who actully leads NMI?', 'who-leads');
    answers('Who basically leads NMI?', 'who-leads');
    // "egenlig" shares a stem with "egen" in the base, yet it is the filler "egentlig" misspelt.
    const dir = copyFixture();
    editFile(dir, 'entries.yaml', '"I hvilke byer arbejder NMI?"]', '"I hvilke byer arbejder NMI?", "Har NMI sin egen base?"]');
    const { index } = buildSnapshot(dir).snapshot;
    expect(index.search('hvem leder nmi egenlig').terms).toContain('egentlig');
  });

  /** The fixture plus one entry with these questions and answer (one source, dated as the article). */
  function fixtureWith(id: string, en: string[], da: string[], answer: { en: string; da: string }) {
    const dir = copyFixture();
    const list = (qs: string[]) => JSON.stringify(qs);
    appendFileSync(
      join(dir, 'entries.yaml'),
      `  - id: ${id}\n    questions:\n      en: ${list(en)}\n      da: ${list(da)}\n    answer:\n      en: ${JSON.stringify(answer.en)}\n      da: ${JSON.stringify(answer.da)}\n    sources: [{ id: article }]\n    asOf: "2020-03-04"\n`,
    );
    return buildSnapshot(dir).snapshot;
  }

  /** The fixture plus an entry people ask by the subject's name alone ("What is NMI?"). */
  const withWhatIsNmi = () =>
    fixtureWith(
      'what-is-nmi',
      ['What is NMI?', 'What is NATO Mission Iraq?', 'NMI', 'nmi explained', 'What does the NMI acronym mean?', 'Tell me about NMI'],
      ['Hvad er NMI?', 'Hvad er NATO Mission Iraq?', 'NMI forklaret', 'hvad betyder nmi', 'Fortæl om NMI', 'Er NMI en kampmission?'],
      {
        en: 'NATO Mission Iraq, a training mission that advises and trains; not a combat mission.',
        da: 'NATO Mission Iraq, en træningsmission, der rådgiver og træner; ikke en kampmission.',
      },
    );

  it('answers a question that names nothing but the subject from the entry people ask that way', () => {
    const withWhatIs = withWhatIsNmi();
    // Its function words alone would pick an entry at random ("which" → the entry asked "in which cities").
    for (const q of ['nmi, which is it?', 'so what did they say about nmi', 'hvad med nmi egentlig']) {
      expect(ask(withWhatIs, q), q).toMatchObject({ status: 'answered', id: 'what-is-nmi' });
    }
    expect(ask(withWhatIs, 'Who leads NMI?').id).toBe('who-leads');
    expect(ask(withWhatIs, 'hvor mange er med i nmi').id).toBe('mission-size');
  });

  it('finds a Danish word written in the base only as part of a compound', () => {
    const { index } = withWhatIsNmi();
    // "træning" is written alone in the training entry; here only inside "træningsmission".
    expect(index.search('træning', 10).hits.map((h) => h.id)).toEqual(expect.arrayContaining(['training-locations', 'what-is-nmi']));
    // "kamp" is no word of this base on its own, so "kampmission" is not split, and "kamp" stays unknown.
    expect(index.search('kamp', 10).hits).toEqual([]);
  });

  it('reads a compound of a word of the base and a word that says nothing as the word', () => {
    const dir = copyFixture();
    editFile(dir, 'entries.yaml', '"I hvilke byer arbejder NMI?"]', '"I hvilke byer arbejder NMI?", "Hvor i Irak foregår træning?"]');
    const { snapshot } = buildSnapshot(dir);
    expect(snapshot.index.search('hvor foregår træningsaktiviteterne').terms).toContain('traening');
    expect(ask(snapshot, 'hvor foregår træningsaktiviteterne').id).toBe('training-locations');
  });

  it("does not take a common word for a rare one because the base once writes it in a rarer form", () => {
    const withMissions = fixtureWith(
      'other-missions',
      ['Which other missions are in Iraq?', 'EU and UN missions', 'other missions in iraq', 'missions besides NMI', 'Which missions work next to NMI?', 'Other international missions'],
      ['Hvilke andre missioner er i Irak?', 'EU og FN missioner', 'andre missioner i irak', 'missioner ud over NMI', 'Hvilke missioner arbejder ved siden af NMI?', 'Andre internationale missioner'],
      { en: 'The EU and the UN have missions of their own in Iraq.', da: 'EU og FN har deres egne missioner i Irak.' },
    );
    // "mission" is in most entries; only its plural is rare. "mission size" asks about size, not about other missions.
    expect(ask(withMissions, 'mission size')).toMatchObject({ status: 'answered', id: 'mission-size' });
    expect(ask(withMissions, 'hvor stor er missionen?')).toMatchObject({ status: 'answered', id: 'mission-size' });
  });

  it('leans a question about today to the entry people ask about today', () => {
    const withToday = fixtureWith(
      'staff-today',
      ['How many people serve in NMI now?', 'NMI staff today', 'how many are in nmi currently', 'Is the mission still that big?', 'How big is NMI these days?', 'current headcount'],
      ['Hvor mange er med i NMI nu?', 'NMI ansatte i dag', 'hvor mange tæller nmi for tiden', 'Er missionen stadig så stor?', 'Hvor stor er NMI i dag?', 'nuværende antal'],
      { en: 'NATO gave no later total; several hundred in 2024.', da: 'NATO har ikke givet et senere tal; flere hundrede i 2024.' },
    );
    // "pt" is in none of the questions: the question's time decides, not a shared word.
    expect(ask(withToday, 'hvor mange ansatte har nmi pt')).toMatchObject({ status: 'answered', id: 'staff-today' });
    expect(ask(withToday, 'hvor mange ansatte har nmi')).toMatchObject({ status: 'answered', id: 'mission-size' });
  });

  it('takes a capitalised name the base never mentions as a sign the question is about something else', () => {
    expect(ask(snap, 'training sites of the mission in mali').id).toBe('training-locations');
    declines('Training sites of the mission in Mali');
    declines('How many people serve in KFOR?');
    // A name is not split into words of the base the way a Danish compound is.
    expect(snap.index.search('who leads the mission in trainingbase').terms).toContain('base');
    expect(snap.index.search('Who leads the mission in Trainingbase?').terms).toContain('trainingbase');
    // Written all in capitals, no word is a name: the question is judged as if written in lower case.
    expect(ask(snap, 'WHERE DOES NMI TRAIN ITS RECRUITS').confidence).toBeCloseTo(ask(snap, 'where does nmi train its recruits').confidence);
    expect(ask(snap, 'Where does NMI train its Recruits').confidence).toBeLessThan(ask(snap, 'where does nmi train its recruits').confidence);
  });
});

describe('ask: declining', () => {
  it.each([
    ['what is the capital of France', 'en'],
    ['hvad bliver vejret i morgen', 'da'],
    ['recipe for chocolate cake', 'en'],
  ])('declines "%s"', (q, lang) => {
    const a = declines(q);
    expect(a.lang).toBe(lang);
    for (const s of a.suggestions) expect(snap.kb.byId.has(s.id)).toBe(true);
  });

  it.each(['who?', 'where', 'hvem'])('offers questions instead of guessing an answer from function words alone: "%s"', (q) => {
    const a = declines(q);
    expect(a.suggestions.length).toBeGreaterThan(0);
  });

  it("declines a question asking for the bot's view: it holds sourced facts, not opinions", () => {
    declines('Do you think the mission should have more people?');
    declines('Synes du, at missionen skal have flere folk?');
    // Nor advice on what the asker should do.
    declines('Should my son serve in NMI in Baghdad?');
    declines('Bør min søn tage med missionen til Taji?');
    // Nor a judgement, though the base uses the words ("Whose idea was the mission?").
    const dir = copyFixture();
    editFile(dir, 'entries.yaml', '"Which country leads the mission?"', '"Which country leads the mission?", "Whose idea was the mission?"');
    editFile(dir, 'entries.yaml', '"Hvilket land leder missionen?"', '"Hvilket land leder missionen?", "Hvis idé var missionen?"');
    const withIdea = buildSnapshot(dir).snapshot;
    expect(['Is the mission a good idea?', 'Er missionen en god idé?'].map((q) => ask(withIdea, q).status)).toEqual(['no_match', 'no_match']);
    expect(ask(withIdea, 'Whose idea was the mission?').status).toBe('answered');
    // The same words asked as a fact are answered.
    answers('How many people serve in NMI?', 'mission-size');
  });

  /** Gives a copied fixture a scope: NATO is broader than the mission, plus any further lines. */
  const withScope = (dir: string, extra = '') =>
    editFile(dir, 'sources.yaml', 'synonyms:', `scope:\n  broader: [nato]\n  subject: [nmi, mission, iraq]\n${extra}synonyms:`);

  it('declines a question about NATO itself rather than answer with an NMI fact', () => {
    const dir = copyFixture();
    withScope(dir);
    const scoped = buildSnapshot(dir).snapshot;
    expect(ask(scoped, 'What did NATO say in 2024?').status).toBe('no_match');
    expect(ask(scoped, 'What did NATO say about the mission in 2024?')).toMatchObject({ status: 'answered', id: 'new-facts' });
  });

  it('declines a question asking who leads something other than what the base tells who leads', () => {
    const dir = copyFixture();
    const asked = ['Who leads the training sites in Baghdad, Taji and Besmaya?', 'training locations commander'];
    // Without the declared property the training entry answers with where training happens.
    for (const q of asked) expect(ask(buildSnapshot(dir).snapshot, q)).toMatchObject({ status: 'answered', id: 'training-locations' });
    withScope(dir, '  properties: [leads, commands]\n');
    const scoped = buildSnapshot(dir).snapshot;
    for (const q of asked) expect(ask(scoped, q).status).toBe('no_match');
    // Who leads the mission itself, and where it trains, are still answered.
    expect(ask(scoped, 'NMI commander')).toMatchObject({ status: 'answered', id: 'who-leads' });
    expect(ask(scoped, 'Where does NMI train?')).toMatchObject({ status: 'answered', id: 'training-locations' });
  });

  it('declines a count asked of an entry never asked for one: the base does not know how many were trained', () => {
    declines('How many soldiers were trained at the training sites?');
    declines('training sites: how many trained?');
    // Counts the base holds are still answered.
    answers('How many people serve in NMI?', 'mission-size');
  });

  it('declines a count of what only another entry counts: the places entry does not know how many staff a base has', () => {
    const dir = copyFixture();
    editFile(dir, 'entries.yaml', '"Which bases does the mission use?"', '"Which bases does the mission use?", "How many bases does NMI use?"');
    // What is counted is compared as the synonym table's concepts.
    editFile(dir, 'sources.yaml', 'synonyms:', 'synonyms:\n  - canonical: staff\n    variants: ["staff", "people", "personnel", "ansatte"]\n  - canonical: base\n    variants: ["bases", "baser"]');
    const withBases = buildSnapshot(dir).snapshot;
    expect(ask(withBases, 'How many bases does the mission have?').id).toBe('training-locations');
    expect(ask(withBases, 'How many staff work at the bases?').status).toBe('no_match');
  });

  it("declines what an entry tells of one country when asked of another it never names", () => {
    const snapshot = fixtureWithDanishCommand();
    expect(ask(snapshot, 'How long did Denmark lead NMI?').id).toBe('danish-command');
    expect(ask(snapshot, 'How long did Italy lead NMI?').status).toBe('no_match');
    expect(ask(snapshot, 'Hvor længe ledede Italien NMI?').status).toBe('no_match');
  });

  it('declines an empty question without suggestions', () => {
    const a = declines('   ');
    expect(a.suggestions).toEqual([]);
    expect(a.confidence).toBe(0);
  });

  it('keeps confidence within 0..1 for any question', () => {
    const questions = [
      'Who leads NMI?',
      'NMI',
      'nmi nmi nmi nmi',
      'mission',
      'the the the',
      'what is the capital of France',
      'Hvem leder NMI?',
      'NMI træningssteder Taji Bagdad Besmaya kommando 2024',
      '????',
      '',
    ];
    for (const q of questions) {
      const c = ask(snap, q).confidence;
      expect(c, q).toBeGreaterThanOrEqual(0);
      expect(c, q).toBeLessThanOrEqual(1);
      const r = snap.index.search(q);
      expect(r.confidence, q).toBeGreaterThanOrEqual(0);
      expect(r.confidence, q).toBeLessThanOrEqual(1);
    }
  });
});

describe('ask: language', () => {
  it("detects the question's language with 'auto' and answers in it", () => {
    expect(ask(snap, 'Hvem leder NMI?', { lang: 'auto' }).lang).toBe('da');
    expect(ask(snap, 'Who leads NMI?', { lang: 'auto' }).lang).toBe('en');
    expect(ask(snap, 'Hvem leder NMI?').question).toBe('Hvem leder NMI?');
  });

  it('answers in English when the language is unclear', () => {
    const a = ask(snap, 'NMI');
    expect(a.lang).toBe('en');
    if (a.status === 'answered') expect(a.answer).toBe(snap.kb.byId.get(a.id!)!.answer.en);
  });

  it('lets an explicit language override detection', () => {
    const da = answers('Who leads NMI?', 'who-leads', { lang: 'da' });
    expect(da.lang).toBe('da');
    expect(da.question).toBe('Hvem leder NMI?');
    expect(da.answer).toContain('Canada');
    expect(da.answer).toBe(snap.kb.byId.get('who-leads')!.answer.da);
    expect(da.developments[0]!.text).toBe('Frankrig overtog kommandoen.');

    const en = answers('Hvem leder NMI?', 'who-leads', { lang: 'en' });
    expect(en.lang).toBe('en');
    expect(en.question).toBe('Who leads NMI?');
    expect(en.answer).toBe(snap.kb.byId.get('who-leads')!.answer.en);
  });

  it('answers a no_match in the requested language', () => {
    expect(declines('what is the capital of France', { lang: 'da' }).lang).toBe('da');
  });
});

describe('ask: a chosen entry', () => {
  it('answers exactly the entry asked for, with confidence 1, whatever the text', () => {
    const a = ask(snap, 'what is the capital of France', { entryId: 'mission-size' });
    expect(a).toMatchObject({ status: 'answered', id: 'mission-size', confidence: 1, question: 'How many people serve in NMI?' });
    expect(ask(snap, 'Who leads NMI?', { entryId: 'new-facts', lang: 'da' })).toMatchObject({ id: 'new-facts', lang: 'da', question: 'Hvad sagde NATO i 2024?' });
  });

  it('falls back to searching when the entry does not exist (e.g. removed by a reload)', () => {
    expect(ask(snap, 'Who leads NMI?', { entryId: 'gone' })).toMatchObject({ status: 'answered', id: 'who-leads' });
    expect(ask(snap, 'what is the capital of France', { entryId: 'gone' }).status).toBe('no_match');
  });
});

describe('suggest', () => {
  it('offers the shortcuts first for an empty box, titles within Discord limits', () => {
    for (const lang of ['en', 'da'] as const) {
      const all = snap.index.suggest('', lang);
      expect(all.map((s) => s.id).slice(0, 2)).toEqual(['who-leads', 'mission-size']);
      expect(all.map((s) => s.id).sort()).toEqual(['mission-size', 'new-facts', 'training-locations', 'who-leads']);
      for (const s of all) {
        expect(s.question).toBe(snap.kb.byId.get(s.id)!.questions[lang][0]);
        expect(s.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
      }
    }
  });

  it('returns at most `limit` suggestions', () => {
    expect(snap.index.suggest('', 'en', 3)).toHaveLength(3);
    expect(snap.index.suggest('', 'en', 1)).toEqual([{ id: 'who-leads', question: 'Who leads NMI?' }]);
    expect(snap.index.suggest('NMI', 'en', 2).length).toBeLessThanOrEqual(2);
    expect(snap.index.suggest('mission', 'da', 1).length).toBeLessThanOrEqual(1);
  });

  it('completes the word being typed', () => {
    expect(snap.index.suggest('who le', 'en').map((s) => s.id)).toContain('who-leads');
    expect(snap.index.suggest('who le', 'en')[0]).toEqual({ id: 'who-leads', question: 'Who leads NMI?' });
    expect(snap.index.suggest('hvor stor', 'da')[0]).toEqual({ id: 'mission-size', question: 'Hvor mange er med i NMI?' });
  });
});

describe('ask: what an answer carries', () => {
  it('flags facts older than the freshness limit as stale', () => {
    expect(answers('Who leads NMI?', 'who-leads', { now: new Date('2026-06-01') }).stale).toBe(true);
    expect(answers('Who leads NMI?', 'who-leads', { now: new Date('2021-06-01') }).stale).toBe(false);
    expect(answers('What did NATO say in 2024?', 'new-facts', { now: new Date('2025-06-01') }).stale).toBe(false);
    expect(answers('Who leads NMI?', 'who-leads', { now: new Date('2021-06-01'), freshnessDays: 30 }).stale).toBe(true);
    expect(declines('what is the capital of France', { now: new Date('2030-01-01') }).stale).toBe(false);
  });

  it('cites the sources with their dates and the as-of date', () => {
    const a = answers('Who leads NMI?', 'who-leads');
    expect(a.asOf).toBe('2020-03-04');
    expect(a.sources).toEqual([
      {
        id: 'article',
        title: 'Test article about NMI',
        publisher: 'Forsvaret (Danish Defence)',
        url: 'https://example.org/article',
        date: '2020-03-04',
        kind: 'official',
        section: 'Hvad er NATO Mission Iraq?',
      },
    ]);
    expect(a.related.map((r) => r.id)).toEqual(['mission-size', 'training-locations']);
  });

  it('marks a development reported by news only', () => {
    const a = answers('Who leads NMI?', 'who-leads');
    expect(a.developments).toHaveLength(1);
    expect(a.developments[0]).toMatchObject({ date: '2025-05-22', text: 'France took command.', newsOnly: true });
    expect(a.developments[0]!.sources.map((s) => s.id)).toEqual(['handover-news']);

    // With an official source beside the news one, it is no longer news only.
    const dir = copyFixture();
    editFile(dir, 'entries.yaml', 'sources: [{ id: handover-news }]', 'sources: [{ id: handover-news }, { id: nato-page }]');
    const other = buildSnapshot(dir).snapshot;
    expect(ask(other, 'Who leads NMI?').developments[0]!.newsOnly).toBe(false);
  });

  it('says where sources disagree', () => {
    const a = answers('How big is the mission?', 'mission-size');
    expect(a.disputed).toEqual({
      text: 'Later figures differ: several hundred according to NATO in 2024.',
      sources: [expect.objectContaining({ id: 'nato-page', date: '2024-05-27' })],
    });
    expect(answers('Hvor stor er missionen?', 'mission-size').disputed!.text).toBe('Senere tal er forskellige: flere hundrede ifølge NATO i 2024.');
    expect(answers('Who leads NMI?', 'who-leads').disputed).toBeNull();
  });
});

describe('dates known only to the month', () => {
  it('are written without an invented day, in both languages', async () => {
    const { formatDate } = await import('../../src/i18n.js');
    expect(formatDate('2024-01', 'en')).toBe('January 2024');
    expect(formatDate('2024-01', 'da')).toBe('januar 2024');
    expect(formatDate('2020-03-04', 'en')).toBe('4 March 2020');
    expect(formatDate('2020-03-04', 'da')).toBe('4. marts 2020');
  });

  it('are accepted by the schema as YYYY-MM, and a month 13 is not', () => {
    const dir = copyFixture();
    editFile(dir, 'sources.yaml', 'date: "2025-05-22"', 'date: "2025-05"');
    const fresh = buildSnapshot(dir).snapshot;
    const a = ask(fresh, 'Who leads NMI?');
    expect(a.developments[0]!.sources[0]!.date).toBe('2025-05');
    editFile(dir, 'sources.yaml', 'date: "2025-05"', 'date: "2025-13"');
    expect(() => buildSnapshot(dir)).toThrow(/is not a real date/);
  });
});
