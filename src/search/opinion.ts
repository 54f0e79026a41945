// "Synes du, Danmark burde blive i Irak?", "Do you think Denmark should pull out?",
// "Should my son deploy with NATO?": a question asking the bot for its view or for
// advice. The base holds sourced facts, not views, so such a question is declined
// however many of its words an entry shares.

/** Asking for the bot's view: Danish "synes/mener du", or "do you think" with a should/ought. */
const OPINION = /\b(?:synes|mener)\s+du\b|\bhvad\s+(?:synes|mener|tror)\s+du\b|\b(?:do|don'?t)\s+you\s+think\b[^?]*\b(?:should|ought)\b|\bin\s+your\s+(?:opinion|view)\b|\bwhat'?s\s+your\s+(?:opinion|view|take)\b/iu;

/** Asking what the asker or someone close should do: "should I/we/my son …", "bør jeg/vi/min søn …". */
const ADVICE = /\bshould\s+(?:i|we|my\s+\p{L}+)\s|\b(?:bør|burde)\s+(?:jeg|vi|min\s+\p{L}+|mit\s+\p{L}+)\s/iu;

export function asksForOpinion(question: string): boolean {
  // Every such question says "du", "you", "should", "bør" or "burde"; checking that first spares most questions the slow patterns.
  const lower = question.toLowerCase();
  return (
    ((lower.includes('du') || lower.includes('you')) && OPINION.test(question)) ||
    ((lower.includes('should') || lower.includes('bør') || lower.includes('burde')) && ADVICE.test(question))
  );
}
