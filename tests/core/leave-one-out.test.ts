import { describe, expect, it } from 'vitest';
import { leaveOneOut } from '../../src/eval/leave-one-out.js';
import { buildSnapshot } from '../../src/store.js';
import { FIXTURE } from './helpers.js';

describe('leaveOneOut', () => {
  it('asks every question but the titles with that question taken out of the index', () => {
    const { kb } = buildSnapshot(FIXTURE).snapshot;
    const r = leaveOneOut(kb);
    const questions = kb.entries.reduce((n, e) => n + e.questions.en.length + e.questions.da.length - 2, 0);
    expect(r.total).toBe(questions);
    expect(r.right).toBeGreaterThan(0);
    expect(r.right).toBeLessThanOrEqual(r.answered);
    expect(r.answered).toBeLessThanOrEqual(r.total);
    // Taking a question out must not change the knowledge base it was taken from.
    expect(buildSnapshot(FIXTURE).snapshot.kb.version).toBe(kb.version);
    expect(leaveOneOut(kb)).toEqual(r);
  });
});
