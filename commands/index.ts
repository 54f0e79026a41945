// Every command the bot registers, and the registration JSON for a snapshot:
// the same list deploy-commands PUTs and the reload re-registers.
import type { RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { MessageCommand, SlashCommand } from '../src/discord/command.js';
import type { Snapshot } from '../src/store.js';
import { askMessageCommand } from './ask-message.js';
import { nmiAdminCommand } from './nmi-admin.js';
import { nmiCommand } from './nmi.js';

export const SLASH_COMMANDS: readonly SlashCommand[] = [nmiCommand, nmiAdminCommand];
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [askMessageCommand];

export function buildCommands(snap: Snapshot): RESTPutAPIApplicationCommandsJSONBody {
  return [...SLASH_COMMANDS.map((c) => c.data(snap)), ...MESSAGE_COMMANDS.map((c) => c.data)];
}

export const slashCommand = (name: string) => SLASH_COMMANDS.find((c) => c.name === name);
export const messageCommand = (name: string) => MESSAGE_COMMANDS.find((c) => c.name === name);
