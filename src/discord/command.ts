// The shape of a command module: a plain object that is both the registration
// JSON and the handler (the pattern of discord.js's own utility bot).
import type {
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Snapshot } from '../store.js';
import type { AutocompleteInput, CommandInput, Ctx, HandlerResult, MessageContextInput } from './types.js';

export type Awaitable<T> = T | Promise<T>;

/** One subcommand of /nmi (or /nmi-admin). */
export interface Subcommand {
  readonly data: APIApplicationCommandSubcommandOption;
  execute(ctx: Ctx<CommandInput>): Awaitable<HandlerResult>;
  autocomplete?(ctx: Ctx<AutocompleteInput>): Awaitable<HandlerResult>;
}

/** A top-level slash command. Its JSON may depend on the knowledge (shortcuts), so it is built from a snapshot. */
export interface SlashCommand {
  readonly name: string;
  data(snap: Snapshot): RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(ctx: Ctx<CommandInput>): Awaitable<HandlerResult>;
  autocomplete?(ctx: Ctx<AutocompleteInput>): Awaitable<HandlerResult>;
}

export interface MessageCommand {
  readonly name: string;
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(ctx: Ctx<MessageContextInput>): Awaitable<HandlerResult>;
}
