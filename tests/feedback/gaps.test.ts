import { describe, expect, it } from 'vitest';
import { normalizeQuestion, openFeedbackStore, questionSimilarity, type FeedbackStore } from '../../src/feedback/index.js';
import { daysAgo, NOW, tempConfig } from './helpers.js';

function ask(store: FeedbackStore, text: string, extra: Partial<Parameters<FeedbackStore['recordUnanswered']>[0]> = {}) {
  store.recordUnanswered({ text, lang: 'en', bestId: null, confidence: 0, guildId: '42', at: NOW, ...extra });
}

describe('normalizeQuestion', () => {
  it('ignores case, punctuation, width and spacing', () => {
    expect(normalizeQuestion('  Who leads   NMI now?! ')).toBe('who leads nmi now');
    expect(normalizeQuestion('Ｗｈｏ leads NMI — now…')).toBe('who leads nmi now');
    expect(normalizeQuestion("What's NMI's mandate?")).toBe('whats nmis mandate');
  });

  it('keeps æ, ø, å and folds ae, oe, aa onto them', () => {
    expect(normalizeQuestion('Hvornår startede NMI?')).toBe('hvornår startede nmi');
    expect(normalizeQuestion('Hvornaar startede NMI?')).toBe('hvornår startede nmi');
    expect(normalizeQuestion('Hvad er Danmarks bidrag til NMI, og hvor mange soldater?')).toContain('hvad er');
    expect(normalizeQuestion('Hvem stoetter NMI')).toBe(normalizeQuestion('Hvem støtter NMI'));
    expect(normalizeQuestion('Er der faerre soldater')).toBe(normalizeQuestion('Er der færre soldater'));
  });
});

describe('questionSimilarity', () => {
  it('sees rewordings with an article or a typo as the same question', () => {
    expect(questionSimilarity('who leads nmi now', 'who leads the nmi now')).toBeGreaterThanOrEqual(0.8);
    expect(questionSimilarity('who leads nmi', 'who leads the nmi')).toBeGreaterThanOrEqual(0.8);
    expect(questionSimilarity('how many soldiers are deployed', 'how many soldeirs are deployed')).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps different questions apart', () => {
    expect(questionSimilarity('who leads nmi now', 'when did nmi start')).toBeLessThan(0.8);
    expect(questionSimilarity('who leads nmi now', 'who funds nmi now')).toBeLessThan(0.8);
  });
});

describe('gaps', () => {
  it('groups near-duplicates, counts them, and names the nearest entry', () => {
    const store = openFeedbackStore(tempConfig());
    ask(store, 'who leads nmi now', { bestId: 'nmi-commander', confidence: 0.31, at: daysAgo(3) });
    ask(store, 'Who leads NMI now?', { bestId: 'nmi-commander', confidence: 0.42, lang: 'en', at: daysAgo(2) });
    ask(store, 'who leads the nmi now', { bestId: 'nmi-mandate', confidence: 0.5, at: daysAgo(1) });
    ask(store, 'how is nmi funded', { bestId: 'nmi-budget', confidence: 0.2, lang: 'en', at: daysAgo(1) });

    const groups = store.gaps(30, NOW);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toEqual({
      question: 'Who leads NMI now?', // the most recent of the equally common spellings
      count: 3,
      languages: ['en'],
      firstSeen: daysAgo(3).toISOString(),
      lastSeen: daysAgo(1).toISOString(),
      variants: ['who leads the nmi now'],
      nearest: { id: 'nmi-commander', confidence: 0.42 },
    });
    expect(groups[1]).toMatchObject({ question: 'how is nmi funded', count: 1, nearest: { id: 'nmi-budget' } });
    store.close();
  });

  it('lists the languages a gap was asked in, and at most 3 variants', () => {
    const store = openFeedbackStore(tempConfig());
    for (let i = 0; i < 3; i++) ask(store, 'hvor mange danske soldater er i irak', { lang: 'da' });
    ask(store, 'hvor mange danske soldater er der i irak', { lang: 'da' });
    ask(store, 'hvor mange danske soldater er i irak nu', { lang: 'da' });
    ask(store, 'hvor mange danske soldater er i irak lige', { lang: 'da' });
    ask(store, 'hvor mange danske soldater er i irak idag', { lang: 'en' });
    const [group] = store.gaps(30, NOW);
    expect(group).toMatchObject({ question: 'hvor mange danske soldater er i irak', count: 7, languages: ['da', 'en'] });
    expect(group!.variants).toHaveLength(3);
    expect(group!.nearest).toBeNull();
    store.close();
  });

  it('ranks the most frequent gap first and only looks at the requested window', () => {
    const store = openFeedbackStore(tempConfig());
    ask(store, 'is nmi a combat mission', { at: daysAgo(2) });
    ask(store, 'who leads nmi now', { at: daysAgo(3) });
    ask(store, 'who leads nmi now', { at: daysAgo(4) });
    ask(store, 'is nmi a combat mission', { at: daysAgo(20) });
    ask(store, 'is nmi a combat mission', { at: daysAgo(40) });
    expect(store.gaps(7, NOW).map((g) => [g.question, g.count])).toEqual([
      ['who leads nmi now', 2],
      ['is nmi a combat mission', 1],
    ]);
    expect(store.gaps(30, NOW).map((g) => [g.question, g.count])).toEqual([
      ['is nmi a combat mission', 2],
      ['who leads nmi now', 2],
    ]);
    expect(() => store.gaps(0, NOW)).toThrow(/days must be a positive number/);
    store.close();
  });
});
