// Near-duplicate detection for unanswered questions. Pure functions.
//
// normalizeQuestion: NFKC, lower case, punctuation and symbols stripped, spaces
// collapsed, and the Danish fallbacks aa/ae/oe folded to å/æ/ø so "Aarhus" and
// "Århus" meet. The folded form is only a comparison key and is never shown.
//
// questionSimilarity: a token-set Jaccard index where articles are ignored and
// two longer tokens one edit apart ("leeds"/"leads") count as the same token.

/** Articles carry no meaning for "is this the same question". */
const ARTICLES = new Set(['the', 'a', 'an', 'den', 'det', 'en', 'et']);

/** Questions at or above this similarity are one gap. */
export const SIMILARITY_THRESHOLD = 0.8;

export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘ʼ`´]/gu, '') // "NMI's" -> "nmis", not "nmi s"
    .replace(/[\p{P}\p{S}\p{C}]+/gu, ' ')
    .replace(/aa/g, 'å')
    .replace(/ae/g, 'æ')
    .replace(/oe/g, 'ø')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The meaningful tokens of an already normalized question. */
export function questionTokens(normalized: string): string[] {
  const all = normalized.split(' ').filter((t) => t !== '');
  const content = all.filter((t) => !ARTICLES.has(t));
  return [...new Set(content.length > 0 ? content : all)];
}

/**
 * Edit distance counting an adjacent transposition ("soldeirs") as one edit
 * (optimal string alignment); gives up, returning limit + 1, beyond limit.
 */
function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // Only longer words: "nmi"/"nms" or "is"/"in" must not merge.
  return a.length >= 5 && b.length >= 5 && editDistanceWithin(a, b, 1) <= 1;
}

/** Similarity in [0, 1] of two token sets (see questionTokens). */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  // Cheap bound: Jaccard can never exceed |small| / |large|.
  if (Math.min(a.length, b.length) / Math.max(a.length, b.length) < SIMILARITY_THRESHOLD - 1e-9) {
    return Math.min(a.length, b.length) / Math.max(a.length, b.length);
  }
  const bSet = new Set(b);
  const unmatchedB = new Set(b);
  let matches = 0;
  const leftover: string[] = [];
  for (const t of a) {
    if (bSet.has(t)) {
      matches++;
      unmatchedB.delete(t);
    } else leftover.push(t);
  }
  for (const t of leftover) {
    for (const u of unmatchedB) {
      if (tokensMatch(t, u)) {
        matches++;
        unmatchedB.delete(u);
        break;
      }
    }
  }
  return matches / (a.length + b.length - matches);
}

/** Similarity in [0, 1] of two raw questions. */
export function questionSimilarity(a: string, b: string): number {
  return tokenSimilarity(questionTokens(normalizeQuestion(a)), questionTokens(normalizeQuestion(b)));
}

/** Whitespace collapsed, for showing a stored question on one line. */
export function displayQuestion(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
