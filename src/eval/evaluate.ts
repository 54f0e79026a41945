// Scores the answering core against labelled questions (tests/eval/*.yaml):
// right answers per language, precision when it answers, and how often it
// declines what it must decline.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ask } from '../answer/ask.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { tokens } from '../search/normalize.js';
import type { Snapshot } from '../store.js';

export const LabelledSchema = z.object({
  questions: z.array(
    z.object({
      q: z.string().min(1),
      lang: z.enum(['en', 'da']),
      expect: z.string().nullable(),
      kind: z.string(),
    }),
  ),
});
export type Labelled = z.infer<typeof LabelledSchema>['questions'][number];

export interface Miss {
  q: string;
  lang: string;
  kind: string;
  expected: string | null;
  got: string | null;
  confidence: number;
}

export interface EvalReport {
  perLang: Record<'en' | 'da', { right: number; total: number; accuracy: number }>;
  /** Of the questions it answered, the share answered with the right entry. */
  precision: number;
  answered: number;
  declines: { right: number; total: number; rate: number };
  /**
   * "Did you mean" on declines: `right` of the `declined` questions it should have answered had
   * the right entry among the offers; `offered` of the `correct` declines came with offers.
   */
  offers: { right: number; declined: number; offered: number; correct: number };
  misses: Miss[];
}

/**
 * A filter keeping the questions the base's examples do not hold word for word (after folding):
 * what a score on them shows is learning, not memory. Common short questions ("hvem leder nmi")
 * recur across sets. Made once per base, as it folds every example.
 */
export function notAmongExamples(kb: KnowledgeBase): (questions: readonly Labelled[]) => Labelled[] {
  const key = (q: string) => tokens(q).join(' ');
  const learned = new Set(kb.examples.map((e) => key(e.q)));
  return (questions) => questions.filter((q) => !learned.has(key(q.q)));
}

export function readLabelled(file: string): Labelled[] {
  return LabelledSchema.parse(parse(readFileSync(file, 'utf8'))).questions;
}

export function evaluate(snap: Snapshot, questions: readonly Labelled[]): EvalReport {
  const perLang = { en: { right: 0, total: 0, accuracy: 0 }, da: { right: 0, total: 0, accuracy: 0 } };
  const declines = { right: 0, total: 0, rate: 0 };
  const offers = { right: 0, declined: 0, offered: 0, correct: 0 };
  let answered = 0;
  let answeredRight = 0;
  const misses: Miss[] = [];
  for (const item of questions) {
    const a = ask(snap, item.q, { lang: 'auto' });
    if (a.status === 'answered') {
      answered += 1;
      if (a.id === item.expect) answeredRight += 1;
    }
    const ok = item.expect === null ? a.status === 'no_match' : a.id === item.expect;
    if (a.status === 'no_match' && item.expect === null) {
      offers.correct += 1;
      if (a.suggestions.length) offers.offered += 1;
    } else if (a.status === 'no_match') {
      offers.declined += 1;
      if (a.suggestions.some((s) => s.id === item.expect)) offers.right += 1;
    }
    if (item.expect === null) {
      declines.total += 1;
      if (ok) declines.right += 1;
    } else {
      perLang[item.lang].total += 1;
      if (ok) perLang[item.lang].right += 1;
    }
    if (!ok) misses.push({ q: item.q, lang: item.lang, kind: item.kind, expected: item.expect, got: a.id, confidence: a.confidence });
  }
  for (const l of ['en', 'da'] as const) perLang[l].accuracy = perLang[l].total ? perLang[l].right / perLang[l].total : 1;
  declines.rate = declines.total ? declines.right / declines.total : 1;
  return { perLang, precision: answered ? answeredRight / answered : 1, answered, declines, offers, misses };
}

/** Several reports as one: the figures over all their questions. */
export function mergeReports(reports: readonly EvalReport[]): EvalReport {
  const sum = (f: (r: EvalReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const lang = (l: 'en' | 'da') => {
    const right = sum((r) => r.perLang[l].right);
    const total = sum((r) => r.perLang[l].total);
    return { right, total, accuracy: total ? right / total : 1 };
  };
  const answered = sum((r) => r.answered);
  const declined = { right: sum((r) => r.declines.right), total: sum((r) => r.declines.total) };
  return {
    perLang: { en: lang('en'), da: lang('da') },
    precision: answered ? sum((r) => r.precision * r.answered) / answered : 1,
    answered,
    declines: { ...declined, rate: declined.total ? declined.right / declined.total : 1 },
    offers: {
      right: sum((r) => r.offers.right),
      declined: sum((r) => r.offers.declined),
      offered: sum((r) => r.offers.offered),
      correct: sum((r) => r.offers.correct),
    },
    misses: reports.flatMap((r) => r.misses),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** One line: right per language, declines, precision. */
export function formatSummary(r: EvalReport): string {
  const { en, da } = r.perLang;
  const declined = `declined ${r.declines.right}/${r.declines.total} (${pct(r.declines.rate)})`;
  // A set of near misses only: there is nothing to answer, so no accuracy or precision to show.
  if (en.total + da.total === 0) return declined;
  return (
    `English ${en.right}/${en.total} (${pct(en.accuracy)}), Danish ${da.right}/${da.total} (${pct(da.accuracy)}), ` +
    `${declined}, precision ${pct(r.precision)}`
  );
}

/** One line: how the "did you mean" offers on declines did. */
export function formatOffers({ offers: o }: EvalReport): string {
  return (
    `"Did you mean": the right entry offered for ${o.right}/${o.declined} declined questions it should have answered; ` +
    `offers on ${o.offered}/${o.correct} right declines`
  );
}

export function formatReport(r: EvalReport): string {
  const lines = [
    `English: ${r.perLang.en.right}/${r.perLang.en.total} right (${pct(r.perLang.en.accuracy)})`,
    `Danish:  ${r.perLang.da.right}/${r.perLang.da.total} right (${pct(r.perLang.da.accuracy)})`,
    `Precision when answering: ${pct(r.precision)}`,
    `Declined correctly: ${r.declines.right}/${r.declines.total} (${pct(r.declines.rate)})`,
    formatOffers(r),
  ];
  if (r.misses.length) {
    lines.push('', `Misses (${r.misses.length}):`);
    for (const m of r.misses) {
      lines.push(`  [${m.lang} ${m.kind}] "${m.q}" — expected ${m.expected ?? 'decline'}, got ${m.got ?? 'decline'} (confidence ${m.confidence})`);
    }
  }
  return lines.join('\n');
}
