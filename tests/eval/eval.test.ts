// The labelled evaluation sets against the shipped knowledge base.
// The goal (issue 2) is ≥ 95 % right per language and ≥ 95 % correctly declined:
// the main set (questions.yaml) is held to exactly that. The blind sets were
// written apart from the base by authors who never saw it, and none of them is
// among the examples the classifier learns from (knowledge/examples/): each holds
// the floor last measured on it, so a change that makes answers worse fails here.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, formatReport, readLabelled } from '../../src/eval/evaluate.js';
import { DEFAULT_KNOWLEDGE_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { buildSnapshot } from '../../src/store.js';

const snapshot = buildSnapshot(DEFAULT_KNOWLEDGE_DIR).snapshot;

/** The bar, which the main set must meet. */
const GOAL = { en: 0.95, da: 0.95, declined: 0.95 } as const;

/**
 * Blind sets: measured with `npm run eval` on the shipped knowledge base, a little
 * under the figure so one borderline question does not fail the build. None was read.
 */
const SETS = {
  'questions.yaml': GOAL,
  'blind/bb.yaml': { en: 0.95, da: 0.94, declined: 0.95 },
  'blind/cc.yaml': { en: 0.95, da: 0.95, declined: 0.93 },
  'blind/dd.yaml': { en: 0.96, da: 0.95, declined: 0.93 },
  'blind/ee.yaml': { en: 0.95, da: 0.93, declined: 0.96 },
} as const;

describe.each(Object.entries(SETS))('evaluation set %s', (file, floor) => {
  const questions = readLabelled(resolve(PROJECT_ROOT, 'tests/eval', file));
  const report = evaluate(snapshot, questions);

  it('is large enough to mean something', () => {
    const count = (f: (q: (typeof questions)[number]) => boolean) => questions.filter(f).length;
    expect(count((q) => q.lang === 'en' && q.expect !== null)).toBeGreaterThanOrEqual(80);
    expect(count((q) => q.lang === 'da' && q.expect !== null)).toBeGreaterThanOrEqual(80);
    expect(count((q) => q.expect === null)).toBeGreaterThanOrEqual(40);
  });

  it('labels only entries the knowledge base has', () => {
    for (const q of questions) if (q.expect !== null) expect(snapshot.kb.byId.has(q.expect), q.q).toBe(true);
  });

  it.each(['en', 'da'] as const)('answers %s questions at least as well as last measured', (lang) => {
    expect(report.perLang[lang].accuracy, formatReport(report)).toBeGreaterThanOrEqual(floor[lang]);
  });

  it('declines what it cannot answer at least as often as last measured', () => {
    expect(report.declines.rate, formatReport(report)).toBeGreaterThanOrEqual(floor.declined);
  });

  it('is right far more often than wrong when it does answer', () => {
    expect(report.precision, formatReport(report)).toBeGreaterThanOrEqual(0.9);
  });
});
