// Reads every YAML file of a knowledge directory, validates each against the
// schema and all of them against each other, and returns either a complete
// KnowledgeBase or every problem found (never a half-loaded one).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Problem } from './problems.js';
import { KnowledgeFileSchema, type Entry, type Source, type Synonym } from './schema.js';
import { crossCheck, type Located } from './validate.js';

export interface LoadResult {
  /** null when any problem is an error. */
  kb: KnowledgeBase | null;
  problems: Problem[];
  /** Where each entry was defined, for messages about it. */
  origins: ReadonlyMap<string, { file: string; line?: number }>;
}

type PathKey = string | number;

/** One parsed file, able to turn a path inside it into a line number. */
class ParsedFile {
  constructor(
    readonly name: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Line of the node at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PathKey[]): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return this.lines.linePos(range[0]).line;
    }
    return undefined;
  }
}

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

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'is missing';
  return issue.message.replace(/^Invalid input: /, '');
}

function fieldName(path: readonly PathKey[]): string | undefined {
  const text = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${k}`)).join('');
  return text || undefined;
}

/** Entry id at path[1] of a file's raw data, when the path is inside an entry. */
function entryIdAt(raw: unknown, path: readonly PathKey[]): string | undefined {
  if (path[0] !== 'entries' || typeof path[1] !== 'number') return undefined;
  const entry = (raw as { entries?: unknown[] }).entries?.[path[1]];
  const id = (entry as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

export function loadKnowledge(dirArg: string): LoadResult {
  const dir = resolve(dirArg);
  const problems: Problem[] = [];
  const origins = new Map<string, { file: string; line?: number }>();
  let files: string[];
  try {
    files = yamlFiles(dir);
  } catch (err) {
    const message = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'directory not found' : String(err);
    return { kb: null, problems: [{ severity: 'error', file: dir, message }], origins };
  }
  if (files.length === 0) {
    return { kb: null, problems: [{ severity: 'error', file: dir, message: 'no .yaml files found' }], origins };
  }

  const hash = createHash('sha256');
  const sources: Located<Source>[] = [];
  const synonyms: Located<Synonym>[] = [];
  const entries: Located<Entry>[] = [];

  for (const full of files) {
    const name = relative(process.cwd(), full) || full;
    const text = readFileSync(full, 'utf8');
    hash.update(relative(dir, full)).update('\0').update(text).update('\0');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length) {
      for (const e of doc.errors) {
        problems.push({ severity: 'error', file: name, line: e.linePos?.[0]?.line, message: `YAML syntax: ${e.message.split('\n')[0]}` });
      }
      continue;
    }
    const file = new ParsedFile(name, doc, lines);
    const raw: unknown = doc.toJS() ?? {};
    const parsed = KnowledgeFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path as PathKey[];
        problems.push({
          severity: 'error',
          file: name,
          line: file.lineOf(path),
          entry: entryIdAt(raw, path),
          field: fieldName(path.slice(path[0] === 'entries' ? 2 : 0)) ?? fieldName(path),
          message: describeIssue(issue),
        });
      }
      continue;
    }
    const at = (kind: string, i: number) => ({ file, path: [kind, i] as PathKey[] });
    parsed.data.sources?.forEach((value, i) => sources.push({ value, ...at('sources', i) }));
    parsed.data.synonyms?.forEach((value, i) => synonyms.push({ value, ...at('synonyms', i) }));
    parsed.data.entries?.forEach((value, i) => {
      entries.push({ value, ...at('entries', i) });
      origins.set(value.id, { file: name, line: file.lineOf(['entries', i]) });
    });
  }

  problems.push(...crossCheck(sources, synonyms, entries));
  if (problems.some((p) => p.severity === 'error')) return { kb: null, problems, origins };

  const entryList = entries.map((e) => e.value);
  const kb: KnowledgeBase = {
    version: hash.digest('hex').slice(0, 12),
    dir,
    loadedAt: new Date(),
    entries: entryList,
    byId: new Map(entryList.map((e) => [e.id, e])),
    byShortcut: new Map(entryList.filter((e) => e.shortcut).map((e) => [e.shortcut!, e])),
    sources: new Map(sources.map((s) => [s.value.id, s.value])),
    synonyms: synonyms.map((s) => s.value),
  };
  return { kb, problems, origins };
}

export type { ParsedFile };
