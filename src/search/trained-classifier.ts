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
 * Above this many entries no classifier is trained: its training time and size grow with entries ×
 * features (20 classes: ~2 s and 4 MB; ~100: ~9 s and 18 MB), and the word-overlap engine alone
 * keeps 10,000 entries at ~5 ms a question.
 */
export const CLASSIFIER_MAX_ENTRIES = 100;
/** Longer than any training should take (the shipped base: ~2 s). */
const WORKER_TIMEOUT_MS = 120_000;
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

/** What a base's classifier learns from and the name it is kept under. */
interface Plan {
  examples: LabelledText[];
  name: string;
}

/** The base's plan; null when the base gets no classifier. */
function plan(kb: KnowledgeBase): Plan | null {
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
  return kept(p.name) ?? trainHere(p);
}

function trainHere(p: Plan): Classifier {
  const trained = Classifier.train(p.examples);
  writeCached(p.name, trained.toBytes(), KEEP);
  return trained;
}

/**
 * The same, training in a worker thread when it must train. In the thread's stead it trains here:
 * under the tests (they run the sources, and the worker is compiled code), and when the worker fails
 * or takes longer than any training should.
 */
export async function classifierForInBackground(kb: KnowledgeBase): Promise<Classifier | null> {
  const p = plan(kb);
  if (!p) return null;
  const model = kept(p.name);
  if (model) return model;
  const script = new URL('./train-worker.js', import.meta.url);
  const bytes = existsSync(script) ? await trainInWorker(script, p.examples).catch(() => undefined) : undefined;
  return (bytes && keep(p.name, bytes)) ?? trainHere(p);
}

/** Keeps a model's bytes on disk and returns the model; undefined when they are none. */
function keep(name: string, bytes: Buffer): Classifier | undefined {
  const model = Classifier.fromBytes(bytes);
  if (model) writeCached(name, bytes, KEEP);
  return model;
}

function trainInWorker(script: URL, examples: LabelledText[]): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const worker = new Worker(script, { workerData: examples });
    const timer = setTimeout(() => {
      reject(new Error('training took too long'));
      void worker.terminate();
    }, WORKER_TIMEOUT_MS);
    worker.once('message', (m: Uint8Array) => resolve(Buffer.from(m.buffer, m.byteOffset, m.byteLength)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the training worker stopped (exit code ${code})`));
    });
  });
}
