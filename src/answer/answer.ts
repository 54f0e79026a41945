// What the core hands to every renderer (CLI text, CLI JSON, Discord payload).
import type { Lang } from '../knowledge/schema.js';

export interface CitedSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  date: string;
  kind: 'official' | 'news';
  section?: string;
}

export interface AnswerDevelopment {
  date: string;
  text: string;
  sources: CitedSource[];
  /** True when every source of it is news only: shown with a caveat. */
  newsOnly: boolean;
}

export interface Suggestion {
  id: string;
  question: string;
}

export interface Answer {
  query: string;
  lang: Lang;
  status: 'answered' | 'no_match';
  id: string | null;
  /** The entry's title question in `lang` (null when no_match). */
  question: string | null;
  /** The main answer text in `lang` (null when no_match). */
  answer: string | null;
  confidence: number;
  sources: CitedSource[];
  /** The date the main answer's facts are true as of. */
  asOf: string | null;
  /** asOf is older than the freshness limit: say "this may have changed". */
  stale: boolean;
  developments: AnswerDevelopment[];
  disputed: { text: string; sources: CitedSource[] } | null;
  related: Suggestion[];
  /** "Did you mean" (no_match) — up to 3. */
  suggestions: Suggestion[];
}
