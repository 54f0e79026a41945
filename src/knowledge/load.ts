// Reads every YAML file of a knowledge directory, validates each against the
// schema and all of them against each other, and returns either a complete
// KnowledgeBase or every problem found (never a half-loaded one).
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { knowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import type { Problem } from './problems.js';
import { EntrySchema, ExampleSchema, KnowledgeFileOutline, ScopeSchema, SourceSchema, SynonymSchema, type Entry, type Example, type Scope, type Source, type Synonym } from './schema.js';
import { readKnowledgeFiles, type KnowledgeFiles } from './files.js';
import { parseYaml } from './parsed-yaml.js';
import { crossCheck, type Located } from './validate.js';

export interface LoadResult {
  /** null when any problem is an error. */
  kb: KnowledgeBase | null;
  problems: Problem[];
  /** Where each entry was defined, for messages about it. */
  origins: ReadonlyMap<string, { file: string; line?: number }>;
}

type PathKey = string | number;

/**
 * The `yaml` package knows where every node stands, but parses ~4× slower than
 * js-yaml; it is loaded and run only when there is a problem to locate, so a
 * valid knowledge base (every start, every `npm run ask`) pays js-yaml's price.
 */
const yaml = (() => {
  let lib: typeof import('yaml') | undefined;
  return () => (lib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
})();

/** One file, able to turn a path inside it into a line number (parsing for positions on first use). */
class ParsedFile {
  private located?: { doc: Document; lines: LineCounter };

  constructor(
    /** As messages name it: relative to the working directory. */
    readonly name: string,
    private readonly text: string,
    /** Relative to the knowledge directory. */
    readonly inDir: string,
  ) {}

  /** The file parsed with positions; its errors are YAML syntax errors. */
  positions(): { doc: Document; lines: LineCounter } {
    if (!this.located) {
      const { LineCounter, parseDocument } = yaml();
      const lines = new LineCounter();
      this.located = { doc: parseDocument(this.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }), lines };
    }
    return this.located;
  }

  /** Line of the node at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PathKey[]): number | undefined {
    const { doc, lines } = this.positions();
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lines.linePos(range[0]).line;
    }
    return undefined;
  }
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

export function loadKnowledge(dirArg: string | KnowledgeFiles): LoadResult {
  const problems: Problem[] = [];
  const origins = new Map<string, { file: string; line?: number }>();
  const read = typeof dirArg === 'string' ? readKnowledgeFiles(dirArg) : dirArg;
  if (!('files' in read)) return { kb: null, problems: [read], origins };
  const { dir, files, version } = read;

  const sources: Located<Source>[] = [];
  const synonyms: Located<Synonym>[] = [];
  const entries: Located<Entry>[] = [];
  const examples: Located<Example>[] = [];
  const invalidIds = { sources: new Set<string>(), entries: new Set<string>() };
  let scope: { value: Scope; file: string } | undefined;

  for (const { full, text } of files) {
    const name = relative(process.cwd(), full) || full;
    const file = new ParsedFile(name, text, relative(dir, full));
    let raw: unknown;
    try {
      raw = parseYaml(text);
    } catch (err) {
      const { doc, lines } = file.positions();
      for (const e of doc.errors) {
        problems.push({ severity: 'error', file: name, line: e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split('\n')[0]}` });
      }
      // js-yaml is stricter in a few corners than `yaml`: report its own words then.
      if (!doc.errors.length) {
        const mark = (err as { mark?: { line?: number } }).mark;
        problems.push({ severity: 'error', file: name, line: mark?.line !== undefined ? mark.line + 1 : undefined, message: `YAML syntax: ${(err as Error).message.split('\n')[0]}` });
      }
      continue;
    }
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
    const each = <T>(kind: 'sources' | 'synonyms' | 'entries' | 'examples', schema: z.ZodType<T>, into: Located<T>[], known?: Set<string>) =>
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
    each('examples', ExampleSchema, examples);
    if (outline.data.scope !== undefined) {
      const parsed = ScopeSchema.safeParse(outline.data.scope);
      if (!parsed.success) reportIssues(parsed.error.issues, ['scope']);
      else if (scope) problems.push({ severity: 'error', file: name, line: file.lineOf(['scope']), field: 'scope', message: `scope is already defined in ${scope.file}` });
      else scope = { value: parsed.data, file: name };
    }
    const before = entries.length;
    each('entries', EntrySchema, entries, invalidIds.entries);
    for (const e of entries.slice(before)) {
      const path = e.path;
      origins.set(e.value.id, {
        file: name,
        get line() {
          return file.lineOf(path);
        },
      });
    }
  }

  problems.push(...crossCheck(sources, synonyms, entries, invalidIds, examples));
  if (problems.some((p) => p.severity === 'error')) return { kb: null, problems, origins };
  const entryIds = new Set(entries.map((e) => e.value.id));

  const kb = knowledgeBase({
    version,
    dir,
    entries: entries.map((e) => e.value),
    sources: sources.map((s) => s.value),
    synonyms: synonyms.map((s) => s.value),
    scope: scope?.value ?? null,
    examples: examples.filter((e) => e.value.expect === null || entryIds.has(e.value.expect)).map((e) => ({ ...e.value, file: e.file.inDir })),
  });
  return { kb, problems, origins };
}

export type { ParsedFile };
