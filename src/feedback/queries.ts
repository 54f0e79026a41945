// The two reports, shared by the live store and the read-only CLI reader.
import type Database from 'better-sqlite3';
import { displayQuestion, normalizeQuestion, questionTokens, SIMILARITY_THRESHOLD, tokenSimilarity } from './normalize.js';
import type { FeedbackRow, GapGroup, Lang } from './types.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function checkDays(days: number): void {
  if (!Number.isFinite(days) || days <= 0) {
    throw new RangeError(`days must be a positive number (got ${String(days)})`);
  }
}

function windowOf(days: number, now: Date): [from: number, to: number] {
  checkDays(days);
  const to = now.getTime();
  return [to - days * DAY_MS, to];
}

interface UnansweredRow {
  text: string;
  lang: Lang;
  best_id: string | null;
  confidence: number;
  at: number;
}

/** One normalised wording and everything asked in it. */
interface Form {
  norm: string;
  tokens: string[];
  rows: UnansweredRow[];
  lastAt: number;
}

function mostFrequentText(rows: readonly UnansweredRow[]): string {
  const byText = new Map<string, { n: number; last: number }>();
  for (const r of rows) {
    const t = displayQuestion(r.text);
    const e = byText.get(t) ?? { n: 0, last: 0 };
    e.n++;
    e.last = Math.max(e.last, r.at);
    byText.set(t, e);
  }
  let best = '';
  let bestE = { n: -1, last: -1 };
  for (const [t, e] of byText) {
    if (e.n > bestE.n || (e.n === bestE.n && e.last > bestE.last)) {
      best = t;
      bestE = e;
    }
  }
  return best;
}

function nearestEntry(rows: readonly UnansweredRow[]): GapGroup['nearest'] {
  const byId = new Map<string, { n: number; conf: number }>();
  for (const r of rows) {
    if (r.best_id === null) continue;
    const e = byId.get(r.best_id) ?? { n: 0, conf: 0 };
    e.n++;
    e.conf = Math.max(e.conf, r.confidence);
    byId.set(r.best_id, e);
  }
  let nearest: GapGroup['nearest'] = null;
  let bestN = 0;
  for (const [id, e] of [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (e.n > bestN || (e.n === bestN && nearest !== null && e.conf > nearest.confidence)) {
      nearest = { id, confidence: e.conf };
      bestN = e.n;
    }
  }
  return nearest;
}

/**
 * Unanswered questions of the last `days` days, near-duplicates grouped, most
 * frequent first (then most recent).
 */
export function queryGaps(db: Database.Database, days: number, now: Date = new Date()): GapGroup[] {
  const [from, to] = windowOf(days, now);
  const rows = db
    .prepare<[number, number], UnansweredRow>(
      'SELECT text, lang, best_id, confidence, at FROM unanswered WHERE at >= ? AND at <= ? ORDER BY at',
    )
    .all(from, to);

  // 1. Exact normalised forms.
  const forms = new Map<string, Form>();
  for (const r of rows) {
    const norm = normalizeQuestion(r.text);
    let f = forms.get(norm);
    if (!f) {
      f = { norm, tokens: questionTokens(norm), rows: [], lastAt: 0 };
      forms.set(norm, f);
    }
    f.rows.push(r);
    f.lastAt = Math.max(f.lastAt, r.at);
  }

  // 2. Greedy clustering: the most frequent form founds a group, and a later
  //    form joins the first group whose founder it is near-identical to.
  //    Comparing with the founder only (not every member) prevents chaining
  //    "a b c d e" -> "b c d e f" -> "c d e f g" into one group.
  const ordered = [...forms.values()].sort(
    (a, b) => b.rows.length - a.rows.length || b.lastAt - a.lastAt || (a.norm < b.norm ? -1 : 1),
  );
  const clusters: Form[][] = [];
  for (const f of ordered) {
    const home = clusters.find((c) => tokenSimilarity(c[0]!.tokens, f.tokens) >= SIMILARITY_THRESHOLD);
    if (home) home.push(f);
    else clusters.push([f]);
  }

  // 3. Summaries.
  const groups = clusters.map((forms): GapGroup => {
    const all = forms.flatMap((f) => f.rows);
    const question = mostFrequentText(forms[0]!.rows);
    const variants = forms
      .slice(1)
      .map((f) => mostFrequentText(f.rows))
      .filter((t) => t !== question)
      .slice(0, 3);
    return {
      question,
      count: all.length,
      languages: [...new Set(all.map((r) => r.lang))].sort(),
      firstSeen: new Date(all.reduce((m, r) => Math.min(m, r.at), Infinity)).toISOString(),
      lastSeen: new Date(all.reduce((m, r) => Math.max(m, r.at), -Infinity)).toISOString(),
      variants,
      nearest: nearestEntry(all),
    };
  });
  return groups.sort(
    (a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0),
  );
}

/** Votes per entry over the last `days` days, most disliked first (then most voted). */
export function queryFeedback(db: Database.Database, days: number, now: Date = new Date()): FeedbackRow[] {
  const [from, to] = windowOf(days, now);
  const rows = db
    .prepare<
      [number, number],
      { entry_id: string; up: number; down: number; versions: number; last: number }
    >(
      `SELECT entry_id,
              SUM(vote = 'up')        AS up,
              SUM(vote = 'down')      AS down,
              COUNT(DISTINCT version) AS versions,
              MAX(at)                 AS last
         FROM votes
        WHERE at >= ? AND at <= ?
        GROUP BY entry_id`,
    )
    .all(from, to);
  return rows
    .map((r): FeedbackRow => {
      const total = r.up + r.down;
      return {
        entryId: r.entry_id,
        up: r.up,
        down: r.down,
        total,
        downShare: total === 0 ? 0 : r.down / total,
        versions: r.versions,
        lastVote: new Date(r.last).toISOString(),
      };
    })
    .sort(
      (a, b) =>
        b.downShare - a.downShare || b.total - a.total || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
    );
}
