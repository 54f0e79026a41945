// The classifier a knowledge base gets: trained on its entries' questions and
// its labelled examples (knowledge/examples/), or none when it has no examples
// (the word-overlap engine then answers alone). Training takes ~1.5 s for the
// shipped base, so a model is kept on disk (src/disk-cache.ts), named by what it
// learned from and by the code that learns: a restart, or a reload that changed
// only answers or sources, reads it back in milliseconds.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCached, writeCached } from '../disk-cache.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { Classifier, MODEL_FORMAT, type LabelledText } from './classifier.js';

/**
 * Above this many entries no classifier is trained: its size and its time per question grow with
 * entries × features, and the word-overlap engine alone keeps 10,000 entries at ~5 ms a question.
 */
export const CLASSIFIER_MAX_ENTRIES = 500;
/** Models kept on disk (~4 MB each for the shipped base). */
const KEEP = 4;

/** What the classifier learns from: every entry's questions, then the examples. */
export function trainingSet(kb: KnowledgeBase): LabelledText[] {
  return [
    ...kb.entries.flatMap((e) => [...e.questions.en, ...e.questions.da].map((text) => ({ text, label: e.id }))),
    ...kb.examples.map((x) => ({ text: x.q, label: x.expect })),
  ];
}

/** The code that turns questions into features and learns: a change to it makes another model. */
let code: string | undefined;
function learnerCode(): string {
  if (code === undefined) {
    const self = fileURLToPath(import.meta.url);
    const hash = createHash('sha256').update(String(MODEL_FORMAT));
    // Compiled (.js) or, under the tests, the sources (.ts).
    for (const f of ['classifier', 'normalize']) hash.update(readFileSync(join(dirname(self), f + extname(self))));
    code = hash.digest('hex');
  }
  return code;
}

/** The classifier for a knowledge base, from the disk when it learned from the same questions; null without examples. */
export function classifierFor(kb: KnowledgeBase): Classifier | null {
  if (kb.examples.length === 0 || kb.entries.length > CLASSIFIER_MAX_ENTRIES) return null;
  const examples = trainingSet(kb);
  const hash = createHash('sha256').update(learnerCode());
  for (const { text, label } of examples) hash.update(text).update('\0').update(label ?? '').update('\n');
  const name = `model-${hash.digest('hex').slice(0, 16)}.bin`;
  const kept = readCached(name);
  const model = kept && Classifier.fromBytes(kept);
  if (model) return model;
  const trained = Classifier.train(examples);
  writeCached(name, trained.toBytes(), KEEP);
  return trained;
}
