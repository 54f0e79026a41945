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
  /** The probability (0..1) of the likeliest entry, answered or not. */
  p: number;
  /** When it declines: the entries not far less likely than "none", best first, what "did you mean" offers. */
  ranked: string[];
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
/**
 * On a decline, "did you mean" offers only entries at least this share as likely as "none". In
 * cross-validation over the example files the right entry was still offered as often as when the
 * three likeliest always were (for 61 of the 67 answerable questions declined), and 4 in 5
 * off-topic questions that share a word with the base got no offers (before, all 332 did); the
 * curve is flat from 0.001 to 0.003.
 */
const NEAR_SHARE = 0.002;
/** Changes to the features or the training change the model: cached models carry this. */
export const MODEL_FORMAT = 2;

/** FNV-1a over 32 bits, started from a seed per kind of feature. */
const FNV_PRIME = 16777619;
const WORD_SEED = 2166136261;
const PAIR_SEED = 374761393;
const LETTERS_SEED = 668265263;
const BIAS_KEY = 1;
const mix = (h: number, code: number) => Math.imul(h ^ code, FNV_PRIME);
const LEFT_MARK = 60; // "<": letter groups know where a word starts and ends
const RIGHT_MARK = 62; // ">"

/**
 * Feature hashes with their summed values, in the order first added (so every vector, and every
 * sum over one, comes out the same). One table is reused for every question: answering makes
 * next to no garbage, and so meets few pauses to collect it.
 */
class FeatureSums {
  keys = new Uint32Array(512);
  values = new Float64Array(512);
  size = 0;
  /** Open addressing over `keys`: 1 + a key's position, or 0 for a free slot; kept at most half full. */
  private slots = new Int32Array(1024);

  clear(): void {
    this.slots.fill(0);
    this.size = 0;
  }

  add(key: number, value: number): void {
    const mask = this.slots.length - 1;
    let slot = (key ^ (key >>> 15)) & mask;
    for (; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const at = this.slots[slot]! - 1;
      if (this.keys[at] === key) {
        this.values[at] = this.values[at]! + value;
        return;
      }
    }
    if (2 * (this.size + 1) > this.slots.length) {
      this.grow();
      this.add(key, value);
      return;
    }
    this.keys[this.size] = key;
    this.values[this.size] = value;
    this.slots[slot] = ++this.size;
  }

  private grow(): void {
    const keys = this.keys.slice(0, this.size);
    const values = this.values.slice(0, this.size);
    this.keys = new Uint32Array(2 * this.keys.length);
    this.values = new Float64Array(2 * this.values.length);
    this.slots = new Int32Array(2 * this.slots.length);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) this.add(keys[i]!, values[i]!);
  }
}

const sums = new FeatureSums();

/**
 * A question's features, each a 32-bit hash of its text (a word, a word pair, a letter group)
 * with its value: hashed, not written out, because a question has ~150 of them. Two features
 * sharing a hash only share a weight. Left in `sums`, read before the next question.
 */
function featureKeys(text: string): FeatureSums {
  const words = tokens(text).slice(0, MAX_WORDS);
  sums.clear();
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let h = WORD_SEED;
    for (let k = 0; k < w.length; k++) h = mix(h, w.charCodeAt(k));
    sums.add(h >>> 0, 1);
    if (i > 0) sums.add(mix(mix(PAIR_SEED, previous), h) >>> 0, PAIR_WEIGHT);
    previous = h;
    // Letter groups of "<word>", 3 to 5 long: position -1 is "<", position w.length is ">".
    for (let j = -1; j + LETTERS_MIN - 1 <= w.length; j++) {
      let g = LETTERS_SEED;
      for (let n = 1; n <= LETTERS_MAX && j + n - 1 <= w.length; n++) {
        const at = j + n - 1;
        g = mix(g, at < 0 ? LEFT_MARK : at === w.length ? RIGHT_MARK : w.charCodeAt(at));
        if (n >= LETTERS_MIN) sums.add(g >>> 0, LETTERS_WEIGHT);
      }
    }
  }
  sums.add(BIAS_KEY, 1);
  return sums;
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
    /** Feature hash → row of the weights. */
    private readonly features: ReadonlyMap<number, number>,
    /** features × classes, row by row. */
    private readonly weights: Float32Array,
  ) {
    this.scores = new Float64Array(labels.length);
  }

  static train(examples: readonly LabelledText[]): Classifier {
    const ids = [...new Set(examples.map((e) => e.label).filter((l): l is string => l !== null))].sort();
    const labels = [...ids, null];
    const classOf = new Map<string | null, number>(labels.map((l, i) => [l, i]));
    const features = new Map<number, number>();
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
    const x = vectorize(text, this.features, false);
    // Nothing but the bias: no word the model knows, so nothing it could tell.
    if (x.index.length <= 1) return { id: null, p: 0, ranked: [] };
    const p = this.probabilities(x);
    const none = this.labels.length - 1;
    let best = -1;
    for (let c = 0; c < none; c++) if (best < 0 || p[c]! > p[best]!) best = c;
    if (best < 0) return { id: null, p: 0, ranked: [] };
    if (p[best]! >= NONE_MARGIN * p[none]!) return { id: this.labels[best]!, p: p[best]!, ranked: [] };
    const ranked = this.labels
      .slice(0, none)
      .map((l, c) => ({ l: l!, q: p[c]! }))
      .filter((e) => e.q >= NEAR_SHARE * p[none]!)
      .sort((a, b) => b.q - a.q)
      .map((e) => e.l);
    return { id: null, p: p[best]!, ranked };
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

  /** The model as bytes: a JSON header (format, classes, feature count), the feature hashes in row order, the weights. */
  toBytes(): Buffer {
    const header = Buffer.from(JSON.stringify({ format: MODEL_FORMAT, labels: this.labels, features: this.features.size }));
    const keys = Uint32Array.from(this.features.keys());
    const out = Buffer.alloc(4 + header.length + keys.byteLength + this.weights.byteLength);
    out.writeUInt32LE(header.length, 0);
    header.copy(out, 4);
    Buffer.from(keys.buffer).copy(out, 4 + header.length);
    Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).copy(out, 4 + header.length + keys.byteLength);
    return out;
  }

  /** A model from toBytes(); undefined when the bytes are not one (damaged, or another format). */
  static fromBytes(bytes: Buffer): Classifier | undefined {
    try {
      const length = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { format: number; labels: (string | null)[]; features: number };
      const n = header.features;
      if (header.format !== MODEL_FORMAT || bytes.length !== 4 + length + n * 4 + n * header.labels.length * 4) return undefined;
      // Copied: a Buffer's bytes may not be aligned for typed-array views.
      const keys = new Uint32Array(n);
      Buffer.from(keys.buffer).set(bytes.subarray(4 + length, 4 + length + n * 4));
      const weights = new Float32Array(n * header.labels.length);
      Buffer.from(weights.buffer).set(bytes.subarray(4 + length + n * 4));
      const features = new Map<number, number>();
      for (let i = 0; i < n; i++) features.set(keys[i]!, i);
      return new Classifier(header.labels, features, weights);
    } catch {
      return undefined;
    }
  }
}

/** A question's features, numbered by `features` (new ones added while training, ignored after). */
function vectorize(text: string, features: ReadonlyMap<number, number>, grow: boolean): Vector {
  const { keys, values, size } = featureKeys(text);
  const index = new Int32Array(size);
  /** Where in `sums` each known feature's value is. */
  const from = new Int32Array(size);
  let n = 0;
  let norm = 0;
  for (let k = 0; k < size; k++) {
    let i = features.get(keys[k]!);
    if (i === undefined) {
      if (!grow) continue;
      (features as Map<number, number>).set(keys[k]!, (i = features.size));
    }
    index[n] = i;
    from[n++] = k;
    norm += values[k]! * values[k]!;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const value = new Float32Array(n);
  for (let k = 0; k < n; k++) value[k] = values[from[k]!]! * scale;
  return { index: index.slice(0, n), value };
}
