// The labelled evaluation sets against the shipped knowledge base.
// The goal (issue 2) is ≥ 95 % right per language and ≥ 95 % correctly declined:
// the main set (questions.yaml) is held to exactly that. The blind sets, written
// apart from the base by authors who never saw it, are not there yet (see README
// "Evaluation"): each holds the floor last measured on it, so a change that makes
// answers worse fails here, and each improvement should raise the floor.
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
 * under the figure so one borderline question does not fail the build. Each file's
 * header says how far its misses were read while tuning (sets BB and CC's never were).
 */
const SETS = {
  'questions.yaml': GOAL,
  'blind/a.yaml': { en: 0.98, da: 0.99, declined: 0.99 },
  'blind/b.yaml': { en: 0.99, da: 0.97, declined: 0.99 },
  'blind/c.yaml': { en: 0.96, da: 0.97, declined: 0.99 },
  'blind/d.yaml': { en: 0.95, da: 0.99, declined: 0.99 },
  'blind/e.yaml': { en: 0.97, da: 0.97, declined: 0.99 },
  'blind/f.yaml': { en: 0.96, da: 0.96, declined: 0.97 },
  'blind/g.yaml': { en: 0.98, da: 0.94, declined: 0.99 },
  'blind/h.yaml': { en: 0.97, da: 0.98, declined: 0.99 },
  'blind/i.yaml': { en: 0.95, da: 0.97, declined: 0.97 },
  'blind/j.yaml': { en: 0.92, da: 0.97, declined: 0.97 },
  'blind/k.yaml': { en: 0.98, da: 0.97, declined: 0.99 },
  'blind/l.yaml': { en: 0.93, da: 0.96, declined: 0.99 },
  'blind/m.yaml': { en: 0.95, da: 0.94, declined: 0.99 },
  'blind/n.yaml': { en: 0.97, da: 0.96, declined: 0.93 },
  'blind/o.yaml': { en: 0.92, da: 0.94, declined: 0.97 },
  'blind/p.yaml': { en: 0.92, da: 0.96, declined: 0.97 },
  'blind/q.yaml': { en: 0.93, da: 0.93, declined: 0.95 },
  'blind/r.yaml': { en: 0.97, da: 0.97, declined: 0.92 },
  'blind/s.yaml': { en: 0.97, da: 0.94, declined: 0.94 },
  'blind/u.yaml': { en: 0.89, da: 0.93, declined: 0.95 },
  'blind/v.yaml': { en: 0.89, da: 0.93, declined: 0.92 },
  'blind/w.yaml': { en: 0.88, da: 0.89, declined: 0.94 },
  'blind/x.yaml': { en: 0.89, da: 0.93, declined: 0.89 },
  'blind/y.yaml': { en: 0.87, da: 0.90, declined: 0.90 },
  'blind/z.yaml': { en: 0.87, da: 0.93, declined: 0.94 },
  'blind/aa.yaml': { en: 0.83, da: 0.84, declined: 0.94 },
  'blind/bb.yaml': { en: 0.78, da: 0.81, declined: 0.97 },
  'blind/cc.yaml': { en: 0.89, da: 0.89, declined: 0.90 },
} as const;

/** Sets of questions that must all be declined (near misses and off-topic), with the same kind of floor. */
const DECLINE_SETS = {
  'blind/t.yaml': 0.87,
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

describe.each(Object.entries(DECLINE_SETS))('decline set %s', (file, floor) => {
  const questions = readLabelled(resolve(PROJECT_ROOT, 'tests/eval', file));
  const report = evaluate(snapshot, questions);

  it('holds only questions to decline, enough of them to mean something', () => {
    expect(questions.filter((q) => q.expect !== null)).toEqual([]);
    expect(questions.length).toBeGreaterThanOrEqual(200);
  });

  it('declines them at least as often as last measured', () => {
    expect(report.declines.rate, formatReport(report)).toBeGreaterThanOrEqual(floor);
  });
});
