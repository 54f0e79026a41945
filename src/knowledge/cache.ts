// A one-shot `npm run ask` spent ~0.25 s parsing and validating YAML that had not
// changed since the run before, and loading js-yaml and zod to do it. A knowledge
// base that loaded without errors is kept as JSON (src/disk-cache.ts), named by its
// content hash and by the code that checked it (this folder's files and the
// parser's and schema library's versions); the next run with the same files and
// the same code reads that instead. Anything amiss with the cache (missing,
// unreadable, unwritable, from other code) only means loading the YAML as usual.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageStamp, readCached, writeCached } from '../disk-cache.js';
import { knowledgeBase, type KnowledgeBase, type KnowledgeParts } from './knowledge-base.js';
import type { KnowledgeFiles } from './files.js';

/** Cached versions kept, the most recently used: an admin editing the files makes a new one at each save. */
const KEEP = 16;

/**
 * The code that reads and checks knowledge: a change to it (or to js-yaml or zod) may read the same
 * files differently. Null when it cannot be told (a library not found): then nothing is cached.
 */
let build: string | null | undefined;
function codeBuild(): string | null {
  if (build === undefined) {
    const hash = createHash('sha256');
    const here = dirname(fileURLToPath(import.meta.url));
    for (const f of readdirSync(here).sort()) hash.update(f).update(readFileSync(join(here, f)));
    const libs = ['js-yaml', 'zod'].map(packageStamp);
    for (const l of libs) hash.update(l ?? '');
    build = libs.every((l) => l !== undefined) ? hash.digest('hex').slice(0, 12) : null;
  }
  return build;
}

const nameFor = (version: string) => {
  const code = codeBuild();
  return code === null ? undefined : `${version}-${code}.json`;
};

/** The knowledge base these files made last time, or undefined. */
export function cachedKnowledge(read: KnowledgeFiles): KnowledgeBase | undefined {
  const name = nameFor(read.version);
  const bytes = name && readCached(name);
  if (!bytes) return undefined;
  try {
    const parts = JSON.parse(bytes.toString('utf8')) as KnowledgeParts;
    return parts.version === read.version ? knowledgeBase({ ...parts, dir: read.dir }) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a valid knowledge base for the next run. */
export function keepKnowledge(kb: KnowledgeBase): void {
  const parts: Omit<KnowledgeParts, 'dir'> = {
    version: kb.version,
    entries: [...kb.entries],
    sources: [...kb.sources.values()],
    synonyms: [...kb.synonyms],
    scope: kb.scope,
    examples: [...kb.examples],
  };
  const name = nameFor(kb.version);
  if (name) writeCached(name, JSON.stringify(parts), KEEP);
}
