// The validated, merged, immutable knowledge base. Built by load.ts, never mutated:
// a reload builds a new one and the store swaps the reference.
import type { Entry, Example, Lang, Scope, Source, Synonym } from './schema.js';

export interface KnowledgeBase {
  /** Content hash of every file's bytes: the same files give the same version. */
  readonly version: string;
  readonly dir: string;
  readonly loadedAt: Date;
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  readonly byShortcut: ReadonlyMap<string, Entry>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly synonyms: readonly Synonym[];
  readonly scope: Scope | null;
  /** Labelled questions the classifier learns from (only those of entries that exist). */
  readonly examples: readonly FiledExample[];
}

/** An example and the file it came from (one author's voices: cross-validation leaves a file out at a time). */
export type FiledExample = Example & { file: string };

/** What a knowledge base is made of: the valid items of its files, as a cache keeps them too. */
export interface KnowledgeParts {
  version: string;
  dir: string;
  entries: Entry[];
  sources: Source[];
  synonyms: Synonym[];
  scope: Scope | null;
  examples?: FiledExample[];
}

/** The knowledge base of valid parts, with its lookups. */
export function knowledgeBase({ version, dir, entries, sources, synonyms, scope, examples = [] }: KnowledgeParts): KnowledgeBase {
  return {
    version,
    dir,
    loadedAt: new Date(),
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    byShortcut: new Map(entries.filter((e) => e.shortcut).map((e) => [e.shortcut!, e])),
    sources: new Map(sources.map((s) => [s.id, s])),
    synonyms,
    scope,
    examples,
  };
}

/** The title of an entry in a language: its first question. */
export function titleOf(entry: Entry, lang: Lang): string {
  return entry.questions[lang][0]!;
}
