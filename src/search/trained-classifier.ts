// The classifier a knowledge base gets: trained on its entries' questions and
// its labelled examples (knowledge/examples/), or none when it has no examples
// (the word-overlap engine then answers alone). Training takes ~1.5–2 s for the
// shipped base, so a model is kept on disk (src/disk-cache.ts), named by what it
// learned from and by the code that learns: a restart, or a reload that changed
// only answers or sources, reads it back in milliseconds. The bot's reloads train
// in a worker thread, so questions keep being answered meanwhile.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readCached, writeCached } from '../disk-cache.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { Classifier, MODEL_FORMAT, type LabelledText } from './classifier.js';

/**
 * Above this many entries no classifier is trained: its size and its time per question grow with
 * entries × features, and the word-overlap engine alone keeps 10,000 entries at ~5 ms a question.
 */
export const CLASSIFIER_MAX_ENTRIES = 500;
/** Models kept on disk (~4 MB each for the shipped base; the tests' small ones clean up after themselves). */
const KEEP = 8;

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

/** What a base's classifier learns from and the name it is kept under; null when the base gets none. */
function plan(kb: KnowledgeBase): { examples: LabelledText[]; name: string } | null {
  if (kb.examples.length === 0 || kb.entries.length > CLASSIFIER_MAX_ENTRIES) return null;
  const examples = trainingSet(kb);
  const hash = createHash('sha256').update(learnerCode());
  for (const { text, label } of examples) hash.update(text).update('\0').update(label ?? '').update('\n');
  return { examples, name: `model-${hash.digest('hex').slice(0, 16)}.bin` };
}

/** The file name a base's classifier is kept under in the cache (src/disk-cache.ts); null when it gets none. */
export const modelName = (kb: KnowledgeBase): string | null => plan(kb)?.name ?? null;

function kept(name: string): Classifier | undefined {
  const bytes = readCached(name);
  return bytes && Classifier.fromBytes(bytes);
}

/** The classifier for a knowledge base, from the disk when it learned from the same questions; null without examples. */
export function classifierFor(kb: KnowledgeBase): Classifier | null {
  const p = plan(kb);
  if (!p) return null;
  const model = kept(p.name);
  if (model) return model;
  const trained = Classifier.train(p.examples);
  writeCached(p.name, trained.toBytes(), KEEP);
  return trained;
}

/** The same, training in a worker thread when it must train (compiled code only: the tests run the sources, and train here). */
export async function classifierForInBackground(kb: KnowledgeBase): Promise<Classifier | null> {
  const p = plan(kb);
  if (!p) return null;
  const model = kept(p.name);
  if (model) return model;
  const script = new URL('./train-worker.js', import.meta.url);
  if (!existsSync(script)) return classifierFor(kb);
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const worker = new Worker(script, { workerData: p.examples });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the training worker stopped (exit code ${code})`)));
  });
  const trained = Classifier.fromBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!trained) throw new Error('the training worker sent no model');
  writeCached(p.name, trained.toBytes(), KEEP);
  return trained;
}
