// The classifier: labelled examples teach words the entries never use and what to
// decline; the same examples always make the same model, which survives the disk;
// a base without examples is answered by the word-overlap engine as before.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { CACHE_DIR } from '../../src/disk-cache.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { Classifier } from '../../src/search/classifier.js';
import { classifierFor, modelName, trainingSet } from '../../src/search/trained-classifier.js';
import { buildSnapshot } from '../../src/store.js';
import { copyFixture, editFile, FIXTURE, lineOf, ROOT } from './helpers.js';

/** Questions about who leads in words the fixture's entries never use, and chat it must not answer. */
const EXAMPLES = `examples:
  - {q: "who is the boss of the mission", lang: en, expect: who-leads, kind: paraphrase}
  - {q: "the boss of nmi?", lang: en, expect: who-leads, kind: keyword}
  - {q: "which general is the boss there", lang: en, expect: who-leads, kind: informal}
  - {q: "hvem er bossen i missionen", lang: da, expect: who-leads, kind: informal}
  - {q: "what is the weather like in Baghdad today", lang: en, expect: null, kind: near-miss}
  - {q: "is it hot in Taji in the summer", lang: en, expect: null, kind: near-miss}
  - {q: "hvordan er vejret i Bagdad", lang: da, expect: null, kind: near-miss}
  - {q: "weather forecast Besmaya", lang: en, expect: null, kind: near-miss}
`;

function fixtureWithExamples(examples = EXAMPLES): string {
  const dir = copyFixture();
  writeFileSync(join(dir, 'examples.yaml'), examples);
  return dir;
}

const engineOnly = buildSnapshot(FIXTURE).snapshot;
const learned = buildSnapshot(fixtureWithExamples()).snapshot;

/** The models these tests kept, removed at the end so that they never crowd out a real one. */
const usedModels = [join(CACHE_DIR, modelName(learned.kb)!)];
afterAll(() => {
  for (const f of usedModels) rmSync(f, { force: true });
});

describe('answering with a classifier learned from examples', () => {
  it('answers in words only the examples use, which the engine alone declines', () => {
    const q = "Who's the boss over there?";
    expect(ask(engineOnly, q).status).toBe('no_match');
    const a = ask(learned, q);
    expect({ status: a.status, id: a.id }).toEqual({ status: 'answered', id: 'who-leads' });
    expect(a.confidence).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThanOrEqual(1);
    expect(a.sources.map((s) => s.id)).toContain('article');
  });

  it('still answers the entries’ own questions, in both languages', () => {
    expect(ask(learned, 'Where does NMI train?').id).toBe('training-locations');
    expect(ask(learned, 'Hvor mange er med i NMI?').id).toBe('mission-size');
  });

  it('declines what the examples taught it to decline, offering "did you mean" only for entries it came near', () => {
    const q = 'what is the weather in Taji';
    // Taught no declines, it answers something.
    const withoutDeclines = buildSnapshot(fixtureWithExamples(EXAMPLES.split('\n').filter((l) => !l.includes('expect: null')).join('\n'))).snapshot;
    usedModels.push(join(CACHE_DIR, modelName(withoutDeclines.kb)!));
    expect(ask(withoutDeclines, q).status).toBe('answered');
    const a = ask(learned, q);
    expect({ status: a.status, id: a.id, answer: a.answer }).toEqual({ status: 'no_match', id: null, answer: null });
    // It names a place the base knows, but no entry came near: nothing to offer.
    expect(learned.index.sharesAWord(q)).toBe(true);
    expect(a.suggestions).toEqual([]);
    // Half about training, half about the weather: declined, with the training entry offered.
    const near = ask(learned, 'training Taji weather');
    expect(near.status).toBe('no_match');
    expect(near.suggestions.map((s) => s.id)).toContain('training-locations');
    expect(near.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('has no classifier, and answers as before, when the base has no examples', () => {
    expect(engineOnly.classifier).toBeNull();
    expect(learned.classifier).toBeInstanceOf(Classifier);
  });
});

describe('the trained model', () => {
  const examples = trainingSet(learned.kb);

  it('learns from every entry question and every example', () => {
    const entryQuestions = learned.kb.entries.reduce((n, e) => n + e.questions.en.length + e.questions.da.length, 0);
    expect(examples).toHaveLength(entryQuestions + 8);
  });

  it('is the same model for the same examples', () => {
    expect(Classifier.train(examples).toBytes().equals(Classifier.train(examples).toBytes())).toBe(true);
  });

  it('gives the same verdicts after a round trip through bytes; damaged bytes are no model', () => {
    const model = Classifier.train(examples);
    const back = Classifier.fromBytes(model.toBytes())!;
    for (const q of ["Who's the boss over there?", 'weather in Taji', 'NMI størrelse', '']) expect(back.classify(q)).toEqual(model.classify(q));
    const bytes = model.toBytes();
    expect(Classifier.fromBytes(bytes.subarray(0, bytes.length - 4))).toBeUndefined();
    expect(Classifier.fromBytes(Buffer.from('not a model'))).toBeUndefined();
  });

  it('reads a long message whole, and gives the next question the same verdict as before it', () => {
    const model = Classifier.train(examples);
    const short = ["Who's the boss over there?", 'weather in Taji', 'NMI størrelse'];
    const before = short.map((q) => model.classify(q));
    // 90 made-up words the model never saw (their letter groups too): over a thousand features, more
    // than the table a question starts with, none of them known.
    const filler = Array.from({ length: 90 }, (_, i) => `qx${[...i.toString(5).padStart(4, '0')].map((d) => 'jqwxz'[+d]).join('')}`).join(' ');
    expect(model.classify(`who is the boss of the mission ${filler}`).id).toBe('who-leads');
    expect(short.map((q) => model.classify(q))).toEqual(before);
  });

  it('is kept on disk and read back: a kept model is what answers', () => {
    const kb = buildSnapshot(fixtureWithExamples(EXAMPLES.replace('"the boss of nmi?"', '"the big boss of nmi?"'))).snapshot.kb;
    const file = join(CACHE_DIR, modelName(kb)!);
    rmSync(file, { force: true });
    classifierFor(kb);
    expect(existsSync(file)).toBe(true);
    usedModels.push(file);
    // Another model under its name: served from the disk, so its verdict comes back.
    const other = Classifier.train([...trainingSet(kb).filter((x) => x.label !== 'who-leads'), { text: "Who's the boss over there?", label: 'mission-size' }]);
    writeFileSync(file, other.toBytes());
    expect(classifierFor(kb)!.classify("Who's the boss over there?").id).toBe('mission-size');
    // A damaged file is trained anew.
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(classifierFor(kb)!.classify("Who's the boss over there?").id).toBe('who-leads');
  });
});

describe('loading examples', () => {
  it('leaves an example of an unknown entry out, with a warning at its line, and keeps serving', () => {
    const text = `${EXAMPLES}  - {q: "who used to lead it", lang: en, expect: who-led, kind: paraphrase}\n`;
    const dir = fixtureWithExamples(text);
    const { kb, problems } = loadKnowledge(dir);
    expect(kb).not.toBeNull();
    expect(kb!.examples).toHaveLength(8);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: lineOf(text, 'who used to lead it'), field: 'expect', message: expect.stringMatching(/unknown entry "who-led"/) }),
    ]);
    expect(problems[0]!.file).toMatch(/examples\.yaml$/);
  });

  it('rejects an example without a language, naming file, line and field', () => {
    const text = `${EXAMPLES}  - {q: "who runs it", expect: who-leads}\n`;
    const { kb, problems } = loadKnowledge(fixtureWithExamples(text));
    expect(kb).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: lineOf(text, 'who runs it'), field: 'examples[8].lang', message: expect.stringMatching(/"en"\|"da"/) })]);
  });
});

describe('reloading the bot’s knowledge', () => {
  it('trains in a worker thread: questions are answered from the old knowledge meanwhile, then from the new', async () => {
    // The compiled store: the worker runs compiled code (npm test builds first).
    const compiled = (path: string) => import(join(ROOT, 'dist/src', path));
    const { KnowledgeStore } = (await compiled('store.js')) as typeof import('../../src/store.js');
    // Named by the compiled learner's code, so not as the sources' models are.
    const compiledName = ((await compiled('search/trained-classifier.js')) as typeof import('../../src/search/trained-classifier.js')).modelName;
    const dir = fixtureWithExamples();
    const store = KnowledgeStore.openSync(dir, { warm: false });
    usedModels.push(join(CACHE_DIR, compiledName(store.current.kb)!));
    const before = store.current;
    // New examples, not kept from an earlier run: the reload must train.
    writeFileSync(join(dir, 'examples.yaml'), `${EXAMPLES}  - {q: "who is top dog at nmi", lang: en, expect: who-leads}\n`);
    const file = join(CACHE_DIR, compiledName(loadKnowledge(dir).kb!)!);
    rmSync(file, { force: true });
    usedModels.push(file);
    const order: string[] = [];
    const reloading = store.reload().then((outcome) => order.push(`reloaded ${outcome.ok}`));
    setTimeout(() => order.push(`answered from ${store.current === before ? 'old' : 'new'}`), 0);
    await reloading;
    expect(order).toEqual(['answered from old', 'reloaded true']);
    expect(store.current).not.toBe(before);
    expect(store.current.classifier!.classify("Who's the boss over there?").id).toBe('who-leads');
  });

  it('loads an edit saved while a reload trains, with one more reload after it', async () => {
    const { KnowledgeStore } = (await import(join(ROOT, 'dist/src/store.js'))) as typeof import('../../src/store.js');
    const { modelName: compiledName } = (await import(join(ROOT, 'dist/src/search/trained-classifier.js'))) as typeof import('../../src/search/trained-classifier.js');
    const dir = fixtureWithExamples();
    const store = KnowledgeStore.openSync(dir, { warm: false });
    usedModels.push(join(CACHE_DIR, compiledName(store.current.kb)!));
    writeFileSync(join(dir, 'examples.yaml'), `${EXAMPLES}  - {q: "who is the head honcho", lang: en, expect: who-leads}\n`);
    const training = join(CACHE_DIR, compiledName(loadKnowledge(dir).kb!)!);
    rmSync(training, { force: true });
    usedModels.push(training);
    const first = store.reload();
    await new Promise((r) => setTimeout(r, 0)); // the first reload has read the files and trains
    editFile(dir, 'entries.yaml', 'France took command.', 'France took over.');
    const second = store.reload();
    expect(second).not.toBe(first);
    expect(store.reload()).toBe(second);
    await Promise.all([first, second]);
    expect(store.current.kb.version).toBe(loadKnowledge(dir).kb!.version);
    expect(store.current.kb.byId.get('who-leads')!.developments![0]!.en).toBe('France took over.');
  });
});
