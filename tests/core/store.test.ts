// The store: reloading swaps in new knowledge only when it is valid, reports
// what changed, and a question that started on a snapshot finishes on it.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { diffKnowledge, formatDiff, shortcutsChanged } from '../../src/knowledge/diff.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KnowledgeError } from '../../src/knowledge/problems.js';
import { KnowledgeStore } from '../../src/store.js';
import { copyFixture, editFile, entriesYaml, entryYaml, inFile } from './helpers.js';

const NEW_ENTRY = entriesYaml(
  entryYaml('mission-budget', {
    en: ['What is the budget of NMI?', 'NMI budget', 'How much does the mission cost?', 'NMI funding', 'Who pays for NMI?', 'Cost of NATO Mission Iraq'],
    da: ['Hvad er budgettet for NMI?', 'NMI budget i kroner', 'Hvad koster missionen?', 'NMI finansiering', 'Hvem betaler for NMI?', 'Pris for missionen'],
  })
    .replace('src-a', 'nato-page')
    .replace('The answer about mission-budget.', 'The mission is paid for from the NATO common budget.'),
);

/** A store on a fresh copy of the fixture. */
function openCopy() {
  const dir = copyFixture();
  return { dir, store: KnowledgeStore.openSync(dir) };
}

describe('KnowledgeStore', () => {
  it('never answers from a half-built index while reloads and questions interleave', async () => {
    const { dir, store } = openCopy();
    const OLD = 'According to the article of 4 March 2020, Canada had led the mission since October 2018.';
    const NEW = 'A rewritten answer about who leads the mission.';
    const asked: { answer: string | null; fromSnapshot: string | undefined }[] = [];
    const askNow = () => {
      const snap = store.current; // taken once per question, as every handler does
      const a = ask(snap, 'Who leads NMI?');
      asked.push({ answer: a.answer, fromSnapshot: snap.kb.byId.get(a.id ?? '')?.answer.en });
    };
    for (let i = 0; i < 20; i++) {
      editFile(dir, 'entries.yaml', i % 2 ? NEW : OLD, i % 2 ? OLD : NEW);
      const reload = store.reload();
      askNow();
      await new Promise((r) => setImmediate(r));
      askNow();
      expect((await reload).ok).toBe(true);
      askNow();
    }
    expect(asked).toHaveLength(60);
    for (const a of asked) {
      expect([OLD, NEW]).toContain(a.answer);
      expect(a.answer).toBe(a.fromSnapshot); // the answer and its index came from one snapshot
    }
    expect(new Set(asked.map((a) => a.answer)).size).toBe(2);
  });

  it('opens a directory and answers from it', () => {
    const { store } = openCopy();
    expect(store.current.kb.version).toMatch(/^[0-9a-f]{12}$/);
    expect(ask(store.current, 'Who leads NMI?').id).toBe('who-leads');
  });

  it('refuses to open an invalid directory, with every problem', () => {
    const dir = copyFixture();
    editFile(dir, 'entries.yaml', 'related: [who-leads]\n  - id: training-locations', 'related: [ghost]\n  - id: training-locations');
    let error: unknown;
    try {
      KnowledgeStore.openSync(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    const problems = (error as KnowledgeError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ entry: 'mission-size', field: 'related[0]' });
    expect((error as Error).message).toContain('unknown entry "ghost"');
  });

  it('reloads an edited directory and reports what changed', async () => {
    const { dir, store } = openCopy();
    const before = store.current.kb.version;
    // Change an answer, rename a shortcut, remove an entry, add one in a new file.
    editFile(dir, 'entries.yaml', 'France took command.', 'France took command in May 2025.');
    const text = editFile(dir, 'entries.yaml', 'shortcut: size', 'shortcut: mission-size');
    writeFileSync(join(dir, 'entries.yaml'), text.slice(0, text.indexOf('  - id: new-facts')));
    writeFileSync(join(dir, 'budget.yaml'), NEW_ENTRY);

    const outcome = await store.reload();
    if (!outcome.ok) throw new Error(`reload failed: ${JSON.stringify(outcome.problems)}`);
    expect(outcome.before).toBe(before);
    expect(outcome.after).toBe(store.current.kb.version);
    expect(outcome.after).not.toBe(before);
    expect(outcome.diff).toEqual({
      added: ['mission-budget'],
      changed: ['who-leads', 'mission-size'],
      removed: ['new-facts'],
      shortcutsAdded: ['mission-size'],
      shortcutsRemoved: ['size'],
      sourcesChanged: false,
    });
    expect(shortcutsChanged(outcome.diff)).toBe(true);

    // The new knowledge is what is served now.
    expect(ask(store.current, 'How much does the mission cost?')).toMatchObject({ status: 'answered', id: 'mission-budget' });
    expect(ask(store.current, 'Who leads NMI?').developments[0]!.text).toBe('France took command in May 2025.');
    expect(store.current.kb.byShortcut.has('size')).toBe(false);
    expect(store.current.kb.byId.has('new-facts')).toBe(false);
  });

  it('reloads unchanged files to the same version with an empty diff', async () => {
    const { store } = openCopy();
    const outcome = await store.reload();
    expect(outcome).toMatchObject({
      ok: true,
      diff: { added: [], changed: [], removed: [], shortcutsAdded: [], shortcutsRemoved: [], sourcesChanged: false },
    });
    if (outcome.ok) expect(outcome.after).toBe(outcome.before);
  });

  it('keeps serving the old knowledge when a reload finds a broken file', async () => {
    const { dir, store } = openCopy();
    const old = store.current;
    editFile(dir, 'entries.yaml', 'France took command.', 'France took command!');
    editFile(dir, 'sources.yaml', 'kind: news', 'kind: rumour');

    const outcome = await store.reload();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.version).toBe(old.kb.version);
    expect(outcome.problems.length).toBeGreaterThan(0);
    expect(outcome.problems.some((p) => p.severity === 'error' && inFile(p, dir, 'sources.yaml') && p.field === 'sources[1].kind')).toBe(true);

    expect(store.current).toBe(old);
    expect(store.current.kb.version).toBe(old.kb.version);
    const a = ask(store.current, 'Who leads NMI?');
    expect(a.id).toBe('who-leads');
    expect(a.developments[0]!.text).toBe('France took command.');
  });

  it('recovers on the next reload once the file is fixed', async () => {
    const { dir, store } = openCopy();
    appendFileSync(join(dir, 'entries.yaml'), '\n  - id: [broken\n');
    expect((await store.reload()).ok).toBe(false);
    editFile(dir, 'entries.yaml', '\n  - id: [broken\n', '\n');
    const outcome = await store.reload();
    expect(outcome.ok).toBe(true);
  });

  it('lets a snapshot taken before a reload keep answering from the old knowledge', async () => {
    const { dir, store } = openCopy();
    const snapshot = store.current;
    editFile(dir, 'entries.yaml', 'Canada had led the mission since October 2018.', 'Canada led the mission from October 2018.');
    writeFileSync(join(dir, 'budget.yaml'), NEW_ENTRY);
    expect((await store.reload()).ok).toBe(true);

    expect(store.current).not.toBe(snapshot);
    expect(ask(snapshot, 'Who leads NMI?').answer).toContain('had led the mission since October 2018');
    expect(ask(snapshot, 'How much does the mission cost?').id).not.toBe('mission-budget');
    expect(ask(store.current, 'Who leads NMI?').answer).toContain('led the mission from October 2018');
    expect(ask(store.current, 'How much does the mission cost?').id).toBe('mission-budget');
  });

  it('shares one reload between concurrent calls', async () => {
    const { dir, store } = openCopy();
    editFile(dir, 'entries.yaml', 'France took command.', 'France took over.');
    const [a, b] = await Promise.all([store.reload(), store.reload()]);
    expect(a).toBe(b);
    expect(a.ok).toBe(true);
  });
});

describe('diffKnowledge / formatDiff', () => {
  it('lists what changed, with shortcut and source changes', () => {
    const dir = copyFixture();
    const before = loadKnowledge(dir).kb!;
    editFile(dir, 'sources.yaml', 'title: "Command handed over"', 'title: "Command handed over to France"');
    editFile(dir, 'entries.yaml', '  - id: training-locations\n', '  - id: training-locations\n    shortcut: where\n');
    writeFileSync(join(dir, 'budget.yaml'), NEW_ENTRY);
    const after = loadKnowledge(dir).kb!;

    const diff = diffKnowledge(before, after);
    expect(diff).toEqual({
      added: ['mission-budget'],
      changed: ['training-locations'],
      removed: [],
      shortcutsAdded: ['where'],
      shortcutsRemoved: [],
      sourcesChanged: true,
    });
    expect(formatDiff(before.version, after.version, diff)).toBe(
      [
        `Version: ${before.version} → ${after.version}`,
        'Added: mission-budget',
        'Changed: training-locations',
        'Removed: none',
        'Shortcuts: +where',
        'The source registry changed.',
      ].join('\n'),
    );
    expect(formatDiff(before.version, after.version, diff, 'da')).toBe(
      [
        `Version: ${before.version} → ${after.version}`,
        'Tilføjet: mission-budget',
        'Ændret: training-locations',
        'Fjernet: ingen',
        'Genveje: +where',
        'Kilderegistret er ændret.',
      ].join('\n'),
    );
  });

  it('says when nothing changed', () => {
    const kb = loadKnowledge(copyFixture()).kb!;
    const same = loadKnowledge(copyFixture()).kb!;
    const diff = diffKnowledge(kb, same);
    expect(shortcutsChanged(diff)).toBe(false);
    expect(formatDiff(kb.version, same.version, diff)).toBe(
      [`Version: ${kb.version} → ${kb.version} (unchanged)`, 'Added: none', 'Changed: none', 'Removed: none'].join('\n'),
    );
  });

  it('lists a removed shortcut', () => {
    const dir = copyFixture();
    const before = loadKnowledge(dir).kb!;
    editFile(dir, 'entries.yaml', '    shortcut: size\n', '');
    const after = loadKnowledge(dir).kb!;
    const diff = diffKnowledge(before, after);
    expect(diff).toMatchObject({ changed: ['mission-size'], shortcutsAdded: [], shortcutsRemoved: ['size'] });
    expect(formatDiff(before.version, after.version, diff)).toContain('Shortcuts: -size');
  });
});
