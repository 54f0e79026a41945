// A one-shot `npm run ask` spent ~0.15 s parsing and validating YAML that had not
// changed since the run before. A knowledge base that loaded without errors is
// kept as JSON in node_modules/.cache/nmi-bot/, named by its content hash and by
// the build of the code that checked it; the next run with the same files and the
// same code reads that instead. Anything amiss with the cache (missing, unreadable,
// unwritable, from other code) only means loading the YAML as usual.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../paths.js';
import { knowledgeBase, type KnowledgeBase, type KnowledgeParts } from './knowledge-base.js';
import type { KnowledgeFiles } from './files.js';

export const CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'nmi-bot');
/** Cached versions kept: an admin editing the files makes a new one at each save. */
const KEEP = 8;

/** The build of the loading code (this folder's files): other code may read the same files differently. */
let build: string | undefined;
function codeBuild(): string {
  if (build === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const newest = Math.max(...readdirSync(here).map((f) => statSync(join(here, f)).mtimeMs));
    build = Math.round(newest).toString(36);
  }
  return build;
}

const fileFor = (version: string) => join(CACHE_DIR, `${version}-${codeBuild()}.json`);

/** The knowledge base these files made last time, or undefined. */
export function cachedKnowledge(read: KnowledgeFiles): KnowledgeBase | undefined {
  try {
    const parts = JSON.parse(readFileSync(fileFor(read.version), 'utf8')) as KnowledgeParts;
    return parts.version === read.version ? knowledgeBase({ ...parts, dir: read.dir }) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a valid knowledge base for the next run; written whole or not at all. */
export function keepKnowledge(kb: KnowledgeBase): void {
  const parts: Omit<KnowledgeParts, 'dir'> = {
    version: kb.version,
    entries: [...kb.entries],
    sources: [...kb.sources.values()],
    synonyms: [...kb.synonyms],
    scope: kb.scope,
  };
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const file = fileFor(kb.version);
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(parts));
    renameSync(partial, file);
    const old = readdirSync(CACHE_DIR)
      .map((f) => ({ f, t: statSync(join(CACHE_DIR, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP);
    for (const { f } of old) rmSync(join(CACHE_DIR, f), { force: true });
  } catch {
    // A cache that cannot be written only makes the next run load the YAML again.
  }
}
