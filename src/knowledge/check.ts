// Checks that go beyond validity: entries a question of another entry would be
// answered by (confusable), and entries whose facts are past the freshness age.
import { ask, isStale, DEFAULT_FRESHNESS_DAYS } from '../answer/ask.js';
import type { Snapshot } from '../store.js';
import type { Problem } from './problems.js';
import { LANGS } from './schema.js';

export function confusables(snap: Snapshot, origins: ReadonlyMap<string, { file: string; line?: number }>): Problem[] {
  const out: Problem[] = [];
  for (const entry of snap.kb.entries) {
    for (const lang of LANGS) {
      for (const q of entry.questions[lang]) {
        const a = ask(snap, q, { lang });
        if (a.status === 'answered' && a.id !== entry.id) {
          const at = origins.get(entry.id);
          out.push({
            severity: 'warning',
            file: at?.file ?? snap.kb.dir,
            line: at?.line,
            entry: entry.id,
            field: `questions.${lang}`,
            message: `"${q}" is answered by entry "${a.id}" instead (confusable entries: make the wording more distinct)`,
          });
        }
      }
    }
  }
  return out;
}

export function staleEntries(snap: Snapshot, now = new Date(), days = DEFAULT_FRESHNESS_DAYS) {
  return snap.kb.entries
    .filter((e) => isStale(e.asOf, now, days))
    .map((e) => ({ id: e.id, asOf: e.asOf, developments: e.developments?.length ?? 0 }));
}
