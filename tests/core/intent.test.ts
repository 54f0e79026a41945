import { describe, expect, it } from 'vitest';
import { asksAboutNow, intentOf } from '../../src/search/intent.js';
import { tokens } from '../../src/search/normalize.js';

describe('intentOf: what kind of answer a question wants', () => {
  it.each([
    ['Who leads NMI?', 'who'],
    ['hvem leder nmi', 'who'],
    ['Where does NMI train?', 'where'],
    ['hvor træner de', 'where'],
    ['hvor mange soldater', 'count'],
    ['How many troops?', 'count'],
    ['hvornår startede missionen', 'when'],
    ['Why is NATO in Iraq?', 'why'],
    ['NMI commander', null],
    // The question's own first question word decides, not a "when" later in the sentence.
    ['What did Denmark plan to send when it took over?', null],
    ['hvad sendte danmark da de overtog kommandoen', null],
    ['What year did NMI start?', 'when'],
    ['so when did nmi start', 'when'],
    // A count asked with "what": "the number of", "antallet af".
    ["What's the total number of soldiers trained?", 'count'],
    ['hvad er antallet af danske soldater', 'count'],
  ] as const)('%s → %s', (q, intent) => {
    expect(intentOf(tokens(q))).toBe(intent);
  });
});

describe('asksAboutNow: a question about today rather than a date or a plan', () => {
  it.each([
    ['danske soldater i nmi pt', true],
    ['Who leads NMI now?', true],
    ['hvem leder missionen i dag', true],
    ['hvor mange er der for tiden', true],
    ['Is the mission still in Baghdad?', true],
    ['who runs nmi these days', true],
    ['which country leads at the moment', true],
    ['hvor mange danskere er der i øjeblikket', true],
    ['danes in nmi atm', true],
    ['What did these soldiers do in those days?', false],
    ['Who led NMI in 2019?', false],
    ['hvor mange dage varede det', false],
    ['What did Denmark plan to send?', false],
  ] as const)('%s → %s', (q, now) => {
    expect(asksAboutNow(tokens(q))).toBe(now);
  });
});
