// "Synes du, Danmark burde blive i Irak?", "Do you think Denmark should pull out?":
// a question asking the bot for its view. The base holds sourced facts, not views,
// so such a question is declined however many of its words an entry shares.

/** Asking for the bot's view: Danish "synes/mener du", or "do you think" with a should/ought. */
const OPINION = /\b(?:synes|mener)\s+du\b|\bhvad\s+(?:synes|mener|tror)\s+du\b|\b(?:do|don'?t)\s+you\s+think\b[^?]*\b(?:should|ought)\b|\bin\s+your\s+(?:opinion|view)\b|\bwhat'?s\s+your\s+(?:opinion|view|take)\b/iu;

export function asksForOpinion(question: string): boolean {
  // Every such question says "du" or "you"; checking that first spares most questions the slow pattern.
  const lower = question.toLowerCase();
  return (lower.includes('du') || lower.includes('you')) && OPINION.test(question);
}
