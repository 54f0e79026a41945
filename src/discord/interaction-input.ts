// Raw INTERACTION_CREATE data (as the gateway or an HTTP interactions endpoint
// delivers it) → the plain InteractionInput handlers take. Pure.
import type { APIApplicationCommandInteractionDataOption, APIInteraction } from 'discord.js';
import type { MemberFacts } from './admin.js';
import type { InteractionInput, OptionValue } from './types.js';

function memberFacts(i: APIInteraction): MemberFacts {
  const guildId = i.guild_id ?? null;
  if (i.member) {
    return { userId: i.member.user.id, guildId, permissions: i.member.permissions ?? null, roleIds: [...(i.member.roles ?? [])] };
  }
  return { userId: i.user?.id ?? '0', guildId, permissions: null, roleIds: [] };
}

interface Flattened {
  subcommand: string | null;
  options: Record<string, OptionValue>;
  focused: { name: string; value: string } | null;
}

/** Walks subcommand groups and subcommands down to the leaf options. */
export function flattenOptions(options: readonly APIApplicationCommandInteractionDataOption[] | undefined): Flattened {
  const out: Flattened = { subcommand: null, options: {}, focused: null };
  let level = options ?? [];
  for (;;) {
    const nested = level.find((o) => o.type === 1 || o.type === 2);
    if (!nested) break;
    if (nested.type === 1) out.subcommand = nested.name;
    level = 'options' in nested && nested.options ? (nested.options as APIApplicationCommandInteractionDataOption[]) : [];
  }
  for (const o of level) {
    if (!('value' in o)) continue;
    const value = o.value as OptionValue;
    out.options[o.name] = value;
    if ('focused' in o && o.focused) out.focused = { name: o.name, value: String(value) };
  }
  return out;
}

export function fromApiInteraction(i: APIInteraction): InteractionInput | null {
  const base = { id: i.id, locale: ('locale' in i && i.locale) || i.guild_locale || 'en-US', guildId: i.guild_id ?? null, member: memberFacts(i) };
  switch (i.type) {
    case 2: {
      const data = i.data;
      if (data.type === 1) {
        const f = flattenOptions(data.options);
        return { ...base, kind: 'command', commandName: data.name, subcommand: f.subcommand, options: f.options };
      }
      if (data.type === 3) {
        const msg = data.resolved.messages[data.target_id];
        return { ...base, kind: 'message-context', commandName: data.name, targetContent: msg?.content ?? '' };
      }
      return null;
    }
    case 4: {
      const data = i.data;
      const f = flattenOptions(data.options);
      if (!f.focused) return null;
      return { ...base, kind: 'autocomplete', commandName: data.name, subcommand: f.subcommand, options: f.options, focused: f.focused };
    }
    case 3: {
      const data = i.data;
      return { ...base, kind: 'component', customId: data.custom_id, values: 'values' in data ? [...data.values] : [] };
    }
    default:
      return null;
  }
}
