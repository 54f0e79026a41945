// The loader: every way a knowledge file can be wrong is reported with the
// file, line, entry id and field an editor needs to fix it, all at once, and
// a valid directory gives a knowledge base with a content version.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../../src/disk-cache.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { formatProblem, type Problem } from '../../src/knowledge/problems.js';
import { MAX_SHORTCUTS } from '../../src/knowledge/schema.js';
import { copyFixture, editFile, entriesYaml, entryYaml, errorsOf, FIXTURE, inFile, lineOf, SOURCES_YAML, tempDir, writeKb } from './helpers.js';

/** Loads `dir`, expecting it to fail, and returns its errors. */
function errorsLoading(dir: string): Problem[] {
  const { kb, problems } = loadKnowledge(dir);
  expect(kb, 'an invalid knowledge base must not load').toBeNull();
  const errors = errorsOf(problems);
  expect(errors.length).toBeGreaterThan(0);
  return errors;
}

/** The one error of a directory (fails listing them all when there are more). */
function onlyError(dir: string): Problem {
  const errors = errorsLoading(dir);
  expect(errors.map(formatProblem)).toHaveLength(1);
  return errors[0]!;
}

/** A knowledge dir of the two test sources and the given entries file. */
function kbWith(entries: string, more: Record<string, string> = {}) {
  return writeKb({ 'sources.yaml': SOURCES_YAML, 'entries.yaml': entries, ...more });
}

describe('loadKnowledge: YAML syntax', () => {
  it('reports a syntax error with the file and the line it is on', () => {
    const entries = entriesYaml(entryYaml('alpha', { extra: ['    related: x: y'] }));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p.message).toMatch(/^YAML syntax/);
    expect(p.line).toBe(lineOf(entries, 'related: x: y'));
    expect(formatProblem(p)).toContain(`entries.yaml:${lineOf(entries, 'related: x: y')}`);
  });

  it('reports a key written twice in one entry at the second one', () => {
    const entries = entriesYaml(entryYaml('alpha', { extra: ['    asOf: "2024-02-02"'] }));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p.message).toMatch(/unique/i);
    expect(p.line).toBe(lineOf(entries, 'asOf: "2024-02-02"'));
  });
});

describe('loadKnowledge: schema errors', () => {
  it('reports a missing Danish question list at its entry and field', () => {
    const entries = entriesYaml(entryYaml('alpha'), entryYaml('beta').replace(/\n {6}da: \[.*\]/, ''));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'beta', field: 'questions.da', message: 'is missing' });
    // The questions block of beta: its `questions:` line or the line under it.
    const questionsLine = lineOf(entries, 'Question 1 about beta?') - 1;
    expect(p.line).toBeGreaterThanOrEqual(questionsLine);
    expect(p.line).toBeLessThanOrEqual(questionsLine + 1);
  });

  it('reports a missing Danish answer at its entry, field and line', () => {
    const entries = entriesYaml(
      entryYaml('alpha'),
      entryYaml('beta').replace('    answer:\n      en: "The answer about beta."\n      da: "Svaret om beta."', '    answer: { en: "The answer about beta." }'),
    );
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'beta', field: 'answer.da', message: 'is missing', line: lineOf(entries, 'answer: {') });
  });

  it('reports a misspelled field by its name and line, inside its entry', () => {
    const entries = entriesYaml(entryYaml('alpha'), entryYaml('beta', { extra: ['    keywrds: [size]'] }));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p.message).toContain('"keywrds"');
    expect(p.entry).toBe('beta');
    // The problem points at the misspelled key itself, like every other field of an entry
    // (not at "entries[1]", and not at the entry's first line).
    expect(p.field).toBe('keywrds');
    expect(p.line).toBe(lineOf(entries, 'keywrds:'));
  });

  it.each([
    ['Who_Leads', /kebab-case/],
    ['ask', /reserved/],
  ])('rejects the shortcut name "%s"', (name, message) => {
    const entries = entriesYaml(entryYaml('alpha'), entryYaml('beta', { shortcut: name }));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'beta', field: 'shortcut', line: lineOf(entries, `shortcut: ${name}`) });
    expect(p.message).toMatch(message);
  });

  it.each([
    ['2024-13-01', /not a real date/],
    ['2023-02-30', /not a real date/],
    ['4 March 2020', /YYYY-MM-DD/],
  ])('rejects the date "%s"', (date, message) => {
    const entries = entriesYaml(entryYaml('alpha'), entryYaml('beta').replace('asOf: "2024-01-01"', `asOf: "${date}"`));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'beta', field: 'asOf', line: lineOf(entries, `asOf: "${date}"`) });
    expect(p.message).toMatch(message);
  });

  it('rejects a bad date of a source, in its sources file', () => {
    // The broken source sits in a file of its own, so no entry depends on that file.
    const [valid, news] = SOURCES_YAML.split('  - id: src-news\n') as [string, string];
    const broken = `sources:\n  - id: src-news\n${news}`.replace('date: "2024-02-01"', 'date: "2024-02-32"');
    const dir = writeKb({ 'sources.yaml': valid, 'news.yaml': broken, 'entries.yaml': entriesYaml(entryYaml('alpha')) });
    const p = onlyError(dir);
    expect(inFile(p, dir, 'news.yaml')).toBe(true);
    expect(p).toMatchObject({ field: 'sources[0].date', line: lineOf(broken, 'date: "2024-02-32"'), message: 'is not a real date' });
  });
});

describe('loadKnowledge: rules across entries and files', () => {
  it('reports an entry id defined in two files, at the second, naming the first', () => {
    const a = entriesYaml(entryYaml('alpha'), entryYaml('twin', { seed: 'first twin' }));
    const b = entriesYaml(entryYaml('gamma'), entryYaml('twin', { seed: 'second twin' }));
    const dir = writeKb({ 'sources.yaml': SOURCES_YAML, 'a.yaml': a, 'b.yaml': b });
    const p = onlyError(dir);
    expect(inFile(p, dir, 'b.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'twin', field: 'id', line: lineOf(b, '- id: twin') });
    expect(p.message).toContain('duplicate entry id "twin"');
    expect(p.message).toContain(`a.yaml:${lineOf(a, '- id: twin')}`);
  });

  it('reports a shortcut used by two entries', () => {
    const entries = entriesYaml(entryYaml('alpha', { shortcut: 'info' }), entryYaml('beta'), entryYaml('gamma', { shortcut: 'info' }));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'gamma', field: 'shortcut' });
    expect(p.message).toContain('duplicate shortcut "info"');
    const lines = entries.split('\n');
    expect(lines[p.line! - 1]).toBe('    shortcut: info');
    expect(p.line).toBeGreaterThan(lineOf(entries, '- id: gamma'));
  });

  it('reports the same question in two entries, ignoring case and punctuation', () => {
    const alphaEn = ['How big is NMI?', 'a2', 'a3', 'a4', 'a5', 'a6'].map((q, i) => (i ? `Alpha question ${q}` : q));
    const betaDa = ['Beta spørgsmål 1', 'how big is  nmi', 'Beta spørgsmål 3', 'Beta spørgsmål 4', 'Beta spørgsmål 5', 'Beta spørgsmål 6'];
    const entries = entriesYaml(entryYaml('alpha', { en: alphaEn }), entryYaml('beta', { da: betaDa }));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'beta', field: 'questions.da[1]', line: lineOf(entries, 'how big is  nmi') });
    expect(p.message).toContain('also in entry "alpha"');
  });

  it('reports an unknown source id in an entry\'s sources', () => {
    const entries = entriesYaml(entryYaml('alpha'), entryYaml('beta').replace('sources: [{ id: src-a }]', 'sources: [{ id: src-a }, { id: src-missing }]'));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'beta', field: 'sources[1].id', line: lineOf(entries, 'src-missing') });
    expect(p.message).toContain('unknown source "src-missing"');
  });

  it('reports an unknown source id in a development', () => {
    const extra = ['    developments:', '      - date: "2024-06-01"', '        en: "Later."', '        da: "Senere."', '        sources:', '          - id: src-news', '          - id: src-gone'];
    const entries = entriesYaml(entryYaml('alpha', { extra }), entryYaml('beta'));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'alpha', field: 'developments[0].sources[1].id', line: lineOf(entries, 'id: src-gone') });
    expect(p.message).toContain('"src-gone"');
  });

  it('reports an unknown related entry', () => {
    const entries = entriesYaml(entryYaml('alpha', { extra: ['    related:', '      - beta', '      - ghost'] }), entryYaml('beta'));
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'alpha', field: 'related[1]', line: lineOf(entries, '- ghost') });
    expect(p.message).toContain('unknown entry "ghost"');
  });

  it(`accepts ${MAX_SHORTCUTS} shortcuts and rejects one more, at the entry that is one too many`, () => {
    const make = (n: number) => entriesYaml(...Array.from({ length: n }, (_, i) => entryYaml(`topic-${i + 1}`, { shortcut: `topic-${i + 1}` })));
    const fits = loadKnowledge(kbWith(make(MAX_SHORTCUTS)));
    expect(errorsOf(fits.problems)).toEqual([]);
    expect(fits.kb?.byShortcut.size).toBe(21);

    const entries = make(MAX_SHORTCUTS + 1);
    const dir = kbWith(entries);
    const p = onlyError(dir);
    expect(inFile(p, dir, 'entries.yaml')).toBe(true);
    expect(p).toMatchObject({ entry: 'topic-22', field: 'shortcut', line: lineOf(entries, 'shortcut: topic-22') });
    expect(p.message).toContain('too many shortcuts: 22');
  });

  it('reports a synonym variant that maps to two canonical names', () => {
    const synonyms = `synonyms:
  - canonical: taji
    variants: ["tajji"]
  - canonical: baghdad
    variants:
      - bagdad
      - Tajji
`;
    const dir = kbWith(entriesYaml(entryYaml('alpha')), { 'synonyms.yaml': synonyms });
    const p = onlyError(dir);
    expect(inFile(p, dir, 'synonyms.yaml')).toBe(true);
    expect(p.line).toBe(lineOf(synonyms, '- Tajji'));
    expect(p.field).toMatch(/variants\[1\]$/);
    expect(p.message).toContain('already maps to "taji"');
  });
});

describe('loadKnowledge: every problem at once', () => {
  it('reports three schema errors of one file as three problems', () => {
    const entries = entriesYaml(
      entryYaml('alpha', { extra: ['    keywrds: [x]'] }),
      entryYaml('beta').replace('asOf: "2024-01-01"', 'asOf: "2024-13-01"'),
      entryYaml('gamma').replace('\n      da: "Svaret om gamma."', ''),
    );
    const errors = errorsLoading(kbWith(entries));
    expect(errors.map((p) => [p.entry, p.message])).toEqual(
      expect.arrayContaining([
        ['alpha', expect.stringContaining('keywrds')],
        ['beta', 'is not a real date'],
        ['gamma', 'is missing'],
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('reports a schema error, an unknown source and an unknown related entry of one file together', () => {
    const entries = entriesYaml(
      entryYaml('alpha', { extra: ['    keywrds: [x]'] }),
      entryYaml('beta').replace('sources: [{ id: src-a }]', 'sources: [{ id: src-missing }]'),
      entryYaml('gamma', { extra: ['    related: [ghost]'] }),
    );
    const errors = errorsLoading(kbWith(entries));
    const messages = errors.map(formatProblem);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"keywrds"'),
        expect.stringContaining('unknown source "src-missing"'),
        expect.stringContaining('unknown entry "ghost"'),
      ]),
    );
    expect(messages).toHaveLength(3);
  });

  it('does not blame the entries for a typo in one source', () => {
    const dir = copyFixture();
    editFile(dir, 'sources.yaml', '    kind: official\n  - id: handover-news', '    kynd: official\n  - id: handover-news');
    const errors = errorsLoading(dir);
    expect(errors.some((p) => inFile(p, dir, 'sources.yaml') && p.message.includes('"kynd"'))).toBe(true);
    // "article" is in sources.yaml (misspelled field aside): no entry should be told it is unknown.
    expect(errors.filter((p) => inFile(p, dir, 'entries.yaml')).map(formatProblem)).toEqual([]);
  });
});

describe('loadKnowledge: directories', () => {
  it('fails on a directory without YAML files', () => {
    const dir = writeKb({ 'README.md': '# notes\n' });
    const p = onlyError(dir);
    expect(p.file).toBe(dir);
    expect(p.message).toMatch(/no \.yaml files/);
  });

  it('fails on a directory that does not exist', () => {
    const dir = join(tempDir(), 'nope');
    const p = onlyError(dir);
    expect(p.file).toBe(dir);
    expect(p.message).toMatch(/not found/);
  });

  it('loads a valid directory, merging files, with a 12-hex version that follows the bytes', () => {
    const first = loadKnowledge(FIXTURE);
    expect(errorsOf(first.problems)).toEqual([]);
    const kb = first.kb!;
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
    expect(kb.entries.map((e) => e.id)).toEqual(['who-leads', 'mission-size', 'training-locations', 'new-facts']);
    expect([...kb.byShortcut.keys()]).toEqual(['who-leads', 'size']);
    expect([...kb.sources.keys()].sort()).toEqual(['article', 'handover-news', 'nato-page']);

    // Same bytes (even elsewhere) → same version.
    expect(loadKnowledge(FIXTURE).kb!.version).toBe(kb.version);
    const copy = copyFixture();
    expect(loadKnowledge(copy).kb!.version).toBe(kb.version);

    // One character changed → another version.
    editFile(copy, 'entries.yaml', 'France took command.', 'France took command!');
    const changed = loadKnowledge(copy).kb!;
    expect(changed.version).toMatch(/^[0-9a-f]{12}$/);
    expect(changed.version).not.toBe(kb.version);
    expect(changed.byId.get('who-leads')!.developments![0]!.en).toBe('France took command!');
  });

  it('reads a file back from its kept parse, unquoted dates as dates, and parses an edited file anew', () => {
    const marker = `Source A ${Date.now()}`;
    const sources = SOURCES_YAML.replace('"Source A"', `"${marker}"`).replace('date: "2024-01-01"', 'date: 2024-01-01');
    const dir = kbWith(entriesYaml(entryYaml('alpha')), { 'sources.yaml': sources });
    expect(loadKnowledge(dir).kb!.sources.get('src-a')).toMatchObject({ title: marker, date: '2024-01-01' });
    // The kept parse is what the next load reads: changed in the cache, the change shows.
    const kept = readdirSync(CACHE_DIR).filter((f) => f.endsWith('.parsed') && readFileSync(join(CACHE_DIR, f), 'utf8').includes(marker));
    expect(kept).toHaveLength(1);
    const file = join(CACHE_DIR, kept[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(marker, `${marker} (kept)`));
    expect(loadKnowledge(dir).kb!.sources.get('src-a')).toMatchObject({ title: `${marker} (kept)`, date: '2024-01-01' });
    // An edit is another text: parsed anew.
    editFile(dir, 'sources.yaml', marker, `${marker} edited`);
    expect(loadKnowledge(dir).kb!.sources.get('src-a')!.title).toBe(`${marker} edited`);
    // A damaged kept parse is parsed anew too.
    writeFileSync(file, '{"sources": [');
    editFile(dir, 'sources.yaml', `${marker} edited`, marker);
    expect(loadKnowledge(dir).kb!.sources.get('src-a')!.title).toBe(marker);
  });

  it('picks up YAML files in subdirectories and a new file changes the version', () => {
    const dir = copyFixture();
    const before = loadKnowledge(dir).kb!.version;
    mkdirSync(join(dir, 'extra'));
    writeFileSync(join(dir, 'extra', 'more.yml'), entriesYaml(entryYaml('extra-topic').replace('src-a', 'article')));
    const after = loadKnowledge(dir);
    expect(errorsOf(after.problems)).toEqual([]);
    expect(after.kb!.byId.has('extra-topic')).toBe(true);
    expect(after.kb!.version).not.toBe(before);
    rmSync(join(dir, 'extra'), { recursive: true });
    expect(loadKnowledge(dir).kb!.version).toBe(before);
  });

  it('loads despite warnings: an entry with fewer than 6 questions', () => {
    const entries = entriesYaml(entryYaml('alpha'), entryYaml('beta', { en: ['Only one', 'Only two', 'Only three'] }));
    const dir = kbWith(entries);
    const { kb, problems } = loadKnowledge(dir);
    expect(kb).not.toBeNull();
    expect(kb!.byId.has('beta')).toBe(true);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', entry: 'beta', field: 'questions.en' });
    expect(inFile(problems[0]!, dir, 'entries.yaml')).toBe(true);
    expect(problems[0]!.message).toMatch(/only 3 en questions/);
  });
});
