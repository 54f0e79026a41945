// Registering the commands: one PUT of the whole list (idempotent: Discord
// replaces the set). Used by scripts/deploy-commands.ts and by /nmi-admin reload.
import { Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';

export interface CommandTarget {
  clientId: string;
  /** Register in one server (instant) instead of globally. */
  guildId?: string | undefined;
}

export interface PutClient {
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export function commandsRoute(target: CommandTarget): `/${string}` {
  return target.guildId ? Routes.applicationGuildCommands(target.clientId, target.guildId) : Routes.applicationCommands(target.clientId);
}

/** PUTs the commands; returns the names Discord acknowledged. */
export async function deployCommands(rest: PutClient, target: CommandTarget, body: RESTPutAPIApplicationCommandsJSONBody): Promise<string[]> {
  const result = await rest.put(commandsRoute(target), { body });
  return Array.isArray(result) ? result.map((c: { name?: unknown }) => String(c.name)) : body.map((c) => c.name);
}
