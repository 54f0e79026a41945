// The ranking core on hand-made documents: what makes one entry score above another.
import { describe, expect, it } from 'vitest';
import { Bm25, FIELDS } from '../../src/search/bm25.js';

/** Documents given as lists of question phrasings (words already analysed). */
function index(docs: string[][]): Bm25 {
  const bm25 = new Bm25();
  for (const phrasings of docs) {
    for (const p of phrasings) for (const w of p.split(' ')) bm25.addTerm(w, FIELDS.question);
    bm25.endDocument();
  }
  return bm25;
}

describe('Bm25', () => {
  it('scores a word the same for an entry with few phrasings and one with many', () => {
    const few = ['how many helicopters', 'danish helicopters', 'helicopter count'];
    const many = ['who leads the mission', ...Array.from({ length: 30 }, (_, i) => `other phrasing number ${i}`), 'helicopters there'];
    const bm25 = index([few, many, ['something else entirely']]);
    const [a, b] = bm25.search([{ terms: ['leads'] }, { terms: ['danish'] }], 5).map((r) => r.score);
    // Each word is in one phrasing of one entry: the long entry is not marked down for its length.
    expect(a).toBeCloseTo(b!);
  });

  it('counts no form of a word as rarer than the cap it is given', () => {
    const bm25 = index([['the mission'], ['the mission'], ['the missions'], ['the mission']]);
    const word = (maxIdf?: number) => ({ terms: ['mission', 'missions'], maxIdf });
    const uncapped = bm25.search([word()], 5);
    // Uncapped, the entry with the rare plural wins; capped at the word's own rarity, no entry stands out.
    expect(uncapped[0]!.doc).toBe(2);
    const capped = bm25.search([word(bm25.idf(bm25.df('mission')))], 5);
    expect(new Set(capped.map((r) => r.score.toFixed(6))).size).toBe(1);
  });
});
