// The sentences around a question ("Writing an essay for school.") frame it; the
// sentence that asks says what is wanted, so framing words weigh little, except
// a name the base lacks, which still says the question is about something else.
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { splitFraming } from '../../src/search/framing.js';
import { buildSnapshot } from '../../src/store.js';
import { FIXTURE } from './helpers.js';

describe('splitFraming', () => {
  it.each([
    ['Writing an essay for school. Who is in charge of NMI?', 'Who is in charge of NMI?', 'Writing an essay for school.'],
    ['did nato pull out of iraq or smth? heard something on the radio', 'did nato pull out of iraq or smth?', 'heard something on the radio'],
    // A last sentence that opens like a question is one, even without its "?".
    ['hvor ved du det fra? er det fra forsvaret eller fra aviserne', 'hvor ved du det fra? er det fra forsvaret eller fra aviserne', ''],
    // Before a colon is often the topic itself, so a colon splits nothing.
    ['Not the whole contribution, only the helicopters: how many?', 'Not the whole contribution, only the helicopters: how many?', ''],
    ['Who leads NMI', 'Who leads NMI', ''],
    ['Who leads NMI? And since when?', 'Who leads NMI? And since when?', ''],
    // Without a question mark, the sentence with a question word asks.
    ['Kære bot. Jeg vil gerne vide, hvad NMI er. På forhånd tak.', 'Jeg vil gerne vide, hvad NMI er.', 'Kære bot. På forhånd tak.'],
    ['NMI training sites', 'NMI training sites', ''],
    // A colon ends a sentence about the asker; a sentence may start in lower case.
    ['Jeg forbereder et interview: Hvem leder NMI?', 'Hvem leder NMI?', 'Jeg forbereder et interview:'],
    ['jeg skriver en opgave om NMI. hvem leder den', 'hvem leder den', 'jeg skriver en opgave om NMI.'],
    // …and so does a colon before a whole question.
    ['Til brug for et talepapir: hvad er formålet med NMI?', 'hvad er formålet med NMI?', 'Til brug for et talepapir:'],
    ["Podcast prep: what's the latest on NMI?", "what's the latest on NMI?", 'Podcast prep:'],
    // Abbreviations end no sentence.
    ['How many U.S. troops are in NMI?', 'How many U.S. troops are in NMI?', ''],
    ['Er der ca. 500 i NMI? Jeg spørger for en ven.', 'Er der ca. 500 i NMI?', 'Jeg spørger for en ven.'],
    // A dash ends a greeting or a sentence about the asker; before other dashes comes the topic.
    ['hej fra Sisimiut – hvor mange er med i NMI?', 'hvor mange er med i NMI?', 'hej fra Sisimiut'],
    ['Jeg skriver fra Tórshavn - hvilke lande er med?', 'hvilke lande er med?', 'Jeg skriver fra Tórshavn'],
    ['current COM NMI – which nation holds the command?', 'current COM NMI – which nation holds the command?', ''],
  ])('"%s" asks "%s"', (text, asking, framing) => {
    expect(splitFraming(text)).toEqual({ asking, framing });
  });
});

describe('ask: a question inside framing sentences', () => {
  const snap = buildSnapshot(FIXTURE).snapshot;

  it('answers the sentence that asks', () => {
    expect(ask(snap, 'Writing an essay for school. Who is in charge of NMI?')).toMatchObject({ status: 'answered', id: 'who-leads' });
    expect(ask(snap, 'hvem styrer nmi? hørte det i radioen i morges')).toMatchObject({ status: 'answered', id: 'who-leads' });
  });

  it('reads a question that names nothing ("Is that right?") as asking about the sentences before it', () => {
    expect(ask(snap, 'I read that Canada is in charge of NMI. Is that right?')).toMatchObject({ status: 'answered', id: 'who-leads' });
    expect(ask(snap, 'Jeg har læst, at Canada leder NMI. Passer det?')).toMatchObject({ status: 'answered', id: 'who-leads' });
  });

  it('still declines when the framing names something the base does not know', () => {
    expect(ask(snap, 'My son is in KFOR. Who is in charge of the mission?').status).toBe('no_match');
  });

  it('takes a name the question only likens its subject to as no sign of another subject', () => {
    expect(ask(snap, 'Which country leads NMI, a mission like KFOR?')).toMatchObject({ status: 'answered', id: 'who-leads' });
    expect(ask(snap, 'Hvem leder NMI, ligesom KFOR?')).toMatchObject({ status: 'answered', id: 'who-leads' });
    expect(ask(snap, 'Who is in charge of NMI and KFOR?').status).toBe('no_match');
    // "like" as a verb compares nothing.
    expect(ask(snap, 'Where does NMI train, is it like Kuwait?')).toMatchObject({ status: 'answered', id: 'training-locations' });
    expect(ask(snap, 'Where does NMI train, and does NMI like Kuwait?').status).toBe('no_match');
  });

  it('takes a place the asker writes from or is visiting as about the asker, not a sign the question is about something else', () => {
    expect(ask(snap, 'Greetings from Tórshavn – who is in charge of NMI?')).toMatchObject({ status: 'answered', id: 'who-leads' });
    expect(ask(snap, "I'm visiting Tórshavn and read about NMI. Who is in charge of NMI?")).toMatchObject({ status: 'answered', id: 'who-leads' });
    expect(ask(snap, "I'm in Tórshavn and read about NMI. Who is in charge of NMI?").status).toBe('no_match');
    expect(ask(snap, 'Tórshavn – who is in charge of NMI?').status).toBe('no_match');
  });
});
