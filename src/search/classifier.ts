// Learns from labelled questions which entry a question asks for, or that none
// does. The word-overlap engine (search-index.ts) only knows the words the base
// writes, and every new voice brings words it has not seen: on four sets of
// questions never read while building it, it answered 80–92 % in each language.
// A multinomial logistic regression over the question's words, word pairs and
// letter groups (3–5 letters, so a misspelled or inflected word still shares most
// of its pieces), trained on the entries' own questions and on the labelled
// examples in knowledge/examples/, answered 95–99 % of the same sets. It also
// learns what to decline from the examples labelled with no entry.
import { tokens } from './normalize.js';

/** A question and the entry that answers it; null: none does (the bot must decline). */
export interface LabelledText {
  text: string;
  label: string | null;
}

export interface Verdict {
  /** The entry that answers the question, or null: decline. */
  id: string | null;
  /** The likeliest entry, answered or not, and its probability (0..1). */
  likeliest: string | null;
  p: number;
}

/** Weights of the three kinds of features against a single word. */
const PAIR_WEIGHT = 0.7;
const LETTERS_WEIGHT = 0.3;
const LETTERS_MIN = 3;
const LETTERS_MAX = 5;
/** A question's first words only: what a Discord option or a sentence of a chat can hold. */
const MAX_WORDS = 120;
/** Passes over the examples, step size (AdaGrad) and weight decay: the same answers on the held-out sets as 6–12 passes. */
const EPOCHS = 4;
const RATE = 1;
const DECAY = 1e-6;
/** Gradients smaller than this change nothing worth the time. */
const MIN_GRADIENT = 1e-4;
/**
 * An entry is answered only when it is this many times as likely as "none": in cross-validation
 * over the example files (each left out in turn), 3 declined 4 points more of what must be declined
 * for 0.2 points fewer answers, against answering whatever is likeliest.
 */
const NONE_MARGIN = 3;
/** Changes to the features or the training change the model: cached models carry this. */
export const MODEL_FORMAT = 1;

/** A question's features as a feature name → value map (the caller numbers them). */
function featureNames(text: string): Map<string, number> {
  const words = tokens(text).slice(0, MAX_WORDS);
  const out = new Map<string, number>();
  const add = (name: string, value: number) => out.set(name, (out.get(name) ?? 0) + value);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    add(`w:${w}`, 1);
    if (i > 0) add(`b:${words[i - 1]} ${w}`, PAIR_WEIGHT);
    const marked = `<${w}>`;
    for (let n = LETTERS_MIN; n <= LETTERS_MAX; n++) {
      for (let j = 0; j + n <= marked.length; j++) add(`c:${marked.slice(j, j + n)}`, LETTERS_WEIGHT);
    }
  }
  add('bias', 1);
  return out;
}

/** Features as parallel arrays of numbers and values, scaled to unit length (long and short questions weigh alike). */
interface Vector {
  index: Int32Array;
  value: Float32Array;
}

/** Deterministic pseudo-random numbers: the same examples always train the same model. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export class Classifier {
  private readonly scores: Float64Array;

  private constructor(
    /** Class k's entry id; the last class is null (no entry). */
    readonly labels: readonly (string | null)[],
    private readonly features: ReadonlyMap<string, number>,
    /** features × classes, row by row. */
    private readonly weights: Float32Array,
  ) {
    this.scores = new Float64Array(labels.length);
  }

  static train(examples: readonly LabelledText[]): Classifier {
    const ids = [...new Set(examples.map((e) => e.label).filter((l): l is string => l !== null))].sort();
    const labels = [...ids, null];
    const classOf = new Map<string | null, number>(labels.map((l, i) => [l, i]));
    const features = new Map<string, number>();
    const data = examples.map((e) => ({ x: vectorize(e.text, features, true), y: classOf.get(e.label)! }));
    const C = labels.length;
    const model = new Classifier(labels, features, new Float32Array(features.size * C));
    const w = model.weights;
    const g2 = new Float32Array(w.length).fill(1e-8);
    const order = data.map((_, i) => i);
    const random = rng(7);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const n of order) {
        const { x, y } = data[n]!;
        const p = model.probabilities(x);
        for (let c = 0; c < C; c++) {
          const g = p[c]! - (c === y ? 1 : 0);
          if (Math.abs(g) < MIN_GRADIENT) continue;
          for (let k = 0; k < x.index.length; k++) {
            const a = x.index[k]! * C + c;
            const step = g * x.value[k]! + DECAY * w[a]!;
            const sum = g2[a]! + step * step;
            g2[a] = sum;
            w[a] = w[a]! - (RATE * step) / Math.sqrt(sum);
          }
        }
      }
    }
    return model;
  }

  classify(text: string): Verdict {
    const p = this.probabilities(vectorize(text, this.features, false));
    const none = this.labels.length - 1;
    let best = -1;
    for (let c = 0; c < none; c++) if (best < 0 || p[c]! > p[best]!) best = c;
    if (best < 0) return { id: null, likeliest: null, p: 0 };
    const likeliest = this.labels[best]!;
    return { id: p[best]! >= NONE_MARGIN * p[none]! ? likeliest : null, likeliest, p: p[best]! };
  }

  /** Softmax of the classes' scores (into a reused buffer). */
  private probabilities(x: Vector): Float64Array {
    const C = this.labels.length;
    const z = this.scores.fill(0);
    const w = this.weights;
    for (let k = 0; k < x.index.length; k++) {
      const row = x.index[k]! * C;
      const v = x.value[k]!;
      for (let c = 0; c < C; c++) z[c] = z[c]! + w[row + c]! * v;
    }
    let max = -Infinity;
    for (let c = 0; c < C; c++) if (z[c]! > max) max = z[c]!;
    let sum = 0;
    for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c]! - max);
    for (let c = 0; c < C; c++) z[c] = z[c]! / sum;
    return z;
  }

  /** The model as bytes: a JSON header (classes, features in order) and the weights. */
  toBytes(): Buffer {
    const header = Buffer.from(JSON.stringify({ format: MODEL_FORMAT, labels: this.labels, features: [...this.features.keys()] }));
    const out = Buffer.alloc(4 + header.length + this.weights.byteLength);
    out.writeUInt32LE(header.length, 0);
    header.copy(out, 4);
    Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).copy(out, 4 + header.length);
    return out;
  }

  /** A model from toBytes(); undefined when the bytes are not one (damaged, or another format). */
  static fromBytes(bytes: Buffer): Classifier | undefined {
    try {
      const length = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { format: number; labels: (string | null)[]; features: string[] };
      const body = bytes.subarray(4 + length);
      if (header.format !== MODEL_FORMAT || body.length !== header.features.length * header.labels.length * 4) return undefined;
      // Copied: a Buffer's bytes may not be aligned for a Float32Array view.
      const weights = new Float32Array(body.length / 4);
      Buffer.from(weights.buffer).set(body);
      return new Classifier(header.labels, new Map(header.features.map((f, i) => [f, i])), weights);
    } catch {
      return undefined;
    }
  }
}

/** A question's features, numbered by `features` (new ones added while training, ignored after). */
function vectorize(text: string, features: ReadonlyMap<string, number>, grow: boolean): Vector {
  const index: number[] = [];
  const value: number[] = [];
  let norm = 0;
  for (const [name, v] of featureNames(text)) {
    let i = features.get(name);
    if (i === undefined) {
      if (!grow) continue;
      (features as Map<string, number>).set(name, (i = features.size));
    }
    index.push(i);
    value.push(v);
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { index: Int32Array.from(index), value: Float32Array.from(value, (v) => v * scale) };
}
