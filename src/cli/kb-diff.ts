// npm run kb:diff -- --dir PATH: what a reload from PATH would change compared
// with the knowledge being served (knowledge/ or --from), the same summary the
// /nmi-admin reload reply gives.
import { parseArgs } from 'node:util';
import { diffKnowledge, formatDiff } from '../knowledge/diff.js';
import { loadKnowledge } from '../knowledge/load.js';
import { formatProblems } from '../knowledge/problems.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../paths.js';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({ options: { dir: { type: 'string' }, from: { type: 'string' }, lang: { type: 'string', default: 'en' } } }));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\nusage: npm run kb:diff -- --dir PATH [--from PATH] [--lang en|da]\n`);
    return 2;
  }
  if (!values.dir) {
    process.stderr.write('error: --dir PATH is required (the edited copy to compare)\nusage: npm run kb:diff -- --dir PATH [--from PATH]\n');
    return 2;
  }
  if (values.lang !== 'en' && values.lang !== 'da') {
    process.stderr.write('error: --lang must be en or da\n');
    return 2;
  }
  const from = values.from || process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR;
  const before = loadKnowledge(from);
  if (!before.kb) {
    process.stderr.write(formatProblems(`The current knowledge (${from}) is invalid:`, before.problems));
    return 1;
  }
  const after = loadKnowledge(values.dir);
  if (!after.kb) {
    process.stderr.write(formatProblems(`A reload from ${values.dir} would fail; the current knowledge would keep serving:`, after.problems));
    return 1;
  }
  process.stdout.write(`${formatDiff(before.kb.version, after.kb.version, diffKnowledge(before.kb, after.kb), values.lang)}\n`);
  return 0;
}

process.exitCode = main();
