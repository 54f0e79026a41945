// Finds the entry a question asks about, and how sure we are.
// Ranking: BM25 over each entry's questions, keywords and answer (each word
// indexed once; its Danish and English stems lead back to the forms that share
// them), combined with the overlap with the entry's closest single question.
// Confidence: how much of the question's weight (rarity) the best entry covers,
// scaled by that overlap; a margin over the runner-up was tried and did not help
// on tests/eval; so was a logistic model over these signals, which did no better
// than this product at the same decline rate. Before any of it, the question's
// ruled-out part (contrast.ts) and set phrases are dropped, and the sentences that
// only frame it weigh little (framing.ts). Misspelled words are corrected against
// the base's own words (vocabulary.ts); a word the base writes only inside a Danish
// compound finds the compound. Autocomplete ranks with the same engine plus fuse.js
// over titles.
import Fuse from 'fuse.js';
import { Bm25, FIELDS, MAX_QUERY_WORDS, type Field } from './bm25.js';
import { titleOf, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Entry, Lang } from '../knowledge/schema.js';
import { withoutRuledOut } from './contrast.js';
import { markReferences, referredName } from './reference.js';
import { splitFraming } from './framing.js';
import { asksAboutNow, intentOf, type Intent } from './intent.js';
import { asksForOpinion } from './opinion.js';
import { analyze, comparedAsAsked, expand, isStopWord, overAsEnded, SynonymMap, tokens, unjoined } from './normalize.js';
import { inDanishSpelling } from './norwegian.js';
import { filledQuestionWord } from './question-typos.js';
import { FUNCTION_WORDS, STOP_WORDS, withoutFillerPhrases } from './stop-words.js';
import { VocabularyCorrector } from './vocabulary.js';

export interface Hit {
  id: string;
  /** BM25 over the whole entry. */
  score: number;
  /** 0..1: weighted word overlap with the entry's closest single question. */
  similarity: number;
  /** Share (0..1) of the question's weight that this entry matches. */
  coverage: number;
}

export interface SearchResult {
  /** Best first; at most `limit`. */
  hits: Hit[];
  /** 0..1: how sure we are that hits[0] answers the question. */
  confidence: number;
  /** The question's words after cleaning, synonyms and spelling correction. */
  terms: string[];
}

/** A word of a question and how much it says about what is asked. */
interface Weighted {
  word: string;
  weight: number;
  /** Not in the base: it counts against every entry. */
  unknown: boolean;
  /** Only in a sentence around the question. */
  framing: boolean;
}

/** Every Weighted made with the same fields in the same order, so the code reading them stays monomorphic (fewer deoptimizations on first questions). */
const weightedWord = (word: string, weight: number, unknown = false, framing = false): Weighted => ({ word, weight, unknown, framing });

/**
 * An entry's questions as their content words (term numbers, each once per question) with their
 * weights, end to end in flat arrays: question k is [ends[k - 1], ends[k]). Flat, because every
 * search compares the question asked with each question of its candidates.
 */
interface Phrasings {
  ids: Int32Array;
  weights: Float64Array;
  ends: Int32Array;
}

/** Weight of a stop word relative to a content word of the same rarity. */
const STOP_WEIGHT = 0.15;
/** A function word the base happens to use rarely ("actually", "eller") is still a function word. */
const STOP_IDF_CAP = 1.5;
/** Ranking: BM25 over the entry, similarity to its closest question, share of the question covered. */
const W_BM25 = 0.6;
const W_SIM = 0.2;
const W_COV = 0.2;
/** Confidence: coverage, scaled by the closest question's similarity (a lone word match counts less). */
const SIMILARITY_FLOOR = 0.6;
/** Confidence is scaled by this for a question about something broader than the base. */
const OUT_OF_SCOPE = 0.3;
/** How much a mismatch between the question's kind (who, where, …) and the entry's questions costs. */
const INTENT_WEIGHT = 0.3;
/** An unknown name weighs this many unknown words. */
const NAME_WEIGHT = 2;
/** Month names as the synonym table writes them (both languages fold to the English word). */
const MONTHS = new Set('january february march april may maj june july august september october november december'.split(' '));
/**
 * Title search with fuse.js for typed text up to this length: longer patterns fuse.js splits into
 * 32-letter pieces and takes milliseconds over them, and on the main set's 978 autocomplete
 * prefixes it then suggested nothing the engine had not.
 */
const FUSE_PATTERN_MAX = 32;
/** Where a short word's left-out vowel may not go: after a vowel or before one. */
const VOWEL = /[aeiouyæøå]/;
/** Words before a figure that make it a claimed amount: "more than 1,000", "omkring 500", "kun 300". */
const COMPARING = new Set('than end over under about around approximately roughly nearly almost only least most ca cirka omkring kun naesten mindst hoejst'.split(' '));
/** Words before a name the question only compares with: "a combat mission like ISAF?", "ligesom ISAF", "unlike KFOR". */
const LIKENED = new Set(['unlike', 'ligesom']);
/** Words after which "like" compares rather than says what someone likes ("Do soldiers like Kuwait?"). */
const COMPARES_WITH_LIKE = new Set(
  'is was are were be it just mission missions deployment deployments operation operations one something exactly more much kind sort'.split(' '),
);
/** Words after which a question names what it counts: "how many soldiers", "hvor mange soldater", "number of staff". */
const COUNT_WORDS = new Set(['many', 'much', 'mange', 'meget', 'antal', 'antallet', 'number']);
/** A number read as a year, not a count. */
const YEAR_LIKE = /^(?:1[89]|20)\d\d$/;
/** How much an entry never asked by the subject's name alone loses on such a question. */
const GENERAL_WEIGHT = 0.5;
/** How much an entry never asked about today loses on a question about today. */
const NOW_WEIGHT = 0.2;
/** How much a word only in a sentence framing the question counts. */
const FRAMING_WEIGHT = 0.15;
/** Up to this many entries, warm() prepares every entry's questions for similarity. */
const WARM_PHRASINGS_UP_TO = 2000;
/** Up to this many entries, warm() also asks the base its own questions (~0.3 ms a question). */
const WARM_ASKED_UP_TO = 200;
/** …and at most this many of each entry's questions per language: the rest share their words. */
const WARM_QUESTIONS_PER_LANGUAGE = 16;
/** Entries re-ranked by similarity after BM25: the rest are too far behind to win (on every labelled set, 6 gives the same answers as 8). */
const CANDIDATES = 6;
/** A name in at least this share of an entry's questions is what the entry is about. */
const SUBJECT_SHARE = 0.5;
/** Each half of a split compound counts a little less than a word spelled out. */
const COMPOUND_PART_WEIGHT = 0.85;

/** The factor for an entry that shares a question's trait with this share of its own questions: full from a half up. */
const leaning = (weight: number, share: number) => 1 - weight + weight * Math.min(1, 2 * share);

/**
 * Words written with a capital inside a sentence ("in Kosovo", "the EU's"):
 * names, folded like every other word. The first word of a sentence tells nothing.
 */
function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  // Written all in capitals ("HVEM ER MED UDOVER DANMARK"), capitals say nothing.
  if (!/\p{Ll}/u.test(text)) return out;
  for (const m of text.matchAll(/(^|[.!?:]\s+|\s)(\p{Lu}[\p{L}\p{N}]*)/gu)) {
    if (m[1] === '' || /[.!?:]/.test(m[1]!)) continue;
    for (const w of tokens(m[2]!)) if (!isStopWord(w)) out.add(w);
  }
  return out;
}

/** Places the asker writes from or is visiting ("hej fra Sisimiut", "I'm visiting Copenhagen"): about the asker, not the question. */
function placesWrittenFrom(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:[Ff]rom|[Ff]ra|[Vv]isiting|[Bb]esøger)\s+(\p{Lu}[\p{L}\p{N}]*)/gu)) for (const w of tokens(m[1]!)) out.add(w);
  return out;
}

/** A question as people also word it: with typos, after a sentence about the asker, after a ruled-out part. */
const reworded = (q: string) => [
  q.replace(/\b(\p{L})(\p{L})(\p{L}{3,})/gu, '$2$1$3'),
  `My son is deployed and I worry. ${q}`,
  `Not the plan, but ${q.toLowerCase()}`,
];

/** A per-word cache: the value made once, the whole cache dropped when it grows past 50,000 words. */
function remembered<T>(cache: Map<string, T>, word: string, make: () => T): T {
  let out = cache.get(word);
  if (out === undefined) {
    out = make();
    if (cache.size > 50_000) cache.clear();
    cache.set(word, out);
  }
  return out;
}

/**
 * A word cut into a head and a tail that each pass their test (which may rewrite them), a linking
 * s or e allowed after the head; of several cuts, the one with the longer short part. A tail test
 * may pass with "" (a tail that says nothing), which the caller drops.
 */
function bestSplit(
  word: string,
  head: (h: string) => string | undefined,
  tail: (t: string) => string | undefined,
): [string, string] | undefined {
  let best: [string, string] | undefined;
  let bestShorter = 0;
  for (let i = 3; i <= word.length - 3; i++) {
    const shorter = Math.min(i, word.length - i);
    if (shorter <= bestShorter) continue;
    const h = word.slice(0, i);
    const left = head(h) ?? head(h.replace(/[se]$/, ''));
    const right = left ? tail(word.slice(i)) : undefined;
    if (left && right !== undefined) {
      best = [left, right];
      bestShorter = shorter;
    }
  }
  return best;
}

export class SearchIndex {
  private readonly bm25 = new Bm25();
  private readonly synonyms: SynonymMap;
  /** The base's words, sorted, for prefix matching while someone types. */
  private readonly vocabulary: string[];
  /** Language-tagged stem ("da:soldat") → the base's words of that language with that stem. */
  private readonly stemGroups = new Map<string, string[]>();
  private readonly formsCache = new Map<string, string[]>();
  /** A word of the base → the base's compounds it is a part of ("træning" → træningsmission). */
  private readonly compoundsOf = new Map<string, string[]>();
  private readonly containingCache = new Map<string, string[]>();
  private readonly corrector: VocabularyCorrector;
  private readonly titleSearch: Partial<Record<Lang, Fuse<{ id: string; title: string }>>> = {};
  private readonly entries: readonly Entry[];
  private readonly byId: ReadonlyMap<string, Entry>;
  /** Per entry, the share of its questions asking each kind of thing (who, where, …). */
  private readonly intents = new Map<string, Partial<Record<Intent, number>>>();
  /** Per entry, the share of its questions about today ("Who leads NMI now?"). */
  private readonly nowShare = new Map<string, number>();
  /** Per entry (by number), its questions as term numbers, kept from indexing. */
  private readonly questionTerms: number[][][] = [];
  /** Per entry, its questions as weighted content words, made when first needed. */
  private readonly phrasings: (Phrasings | undefined)[] = [];
  /** The first and last year the base's words name: a year between them is the base's own time. */
  private readonly years: [number, number];
  /** Per term number, which of the question's words it is a form of (bit i: word i); kept between searches. */
  private owners: Uint32Array = new Uint32Array(0);
  private ownersSet: number[] = [];
  private readonly namesAsked = new Map<string, Map<string, number>>();
  /** Per entry, the forms of what its questions count (see countedBy). */
  private readonly counts = new Map<string, ReadonlySet<string>>();
  /** What any entry's questions count. */
  private everyCounted?: ReadonlySet<string>;
  private readonly docOf: ReadonlyMap<string, number>;
  /** The base's words written with a capital inside a sentence, as canonical words. */
  private readonly capitalized = new Set<string>();
  /** Per term number, how many entries' questions use it. */
  private readonly askedIn: Int32Array;
  /** Per entry, the share of its questions that name nothing but the subject ("What is NMI?"). */
  private readonly generalShare = new Map<string, number>();
  /** Words naming something broader than the base's subject, and the subject's own terms. */
  private readonly broader: ReadonlySet<string>;
  private readonly subject: ReadonlySet<string>;
  /** Terms of things the base tells only of some entries' subjects ("lead": who leads NMI, not EUAM Iraq). */
  private readonly properties: ReadonlySet<string>;

  private constructor(kb: KnowledgeBase) {
    this.entries = kb.entries;
    this.byId = kb.byId;
    this.synonyms = new SynonymMap(kb.synonyms);
    const scopeWords = (ws: readonly string[] = []) => ws.flatMap((w) => analyze(w, this.synonyms));
    this.broader = new Set(scopeWords(kb.scope?.broader));
    this.docOf = new Map(kb.entries.map((e, doc) => [e.id, doc]));
    // Names: canonical spellings the English answers write with a capital at least as often as
    // without ("Denmark", "Danish"; not "lead", though a title writes "Lead"). The subject's names
    // ("help from NATO", "home from Iraq") are everywhere: no point of reference. A base without
    // synonyms has no canonical spellings to look for.
    const scope = new Set([...this.broader, ...scopeWords(kb.scope?.subject)]);
    /** Per canonical word, capitals minus lower-case spellings (a sentence's first word tells nothing). */
    const capitals = new Map<string, number>();
    for (const e of kb.synonyms.length ? kb.entries : []) {
      for (const text of [e.answer.en, ...(e.developments ?? []).map((d) => d.en)]) {
        for (const m of text.matchAll(/(^|[.!?:]\s+|\s)([\p{L}\p{N}]+)/gu)) {
          const first = m[2]![0]!;
          const capital = first !== first.toLowerCase();
          if (capital && (m[1] === '' || /[.!?:]/.test(m[1]!))) continue;
          const w = this.synonyms.one(tokens(m[2]!)[0]!);
          capitals.set(w, (capitals.get(w) ?? 0) + (capital ? 1 : -1));
        }
      }
    }
    for (const [w, n] of capitals) if (n >= 0 && !scope.has(w) && this.synonyms.isCanonical(w)) this.capitalized.add(w);
    /** Per term number, the languages whose stems already point to it (bit 1 en, 2 da, 4 either). */
    const grouped: number[] = [];
    const LANG_BIT = { en: 1, da: 2, any: 4 } as const;
    for (const e of kb.entries) {
      const asked: Intent[] = [];
      const questions: number[][] = [];
      let nowCount = 0;
      /** Indexes texts into a field; a question's kind and its words are also kept for similarity. */
      const field = (texts: readonly string[], f: Field, weight: number, lang?: Lang, areQuestions = false) => {
        const bit = LANG_BIT[lang ?? 'any'];
        for (const text of texts) {
          const words = tokens(text);
          const ids: number[] = [];
          for (const w of markReferences(this.synonyms.apply(words), this.isName)) {
            const id = this.bm25.addTerm(w, f, weight);
            if (areQuestions) ids.push(id);
            // Index the word once; its stems point back to it, so other forms find it at query time.
            const mask = grouped[id] ?? 0;
            if (!(mask & bit)) {
              grouped[id] = mask | bit;
              for (const stem of expand(w, lang).slice(1)) {
                const group = this.stemGroups.get(stem);
                if (!group) this.stemGroups.set(stem, [w]);
                else if (!group.includes(w)) group.push(w);
              }
            }
          }
          if (areQuestions) {
            questions.push(ids);
            const intent = intentOf(words);
            if (intent) asked.push(intent);
            nowCount += asksAboutNow(words) ? 1 : 0;
          }
        }
      };
      const later = e.developments ?? [];
      field(e.questions.en, FIELDS.question, 1, 'en', true);
      field(e.questions.da, FIELDS.question, 1, 'da', true);
      field(e.keywords ?? [], FIELDS.question, 0.75);
      field([e.answer.en, ...later.map((d) => d.en)], FIELDS.answer, 1, 'en');
      field([e.answer.da, ...later.map((d) => d.da)], FIELDS.answer, 1, 'da');
      this.bm25.endDocument();
      this.questionTerms.push(questions);
      const counts: Partial<Record<Intent, number>> = {};
      for (const i of asked) counts[i] = (counts[i] ?? 0) + 1 / asked.length;
      this.intents.set(e.id, counts);
      this.nowShare.set(e.id, questions.length ? nowCount / questions.length : 0);
    }
    this.vocabulary = [...this.bm25.terms()].sort();
    const years = this.vocabulary.filter((w) => /^(19|20)\d\d$/.test(w)).map(Number);
    this.years = years.length ? [Math.min(...years), Math.max(...years)] : [0, -1];
    // Which entries people ask with nothing but the subject's name ("What is NMI?").
    const names = this.bm25.terms();
    const lastDoc = new Int32Array(names.length).fill(-1);
    this.askedIn = new Int32Array(names.length);
    this.questionTerms.forEach((questions, doc) => {
      for (const ids of questions) for (const id of ids) if (lastDoc[id] !== doc) ((lastDoc[id] = doc), this.askedIn[id]!++);
    });
    const common = names.map((w, id) => this.askedEverywhere(id) || isStopWord(w));
    this.questionTerms.forEach((questions, doc) => {
      const general = questions.filter((ids) => ids.every((id) => common[id]));
      this.generalShare.set(kb.entries[doc]!.id, questions.length ? general.length / questions.length : 0);
    });
    // Danish writes compounds as one word; English does not ("deployable" is no compound).
    for (const w of this.vocabulary) {
      const id = this.bm25.id(w);
      const parts = id !== undefined && grouped[id]! & (LANG_BIT.da | LANG_BIT.any) ? this.splitCompound(w) : undefined;
      // Each part leads to the compound, and so does each of the part's forms ("kampe" → kampmission).
      for (const p of parts ?? []) {
        for (const f of new Set([p, ...this.directForms(p)])) {
          const list = this.compoundsOf.get(f);
          if (list) list.push(w);
          else this.compoundsOf.set(f, [w]);
        }
      }
    }
    this.subject = new Set(scopeWords(kb.scope?.subject).flatMap((w) => this.forms(w)));
    this.properties = new Set(scopeWords(kb.scope?.properties).flatMap((w) => this.forms(w)));
    // Typos are corrected towards the base's words and every spelling the synonym table knows,
    // and, after those, towards function words: "actully" is "actually", not a word to look for.
    this.corrector = new VocabularyCorrector([
      ...[...this.vocabulary, ...this.synonyms.variants()].filter((w) => w.length >= 4 && !isStopWord(w) && !/^\d+$/.test(w)),
      ...[...FUNCTION_WORDS].filter((w) => w.length >= 5),
      // Long light words too ("slutnigen" → "slutningen"): a letter off there is rarely another word.
      ...[...STOP_WORDS].filter((w) => w.length >= 8 && !FUNCTION_WORDS.has(w)),
    ]);
  }

  /** A name the synonym table writes one way and the base writes with a capital (a country, a person), not a month. */
  private readonly isName = (w: string) => this.capitalized.has(w) && this.synonyms.isCanonical(w) && !MONTHS.has(w);

  /** fuse.js over the titles, for suggestions that tolerate typos; built on first use. */
  private titles(lang: Lang): Fuse<{ id: string; title: string }> {
    return (this.titleSearch[lang] ??= new Fuse(
      this.entries.map((e) => ({ id: e.id, title: titleOf(e, lang) })),
      { keys: ['title'], threshold: 0.4, ignoreLocation: true },
    ));
  }

  static build(kb: KnowledgeBase): SearchIndex {
    return new SearchIndex(kb);
  }

  /**
   * Does now what would otherwise happen on first use (spelling index, each
   * entry's questions, title search, and asking the base its own questions, which
   * fills the word caches), so a long-running bot pays it when it loads, not while
   * someone waits; beyond a few thousand entries, only the spelling index. A one-shot
   * `npm run ask` skips it.
   */
  warm(): this {
    this.corrector.warm();
    // ~0.1 ms an entry: worth it up to a few thousand; beyond, they (and the title search, ~0.1 s at
    // 10,000) fill in as questions come.
    if (this.entries.length <= WARM_PHRASINGS_UP_TO) {
      for (let doc = 0; doc < this.entries.length; doc++) this.phrasingsOf(doc);
      // Asking the base its own questions once fills the caches of its words (forms, compounds, stems)
      // and compiles every step of a search: the first people to ask do not pay for it.
      if (this.entries.length <= WARM_ASKED_UP_TO) {
        for (const e of this.entries) {
          const questions = [...e.questions.en.slice(0, WARM_QUESTIONS_PER_LANGUAGE), ...e.questions.da.slice(0, WARM_QUESTIONS_PER_LANGUAGE)];
          for (const q of questions) this.search(q);
          // Reworded as people word them, so typos, framing and ruled-out parts are compiled too.
          for (const q of questions.slice(0, 3)) for (const r of reworded(q)) this.search(r);
        }
      }
      this.titles('en');
      this.titles('da');
    }
    return this;
  }

  /**
   * The base's words a word stands for: itself, and every word sharing its
   * Danish or English stem ("soldaterne" → soldater, soldat).
   */
  private directForms(word: string): string[] {
    return remembered(this.formsCache, word, () => {
      const set = new Set<string>();
      if (this.bm25.df(word) > 0) set.add(word);
      for (const stem of expand(word).slice(1)) for (const w of this.stemGroups.get(stem) ?? []) set.add(w);
      return [...set];
    });
  }

  /**
   * What a word matches: its forms, and the base's compounds with one of them
   * as a part, so "træning" finds "træningsmission" and "kamp" "kampmission".
   */
  private forms(word: string): string[] {
    const containing = this.containing(word);
    return containing.length ? [...new Set([...this.directForms(word), ...containing])] : this.directForms(word);
  }

  /** The base's compounds with the word, or one of its forms, as a part. */
  private containing(word: string): string[] {
    // The subject's own words ("mission") are everywhere already; their compounds add only noise.
    return remembered(this.containingCache, word, () =>
      this.everywhere(word) ? [] : [...new Set([word, ...this.directForms(word)].flatMap((f) => this.compoundsOf.get(f) ?? []))],
    );
  }

  /**
   * A word of the base made of two other words of it (a linking s or e
   * allowed): "træningsmission" → træning, mission. The split with the longer
   * short part wins.
   */
  private splitCompound(word: string): [string, string] | undefined {
    if (word.length < 7 || /\d/.test(word) || this.synonyms.isCanonical(word)) return undefined;
    // A part is a word of the base of four letters or more; a short one must be one as written
    // (stems of short words collide).
    const usable = (w: string) =>
      w.length >= 4 && !isStopWord(w) && (this.bm25.df(w) > 0 || (w.length >= 6 && this.hasDanishForm(w))) ? w : undefined;
    return bestSplit(word, usable, usable);
  }

  /** Whether a Danish form of the word is in the base: compounds are Danish, and one stemmer is half the work of both. */
  private hasDanishForm(word: string): boolean {
    const stem = expand(word, 'da')[1];
    return stem !== undefined && (this.stemGroups.get(stem)?.length ?? 0) > 0;
  }

  /** A term in most entries' questions (the subject's name: "nmi"), which tells no entry from another. */
  private askedEverywhere(id: number): boolean {
    return (this.askedIn[id] ?? 0) > this.entries.length / 2;
  }

  private everywhere(word: string): boolean {
    const id = this.bm25.id(word);
    return id !== undefined && this.askedEverywhere(id);
  }

  private known(word: string): boolean {
    return this.forms(word).length > 0;
  }

  /** Rarity of a word: BM25's idf of its rarest known form. */
  private idf(word: string): number {
    let df = Infinity;
    // A compound containing the word is not the word: its rarity is not the word's.
    const direct = this.directForms(word);
    for (const t of direct.length ? direct : this.forms(word)) df = Math.min(df, this.bm25.df(t));
    return this.bm25.idf(df === Infinity ? 0 : df);
  }

  /**
   * How rare any form of a word may count in BM25: no rarer than the word itself when the base
   * has it ("missions", in two entries, does not make "mission", in all, a rare word), and a
   * function word no rarer than STOP_IDF_CAP, as in the weights.
   */
  private rarityCap(word: string): number {
    const df = this.bm25.df(word);
    return Math.min(isStopWord(word) ? STOP_IDF_CAP : Infinity, df > 0 ? this.bm25.idf(df) : Infinity);
  }

  /** An entry's questions as weighted content words, from the words kept at indexing. */
  private phrasingsOf(doc: number): Phrasings {
    let flat = this.phrasings[doc];
    if (!flat) {
      const names = this.bm25.terms();
      const questions = this.questionTerms[doc]!.map((ids) => [...new Set(ids)].filter((id) => !isStopWord(names[id]!)));
      const ids = Int32Array.from(questions.flat());
      let end = 0;
      flat = {
        ids,
        weights: Float64Array.from(ids, (id) => this.bm25.idf(this.bm25.df(names[id]!))),
        ends: Int32Array.from(questions, (q) => (end += q.length)),
      };
      this.phrasings[doc] = flat;
    }
    return flat;
  }

  /**
   * What a question counts ("How many soldiers …" → personnel): the first word after its count word
   * that is no name, number or word of the subject ("How many Danish soldiers in NMI"). Undefined
   * when a function word comes first, or the word is not a concept of the base's synonym table.
   */
  private countedIn(words: readonly string[]): string | undefined {
    const at = words.findIndex((w) => COUNT_WORDS.has(w));
    if (at < 0) return undefined;
    for (const w of words.slice(at + 1, at + 4)) {
      // "hvor mange skulle Danmark sende": a function word first means the count's noun is not named here.
      if (isStopWord(w)) return undefined;
      if (/^\d+$/.test(w) || this.isName(w) || this.broader.has(w) || this.forms(w).some((t) => this.subject.has(t))) continue;
      // Only a concept of the synonym table ("personnel" for soldiers, troops, ansatte): other words
      // may name the same thing unrecognised ("people" and "ansatte" in a base without synonyms).
      return this.known(w) && this.synonyms.isCanonical(w) ? w : undefined;
    }
    return undefined;
  }

  /** The forms of what an entry's questions count ("How many helicopters …"); empty when none counts anything. */
  private countedBy(id: string): ReadonlySet<string> {
    let counted = this.counts.get(id);
    if (!counted) {
      const entry = this.byId.get(id)!;
      counted = new Set(
        [...entry.questions.en, ...entry.questions.da].flatMap((q) => {
          const words = tokens(q);
          const t = intentOf(words) === 'count' ? this.countedIn(this.synonyms.apply(words)) : undefined;
          return t ? this.forms(t) : [];
        }),
      );
      this.counts.set(id, counted);
    }
    return counted;
  }

  /**
   * "How many soldiers does Australia have?" asked of an entry that counts countries: what the
   * question counts is something another entry counts, never this one.
   */
  private countsSomethingElse(id: string, asWritten: readonly string[]): boolean {
    const counted = this.countedBy(id);
    if (counted.size === 0) return false;
    const asked = this.countedIn(this.synonyms.apply([...asWritten]));
    if (asked === undefined) return false;
    const forms = this.forms(asked);
    this.everyCounted ??= new Set(this.entries.flatMap((e) => [...this.countedBy(e.id)]));
    return forms.some((f) => this.everyCounted!.has(f)) && !forms.some((f) => counted.has(f));
  }

  /** The names (see isName) an entry's questions use, each with the share of its questions that use it. */
  private namesAskedOf(id: string): Map<string, number> {
    let named = this.namesAsked.get(id);
    if (!named) {
      named = new Map();
      const terms = this.bm25.terms();
      const questions = this.questionTerms[this.docOf.get(id)!]!;
      for (const ids of questions) {
        for (const t of new Set(ids)) if (this.isName(terms[t]!)) named.set(terms[t]!, (named.get(terms[t]!) ?? 0) + 1 / questions.length);
      }
      this.namesAsked.set(id, named);
    }
    return named;
  }

  /** Marks each term with the question's words it is a form of (bit i: word i); clears the last question's marks first. */
  private ownersOf(formsPerWord: readonly string[][]): Uint32Array {
    const n = this.bm25.terms().length;
    if (this.owners.length !== n) this.owners = new Uint32Array(n);
    for (const id of this.ownersSet) this.owners[id] = 0;
    this.ownersSet = [];
    formsPerWord.forEach((forms, i) => {
      for (const t of forms) {
        const id = this.bm25.id(t);
        if (id === undefined) continue;
        if (!this.owners[id]) this.ownersSet.push(id);
        this.owners[id]! |= 1 << i;
      }
    });
    return this.owners;
  }

  /**
   * Danish joins words: "træningssteder", "helikopteropgaven". An unknown word
   * that splits into two known words (a linking s or e allowed) is read as both.
   */
  private decompound(word: string): string[] | undefined {
    if (word.length < 7) return undefined;
    // The head must be a word of the base as it stands (cheap); only the tail,
    // which carries the inflection, is looked up through its stems.
    const head = (h: string) => {
      const w = this.synonyms.one(h);
      return w.length >= 3 && this.bm25.df(w) > 0 && !isStopWord(w) ? w : undefined;
    };
    // A long function word as the tail ("træningsaktiviteterne") leaves the head alone: "" is dropped
    // by the caller. A short one is more often an ending ("serveren" is not "serve" + "ren"), and a
    // word about the asker or a light noun still says something ("missionsveteraner", "missionsaftalen").
    const tail = (t: string) => {
      const w = this.synonyms.one(t);
      if (isStopWord(w)) return w.length >= 6 && FUNCTION_WORDS.has(w) ? '' : undefined;
      return this.known(w) ? w : undefined;
    };
    return bestSplit(word, head, tail);
  }

  /**
   * A short word is never corrected by edit distance ("kfor" is not "kort"), but
   * two swapped letters or a double letter typed once are typos of their own:
   * "waht" → "what", "taij" → "taji", "staf" → "staff", and so is a vowel left out
   * between two consonants ("ledr" → "leder"). (Any other letter more makes another
   * word of too many real words: "Kina" → "kinda", "tank" → "thank", "sad" → "said";
   * question words alone are filled in, see question-typos.ts.)
   */
  private shortTypo(word: string, next?: string): string | undefined {
    const question = filledQuestionWord(word, next);
    if (question) return question;
    if (word.length < 3 || word.length > 4) return undefined;
    // Only words as the base writes them: stemming each of the dozens of candidates would cost more than the rest of a question.
    const inBase = (w: string) => this.bm25.df(w) > 0;
    const fits = (w: string) => w !== word && (FUNCTION_WORDS.has(w) || inBase(w) || this.synonyms.knows(w));
    for (let i = 0; i + 1 < word.length; i++) {
      const w = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (fits(w)) return w;
    }
    for (let i = 0; i < word.length; i++) {
      const w = word.slice(0, i + 1) + word.slice(i);
      if (/\p{L}/u.test(word[i]!) && fits(w)) return w;
    }
    // A vowel left out between two consonants: "ledr" → "leder", "aktv" → "aktiv" (of "stadig aktiv").
    // Not after a vowel or at the end, where it makes other real words: "sad" is not "said", "car" not "care".
    for (let i = 1; i < word.length; i++) {
      if (VOWEL.test(word[i - 1]!) || VOWEL.test(word[i]!)) continue;
      for (const v of 'aeiou') {
        const w = word.slice(0, i) + v + word.slice(i);
        if (fits(w)) return w;
      }
    }
    return undefined;
  }

  /** A number the base lacks that still asks about the base: its own time, or a figure to check. */
  private isLightNumber(word: string, before: string | undefined, after: string | undefined): boolean {
    if (!/^\d+$/.test(word)) return false;
    // A year within the base's own span ("in 2019") asks about its time, not about something else.
    if (word.length === 4 && +word >= this.years[0] && +word <= this.years[1]) return true;
    // So does a day of the month ("24. nov eller 1. dec?").
    if (word.length <= 2) return MONTHS.has(after!) || MONTHS.has(before!);
    // A head count the base does not hold ("more than 2,000?", "sent 300 soldiers?") is a claim to
    // check against the figure it does hold; a small number ("17 times 23"), a year ("in 2015 NATO"),
    // and a number neither compared nor counting something of the base ("170 times 230") are not.
    return COMPARING.has(before!) || (!YEAR_LIKE.test(word) && this.countsOfBase(after));
  }

  /** A word of the base that a number can count ("300 soldiers", "1000 mand"): not a function word. */
  private countsOfBase(word: string | undefined): boolean {
    return word !== undefined && !isStopWord(word) && !/^\d+$/.test(word) && this.known(word);
  }

  /**
   * A word the synonym table has only inside a phrase ("star" of "three-star general"), left as
   * written so the phrase could match; no phrase took it, so it is a misspelling like any other
   * ("hvad star NMI for": står).
   */
  private outsidePhrase(word: string): string | undefined {
    if (!this.synonyms.knows(word) || isStopWord(word)) return undefined;
    const fixed = this.corrector.correct(word) ?? this.shortTypo(word);
    return fixed === undefined ? undefined : this.synonyms.one(fixed);
  }

  /**
   * The words of a text and how much each says about what is asked: rarity for
   * the base's words, little for function words, much for words and names the
   * base lacks (they are what it cannot answer). Spelling, synonyms and split
   * compounds are applied first.
   */
  private weigh(text: string, names: ReadonlySet<string>): Weighted[] {
    const unknownIdf = this.bm25.idf(0);
    // Spelling first, so a corrected word can still complete a name: "nato iraq mision" → nmi.
    const spelled = withoutFillerPhrases(comparedAsAsked(overAsEnded(unjoined(inDanishSpelling(tokens(text)))))).map((w, i, all) => {
      if (isStopWord(w) || /^\d+$/.test(w) || this.synonyms.knows(w)) return w;
      // Known only through a stem ("egenlig" → da:egen), a word a letter away from a function word is that word misspelt.
      if (this.known(w)) {
        const fixed = this.bm25.df(w) === 0 ? this.corrector.correct(w) : undefined;
        return fixed && FUNCTION_WORDS.has(fixed) ? fixed : w;
      }
      return this.corrector.correct(w) ?? this.shortTypo(w, all[i + 1]) ?? w;
    });
    // A reference name the base never uses as one ("after Sweden") is read as the name.
    const words = [...new Set(markReferences(this.synonyms.apply(spelled), this.isName).map((w) => (this.known(w) ? w : (referredName(w) ?? this.outsidePhrase(w) ?? w))))];
    return words.flatMap((word, i): Weighted[] => {
      const stop = isStopWord(word);
      if (this.known(word)) return [weightedWord(word, stop ? STOP_WEIGHT * Math.min(STOP_IDF_CAP, this.idf(word)) : this.idf(word))];
      // A function word the base never uses says nothing about what is asked.
      if (stop) return [weightedWord(word, 0, true)];
      // A name is not a compound: "Helmand" is not "helm" + "and".
      const parts = /^\d+$/.test(word) || names.has(word) ? undefined : this.decompound(word);
      if (parts) return parts.filter((p) => p !== '').map((p) => weightedWord(p, COMPOUND_PART_WEIGHT * this.idf(p)));
      if (this.isLightNumber(word, words[i - 1], words[i + 1])) return [weightedWord(word, STOP_WEIGHT * unknownIdf, true)];
      // A name the base never mentions ("Kosovo", "Mali") says the question is about something else,
      // unless the question only likens its subject to it ("a combat mission like ISAF was?").
      // "like" compares after a word of comparison, or after "is" and the subject's name ("Is NMI like ISAF?", not "Does NMI like …").
      const before = words[i - 2];
      const likened =
        LIKENED.has(words[i - 1]!) ||
        (words[i - 1] === 'like' &&
          before !== undefined &&
          (COMPARES_WITH_LIKE.has(before) || (COMPARES_WITH_LIKE.has(words[i - 3]!) && this.forms(before).some((t) => this.subject.has(t)))));
      if (names.has(word) && likened) return [weightedWord(word, STOP_WEIGHT * unknownIdf, true)];
      return [weightedWord(word, (names.has(word) ? NAME_WEIGHT : 1) * unknownIdf, true)];
    });
  }

  search(asked: string, limit = 5): SearchResult {
    const question = withoutRuledOut(asked);
    const names = namesIn(question);
    const { asking, framing } = splitFraming(question);
    const weighted = this.weigh(asking, names);
    // "… says NMI was agreed in 2016. Is that right?": a question naming nothing points back at
    // the sentences around it: their words of the base are then what it asks about.
    const pointsBack = framing !== '' && !weighted.some((w) => !w.unknown && !isStopWord(w.word));
    // Words only in the sentences around the question ("I'm prepping a podcast.") count for less;
    // not a name the base lacks: "My son is in KFOR. Who leads the mission?" is not about NMI.
    const home = placesWrittenFrom(framing);
    for (const w of framing ? this.weigh(framing, names) : []) {
      const full = (w.unknown && names.has(w.word) && !home.has(w.word)) || (pointsBack && !w.unknown);
      if (!weighted.some((x) => x.word === w.word)) weighted.push(weightedWord(w.word, full ? w.weight : FRAMING_WEIGHT * w.weight, w.unknown, !pointsBack));
    }
    // The kind of question from its question words as meant: "hvor mage" asks how many.
    // …and past a typo in a function word ("hvor mamge": mange).
    const asWritten = comparedAsAsked(unjoined(tokens(pointsBack ? question : asking))).map((w, i, all) => {
      if (this.known(w)) return w;
      const question = filledQuestionWord(w, all[i + 1]);
      if (question) return question;
      const fixed = this.corrector.correct(w);
      return fixed && FUNCTION_WORDS.has(fixed) ? fixed : w;
    });
    const total = weighted.reduce((s, w) => s + w.weight, 0);
    const query = weighted.filter((w) => !w.unknown).slice(0, MAX_QUERY_WORDS);
    const terms = weighted.map((w) => w.word);
    if (!query.length || total === 0) return { hits: [], confidence: 0, terms };

    const raw = this.bm25.search(
      query.map((w) => ({
        terms: this.directForms(w.word),
        containing: this.containing(w.word),
        idf: this.idf(w.word),
        maxIdf: this.rarityCap(w.word),
      })),
      Math.max(limit, CANDIDATES),
    );
    const content = query.filter((w) => !isStopWord(w.word));
    const owners = this.ownersOf(content.map((w) => this.forms(w.word)));
    const contentTotal = weighted.filter((w) => !isStopWord(w.word)).reduce((s, w) => s + w.weight, 0);
    const contentWeights = Float64Array.from(content, (w) => w.weight);
    /** The question's content words (bits) that the entry's questions compared last use. */
    let used = 0;
    /**
     * The question's closest match among an entry's questions: the weighted overlap, what both
     * share over what either has alone. A question word meets a phrasing word when the phrasing
     * word is one of its forms.
     */
    const similarity = ({ ids, weights, ends }: Phrasings): number => {
      let best = 0;
      used = 0;
      for (let k = 0, start = 0; k < ends.length; start = ends[k++]!) {
        let met = 0;
        let extra = 0;
        for (let i = start; i < ends[k]!; i++) {
          const bits = owners[ids[i]!]!;
          if (bits) met |= bits;
          else extra += weights[i]!;
        }
        used |= met;
        if (met === 0 || contentTotal <= 0) continue;
        let shared = 0;
        for (let m = met; m !== 0; m &= m - 1) shared += contentWeights[31 - Math.clz32(m & -m)]!;
        best = Math.max(best, shared / (contentTotal + 0.5 * extra));
      }
      return best;
    };
    const top = raw[0]?.score || 1;
    const askedWith = new Map<string, number>();
    const hits: Hit[] = raw.map((r) => {
      const entry = this.entries[r.doc]!;
      const covered = query.reduce((s, w, i) => (r.matched & (1 << i) ? s + w.weight : s), 0);
      const sim = similarity(this.phrasingsOf(r.doc));
      askedWith.set(entry.id, used);
      return { id: entry.id, score: r.score / top, similarity: sim, coverage: covered / total };
    });
    // An entry never asked the way this question asks (who/where/when/how many/why) ranks lower.
    const intent = intentOf(asWritten);
    const fit = (h: Hit) => (intent ? leaning(INTENT_WEIGHT, this.intents.get(h.id)?.[intent] ?? 0) : 1);
    // "wat is nmi exactly": nothing but the subject's name. Its function words would pick the entry
    // at random; the entries people ask that way ("What is NMI?") answer it.
    const general =
      content.length > 0 && weighted.every((w) => w.weight === 0 || w.framing || isStopWord(w.word) || (!w.unknown && this.everywhere(w.word)));
    const generalFit = (h: Hit) => (general ? leaning(GENERAL_WEIGHT, this.generalShare.get(h.id) ?? 0) : 1);
    // Such a question asks for nothing an entry could miss: its function words are not the measure.
    if (general) for (const h of hits) h.coverage = 1;
    // "danske soldater i nmi pt": a question about today leans to the entries people ask about today.
    const now = asksAboutNow(asWritten);
    const nowFit = (h: Hit) => (now ? leaning(NOW_WEIGHT, this.nowShare.get(h.id) ?? 0) : 1);
    const rank = (h: Hit) => (W_BM25 * h.score + W_SIM * h.similarity + W_COV * h.coverage) * fit(h) * generalFit(h) * nowFit(h);
    hits.sort((a, b) => rank(b) - rank(a));
    const [first] = hits;
    if (!first) return { hits: [], confidence: 0, terms };
    // "When was NATO founded?" names NATO but nothing of the mission: it is about NATO.
    // Only what is asked counts: "Sweden's in it? I thought they weren't in NATO then" asks about NMI.
    const outOfScope = weighted.some((w) => !w.framing && this.broader.has(w.word)) && !weighted.some((w) => this.forms(w.word).some((t) => this.subject.has(t)));
    // "Who heads EUAM Iraq?", "How many instructors has NMI trained?": a property the base tells only
    // of some subjects (scope.properties), or a count, asked where the best entry is never asked for
    // it, is asked of something else; so is a count of what only other entries count ("How many
    // soldiers does Australia have in NMI?" of the entry counting countries).
    const firstUses = askedWith.get(first.id) ?? 0;
    // "How many helicopters did Italy send?": a name the best entry is never asked with, where most of
    // its questions name someone the question does not: the same thing asked of someone else.
    const named = this.namesAskedOf(first.id);
    const otherSubject =
      named.size > 0 &&
      content.some((w, j) => !w.framing && !(firstUses & (1 << j)) && this.isName(w.word)) &&
      [...named].some(([name, share]) => share >= SUBJECT_SHARE && !content.some((w) => w.word === name));
    const elsewhere =
      otherSubject ||
      (intent === 'count' && (!this.intents.get(first.id)?.count || this.countsSomethingElse(first.id, asWritten))) ||
      content.some((w, j) => !w.framing && !(firstUses & (1 << j)) && this.forms(w.word).some((t) => this.properties.has(t)));
    // Only function words ("who?", "where?"): a guess, never an answer.
    // A question for the bot's view ("synes du …?") is about something the base does not hold.
    const confidence = (content.length === 0 ? 0 : 1) * (outOfScope || elsewhere || asksForOpinion(asked) ? OUT_OF_SCOPE : 1) * first.coverage * (SIMILARITY_FLOOR + (1 - SIMILARITY_FLOOR) * first.similarity);
    return { hits: hits.slice(0, limit), confidence, terms };
  }

  /** Known words starting with a prefix (the word being typed), at most 20. */
  private completions(prefix: string): string[] {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.vocabulary.length && out.length < 20 && this.vocabulary[i]!.startsWith(prefix); i++) out.push(this.vocabulary[i]!);
    return out;
  }

  /**
   * Whether the text has a word the base uses, as typed (no spelling correction), besides function
   * words: a cheap sign that "did you mean" has anything to offer ("thanks!", "asdfgh" have none).
   */
  sharesAWord(text: string): boolean {
    return tokens(text).some((w) => !isStopWord(w) && (this.bm25.id(w) !== undefined || this.synonyms.knows(w)));
  }

  /**
   * Questions for autocomplete and "did you mean": ranked by the same engine,
   * the word being typed matched as a prefix; an empty box gives the entries
   * with shortcuts (the most asked) first.
   */
  suggest(text: string, lang: Lang, limit = 25): { id: string; question: string }[] {
    const out = new Map<string, string>();
    const add = (id: string) => {
      const entry = this.byId.get(id);
      if (entry && out.size < limit) out.set(id, titleOf(entry, lang));
    };
    const ws = analyze(text, this.synonyms);
    if (ws.length) {
      // Every word as in a question, the last one also as the start of any known word.
      const words = ws.map((w, i) => {
        const fixed = this.known(w) ? w : (this.corrector.correct(w) ?? w);
        return { terms: i === ws.length - 1 ? [...this.forms(fixed), ...this.completions(w)] : this.forms(fixed) };
      });
      for (const r of this.bm25.search(words, limit)) add(this.entries[r.doc]!.id);
      if (text.length <= FUSE_PATTERN_MAX) for (const r of this.titles(lang).search(text, { limit })) add(r.item.id);
      return [...out].map(([id, question]) => ({ id, question }));
    }
    for (const e of this.entries) if (e.shortcut) add(e.id);
    for (const e of this.entries) add(e.id);
    return [...out].map(([id, question]) => ({ id, question }));
  }
}
