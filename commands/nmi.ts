// /nmi — the fixed subcommands plus one per knowledge shortcut.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { MAX_SHORTCUTS } from '../src/knowledge/schema.js';
import type { Entry } from '../src/knowledge/schema.js';
import type { SlashCommand, Subcommand } from '../src/discord/command.js';
import { t } from '../src/discord/i18n.js';
import { errorReply } from '../src/discord/respond.js';
import { respond } from '../src/discord/types.js';
import type { Snapshot } from '../src/store.js';
import { askCommand } from './ask.js';
import { helpCommand } from './help.js';
import { executeShortcut, shortcutData } from './shortcut.js';
import { sourcesCommand } from './sources.js';
import { topicsCommand } from './topics.js';

export const FIXED_SUBCOMMANDS: readonly Subcommand[] = [askCommand, topicsCommand, sourcesCommand, helpCommand];
const fixed = new Map(FIXED_SUBCOMMANDS.map((s) => [s.data.name, s]));

/** Entries with a shortcut, in knowledge order, at most MAX_SHORTCUTS (kb:check rejects more). */
export function shortcutEntries(snap: Snapshot): (Entry & { shortcut: string })[] {
  return snap.kb.entries.filter((e): e is Entry & { shortcut: string } => typeof e.shortcut === 'string' && !fixed.has(e.shortcut)).slice(0, MAX_SHORTCUTS);
}

export const nmiCommand: SlashCommand = {
  name: 'nmi',
  data(snap): RESTPostAPIChatInputApplicationCommandsJSONBody {
    return {
      type: 1,
      name: 'nmi',
      description: 'Answers about NATO Mission Iraq, with sources and dates',
      description_localizations: { da: 'Svar om NATO Mission Iraq, med kilder og datoer' },
      contexts: [0, 1],
      integration_types: [0],
      options: [...FIXED_SUBCOMMANDS.map((s) => s.data), ...shortcutEntries(snap).map(shortcutData)],
    };
  },
  execute(ctx) {
    const sub = ctx.input.subcommand ?? '';
    const command = fixed.get(sub);
    if (command) return command.execute(ctx);
    const entry = ctx.snap.kb.byShortcut.get(sub);
    if (entry) return executeShortcut(ctx, entry);
    // Registered before a reload removed the shortcut.
    return respond(errorReply(t(ctx.lang).gone));
  },
  autocomplete(ctx) {
    const command = fixed.get(ctx.input.subcommand ?? '');
    if (command?.autocomplete) return command.autocomplete(ctx);
    return respond({ type: 8, data: { choices: [] } });
  },
};
