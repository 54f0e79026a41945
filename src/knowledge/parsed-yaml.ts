// js-yaml took ~0.4 s of every load once the base held 7,860 examples, which
// rarely change. Each file's parse is kept (src/disk-cache.ts) under a hash of its
// text, of the parser's version and of this way of keeping it, so a load after an
// edit parses only the files that changed. The parse is kept as JSON with its dates
// marked, as js-yaml reads an unquoted 2020-03-04 as a Date.
import { createHash } from 'node:crypto';
import { load as loadYaml } from 'js-yaml';
import { packageStamp, readCached, writeCached } from '../disk-cache.js';

/** Parses kept: every file of a few knowledge directories (an admin's copies too). */
const KEEP = 256;
/** How a parse is written down: a change to it must not read parses written the old way. */
const FORMAT = 1;
/** A key no knowledge file uses (it would be an unknown field): marks a date. */
const DATE_KEY = '\u0000date';

let parser: string | null | undefined;
const parserStamp = () => (parser === undefined ? (parser = packageStamp('js-yaml') ?? null) : parser);

function markDates(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? { [DATE_KEY]: original.toISOString() } : value;
}

function reviveDates(_key: string, value: unknown): unknown {
  const date = value && typeof value === 'object' ? (value as Record<string, unknown>)[DATE_KEY] : undefined;
  return typeof date === 'string' ? new Date(date) : value;
}

/** The file's YAML as js-yaml reads it ({} for an empty file); throws its syntax errors, which are never kept. */
export function parseYaml(text: string): unknown {
  const stamp = parserStamp();
  if (stamp === null) return loadYaml(text) ?? {};
  const name = `${createHash('sha256').update(`${FORMAT}\0${stamp}\0`).update(text).digest('hex').slice(0, 24)}.parsed`;
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
