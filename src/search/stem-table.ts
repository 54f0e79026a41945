// Stemming the shipped base's words at start made a cold `npm run ask` ~0.1 s slower (0.87 against
// 0.77 s with the table, session 8, with the fast stemmers): the build works out
// the stems of the shipped base's words once and writes them to dist/stems.json
// (scripts/stem-table.ts); a process seeds its stem cache from there. Stems depend
// only on the word and the code, so a table from this build is right for any
// knowledge directory; words it lacks are stemmed as they come.
import { readFileSync } from 'node:fs';
import { seedStems } from './normalize.js';

/** dist/stems.json, seen from dist/src/search/ (absent when running the TypeScript sources). */
export const STEM_TABLE = new URL('../../stems.json', import.meta.url);

let loaded = false;

/** Seeds the stem cache from the build's table, once; without a table, stems are computed as needed. */
export function loadStemTable(): void {
  if (loaded) return;
  loaded = true;
  try {
    seedStems(JSON.parse(readFileSync(STEM_TABLE, 'utf8')) as [string, string | null][]);
  } catch {
    // No table (sources run directly, or a build without it): nothing to seed.
  }
}
