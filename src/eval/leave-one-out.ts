// A second measure of how well answers generalize, from the knowledge base alone:
// each question (titles kept) is taken out of its entry, the index is rebuilt
// without it, and the question is asked. Unlike tests/eval it needs no labels, so
// curators can watch it as the knowledge grows.
import { ask } from '../answer/ask.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { LANGS, type Entry } from '../knowledge/schema.js';
import { SearchIndex } from '../search/search-index.js';

export interface LeaveOneOut {
  total: number;
  answered: number;
  right: number;
}

export function leaveOneOut(kb: KnowledgeBase): LeaveOneOut {
  const result = { total: 0, answered: 0, right: 0 };
  for (const entry of kb.entries) {
    for (const lang of LANGS) {
      entry.questions[lang].forEach((question, i) => {
        if (i === 0) return; // the title stays: it names the entry
        const without: Entry = { ...entry, questions: { ...entry.questions, [lang]: entry.questions[lang].filter((_, j) => j !== i) } };
        const entries = kb.entries.map((e) => (e === entry ? without : e));
        const smaller: KnowledgeBase = { ...kb, entries, byId: new Map(entries.map((e) => [e.id, e])) };
        const a = ask({ kb: smaller, index: SearchIndex.build(smaller) }, question, { lang });
        result.total += 1;
        if (a.status === 'answered') result.answered += 1;
        if (a.id === entry.id) result.right += 1;
      });
    }
  }
  return result;
}
