// Plain ASCII text takes a one-pass tokenizer (most of a base and of the
// questions); it must cut words exactly as the general path does.
import { describe, expect, it } from 'vitest';
import { foldDanish, tokens, words } from '../../src/search/normalize.js';

describe('tokens', () => {
  it('cuts plain text into lower-case words of letters and digits', () => {
    expect(tokens('Who leads NMI?')).toEqual(['who', 'leads', 'nmi']);
    expect(tokens('  How-many troops\tin 2020,\nU.S.? ')).toEqual(['how', 'many', 'troops', 'in', '2020', 'u', 's']);
  });

  it('keeps a number written with thousands separators whole, as the base writes it', () => {
    expect(tokens('grow to 4,000 troops')).toEqual(['grow', 'to', '4000', 'troops']);
    expect(tokens('vokse til 4.000 soldater')).toEqual(['vokse', 'til', '4000', 'soldater']);
    expect(tokens('2018, 2019 and 4.5 km on 4.3.2020')).toEqual(['2018', '2019', 'and', '4', '5', 'km', 'on', '4', '3', '2020']);
  });

  it('agrees with the general path on any ASCII text', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const alphabet = 'abcXYZ019 -_.,?!:;/()[]"\t\n@#';
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      expect(tokens(text), JSON.stringify(text)).toEqual(words(text).map(foldDanish));
    }
  });

  it('leaves apostrophes and Danish letters to the general path', () => {
    expect(tokens("NATO's mission")).toEqual(['nato', 'mission']);
    expect(tokens('Hvem står i spidsen?')).toEqual(['hvem', 'staar', 'i', 'spidsen']);
    // Swedish and German ä/ö are æ/ø: a Swede's "försvarsministeriet" meets the Danish word.
    expect(tokens('hjälper Sverige också')).toEqual(['hjaelper', 'sverige', 'ocksaa']);
    expect(tokens('Hjælper Danmark også?')).toEqual(['hjaelper', 'danmark', 'ogsaa']);
  });
});
