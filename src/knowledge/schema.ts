// The shape of the human-edited knowledge files (knowledge/**/*.yaml).
// Every file is a mapping with any of the keys `sources`, `synonyms`, `scope`,
// `entries`, `examples`;
// the loader merges them. Cross-file rules (unique ids, known references) live
// in validate.ts, because zod sees one file at a time.
import { z } from 'zod';

export const LANGS = ['en', 'da'] as const;
export type Lang = (typeof LANGS)[number];

/** Subcommands of /nmi that a shortcut may not take. */
export const RESERVED_SHORTCUTS = ['ask', 'topics', 'sources', 'help'] as const;
/** Discord allows 25 subcommands; the fixed ones above take 4 of them. */
export const MAX_SHORTCUTS = 25 - RESERVED_SHORTCUTS.length;
/** Questions become select-menu labels and autocomplete choices: Discord caps both at 100. */
export const MAX_QUESTION_LENGTH = 100;
/** An answer must fit an embed field (1024) so it can be shown anywhere. */
export const MAX_ANSWER_LENGTH = 1000;
export const MIN_QUESTIONS_PER_LANG = 6;

// YAML 1.2 reads 2020-03-04 as a string, YAML 1.1 tools as a date: accept both.
// A source dated only by its month is written YYYY-MM: no day is invented.
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date written YYYY-MM-DD (or YYYY-MM when only the month is known)')
    // Date.parse rolls 2023-02-30 over to March; a real date survives the round trip.
    .refine((s) => {
      if (!/^\d{4}-\d{2}(-\d{2})?$/.test(s)) return true; // the format check above reports it
      const full = s.length === 7 ? `${s}-01` : s;
      const d = new Date(`${full}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === full;
    }, 'is not a real date'),
);

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const perLang = <T extends z.ZodType>(schema: T) => z.object({ en: schema, da: schema }).strict();

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

export const SourceSchema = z
  .object({
    id,
    title: text(200),
    publisher: text(100),
    language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }),
    date: isoDate,
    /** official = the publisher is a government or NATO body; news = press only (shown with a caveat). */
    kind: z.enum(['official', 'news']),
    note: text(300).optional(),
  })
  .strict();

export const SourceRefSchema = z
  .object({
    id,
    section: text(150).optional(),
  })
  .strict();

export const DevelopmentSchema = z
  .object({
    date: isoDate,
    en: text(400),
    da: text(400),
    sources: z.array(SourceRefSchema).min(1, 'needs at least one source'),
  })
  .strict();

export const EntrySchema = z
  .object({
    id,
    shortcut: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a Discord subcommand name)')
      .max(32, 'must be at most 32 characters (Discord limit)')
      .refine((s) => !(RESERVED_SHORTCUTS as readonly string[]).includes(s), {
        message: `is reserved for a built-in subcommand (${RESERVED_SHORTCUTS.join(', ')})`,
      })
      .optional(),
    /** The first question of each language is the entry's title. */
    questions: perLang(z.array(text(MAX_QUESTION_LENGTH)).min(1, 'needs at least one question')),
    answer: perLang(text(MAX_ANSWER_LENGTH)),
    sources: z.array(SourceRefSchema).min(1, 'needs at least one source'),
    /** The date the answer's facts are true as of (usually the source's date). */
    asOf: isoDate,
    /** Later, separately sourced facts, oldest first. */
    developments: z.array(DevelopmentSchema).optional(),
    /** Where sources disagree on a figure: said plainly, never settled. */
    disputed: z
      .object({ en: text(500), da: text(500), sources: z.array(SourceRefSchema).min(1) })
      .strict()
      .optional(),
    related: z.array(id).optional(),
    // A bare number in YAML (a year, "EH101" is fine) is still a keyword.
    keywords: z.array(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text(60))).optional(),
  })
  .strict();

export const SynonymSchema = z
  .object({
    /** The form every variant is rewritten to before indexing and searching. */
    canonical: text(60),
    variants: z.array(text(80)).min(1),
  })
  .strict();

/**
 * What the knowledge base is about. A question that names something broader
 * (NATO itself) but nothing of the subject (the mission, Iraq) asks about the
 * broader thing, which the base does not cover: "When was NATO founded?".
 */
export const ScopeSchema = z
  .object({
    broader: z.array(text(60)).min(1),
    subject: z.array(text(60)).min(1),
    /**
     * Things the base tells only of the subjects of the entries asked about them: "lead" is
     * answered for NMI, so "Who heads EUAM Iraq?" is declined, not answered with what EUAM is.
     */
    properties: z.array(text(60)).optional(),
  })
  .strict();

/**
 * A question someone asked, labelled with the entry that answers it, or null when the bot must
 * decline it. The classifier (src/search/classifier.ts) learns from these and from the entries' own
 * questions; they are never shown to anyone.
 */
export const ExampleSchema = z
  .object({
    q: text(2000),
    lang: z.enum(LANGS),
    expect: z.string().min(1).nullable(),
    /** Free text: paraphrase, typo, offtopic, … (for the person curating them). */
    kind: z.string().optional(),
  })
  .strict();

export const KnowledgeFileSchema = z
  .object({
    sources: z.array(SourceSchema).optional(),
    synonyms: z.array(SynonymSchema).optional(),
    scope: ScopeSchema.optional(),
    entries: z.array(EntrySchema).optional(),
    examples: z.array(ExampleSchema).optional(),
  })
  .strict();

/** A file's outline; each item is then validated on its own, so one bad item hides nothing else. */
export const KnowledgeFileOutline = z
  .object({
    sources: z.array(z.unknown()).optional(),
    synonyms: z.array(z.unknown()).optional(),
    scope: z.unknown().optional(),
    entries: z.array(z.unknown()).optional(),
    examples: z.array(z.unknown()).optional(),
  })
  .strict();

export type Source = z.infer<typeof SourceSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;
export type Development = z.infer<typeof DevelopmentSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type Synonym = z.infer<typeof SynonymSchema>;
export type Scope = z.infer<typeof ScopeSchema>;
export type Example = z.infer<typeof ExampleSchema>;
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;
