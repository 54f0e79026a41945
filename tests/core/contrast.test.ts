// What a person rules out ("not the plan", "ikke hvem der leder den") is left
// out of the search, so it cannot pull the answer to the entry they do not want;
// set phrases ("in the first place") say nothing about what is asked.
import { describe, expect, it } from 'vitest';
import { withoutRuledOut } from '../../src/search/contrast.js';
import { withoutFillerPhrases } from '../../src/search/stop-words.js';

describe('withoutRuledOut', () => {
  it.each([
    ['Not the plan for the command period: what was Denmark actually contributing?', 'what was Denmark actually contributing?'],
    ['Not the end goal, but what does NMI focus on?', 'what does NMI focus on?'],
    ["I'm not asking who leads it today, I mean when did Denmark lead it?", 'when did Denmark lead it?'],
    ['Apart from the helicopters, what else did Denmark send?', 'what else did Denmark send?'],
    ['ok besides leading it, what else was denmark bringing', 'what else was denmark bringing'],
    ['Ikke planen – hvad bidrog Danmark rent faktisk med?', 'hvad bidrog Danmark rent faktisk med?'],
    ['Ikke hvem der leder den nu, men hvornår ledte Danmark den?', 'hvornår ledte Danmark den?'],
    ['Bortset fra helikopterne, hvad sendte Danmark?', 'hvad sendte Danmark?'],
    ["Forget Denmark's turn. Who commands NMI now?", 'Who commands NMI now?'],
    ["I don't mean the Danes there in 2020. What was Denmark planning to send?", 'What was Denmark planning to send?'],
    ['Glem Danmark, hvem leder NMI nu?', 'hvem leder NMI nu?'],
    ['Leaving aside the staff, what about the helicopters?', 'what about the helicopters?'],
    ['Leaving the helicopters aside, what else was in the contribution?', 'what else was in the contribution?'],
    ["I get that it's about reform, but who does the work in the end?", 'who does the work in the end?'],
    ['Jeg ved godt at NMI rådgiver, men hvem skal overtage arbejdet?', 'hvem skal overtage arbejdet?'],
    ['How many troops does NMI have in total, counting every country and not only the Danes?', 'How many troops does NMI have in total, counting every country'],
    ['hvor mange folk har nmi i alt, altså ikke kun danskerne', 'hvor mange folk har nmi i alt'],
    // Ruled out between a comma and a colon: the question after the colon stays.
    ["The helicopter part, not the rest of Denmark's contribution: how many and when?", 'The helicopter part: how many and when?'],
    ['Hele missionen, ikke kun de danske: hvor mange er der?', 'Hele missionen: hvor mange er der?'],
    // Set aside at the end: "besides X", "ud over X".
    ['who sends people to nmi besides denmark', 'who sends people to nmi'],
    // …or preferred over something else: "rather than X", "i modsætning til X"; not when the question follows.
    ['Is the goal Iraqi self-reliance rather than NATO staying forever?', 'Is the goal Iraqi self-reliance'],
    ['Hvor mange var der i 2020 i modsætning til de planlagte 210?', 'Hvor mange var der i 2020'],
    ['So rather than fighting what does NMI do?', 'So rather than fighting what does NMI do?'],
    ['hvilke enheder ville danmark bidrage med ud over selve ledelsen', 'hvilke enheder ville danmark bidrage med'],
    // A full stop ends what is ruled out; a clock time is no colon.
    ['Denmark, not Canada. Who leads it — and since when?', 'Denmark, not Canada. Who leads it — and since when?'],
  ])('"%s" → "%s"', (question, kept) => {
    expect(withoutRuledOut(question)).toBe(kept);
  });

  it.each([
    'Is NMI not a combat mission?',
    'Er der stadig danske soldater i NMI, nu hvor vi ikke har ledelsen længere?',
    'Who leads NMI?',
    'not sure',
    'Not the plan:',
  ])('keeps "%s" whole: nothing is ruled out, or nothing would be left', (question) => {
    expect(withoutRuledOut(question)).toBe(question);
  });
});

describe('withoutFillerPhrases', () => {
  it.each([
    [['who', 'asked', 'nato', 'in', 'the', 'first', 'place'], ['who', 'asked', 'nato']],
    [['who', 'led', 'it', 'back', 'in', '2019'], ['who', 'led', 'it', '2019']],
    [['hvad', 'er', 'nmi', 'i', 'det', 'hele', 'taget'], ['hvad', 'er', 'nmi']],
    [['where', 'is', 'the', 'first', 'base'], ['where', 'is', 'the', 'first', 'base']],
    [['saa', 'danmark', 'leder', 'den', 'ikke', 'laengere'], ['saa', 'danmark', 'leder', 'den']],
    // "keeps saying" is "again and again"; "what did denmark keep" asks what it retained.
    [['people', 'keep', 'mentioning', 'nmi'], ['people', 'mentioning', 'nmi']],
    [['what', 'did', 'denmark', 'keep', 'after', '2022'], ['what', 'did', 'denmark', 'keep', 'after', '2022']],
  ])('%j → %j', (words, kept) => {
    expect(withoutFillerPhrases(words)).toEqual(kept);
  });
});
