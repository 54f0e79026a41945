// The labelled evaluation sets against the shipped knowledge base.
// The goal (issue 2) is ≥ 95 % right per language and ≥ 95 % correctly declined:
// the main set (questions.yaml) is held to exactly that. The blind sets were
// written apart from the base by authors who never saw it, and none of them is
// among the examples the classifier learns from (knowledge/examples/): each holds
// the floor last measured on it, so a change that makes answers worse fails here.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { evaluate, formatOffers, formatReport, notAmongExamples, readLabelled } from '../../src/eval/evaluate.js';
import { DEFAULT_KNOWLEDGE_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { buildSnapshot } from '../../src/store.js';

const snapshot = buildSnapshot(DEFAULT_KNOWLEDGE_DIR).snapshot;

/** The bar, which the main set must meet. */
const GOAL = { en: 0.95, da: 0.95, declined: 0.95 } as const;

type Floor = { en: number; da: number; declined: number };

/**
 * Blind sets: measured with `npm run eval` on the shipped knowledge base, a little
 * under the figure so one borderline question does not fail the build. None was read.
 * `unseen`: the same for the questions the examples do not hold word for word.
 */
const SETS: Record<string, Floor & { unseen?: Floor }> = {
  'questions.yaml': GOAL,
  'blind/bb.yaml': { en: 0.95, da: 0.95, declined: 0.97, unseen: { en: 0.93, da: 0.93, declined: 0.96 } },
  'blind/cc.yaml': { en: 0.95, da: 0.97, declined: 0.97, unseen: { en: 0.94, da: 0.96, declined: 0.96 } },
  'blind/dd.yaml': { en: 0.96, da: 0.98, declined: 0.93, unseen: { en: 0.95, da: 0.97, declined: 0.91 } },
  'blind/ee.yaml': { en: 0.94, da: 0.95, declined: 0.98, unseen: { en: 0.92, da: 0.92, declined: 0.97 } },
};

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

  it('offers the right entry for most answerable questions it declines, and nothing for most it rightly declines', () => {
    // Measured: the right entry for 14 of 15 on the five sets, offers on 15–25 % of right declines (77 % before the floor).
    const { right, declined, offered, correct } = report.offers;
    expect(right, formatOffers(report)).toBeGreaterThanOrEqual(Math.floor(0.7 * declined));
    expect(offered / correct, formatOffers(report)).toBeLessThanOrEqual(0.35);
  });
});

const notLearned = notAmongExamples(snapshot.kb);

describe.each(Object.entries(SETS).filter(([, f]) => f.unseen))('evaluation set %s, the questions the examples do not hold word for word', (file, floor) => {
  const unseen = evaluate(snapshot, notLearned(readLabelled(resolve(PROJECT_ROOT, 'tests/eval', file))));

  it('answers and declines them at least as well as last measured', () => {
    for (const lang of ['en', 'da'] as const) expect(unseen.perLang[lang].accuracy, formatReport(unseen)).toBeGreaterThanOrEqual(floor.unseen![lang]);
    expect(unseen.declines.rate, formatReport(unseen)).toBeGreaterThanOrEqual(floor.unseen!.declined);
  });
});

describe('chit-chat on the shipped knowledge base', () => {
  // Not in knowledge/examples/chit-chat.yaml as written: the classifier must carry it over.
  it.each(['hello there!', 'hi again', 'thanks a lot', 'ok cool', 'never mind then', 'hej med dig', 'tak for det', 'okay, fint nok'])('declines "%s"', (q) => {
    expect(ask(snapshot, q)).toMatchObject({ status: 'no_match', id: null });
  });

  it('offers "did you mean" only for entries a declined message came near, and still answers a greeting with a question', () => {
    expect(ask(snapshot, 'thanks a lot!').suggestions).toEqual([]);
    // Words of the base, but about nothing it holds.
    const weather = 'what is the weather in Baghdad';
    expect(snapshot.index.sharesAWord(weather)).toBe(true);
    expect(ask(snapshot, weather)).toMatchObject({ status: 'no_match', suggestions: [] });
    const near = ask(snapshot, 'helicopters Afghanistan');
    expect(near.status).toBe('no_match');
    expect(near.suggestions.map((s) => s.id)).toContain('denmark-helicopters');
    expect(ask(snapshot, 'hi! who leads nmi?').id).toBe('who-leads');
  });
});
