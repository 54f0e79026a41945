// A one-shot `npm run ask` spent ~0.25 s parsing and validating YAML that had not
// changed since the run before, and loading js-yaml and zod to do it. A knowledge
// base that loaded without errors is kept as JSON in node_modules/.cache/nmi-bot/,
// named by its content hash and by the code that checked it (this folder's files
// and the parser's and schema library's versions); the next run with the same files
// and the same code reads that instead. Anything amiss with the cache (missing,
// unreadable, unwritable, from other code) only means loading the YAML as usual.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../paths.js';
import { knowledgeBase, type KnowledgeBase, type KnowledgeParts } from './knowledge-base.js';
import type { KnowledgeFiles } from './files.js';

export const CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'nmi-bot');
/** Cached versions kept, the most recently used: an admin editing the files makes a new one at each save. */
const KEEP = 16;

/** The code that reads and checks knowledge: a change to it (or to js-yaml or zod) may read the same files differently. */
let build: string | undefined;
function codeBuild(): string {
  if (build === undefined) {
    const hash = createHash('sha256');
    const here = dirname(fileURLToPath(import.meta.url));
    for (const f of readdirSync(here).sort()) hash.update(f).update(readFileSync(join(here, f)));
    for (const lib of ['js-yaml', 'zod']) hash.update(readFileSync(join(PROJECT_ROOT, 'node_modules', lib, 'package.json')));
    build = hash.digest('hex').slice(0, 12);
  }
  return build;
}

const fileFor = (version: string) => join(CACHE_DIR, `${version}-${codeBuild()}.json`);

/** The knowledge base these files made last time, or undefined. */
export function cachedKnowledge(read: KnowledgeFiles): KnowledgeBase | undefined {
  try {
    const file = fileFor(read.version);
    const parts = JSON.parse(readFileSync(file, 'utf8')) as KnowledgeParts;
    if (parts.version !== read.version) return undefined;
    try {
      // Used now: the last to be pruned (a read-only cache still serves).
      const now = new Date();
      utimesSync(file, now, now);
    } catch {}
    return knowledgeBase({ ...parts, dir: read.dir });
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
    const kept = readdirSync(CACHE_DIR).map((f) => ({ f, t: statSync(join(CACHE_DIR, f)).mtimeMs }));
    const unused = kept.filter(({ f }) => f.endsWith('.json')).sort((a, b) => b.t - a.t).slice(KEEP);
    // A partial file older than a minute was left by a run that stopped while writing it.
    const left = kept.filter(({ f, t }) => f.endsWith('.tmp') && t < Date.now() - 60_000);
    for (const { f } of [...unused, ...left]) rmSync(join(CACHE_DIR, f), { force: true });
  } catch {
    // A cache that cannot be written only makes the next run load the YAML again.
  }
}
