// Shared helpers for the core tests: temporary knowledge directories built from
// the fixture or from YAML written here, and line numbers computed from that YAML.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { Problem } from '../../src/knowledge/problems.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE = join(ROOT, 'tests/fixtures/kb');

const created: string[] = [];
afterAll(() => {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A new empty temporary directory, removed after the test file. */
export function tempDir(prefix = 'nmi-core-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  created.push(d);
  return d;
}

/** A temporary copy of the fixture knowledge base. */
export function copyFixture(): string {
  const d = tempDir();
  cpSync(FIXTURE, d, { recursive: true });
  return d;
}

/** Replaces exactly one occurrence of `from` in a file of `dir` (throws when it is not there exactly once). */
export function editFile(dir: string, file: string, from: string, to: string): string {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (text.split(from).length !== 2) throw new Error(`"${from}" is not in ${file} exactly once`);
  const next = text.replace(from, to);
  writeFileSync(path, next);
  return next;
}

/** Writes files (name → text) into a new temporary directory. */
export function writeKb(files: Record<string, string>): string {
  const d = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(d, name)), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}

/** 1-based line of the only occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`"${needle}" must occur exactly once in the YAML`);
  return text.slice(0, at).split('\n').length;
}

/** Whether a problem's file is `name` inside `dir` (problems name files relative to the working directory). */
export const inFile = (p: Problem, dir: string, name: string) => resolve(p.file) === join(dir, name);

export const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

export const SOURCES_YAML = `sources:
  - id: src-a
    title: "Source A"
    publisher: "NATO"
    language: en
    url: https://example.org/a
    date: "2024-01-01"
    kind: official
  - id: src-news
    title: "Source B"
    publisher: "Example News"
    language: en
    url: https://example.org/b
    date: "2024-02-01"
    kind: news
`;

export interface EntryOptions {
  shortcut?: string;
  /** Distinguishes the generated questions (default: the id). */
  seed?: string;
  en?: string[];
  da?: string[];
  /** Extra lines inside the entry, already indented four spaces. */
  extra?: string[];
}

/** One valid entry (six questions a language, one source) as YAML list item lines. */
export function entryYaml(id: string, o: EntryOptions = {}): string {
  const seed = o.seed ?? id;
  const en = o.en ?? [1, 2, 3, 4, 5, 6].map((n) => `Question ${n} about ${seed}?`);
  const da = o.da ?? [1, 2, 3, 4, 5, 6].map((n) => `Spørgsmål ${n} om ${seed}?`);
  return [
    `  - id: ${id}`,
    ...(o.shortcut ? [`    shortcut: ${o.shortcut}`] : []),
    '    questions:',
    `      en: ${JSON.stringify(en)}`,
    `      da: ${JSON.stringify(da)}`,
    '    answer:',
    `      en: "The answer about ${seed}."`,
    `      da: "Svaret om ${seed}."`,
    '    sources: [{ id: src-a }]',
    '    asOf: "2024-01-01"',
    ...(o.extra ?? []),
  ].join('\n');
}

export const entriesYaml = (...entries: string[]) => `entries:\n${entries.join('\n')}\n`;
