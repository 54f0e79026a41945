// /nmi-admin reload | status — servers only, Manage Server by default, and
// checked again here: a server may loosen the command's permissions.
import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { escapeMarkdown } from 'discord.js';
import { formatProblem } from '../src/knowledge/problems.js';
import { isAdmin, MANAGE_GUILD } from '../src/discord/admin.js';
import type { SlashCommand, Subcommand } from '../src/discord/command.js';
import { formatDate, formatDuration, t } from '../src/discord/i18n.js';
import { LIMITS } from '../src/discord/limits.js';
import { COLOR_INFO, joinLines, kbText } from '../src/discord/render.js';
import { errorReply, reply, type Draft } from '../src/discord/respond.js';
import { respond, type CommandInput, type Ctx } from '../src/discord/types.js';
import type { ReloadOutcome } from '../src/store.js';

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
        const outcome = await ctx.services.store.reload();
        let redeploy: { count: number } | { error: string } | undefined;
        if (outcome.ok && (outcome.diff.shortcutsAdded.length || outcome.diff.shortcutsRemoved.length) && ctx.services.deployCommands) {
          try {
            redeploy = { count: await ctx.services.deployCommands(ctx.services.store.current) };
          } catch (err) {
            ctx.services.log.error({ err, interactionId: ctx.input.id }, 're-registering commands after reload failed');
            redeploy = { error: err instanceof Error ? err.message : String(err) };
          }
        }
        ctx.services.log.info(
          outcome.ok
            ? { interactionId: ctx.input.id, before: outcome.before, after: outcome.after, diff: outcome.diff }
            : { interactionId: ctx.input.id, version: outcome.version, problems: outcome.problems.length },
          outcome.ok ? 'knowledge reloaded' : 'knowledge reload failed; previous knowledge still serving',
        );
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

const subcommands = new Map([reload, status].map((s) => [s.data.name, s]));

export const nmiAdminCommand: SlashCommand = {
  name: 'nmi-admin',
  data(): RESTPostAPIChatInputApplicationCommandsJSONBody {
    return {
      type: 1,
      name: 'nmi-admin',
      description: 'NMI bot administration: reload the knowledge, show status',
      description_localizations: { da: 'Administration af NMI bot: genindlæs viden, vis status' },
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
