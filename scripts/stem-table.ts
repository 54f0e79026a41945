// Writes dist/stems.json, the stems of the shipped knowledge base's words (see
// src/search/stem-table.ts), and keeps the checked shipped base and its trained
// classifier for the first `npm run ask` (src/knowledge/cache.ts,
// src/search/trained-classifier.ts). Run by `npm run build`; a base that does not
// load only means none of these, never a failed build.
import { rmSync, writeFileSync } from 'node:fs';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/paths.js';
import { knownStems } from '../src/search/normalize.js';
import { STEM_TABLE } from '../src/search/stem-table.js';
import { buildSnapshot } from '../src/store.js';

// A table from an earlier build may hold stems the current code would not make.
rmSync(STEM_TABLE, { force: true });
try {
  // Kept too, so the first `npm run ask` after a build neither parses the YAML nor trains.
  buildSnapshot(DEFAULT_KNOWLEDGE_DIR, { keep: true });
  writeFileSync(STEM_TABLE, JSON.stringify(knownStems()));
} catch (err) {
  console.error(`stem table not written: ${(err as Error).message.split('\n')[0]}`);
}
