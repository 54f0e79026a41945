// Discord's limits, in one place. Every payload the bot sends is clamped here
// (through respond.ts), so no handler needs to know a number.
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits
// https://discord.com/developers/docs/interactions/message-components

export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name over all embeds of a message. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  subcommands: 25,
  stringOptionMax: 6000,
} as const;

/** Discord's pattern for command and option names (they must also be lower case). */
export const COMMAND_NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const ELLIPSIS = '…';

/**
 * Cut `text` to at most `max` UTF-16 code units (Discord counts those), ending
 * with an ellipsis when cut, preferring a word boundary near the end and never
 * splitting a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  if (max === 1) return ELLIPSIS;
  let cut = max - ELLIPSIS.length;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  const space = head.search(/\s\S*$/);
  if (space > cut * 0.8) head = head.slice(0, space);
  return head.trimEnd() + ELLIPSIS;
}

/** Like truncate, but a value that must not be empty gets a placeholder. */
export function clampNonEmpty(text: string, max: number, fallback = '—'): string {
  const t = truncate(text.trim(), max);
  return t.length > 0 ? t : fallback;
}
