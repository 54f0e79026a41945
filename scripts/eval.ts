// npm run eval [-- --dir PATH] [--file tests/eval/questions.yaml]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, formatReport, readLabelled } from '../src/eval/evaluate.js';
import { formatProblems, KnowledgeError } from '../src/knowledge/problems.js';
import { DEFAULT_KNOWLEDGE_DIR, PROJECT_ROOT } from '../src/paths.js';
import { buildSnapshot } from '../src/store.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, file: { type: 'string' } } });
try {
  const { snapshot } = buildSnapshot(values.dir ?? DEFAULT_KNOWLEDGE_DIR);
  const report = evaluate(snapshot, readLabelled(values.file ?? resolve(PROJECT_ROOT, 'tests/eval/questions.yaml')));
  process.stdout.write(`${formatReport(report)}\n`);
} catch (err) {
  if (!(err instanceof KnowledgeError)) throw err;
  process.stderr.write(formatProblems('The knowledge base is invalid:', err.problems));
  process.exitCode = 1;
}
