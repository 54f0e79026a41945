import { describe, expect, it } from 'vitest';
import {
  formatFeedback,
  formatGaps,
  MAX_CUSTOM_ID_LENGTH,
  parseVoteCustomId,
  voteCustomId,
  type FeedbackRow,
  type GapGroup,
} from '../../src/feedback/index.js';

const group = (question: string, count: number, extra: Partial<GapGroup> = {}): GapGroup => ({
  question,
  count,
  languages: ['en'],
  firstSeen: '2025-06-01T10:00:00.000Z',
  lastSeen: '2025-06-14T10:00:00.000Z',
  variants: [],
  nearest: null,
  ...extra,
});

const row = (entryId: string, up: number, down: number): FeedbackRow => ({
  entryId,
  up,
  down,
  total: up + down,
  downShare: down / (up + down),
  versions: 1,
  lastVote: '2025-06-14T10:00:00.000Z',
});

describe('formatGaps', () => {
  it('shows each gap with its count, languages, last seen, variants and nearest entry', () => {
    const text = formatGaps(
      [
        group('Who leads NMI now?', 3, {
          variants: ['who leads the nmi now'],
          nearest: { id: 'nmi-commander', confidence: 0.42 },
          languages: ['da', 'en'],
        }),
        group('how is nmi funded', 1),
      ],
      'en',
      { days: 30 },
    );
    expect(text).toBe(
      [
        'Unanswered questions, last 30 days: 4 asked, 2 groups',
        '1. "Who leads NMI now?" — 3× (da, en) · last 2025-06-14 · nearest: nmi-commander (0.42)',
        '   also: "who leads the nmi now"',
        '2. "how is nmi funded" — 1× (en) · last 2025-06-14 · no close entry',
      ].join('\n'),
    );
  });

  it('speaks Danish', () => {
    const text = formatGaps([group('hvem leder nmi', 2, { nearest: { id: 'nmi-commander', confidence: 0.3 } })], 'da', {
      days: 7,
    });
    expect(text).toContain('Ubesvarede spørgsmål, seneste 7 dage: 2 stillet, 1 gruppe');
    expect(text).toContain('nærmeste: nmi-commander (0,30)');
    expect(formatGaps([], 'da', { days: 7 })).toBe('Ingen ubesvarede spørgsmål de seneste 7 dage.');
    expect(formatGaps([], 'en', { days: 1 })).toBe('No unanswered questions in the last 1 day.');
  });

  it('shows the entry title when it knows it', () => {
    const text = formatGaps([group('q', 1, { nearest: { id: 'nmi-commander', confidence: 0.3 } })], 'en', {
      titleOf: (id) => (id === 'nmi-commander' ? 'Who commands NMI?' : undefined),
    });
    expect(text).toContain('nearest: nmi-commander "Who commands NMI?" (0.30)');
  });

  it('stays under 4000 characters, saying how many gaps were left out', () => {
    const many = Array.from({ length: 200 }, (_, i) => group(`question number ${i} ${'x'.repeat(60)}`, 200 - i));
    const text = formatGaps(many, 'en');
    expect(text.length).toBeLessThanOrEqual(4000);
    const shown = text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    expect(text.endsWith(`… and ${200 - shown} more`)).toBe(true);
    expect(formatGaps(many, 'da', { maxChars: 500 })).toMatch(/… og \d+ mere$/);
  });

  it('puts a pasted multi-line or huge question on one shortened line', () => {
    const text = formatGaps([group(`line one\nline two ${'y'.repeat(500)}`, 1)], 'en');
    expect(text.split('\n')).toHaveLength(2);
    expect(text.length).toBeLessThan(250);
  });
});

describe('formatFeedback', () => {
  it('shows 👍/👎 and the share of 👎 per entry', () => {
    expect(formatFeedback([row('nmi-mandate', 1, 3), row('nmi-commander', 2, 0)], 'en', { days: 30 })).toBe(
      [
        'Answer feedback, last 30 days: 6 votes on 2 entries',
        '1. nmi-mandate — 75% down · 👍 1 · 👎 3 (4 votes)',
        '2. nmi-commander — 0% down · 👍 2 · 👎 0 (2 votes)',
      ].join('\n'),
    );
    expect(formatFeedback([row('nmi-mandate', 1, 3)], 'da', { days: 30 })).toContain(
      '1. nmi-mandate — 75 % negative · 👍 1 · 👎 3 (4 stemmer)',
    );
    expect(formatFeedback([], 'en', { days: 30 })).toBe('No votes in the last 30 days.');
  });

  it('stays under 4000 characters', () => {
    const many = Array.from({ length: 300 }, (_, i) => row(`entry-number-${i}`, i, 300 - i));
    const text = formatFeedback(many, 'en');
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text).toMatch(/… and \d+ more$/);
  });
});

describe('vote button ids', () => {
  it('round-trips the vote, entry and shortened knowledge version', () => {
    const id = voteCustomId('down', 'nmi-commander', '3f9a2c71b0e4d5a6c7b8e9f0a1b2c3d4');
    expect(id).toBe('vote:down:nmi-commander:3f9a2c71b0e4');
    expect(parseVoteCustomId(id)).toEqual({ vote: 'down', entryId: 'nmi-commander', version: '3f9a2c71b0e4' });
  });

  it('stays within Discord’s 100 characters and rejects foreign ids', () => {
    expect(() => voteCustomId('up', 'e'.repeat(90), 'abc')).toThrow(/over Discord/);
    expect(voteCustomId('down', 'e'.repeat(77), 'f'.repeat(64)).length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
    expect(parseVoteCustomId('topics:page:2')).toBeNull();
    expect(parseVoteCustomId('vote:maybe:nmi-commander:abc')).toBeNull();
    expect(parseVoteCustomId('vote:up:nmi commander:abc')).toBeNull();
  });
});
