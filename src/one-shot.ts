// A one-shot answer (`npm run ask`) from knowledge checked on an earlier run:
// found by its files' content hash in the cache (knowledge/cache.ts), it needs
// neither the YAML parser nor the schema (zod), which with parsing and checking
// took ~0.25 s of a cold start. Otherwise the knowledge is loaded and checked as
// always, and kept. The word-overlap index waits for its first use: a question the
// classifier answers never needs it.
import { cachedKnowledge } from './knowledge/cache.js';
import { readKnowledgeFiles } from './knowledge/files.js';
import { SearchIndex } from './search/search-index.js';
import { loadStemTable } from './search/stem-table.js';
import { classifierFor } from './search/trained-classifier.js';
import type { Snapshot } from './store.js';

/** Throws KnowledgeError when the directory's knowledge is invalid. */
export async function oneShotSnapshot(dir: string): Promise<Snapshot> {
  const files = readKnowledgeFiles(dir);
  const kb = 'files' in files ? cachedKnowledge(files) : undefined;
  if (!kb) return (await import('./store.js')).buildSnapshot('files' in files ? files : dir, { keep: true }).snapshot;
  let index: SearchIndex | undefined;
  return {
    kb,
    classifier: classifierFor(kb),
    get index() {
      if (!index) {
        loadStemTable();
        index = SearchIndex.build(kb);
      }
      return index;
    },
  };
}
