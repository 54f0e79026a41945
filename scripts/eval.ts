// npm run eval [-- --dir PATH] [--file tests/eval/questions.yaml] [--cross-validate] [--leave-one-out]
// Without --file: the main set in full, then one line for each blind set (tests/eval/blind/).
// --cross-validate: each examples file left out of the classifier's training in turn, and asked.
// --leave-one-out: the word-overlap engine alone, each of the entries' questions left out in turn.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { crossValidate } from '../src/eval/cross-validate.js';
import { evaluate, formatOffers, formatReport, formatSummary, mergeReports, notAmongExamples, readLabelled, type Labelled } from '../src/eval/evaluate.js';
import { leaveOneOut } from '../src/eval/leave-one-out.js';
import { formatProblems, KnowledgeError } from '../src/knowledge/problems.js';
import { DEFAULT_KNOWLEDGE_DIR, PROJECT_ROOT } from '../src/paths.js';
import { buildSnapshot } from '../src/store.js';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, file: { type: 'string' }, 'cross-validate': { type: 'boolean', default: false }, 'leave-one-out': { type: 'boolean', default: false } },
});
const pct = (n: number, d: number) => `${((100 * n) / (d || 1)).toFixed(1)} %`;
try {
  const { snapshot } = buildSnapshot(values.dir ?? DEFAULT_KNOWLEDGE_DIR);
  // A test question the examples also hold, word for word, shows memory, not learning: counted apart too.
  const notLearned = notAmongExamples(snapshot.kb);
  const unseen = (questions: Labelled[]) => {
    const rest = notLearned(questions);
    return `${rest.length} of ${questions.length} not word for word among the examples: ${formatSummary(evaluate(snapshot, rest))}`;
  };
  const learned = snapshot.kb.examples.length > 0;
  const main = readLabelled(values.file ?? resolve(PROJECT_ROOT, 'tests/eval/questions.yaml'));
  process.stdout.write(`${formatReport(evaluate(snapshot, main))}\n${learned ? `${unseen(main)}\n` : ''}`);
  if (!values.file) {
    const dir = resolve(PROJECT_ROOT, 'tests/eval/blind');
    process.stdout.write('\nBlind sets (tests/eval/blind/, written without seeing the knowledge base, never learned from):\n');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
      const questions = readLabelled(resolve(dir, f));
      process.stdout.write(`  ${f}: ${formatSummary(evaluate(snapshot, questions))}\n${learned ? `    ${unseen(questions)}\n` : ''}`);
    }
  }
  if (values['cross-validate']) {
    process.stdout.write('\nCross-validation: each examples file left out of training, then asked:\n');
    const folds = crossValidate(snapshot);
    for (const { file, report: r } of folds) process.stdout.write(`  ${file}: ${formatSummary(r)}\n`);
    const all = mergeReports(folds.map((f) => f.report));
    process.stdout.write(`  all ${folds.length} files: ${formatSummary(all)}\n  ${formatOffers(all)}\n`);
  }
  if (values['leave-one-out']) {
    const l = leaveOneOut(snapshot.kb);
    process.stdout.write(
      `\nLeave-one-out over the knowledge base's own questions (the word-overlap engine alone): ${l.right}/${l.total} right (${pct(l.right, l.total)}), ` +
        `precision when answering ${pct(l.right, l.answered)}\n`,
    );
  }
} catch (err) {
  if (!(err instanceof KnowledgeError)) throw err;
  process.stderr.write(formatProblems('The knowledge base is invalid:', err.problems));
  process.exitCode = 1;
}
