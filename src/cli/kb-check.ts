// npm run kb:check [-- --dir PATH]: validate the knowledge files; exit 1 with every problem.
import { parseArgs } from 'node:util';
import { confusables, staleEntries } from '../knowledge/check.js';
import { loadKnowledge } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problems.js';
import { LANGS } from '../knowledge/schema.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../paths.js';
import { SearchIndex } from '../search/search-index.js';
import { CLASSIFIER_MAX_ENTRIES } from '../search/trained-classifier.js';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({ options: { dir: { type: 'string' }, 'max-age-days': { type: 'string' } } }));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\nusage: npm run kb:check -- [--dir PATH] [--max-age-days N]\n`);
    return 2;
  }
  const maxAge = Number(values['max-age-days'] ?? process.env.FRESHNESS_MAX_AGE_DAYS ?? 730);
  if (!Number.isInteger(maxAge) || maxAge <= 0) {
    process.stderr.write('error: --max-age-days must be a positive whole number of days\n');
    return 2;
  }
  const dir = values.dir || process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR;
  const { kb, problems, origins } = loadKnowledge(dir);
  if (!kb) {
    const errors = problems.filter((p) => p.severity === 'error');
    process.stderr.write(`${problems.map(formatProblem).join('\n')}\n\n${errors.length} error(s) in ${dir}: the knowledge base cannot be served.\n`);
    return 1;
  }
  const snap = { kb, index: SearchIndex.build(kb) };
  const warnings = [...problems, ...confusables(snap, origins)];
  const out: string[] = [];
  const questions = LANGS.map((l) => `${kb.entries.reduce((n, e) => n + e.questions[l].length, 0)} ${l}`).join(', ');
  out.push(`Knowledge base ${kb.dir} — version ${kb.version}`);
  out.push(`  ${kb.entries.length} entries, ${kb.byShortcut.size} shortcuts (${[...kb.byShortcut.keys()].join(', ') || 'none'})`);
  out.push(`  questions: ${questions}`);
  const ex = kb.examples;
  const examples = `${ex.length} in ${new Set(ex.map((e) => e.file)).size} files (${ex.filter((e) => e.lang === 'en').length} en, ${ex.filter((e) => e.lang === 'da').length} da; ${ex.filter((e) => e.expect === null).length} to decline)`;
  out.push(
    !ex.length
      ? '  no examples: the word-overlap engine answers alone'
      : kb.entries.length > CLASSIFIER_MAX_ENTRIES
        ? `  examples: ${examples}, not learned from: over ${CLASSIFIER_MAX_ENTRIES} entries the word-overlap engine answers alone`
        : `  examples the classifier learns from: ${examples}`,
  );
  out.push(`  ${kb.sources.size} sources:`);
  for (const s of [...kb.sources.values()].sort((a, b) => a.date.localeCompare(b.date))) {
    out.push(`    ${s.date.padEnd(10)}  ${s.id} — ${s.publisher}${s.kind === 'news' ? ' (news)' : ''}`);
  }
  const stale = staleEntries(snap, new Date(), maxAge);
  out.push(`  ${stale.length} entries with facts older than ${maxAge} days (answers say "this may have changed"):`);
  for (const s of stale) out.push(`    ${s.id} (as of ${s.asOf}; ${s.developments} later development${s.developments === 1 ? '' : 's'})`);
  if (warnings.length) out.push('', ...warnings.map(formatProblem));
  out.push('', `OK: no errors${warnings.length ? `, ${warnings.length} warning(s)` : ''}.`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

process.exitCode = main();
