// A knowledge directory's YAML files, read in a fixed order, and their content
// hash: the knowledge base's version. Kept apart from the loader so a cached
// knowledge base (cache.ts) is found without loading the YAML parser or the schema.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Problem } from './problems.js';

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/i.test(name)) out.push(full);
  }
  return out;
}

/** A knowledge directory's YAML files, read, and their content hash (the knowledge base's version). */
export interface KnowledgeFiles {
  dir: string;
  files: { full: string; text: string }[];
  version: string;
}

/** Reads every YAML file of a directory; a problem when there is none to read. */
export function readKnowledgeFiles(dirArg: string): KnowledgeFiles | Problem {
  const dir = resolve(dirArg);
  let paths: string[];
  try {
    paths = yamlFiles(dir);
  } catch (err) {
    const message = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'directory not found' : String(err);
    return { severity: 'error', file: dir, message };
  }
  if (paths.length === 0) return { severity: 'error', file: dir, message: 'no .yaml files found' };
  const hash = createHash('sha256');
  const files = paths.map((full) => {
    const text = readFileSync(full, 'utf8');
    hash.update(relative(dir, full)).update('\0').update(text).update('\0');
    return { full, text };
  });
  return { dir, files, version: hash.digest('hex').slice(0, 12) };
}

