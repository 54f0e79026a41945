// /nmi-admin reload | status | gaps | feedback — servers only, Manage Server by default, and
// checked again here: a server may loosen the command's permissions.
import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { escapeMarkdown } from 'discord.js';
import { formatProblem } from '../src/knowledge/problems.js';
import { isAdmin, MANAGE_GUILD } from '../src/discord/admin.js';
import type { SlashCommand, Subcommand } from '../src/discord/command.js';
import { formatDate, formatDuration, t } from '../src/discord/i18n.js';
import { LIMITS } from '../src/discord/limits.js';
import { COLOR_INFO, joinLines, kbText } from '../src/discord/render.js';
import { errorReply, escapeUserText, reply, type Draft } from '../src/discord/respond.js';
import { respond, type CommandInput, type Ctx } from '../src/discord/types.js';
import type { ReloadOutcome } from '../src/store.js';
import { formatFeedback, formatGaps } from '../src/feedback/index.js';
import { reloadKnowledge } from '../src/discord/reload.js';

const COLOR_FAILED = 0xb00020;

const list = (ids: readonly string[], none: string) => (ids.length ? ids.map((id) => `\`${id}\``).join(', ') : none);

/** The reload reply: versions, entries added/changed/removed, shortcut changes, or the problems. */
export function reloadDraft(outcome: ReloadOutcome, lang: 'en' | 'da', redeploy?: { count: number } | { error: string }): Draft {
  const L = t(lang);
  if (!outcome.ok) {
    const errors = outcome.problems.filter((p) => p.severity === 'error');
    const shown = (errors.length ? errors : outcome.problems).map((p) => `• ${escapeMarkdown(formatProblem(p))}`);
    return {
      embeds: [
        {
          title: L.reloadFailed,
          color: COLOR_FAILED,
          description: joinLines(shown, LIMITS.embedDescription),
          fields: [{ name: L.version, value: `\`${outcome.version}\`` }],
        },
      ],
    };
  }
  const d = outcome.diff;
  const same = outcome.before === outcome.after;
  const fields = [
    { name: L.version, value: L.versionChange(outcome.before, outcome.after) },
    { name: L.added, value: list(d.added, L.none), inline: true },
    { name: L.changed, value: list(d.changed, L.none), inline: true },
    { name: L.removed, value: list(d.removed, L.none), inline: true },
  ];
  if (d.shortcutsAdded.length) fields.push({ name: L.shortcutsAdded, value: list(d.shortcutsAdded, L.none), inline: true });
  if (d.shortcutsRemoved.length) fields.push({ name: L.shortcutsRemoved, value: list(d.shortcutsRemoved, L.none), inline: true });
  const notes: string[] = [];
  if (redeploy) notes.push('count' in redeploy ? L.reregistered(redeploy.count) : L.reregisterFailed(escapeMarkdown(redeploy.error)));
  const warnings = 'warnings' in outcome && Array.isArray(outcome.warnings) ? outcome.warnings : [];
  if (warnings.length) notes.push(...warnings.slice(0, 10).map((p) => `⚠ ${escapeMarkdown(formatProblem(p))}`));
  const embed: APIEmbed = { title: same ? L.unchanged : L.reloadOk, color: COLOR_INFO, fields };
  if (notes.length) embed.description = joinLines(notes, LIMITS.embedDescription);
  return { embeds: [embed] };
}

const reload: Subcommand = {
  data: {
    type: 1,
    name: 'reload',
    name_localizations: { da: 'genindlæs' },
    description: 'Re-read the knowledge files without a restart',
    description_localizations: { da: 'Indlæs vidensfilerne igen uden genstart' },
  },
  execute(ctx) {
    return {
      kind: 'deferred',
      ephemeral: true,
      work: async () => {
        const { outcome, redeploy } = await reloadKnowledge(ctx.services, ctx.input.member.userId, {
          interactionId: ctx.input.id,
          guildId: ctx.input.guildId,
        });
        return reloadDraft(outcome, ctx.lang, redeploy);
      },
    };
  },
};

/** The status reply: knowledge version and load time, counts per language, sources, uptime, answers, latency. */
export function statusDraft(ctx: Ctx<CommandInput>): Draft {
  const L = t(ctx.lang);
  const { kb } = ctx.snap;
  const { metrics, now } = ctx.services;
  const q = { en: 0, da: 0 };
  for (const e of kb.entries) {
    q.en += e.questions.en.length;
    q.da += e.questions.da.length;
  }
  const ms = (v: number | null) => (v === null ? L.none : `${v.toFixed(1)} ms`);
  const sources = [...kb.sources.values()].map((s) => `\`${s.id}\` ${kbText(s.title)} — ${formatDate(s.date, ctx.lang)}`);
  return {
    embeds: [
      {
        title: L.statusTitle,
        color: COLOR_INFO,
        fields: [
          { name: L.version, value: `\`${kb.version}\``, inline: true },
          { name: L.loaded, value: `<t:${Math.floor(kb.loadedAt.getTime() / 1000)}:f>`, inline: true },
          { name: L.entries, value: String(kb.entries.length), inline: true },
          { name: L.questions, value: `en: ${q.en} · da: ${q.da}`, inline: true },
          { name: L.uptime, value: formatDuration(now().getTime() - metrics.startedAt.getTime(), ctx.lang), inline: true },
          { name: `${L.answered} / ${L.declined}`, value: `${metrics.answered} / ${metrics.declined}`, inline: true },
          { name: L.latency, value: `p50 ${ms(metrics.percentile(50))} · p99 ${ms(metrics.percentile(99))}`, inline: true },
          { name: `${L.sources} (${kb.sources.size})`, value: joinLines(sources, LIMITS.fieldValue) || L.none },
        ],
      },
    ],
  };
}

const status: Subcommand = {
  data: {
    type: 1,
    name: 'status',
    name_localizations: { da: 'status' },
    description: 'Knowledge version, sources, uptime and answer statistics',
    description_localizations: { da: 'Videnversion, kilder, oppetid og svarstatistik' },
  },
  execute(ctx) {
    return respond(reply(statusDraft(ctx), { ephemeral: true }));
  },
};

export const DEFAULT_REPORT_DAYS = 30;
/** Leaves room under the 4096-character description for markdown escapes. */
const REPORT_MAX_CHARS = 3600;

const daysOption = {
  type: 4,
  name: 'days',
  name_localizations: { da: 'dage' },
  description: 'How many days back (default 30)',
  description_localizations: { da: 'Hvor mange dage tilbage (standard 30)' },
  min_value: 1,
  max_value: 365,
  required: false,
} as const;

/** The days option, clamped to 1–365 (Discord enforces it; other paths may not). */
export function daysOf(ctx: Ctx<CommandInput>): number {
  const v = ctx.input.options['days'];
  return typeof v === 'number' && Number.isInteger(v) ? Math.min(365, Math.max(1, v)) : DEFAULT_REPORT_DAYS;
}

/** Reports quote what users typed: escaped so it cannot format or ping; respond's limits cut what is left over. */
function reportDraft(title: string, text: string): Draft {
  return { embeds: [{ title, color: COLOR_INFO, description: escapeUserText(text) }] };
}

const titleOf = (ctx: Ctx<CommandInput>) => (id: string) => ctx.snap.kb.byId.get(id)?.questions[ctx.lang][0];

/** A report subcommand over the feedback store: gaps and feedback differ only in what they read and how they print it. */
function reportSubcommand(spec: {
  name: string;
  nameDa: string;
  description: string;
  descriptionDa: string;
  title: (L: ReturnType<typeof t>) => string;
  render: (ctx: Ctx<CommandInput>, days: number, opts: { days: number; maxChars: number; titleOf: (id: string) => string | undefined }) => string;
}): Subcommand {
  return {
    data: {
      type: 1,
      name: spec.name,
      name_localizations: { da: spec.nameDa },
      description: spec.description,
      description_localizations: { da: spec.descriptionDa },
      options: [daysOption],
    },
    execute(ctx) {
      const L = t(ctx.lang);
      if (!ctx.services.feedback.enabled) return respond(reply({ content: L.feedbackOff }, { ephemeral: true }));
      const days = daysOf(ctx);
      const text = spec.render(ctx, days, { days, maxChars: REPORT_MAX_CHARS, titleOf: titleOf(ctx) });
      return respond(reply(reportDraft(spec.title(L), text), { ephemeral: true }));
    },
  };
}

const gaps = reportSubcommand({
  name: 'gaps',
  nameDa: 'huller',
  description: 'Questions the bot could not answer well, grouped',
  descriptionDa: 'Spørgsmål botten ikke kunne svare godt på, grupperet',
  title: (L) => L.gapsTitle,
  render: (ctx, days, opts) => formatGaps(ctx.services.feedback.gaps(days, ctx.services.now()), ctx.lang, opts),
});

const feedback = reportSubcommand({
  name: 'feedback',
  nameDa: 'feedback',
  description: '👍/👎 votes on answers, most disliked first',
  descriptionDa: '👍/👎-stemmer på svar, mest negative først',
  title: (L) => L.feedbackTitle,
  render: (ctx, days, opts) => formatFeedback(ctx.services.feedback.feedback(days, ctx.services.now()), ctx.lang, opts),
});

const subcommands = new Map([reload, status, gaps, feedback].map((s) => [s.data.name, s]));

export const nmiAdminCommand: SlashCommand = {
  name: 'nmi-admin',
  data(): RESTPostAPIChatInputApplicationCommandsJSONBody {
    return {
      type: 1,
      name: 'nmi-admin',
      description: 'NMI bot administration: reload the knowledge, status, gaps and feedback',
      description_localizations: { da: 'Administration af NMI bot: genindlæs viden, status, huller og feedback' },
      default_member_permissions: MANAGE_GUILD.toString(),
      dm_permission: false,
      contexts: [0],
      integration_types: [0],
      options: [...subcommands.values()].map((s) => s.data),
    };
  },
  execute(ctx) {
    const L = t(ctx.lang);
    if (ctx.input.guildId === null) return respond(errorReply(L.guildOnly));
    if (!isAdmin(ctx.input.member, ctx.services.admin)) {
      ctx.services.log.warn({ interactionId: ctx.input.id, userId: ctx.input.member.userId, guildId: ctx.input.guildId }, 'admin command refused');
      return respond(errorReply(L.notAdmin));
    }
    const sub = subcommands.get(ctx.input.subcommand ?? '');
    if (!sub) return respond(errorReply(L.gone));
    return sub.execute(ctx);
  },
};
