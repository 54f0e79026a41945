// Rules that span files: unique ids, shortcuts and questions, references that
// resolve, Discord's subcommand budget. Each problem points at the offending node.
import type { ParsedFile } from './load.js';
import type { Problem } from './problems.js';
import { LANGS, MAX_SHORTCUTS, MIN_QUESTIONS_PER_LANG, type Entry, type Example, type Source, type SourceRef, type Synonym } from './schema.js';

export interface Located<T> {
  value: T;
  file: ParsedFile;
  /** Path of the value inside its file, e.g. ['entries', 3]. */
  path: (string | number)[];
}

/** The form two questions are compared in for duplicates. */
const questionKey = (q: string) => q.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function crossCheck(
  sources: Located<Source>[],
  synonyms: Located<Synonym>[],
  entries: Located<Entry>[],
  /** Ids of items already reported invalid: referring to them is not a second problem. */
  invalid: { sources: ReadonlySet<string>; entries: ReadonlySet<string> } = { sources: new Set(), entries: new Set() },
  examples: Located<Example>[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const report = (at: Located<unknown>, sub: (string | number)[], message: string, entry?: string, severity: Problem['severity'] = 'error') =>
    problems.push({
      severity,
      file: at.file.name,
      line: at.file.lineOf([...at.path, ...sub]),
      entry,
      field: sub.length ? sub.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${k}`)).join('') : undefined,
      message,
    });

  // Unique ids, remembering where each was first defined.
  const firstOf = <T>(items: Located<T>[], key: (v: T) => string | undefined, what: string, field: string, entryOf?: (v: T) => string) => {
    const seen = new Map<string, Located<T>>();
    for (const item of items) {
      const k = key(item.value);
      if (k === undefined) continue;
      const first = seen.get(k);
      if (first) report(item, [field], `duplicate ${what} "${k}" (first defined in ${first.file.name}:${first.file.lineOf(first.path) ?? '?'})`, entryOf?.(item.value));
      else seen.set(k, item);
    }
    return seen;
  };
  const sourceIds = firstOf(sources, (s) => s.id, 'source id', 'id');
  const entryIds = firstOf(entries, (e) => e.id, 'entry id', 'id', (e) => e.id);
  firstOf(entries, (e) => e.shortcut, 'shortcut', 'shortcut', (e) => e.id);

  const shortcuts = entries.filter((e) => e.value.shortcut);
  if (shortcuts.length > MAX_SHORTCUTS) {
    report(shortcuts[MAX_SHORTCUTS]!, ['shortcut'], `too many shortcuts: ${shortcuts.length}, Discord allows ${MAX_SHORTCUTS} besides the built-in subcommands`, shortcuts[MAX_SHORTCUTS]!.value.id);
  }

  // Every question, in either language, belongs to exactly one entry.
  const questions = new Map<string, string>();
  for (const item of entries) {
    const e = item.value;
    for (const lang of LANGS) {
      e.questions[lang].forEach((q, i) => {
        const key = `${questionKey(q)}`;
        const owner = questions.get(key);
        if (owner) report(item, ['questions', lang, i], `duplicate question "${q}" (also in entry "${owner}")`, e.id);
        else questions.set(key, e.id);
      });
      if (e.questions[lang].length < MIN_QUESTIONS_PER_LANG) {
        report(item, ['questions', lang], `only ${e.questions[lang].length} ${lang} questions; give at least ${MIN_QUESTIONS_PER_LANG} ways to ask`, e.id, 'warning');
      }
    }

    const checkRefs = (refs: SourceRef[], sub: (string | number)[]) =>
      refs.forEach((r, i) => {
        if (!sourceIds.has(r.id) && !invalid.sources.has(r.id)) report(item, [...sub, i, 'id'], `unknown source "${r.id}" (not in any sources: list)`, e.id);
      });
    checkRefs(e.sources, ['sources']);
    e.developments?.forEach((d, i) => checkRefs(d.sources, ['developments', i, 'sources']));
    if (e.disputed) checkRefs(e.disputed.sources, ['disputed', 'sources']);
    e.related?.forEach((r, i) => {
      if (r === e.id) report(item, ['related', i], 'an entry cannot be related to itself', e.id);
      else if (!entryIds.has(r) && !invalid.entries.has(r)) report(item, ['related', i], `unknown entry "${r}"`, e.id);
    });
  }

  // An example of an entry that is gone (renamed, removed) teaches nothing; the rest still serve.
  for (const item of examples) {
    const id = item.value.expect;
    if (id !== null && !entryIds.has(id) && !invalid.entries.has(id)) report(item, ['expect'], `unknown entry "${id}": this example is left out of learning`, undefined, 'warning');
  }

  // A spelling may stand for one name only.
  const variants = new Map<string, string>();
  for (const item of synonyms) {
    item.value.variants.forEach((v, i) => {
      const key = questionKey(v);
      const owner = variants.get(key);
      if (owner && owner !== item.value.canonical) report(item, ['variants', i], `variant "${v}" already maps to "${owner}"`);
      else variants.set(key, item.value.canonical);
    });
  }
  return problems;
}
