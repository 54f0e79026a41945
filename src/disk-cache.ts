// Files kept between runs in node_modules/.cache/nmi-bot/: work that the same
// inputs would only repeat (checked knowledge, a trained classifier). Named by
// what made them, so a stale file is never read, only left to be pruned. Anything
// amiss (missing, unreadable, unwritable) only means doing the work again.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export const CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'nmi-bot');

/** A kept file's bytes, or undefined. Reading it marks it used: the last to be pruned. */
export function readCached(name: string): Buffer | undefined {
  const file = join(CACHE_DIR, name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A read-only cache still serves.
  }
  return bytes;
}

/** Keeps a file, written whole or not at all, and the `keep` most recently used of its kind (extension). */
export function writeCached(name: string, data: string | Buffer, keep: number): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const file = join(CACHE_DIR, name);
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data);
    renameSync(partial, file);
    const kind = extname(name);
    // A file another process removes meanwhile is simply not there.
    const kept = readdirSync(CACHE_DIR).flatMap((f) => {
      try {
        return [{ f, t: statSync(join(CACHE_DIR, f)).mtimeMs }];
      } catch {
        return [];
      }
    });
    const unused = kept.filter(({ f }) => extname(f) === kind).sort((a, b) => b.t - a.t).slice(keep);
    // A partial file older than a minute was left by a run that stopped while writing it.
    const left = kept.filter(({ f, t }) => f.endsWith('.tmp') && t < Date.now() - 60_000);
    for (const { f } of [...unused, ...left]) rmSync(join(CACHE_DIR, f), { force: true });
  } catch {
    // A cache that cannot be written only makes the next run do the work again.
  }
}

/**
 * A package's package.json, wherever Node.js finds the package (the project's node_modules or a
 * parent's): part of a cache key, as another version may read the same input differently.
 * Undefined when it cannot be found; then nothing of what it makes is cached.
 */
export function packageStamp(name: string): string | undefined {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    for (;;) {
      try {
        const text = readFileSync(join(dir, 'package.json'), 'utf8');
        if ((JSON.parse(text) as { name?: string }).name === name) return text;
      } catch {
        // No package.json here, or not this package's: look further up.
      }
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  } catch {
    return undefined;
  }
}
