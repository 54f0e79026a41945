import { describe, expect, it } from 'vitest';
import { intentOf } from '../../src/search/intent.js';
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
  ] as const)('%s → %s', (q, intent) => {
    expect(intentOf(tokens(q))).toBe(intent);
  });
});
