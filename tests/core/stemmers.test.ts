// The stemmers the search uses (porter2 for English, our own Snowball Danish)
// must give the reference Snowball stems: the stem table, the knowledge base's
// stem groups and every labelled figure rest on them.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stem as englishStem } from 'porter2';
import { describe, expect, it } from 'vitest';
import { danishStem } from '../../src/search/danish-stemmer.js';
import { tokens } from '../../src/search/normalize.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';

const { newStemmer } = createRequire(import.meta.url)('snowball-stemmers') as typeof import('snowball-stemmers');
const reference = { da: newStemmer('danish'), en: newStemmer('english') };

/** Every word of the shipped knowledge base, folded as the search folds it and as written. */
function baseWords(): string[] {
  const words = new Set<string>();
  const dir = join(DEFAULT_KNOWLEDGE_DIR, 'entries');
  for (const file of [...readdirSync(dir).map((f) => join(dir, f)), join(DEFAULT_KNOWLEDGE_DIR, 'synonyms.yaml')]) {
    const text = readFileSync(file, 'utf8');
    for (const w of tokens(text)) words.add(w);
    for (const w of text.toLowerCase().split(/[^a-zæøå]+/)) if (w) words.add(w);
  }
  return [...words];
}

/** Made-up words ending in the suffixes both algorithms take apart, from a fixed seed. */
function generatedWords(n: number): string[] {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const letters = 'abcdefghijklmnopqrstuvwxyzæøå';
  const endings = `hed ethed ered e erede ende erende ene erne ere en heden eren er heder erer heds es endes erendes enes ernes eres ens
    hedens erens ers ets erets et eret s gd dt gt kt igst ig lig elig els løst ss nn tt ing ed ies ational ization fulness ly ment
    ness ous ive ize ful able ence ance ic ate aliti biliti y`.split(/\s+/);
  return Array.from({ length: n }, () => {
    let w = '';
    for (let i = 1 + Math.floor(rand() * 7); i > 0; i--) w += letters[Math.floor(rand() * letters.length)];
    if (rand() < 0.7) w += endings[Math.floor(rand() * endings.length)];
    if (rand() < 0.3) w += endings[Math.floor(rand() * endings.length)];
    return w;
  });
}

describe('stemmers', () => {
  const words = [...baseWords(), ...generatedWords(30_000)];

  it('stem Danish exactly as Snowball does', () => {
    const differ = words.filter((w) => danishStem(w) !== reference.da.stem(w));
    expect(differ).toEqual([]);
    expect(danishStem('soldaterne')).toBe('soldat');
  });

  it('stem English exactly as Snowball does', () => {
    // porter2 works on lower-case text; the search folds æøå first, so the English stemmer never sees them.
    const differ = words.filter((w) => !/[æøå]/.test(w) && englishStem(w) !== reference.en.stem(w));
    expect(differ).toEqual([]);
    expect(englishStem('helicopters')).toBe('helicopt');
  });
});
