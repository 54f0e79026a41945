// How well the classifier answers voices it has not learned from: each examples
// file (one author's questions) is left out in turn, a model is trained on the
// entries' questions and the other files, and the file left out is asked. The
// figure to watch when adding examples: asking a model its own examples would
// only show that it remembers them.
import { Classifier } from '../search/classifier.js';
import { trainingSet } from '../search/trained-classifier.js';
import type { Snapshot } from '../store.js';
import { evaluate, type EvalReport } from './evaluate.js';

export function crossValidate(snap: Snapshot): { file: string; report: EvalReport }[] {
  const files = [...new Set(snap.kb.examples.map((e) => e.file))].sort();
  return files.map((file) => {
    const kb = { ...snap.kb, examples: snap.kb.examples.filter((e) => e.file !== file) };
    const classifier = Classifier.train(trainingSet(kb));
    const asked = snap.kb.examples.filter((e) => e.file === file).map(({ q, lang, expect, kind }) => ({ q, lang, expect, kind: kind ?? '' }));
    return { file, report: evaluate({ ...snap, classifier }, asked) };
  });
}
