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
import { EntrySchema, KnowledgeFileOutline, SourceSchema, SynonymSchema, type Entry, type Source, type Synonym } from './schema.js';
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
  const invalidIds = { sources: new Set<string>(), entries: new Set<string>() };

  for (const full of files) {
    const name = relative(process.cwd(), full) || full;
    const text = readFileSync(full, 'utf8');
    hash.update(relative(dir, full)).update('\0').update(text).update('\0');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length) {
      for (const e of doc.errors) {
        problems.push({ severity: 'error', file: name, line: e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split('\n')[0]}` });
      }
      continue;
    }
    const file = new ParsedFile(name, doc, lines);
    const raw: unknown = doc.toJS() ?? {};
    const reportIssues = (issues: readonly z.core.$ZodIssue[], base: PathKey[]) => {
      for (const issue of issues) {
        const at = [...base, ...(issue.path as PathKey[])];
        // An unknown key is pointed at itself, one problem per key.
        const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...at, k]) : [at];
        for (const path of paths) {
          problems.push({
            severity: 'error',
            file: name,
            line: file.lineOf(path),
            entry: entryIdAt(raw, path),
            field: fieldName(path.slice(path[0] === 'entries' ? 2 : 0)) ?? fieldName(path),
            message: issue.code === 'unrecognized_keys' ? `unknown field "${String(path[path.length - 1])}" (check the spelling)` : describeIssue(issue),
          });
        }
      }
    };
    const outline = KnowledgeFileOutline.safeParse(raw);
    if (!outline.success) {
      reportIssues(outline.error.issues, []);
      continue;
    }
    // Each item on its own: a bad one is reported, and its id still counts as
    // known so that references to it do not add false problems.
    const each = <T>(kind: 'sources' | 'synonyms' | 'entries', schema: z.ZodType<T>, into: Located<T>[], known?: Set<string>) =>
      outline.data[kind]?.forEach((item, i) => {
        const parsed = schema.safeParse(item);
        if (parsed.success) into.push({ value: parsed.data, file, path: [kind, i] });
        else {
          reportIssues(parsed.error.issues, [kind, i]);
          const id = (item as { id?: unknown } | null)?.id;
          if (known && typeof id === 'string') known.add(id);
        }
      });
    each('sources', SourceSchema, sources, invalidIds.sources);
    each('synonyms', SynonymSchema, synonyms);
    const before = entries.length;
    each('entries', EntrySchema, entries, invalidIds.entries);
    for (const e of entries.slice(before)) origins.set(e.value.id, { file: name, line: file.lineOf(e.path) });
  }

  problems.push(...crossCheck(sources, synonyms, entries, invalidIds));
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
