// "Synes du, Danmark burde blive i Irak?", "Do you think Denmark should pull out?",
// "Should my son deploy with NATO?", "Is NMI a good idea?": a question asking the bot
// for its view, for advice or for a judgement. The base holds sourced facts, not
// views, so such a question is declined however many of its words an entry shares.

/** Asking for the bot's view: Danish "synes/mener du", or "do you think" with a should/ought. */
const OPINION = /\b(?:synes|mener)\s+du\b|\bhvad\s+(?:synes|mener|tror)\s+du\b|\b(?:do|don'?t)\s+you\s+think\b[^?]*\b(?:should|ought)\b|\bin\s+your\s+(?:opinion|view)\b|\bwhat'?s\s+your\s+(?:opinion|view|take)\b/iu;

/** Asking what the asker or someone close should do: "should I/we/my son …", "bør jeg/vi/min søn …". */
const ADVICE = /\bshould\s+(?:i|we|my\s+\p{L}+)\s|\b(?:bør|burde)\s+(?:jeg|vi|min\s+\p{L}+|mit\s+\p{L}+)\s/iu;

/** Asking for a judgement: "Is NMI a good idea?", "Er det en god idé?", "Is it worth it?". (`\b` is ASCII-only: "é" needs a look-ahead.) */
const JUDGEMENT = /\b(?:good|bad|smart|wise)\s+idea\b|\b(?:god|godt|dårlig|dårligt|klog|klogt)\s+id[eé](?!\p{L})|\bworth\s+it\b/iu;

export function asksForOpinion(question: string): boolean {
  // Every such question says "du", "you", "should", "bør", "burde", "id(ea/é)" or "worth"; checking that first spares most questions the slow patterns.
  const lower = question.toLowerCase();
  return (
    ((lower.includes('du') || lower.includes('you')) && OPINION.test(question)) ||
    ((lower.includes('should') || lower.includes('bør') || lower.includes('burde')) && ADVICE.test(question)) ||
    ((lower.includes('id') || lower.includes('worth')) && JUDGEMENT.test(question))
  );
}
