// The build's stem table (dist/stems.json) seeds the stem cache of every process, so a
// cold `npm run ask` need not run the Snowball stemmers over the whole base. It must
// hold exactly the stems the code makes: a stale entry would change answers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expand } from '../../src/search/normalize.js';
import { ROOT } from './helpers.js';

const TABLE = join(ROOT, 'dist/stems.json');
const readTable = () => JSON.parse(readFileSync(TABLE, 'utf8')) as [string, string | null][];

describe('the build’s stem table', () => {
  it('is written by the build and covers the shipped base’s words', () => {
    expect(existsSync(TABLE), 'run `npm run build` first (npm test does)').toBe(true);
    const table = readTable();
    expect(table.length).toBeGreaterThan(1000);
    expect(table.some(([k]) => k.startsWith('da:')) && table.some(([k]) => k.startsWith('en:'))).toBe(true);
  });

  it('holds the stems the stemmers make now', () => {
    const table = readTable();
    // The sources' process has no table (it only sits in dist/), so expand() stems afresh here.
    for (const [key, stem] of table.filter((_, i) => i % 7 === 0)) {
      const [lang, word] = [key.slice(0, 2) as 'en' | 'da', key.slice(3)];
      expect(expand(word, lang)[1] ?? null, key).toBe(stem);
    }
  });
});
