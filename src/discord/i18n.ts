// The Discord layer's own words, in both languages, and the rule for choosing one.
import type { Lang } from '../knowledge/schema.js';

/** Danish when the user's Discord locale is Danish, English otherwise — unless the command's `language` option says. */
export function chooseLang(locale: string | null | undefined, override?: string | null): Lang {
  if (override === 'da' || override === 'en') return override;
  return typeof locale === 'string' && (locale === 'da' || locale.toLowerCase().startsWith('da-')) ? 'da' : 'en';
}

// Dates are written one way everywhere (CLI and Discord).
export { formatDate } from '../i18n.js';

/** How old a dated thing is, roughly: "3 years", "5 months", "12 days" (Danish: "3 år", "5 måneder", "12 dage"). */
export function formatAge(iso: string, now: Date, lang: Lang): string {
  // A month-only date (YYYY-MM) counts from the 1st.
  const then = Date.parse(`${iso.length === 7 ? `${iso}-01` : iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(then)) return '?';
  const days = Math.max(0, Math.floor((now.getTime() - then) / 86_400_000));
  const da = lang === 'da';
  if (days < 60) return da ? `${days} ${days === 1 ? 'dag' : 'dage'}` : `${days} ${days === 1 ? 'day' : 'days'}`;
  const a = new Date(then);
  const months =
    (now.getUTCFullYear() - a.getUTCFullYear()) * 12 + (now.getUTCMonth() - a.getUTCMonth()) - (now.getUTCDate() < a.getUTCDate() ? 1 : 0);
  if (months < 24) return da ? `${months} måneder` : `${months} months`;
  const years = Math.floor(months / 12);
  return da ? `${years} år` : `${years} years`;
}

export function formatDuration(ms: number, lang: Lang): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (d) parts.push(lang === 'da' ? `${d} d` : `${d}d`);
  if (h) parts.push(lang === 'da' ? `${h} t` : `${h}h`);
  if (m) parts.push(lang === 'da' ? `${m} min` : `${m}m`);
  parts.push(lang === 'da' ? `${sec} s` : `${sec}s`);
  return parts.join(' ');
}

const en = {
  source: 'Source',
  sources: 'Sources',
  newsOnly: 'news report only',
  sinceThen: 'Since then',
  disputed: 'Sources disagree',
  asOf: (d: string) => `As of ${d}`,
  stale: (d: string) => `as of ${d} — this may have changed`,
  noMatchTitle: "I don't know",
  noMatch: (q: string) => `I don't have a sourced answer to “${q}”.`,
  didYouMean: 'Did you mean one of these?',
  noSuggestions: 'Try `/nmi topics` to browse what I can answer.',
  related: 'Related questions',
  gone: 'That question is no longer in the knowledge base. Try `/nmi topics`.',
  cooldown: (s: number) => `You're asking quickly — please wait ${s} s and try again.`,
  error: (ref: string) => `Something went wrong on my side. Please try again (reference ${ref}).`,
  notAdmin: 'Only server admins can use this command.',
  guildOnly: 'This command works in servers only.',
  emptyQuestion: 'Please write a question.',
  noText: 'That message has no text I can use as a question.',
  shuttingDown: 'The bot is restarting — please try again in a moment.',
  topicsTitle: 'Topics',
  topicsIntro: (n: number) => `${n} questions I can answer. Choose one below.`,
  page: (p: number, n: number) => `Page ${p} of ${n}`,
  previous: 'Previous',
  next: 'Next',
  choose: 'Choose a question…',
  sourcesTitle: 'Sources',
  sourcesIntro: (n: number) => `${n} sources back the answers. Official sources are governments and NATO; news sources are marked.`,
  age: (a: string) => `${a} old`,
  official: 'official',
  news: 'news',
  helpTitle: 'NMI bot — help',
  help: [
    'I answer questions about **NATO Mission Iraq (NMI)** from a curated, sourced knowledge base, in English and Danish.',
    '',
    '`/nmi ask question:…` — ask in your own words (suggestions appear while you type).',
    '`/nmi topics` — browse every question I can answer.',
    '`/nmi sources` — the sources behind the answers, with their dates.',
    '`/nmi help` — this message.',
    'Right-click a message → **Apps → Ask NMI bot** — ask with that message’s text (only you see the answer).',
    '',
    'Options: `language` (da/en) overrides your Discord language; `private` shows the answer to you only.',
    'Every answer names its sources and the date its facts are true as of. If I do not know, I say so.',
    '👍/👎 under an answer tells the curators whether it helped (your name is not stored).',
    'Admins: `/nmi-admin reload`, `status`, `gaps` (questions I could not answer), `feedback` (votes).',
  ],
  shortcuts: 'Shortcuts',
  reloadFailed: 'Reload failed — the previous knowledge is still serving.',
  reloadOk: 'Knowledge reloaded.',
  unchanged: 'No changes: the knowledge files are the same.',
  version: 'Version',
  versionChange: (a: string, b: string) => `\`${a}\` → \`${b}\``,
  added: 'Added',
  changed: 'Changed',
  removed: 'Removed',
  shortcutsAdded: 'Shortcuts added',
  shortcutsRemoved: 'Shortcuts removed',
  reregistered: (n: number) => `Shortcuts changed: re-registered ${n} commands.`,
  reregisterFailed: (e: string) => `Shortcuts changed, but re-registering the commands failed: ${e}`,
  problems: 'Problems',
  moreProblems: (n: number) => `…and ${n} more`,
  statusTitle: 'NMI bot — status',
  loaded: 'Loaded',
  entries: 'Entries',
  questions: 'Questions',
  uptime: 'Uptime',
  answered: 'Answered',
  declined: 'Declined',
  latency: 'Answer latency',
  none: 'none',
  voteUp: 'Helpful',
  voteDown: 'Not helpful',
  voteRecorded: 'Thanks — recorded.',
  voteChanged: 'Thanks — your vote was changed.',
  voteDuplicate: 'You already voted on this answer.',
  feedbackOff: 'Feedback is not being recorded on this bot (FEEDBACK_STORE=off).',
  gapsTitle: 'Unanswered questions',
  feedbackTitle: 'Answer feedback',
};
export type Strings = typeof en;

const da: Strings = {
  source: 'Kilde',
  sources: 'Kilder',
  newsOnly: 'kun nyhedsmedier',
  sinceThen: 'Siden da',
  disputed: 'Kilderne er uenige',
  asOf: (d: string) => `Pr. ${d}`,
  stale: (d: string) => `pr. ${d} — det kan have ændret sig`,
  noMatchTitle: 'Det ved jeg ikke',
  noMatch: (q: string) => `Jeg har ikke et svar med kilder på „${q}“.`,
  didYouMean: 'Mente du et af disse?',
  noSuggestions: 'Prøv `/nmi emner` for at se, hvad jeg kan svare på.',
  related: 'Relaterede spørgsmål',
  gone: 'Det spørgsmål findes ikke længere i vidensbasen. Prøv `/nmi emner`.',
  cooldown: (s: number) => `Du spørger hurtigt — vent ${s} sek. og prøv igen.`,
  error: (ref: string) => `Noget gik galt hos mig. Prøv igen (reference ${ref}).`,
  notAdmin: 'Kun serveradministratorer kan bruge denne kommando.',
  guildOnly: 'Denne kommando virker kun på servere.',
  emptyQuestion: 'Skriv venligst et spørgsmål.',
  noText: 'Den besked har ingen tekst, jeg kan bruge som spørgsmål.',
  shuttingDown: 'Botten genstarter — prøv igen om et øjeblik.',
  topicsTitle: 'Emner',
  topicsIntro: (n: number) => `${n} spørgsmål, jeg kan svare på. Vælg et nedenfor.`,
  page: (p: number, n: number) => `Side ${p} af ${n}`,
  previous: 'Forrige',
  next: 'Næste',
  choose: 'Vælg et spørgsmål…',
  sourcesTitle: 'Kilder',
  sourcesIntro: (n: number) => `${n} kilder ligger bag svarene. Officielle kilder er regeringer og NATO; nyhedskilder er markeret.`,
  age: (a: string) => `${a} gammel`,
  official: 'officiel',
  news: 'nyhed',
  helpTitle: 'NMI bot — hjælp',
  help: [
    'Jeg svarer på spørgsmål om **NATO Mission Iraq (NMI)** ud fra en kurateret vidensbase med kilder, på dansk og engelsk.',
    '',
    '`/nmi spørg spørgsmål:…` — spørg med dine egne ord (forslag vises, mens du skriver).',
    '`/nmi emner` — se alle de spørgsmål, jeg kan svare på.',
    '`/nmi kilder` — kilderne bag svarene, med deres datoer.',
    '`/nmi hjælp` — denne besked.',
    'Højreklik på en besked → **Apps → Ask NMI bot** — spørg med beskedens tekst (kun du ser svaret).',
    '',
    'Valg: `sprog` (da/en) tilsidesætter dit Discord-sprog; `privat` viser kun svaret for dig.',
    'Hvert svar nævner sine kilder og datoen, fakta gælder pr. Hvis jeg ikke ved det, siger jeg det.',
    '👍/👎 under et svar fortæller kuratorerne, om det hjalp (dit navn gemmes ikke).',
    'Administratorer: `/nmi-admin genindlæs`, `status`, `huller` (spørgsmål jeg ikke kunne svare på), `feedback` (stemmer).',
  ],
  shortcuts: 'Genveje',
  reloadFailed: 'Genindlæsning mislykkedes — den tidligere viden bruges stadig.',
  reloadOk: 'Viden genindlæst.',
  unchanged: 'Ingen ændringer: vidensfilerne er de samme.',
  version: 'Version',
  versionChange: (a: string, b: string) => `\`${a}\` → \`${b}\``,
  added: 'Tilføjet',
  changed: 'Ændret',
  removed: 'Fjernet',
  shortcutsAdded: 'Genveje tilføjet',
  shortcutsRemoved: 'Genveje fjernet',
  reregistered: (n: number) => `Genvejene er ændret: ${n} kommandoer er registreret igen.`,
  reregisterFailed: (e: string) => `Genvejene er ændret, men registreringen af kommandoerne mislykkedes: ${e}`,
  problems: 'Problemer',
  moreProblems: (n: number) => `…og ${n} mere`,
  statusTitle: 'NMI bot — status',
  loaded: 'Indlæst',
  entries: 'Emner',
  questions: 'Spørgsmål',
  uptime: 'Oppetid',
  answered: 'Besvaret',
  declined: 'Afvist',
  latency: 'Svartid',
  none: 'ingen',
  voteUp: 'Nyttigt',
  voteDown: 'Ikke nyttigt',
  voteRecorded: 'Tak — registreret.',
  voteChanged: 'Tak — din stemme er ændret.',
  voteDuplicate: 'Du har allerede stemt på dette svar.',
  feedbackOff: 'Denne bot registrerer ikke feedback (FEEDBACK_STORE=off).',
  gapsTitle: 'Ubesvarede spørgsmål',
  feedbackTitle: 'Feedback på svar',
};

export const T: Record<Lang, Strings> = { en, da };
export const t = (lang: Lang): Strings => T[lang];
