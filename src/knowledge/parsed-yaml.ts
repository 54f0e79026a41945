// js-yaml took ~0.4 s of every load once the base held 7,860 examples, which
// rarely change. Each file's parse is kept (src/disk-cache.ts) under a hash of its
// text and of the parser's version, so a load after an edit parses only the files
// that changed. The parse is kept as JSON with its dates marked, as js-yaml reads
// an unquoted 2020-03-04 as a Date.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { readCached, writeCached } from '../disk-cache.js';
import { PROJECT_ROOT } from '../paths.js';

/** Parses kept: every file of a few knowledge directories (an admin's copies too). */
const KEEP = 256;

let parser: string | undefined;
const parserVersion = () => (parser ??= readFileSync(join(PROJECT_ROOT, 'node_modules', 'js-yaml', 'package.json'), 'utf8'));

function markDates(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? { $date: original.toISOString() } : value;
}

function reviveDates(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const date = (value as { $date?: unknown }).$date;
    if (keys.length === 1 && typeof date === 'string') return new Date(date);
  }
  return value;
}

/** The file's YAML as js-yaml reads it ({} for an empty file); throws its syntax errors, which are never kept. */
export function parseYaml(text: string): unknown {
  const name = `${createHash('sha256').update(parserVersion()).update(text).digest('hex').slice(0, 24)}.parsed`;
  const kept = readCached(name);
  if (kept) {
    try {
      return JSON.parse(kept.toString('utf8'), reviveDates);
    } catch {
      // Damaged: parsed again below.
    }
  }
  const raw = loadYaml(text) ?? {};
  writeCached(name, JSON.stringify(raw, markDates), KEEP);
  return raw;
}
