// INTERACTION_CREATE payloads as Discord sends them (API v10), for the stand-in to dispatch.
import { randomBytes } from 'node:crypto';
import { discordMessage, IDS } from './server.js';

let counter = 0n;
const snowflake = () => (1900000000000000000n + ++counter).toString();

export interface Who {
  userId?: string;
  locale?: string;
  /** Decimal permission bits of the member in the channel. '0' = none; '32' = Manage Server. */
  permissions?: string;
  roles?: string[];
  /** false → a DM (no guild, no member). */
  inGuild?: boolean;
}

export type RawOption =
  | { type: 1 | 2; name: string; options?: RawOption[] }
  | { type: 3; name: string; value: string; focused?: boolean }
  | { type: 5; name: string; value: boolean }
  | { type: 4 | 10; name: string; value: number };

function user(id: string) {
  return { id, username: `user${id.slice(-2)}`, discriminator: '0', global_name: null, avatar: null, public_flags: 0 };
}

function base(type: number, who: Who) {
  const userId = who.userId ?? IDS.user;
  const inGuild = who.inGuild ?? true;
  const common = {
    id: snowflake(),
    application_id: IDS.app,
    type,
    token: `itoken-${randomBytes(12).toString('hex')}`,
    version: 1,
    locale: who.locale ?? 'en-US',
    app_permissions: '2147485696',
    entitlements: [],
    authorizing_integration_owners: { '0': IDS.guild },
    attachment_size_limit: 10485760,
  };
  if (!inGuild) {
    return {
      ...common,
      context: 1,
      channel_id: IDS.channel,
      channel: { id: IDS.channel, type: 1, last_message_id: null, flags: 0, recipients: [user(userId)] },
      user: user(userId),
    };
  }
  return {
    ...common,
    context: 0,
    guild_id: IDS.guild,
    guild_locale: 'en-US',
    guild: { id: IDS.guild, locale: 'en-US', features: [] },
    channel_id: IDS.channel,
    channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0 },
    member: {
      user: user(userId),
      roles: who.roles ?? [],
      permissions: who.permissions ?? '2147483648',
      joined_at: '2024-01-01T00:00:00.000Z',
      premium_since: null,
      deaf: false,
      mute: false,
      pending: false,
      nick: null,
      avatar: null,
      flags: 0,
      communication_disabled_until: null,
    },
  };
}

/** /<name> <subcommand> options… */
export function slash(name: string, subcommand: string | null, options: RawOption[] = [], who: Who = {}) {
  return {
    ...base(2, who),
    data: {
      id: snowflake(),
      name,
      type: 1,
      options: subcommand ? [{ type: 1, name: subcommand, options }] : options,
    },
  };
}

export function autocompleteOf(name: string, subcommand: string, focused: { name: string; value: string }, others: RawOption[] = [], who: Who = {}) {
  return {
    ...base(4, who),
    data: {
      id: snowflake(),
      name,
      type: 1,
      options: [{ type: 1, name: subcommand, options: [{ type: 3, name: focused.name, value: focused.value, focused: true }, ...others] }],
    },
  };
}

function message(content: string) {
  return discordMessage({ id: IDS.message, author: user(IDS.admin), content, timestamp: '2025-01-01T00:00:00.000Z', type: 0 });
}

export function button(customId: string, who: Who = {}) {
  return {
    ...base(3, who),
    message: { ...message(''), author: user(IDS.app), flags: 0 },
    data: { custom_id: customId, component_type: 2 },
  };
}

export function select(customId: string, values: string[], who: Who = {}) {
  return {
    ...base(3, who),
    message: { ...message(''), author: user(IDS.app), flags: 0 },
    data: { custom_id: customId, component_type: 3, values },
  };
}

export function messageMenu(name: string, content: string, who: Who = {}) {
  return {
    ...base(2, who),
    data: {
      id: snowflake(),
      name,
      type: 3,
      target_id: IDS.message,
      resolved: { messages: { [IDS.message]: message(content) } },
    },
  };
}
