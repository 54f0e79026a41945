// The plain data a handler receives and returns. The transport (discord.js
// gateway client today, an HTTP endpoint later) converts an interaction into
// an InteractionInput, calls the handler and sends what it returns.
import type { FeedbackStore } from '../feedback/index.js';
import type { Lang } from '../knowledge/schema.js';
import type { Logger } from '../log.js';
import type { ReloadOutcome, Snapshot } from '../store.js';
import type { MemberFacts, AdminPolicy } from './admin.js';
import type { Cooldown } from './cooldown.js';
import type { Metrics } from './metrics.js';
import type { Draft, InteractionResponse } from './respond.js';

export type OptionValue = string | number | boolean;

interface InputBase {
  /** The interaction's id (used in logs and error references). */
  id: string;
  /** The user's Discord client language ("da", "en-US", …). */
  locale: string;
  guildId: string | null;
  member: MemberFacts;
}

export interface CommandInput extends InputBase {
  kind: 'command';
  commandName: string;
  /** null for a command without subcommands. */
  subcommand: string | null;
  options: Readonly<Record<string, OptionValue>>;
}

export interface AutocompleteInput extends InputBase {
  kind: 'autocomplete';
  commandName: string;
  subcommand: string | null;
  options: Readonly<Record<string, OptionValue>>;
  focused: { name: string; value: string };
}

export interface ComponentInput extends InputBase {
  kind: 'component';
  customId: string;
  /** Chosen values of a select menu; empty for a button. */
  values: readonly string[];
}

export interface MessageContextInput extends InputBase {
  kind: 'message-context';
  commandName: string;
  /** The target message's text ('' when it has none, e.g. an image only). */
  targetContent: string;
}

export type InteractionInput = CommandInput | AutocompleteInput | ComponentInput | MessageContextInput;

/** What a handler decides: answer now, or defer and edit the original when the work is done. */
export type HandlerResult =
  | { kind: 'respond'; body: InteractionResponse }
  | { kind: 'deferred'; ephemeral: boolean; work: () => Promise<Draft> };

export interface StoreLike {
  readonly current: Snapshot;
  reload(): Promise<ReloadOutcome>;
}

/** Everything a handler may use besides its input. Passed in, never global. */
export interface Services {
  store: StoreLike;
  admin: AdminPolicy;
  metrics: Metrics;
  cooldown: Cooldown;
  log: Logger;
  /** Unanswered questions and 👍/👎 votes; a no-op store (enabled: false) hides the vote buttons. */
  feedback: FeedbackStore;
  /** Passed to ask(): answers older than this many days are marked "may have changed". */
  freshnessDays: number;
  /** Re-registers the commands for a knowledge base; returns how many were registered. Absent when the bot cannot. */
  deployCommands?: (snap: Snapshot) => Promise<number>;
  now: () => Date;
}

/** What every handler gets: its input, the snapshot current when the interaction arrived, and the services. */
export interface Ctx<I extends InteractionInput = InteractionInput> {
  input: I;
  snap: Snapshot;
  lang: Lang;
  services: Services;
}

export const respond = (body: InteractionResponse): HandlerResult => ({ kind: 'respond', body });
