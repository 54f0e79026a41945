// The labelled evaluation set against the shipped knowledge base: the bot must
// answer ≥ 95 % right in each language and decline ≥ 95 % of what it cannot answer.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, formatReport, readLabelled } from '../../src/eval/evaluate.js';
import { DEFAULT_KNOWLEDGE_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { buildSnapshot } from '../../src/store.js';

const questions = readLabelled(resolve(PROJECT_ROOT, 'tests/eval/questions.yaml'));
const report = evaluate(buildSnapshot(DEFAULT_KNOWLEDGE_DIR).snapshot, questions);

describe('evaluation set', () => {
  it('is large enough to mean something', () => {
    const count = (f: (q: (typeof questions)[number]) => boolean) => questions.filter(f).length;
    expect(count((q) => q.lang === 'en' && q.expect !== null)).toBeGreaterThanOrEqual(80);
    expect(count((q) => q.lang === 'da' && q.expect !== null)).toBeGreaterThanOrEqual(80);
    expect(count((q) => q.expect === null)).toBeGreaterThanOrEqual(40);
  });

  it.each(['en', 'da'] as const)('answers at least 95 %% of %s questions right', (lang) => {
    expect(report.perLang[lang].accuracy, formatReport(report)).toBeGreaterThanOrEqual(0.95);
  });

  it('declines at least 95 % of the questions it cannot answer', () => {
    expect(report.declines.rate, formatReport(report)).toBeGreaterThanOrEqual(0.95);
  });
});
