// The one place that turns a handler's draft into what Discord receives: limits,
// truncation, the ephemeral flag and allowed_mentions. Every message, update,
// deferral, follow-up and autocomplete answer the bot sends is built here.
import { escapeMarkdown } from 'discord.js';
import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIEmbedField,
  APISelectMenuOption,
} from 'discord.js';
import { LIMITS, clampNonEmpty, truncate } from './limits.js';

/** MessageFlags.Ephemeral: only the person who used the command sees the reply. */
export const EPHEMERAL = 64;

export const NO_MENTIONS = Object.freeze({ parse: [] as never[] });

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** What a handler writes: no flags, no mentions policy, no limits yet. */
export interface Draft {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRow[];
}

/** A message body as sent: always within limits, never pings anyone. */
export interface MessageData {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRow[];
  flags?: number;
  allowed_mentions: { parse: never[] };
}

export interface Choice {
  name: string;
  value: string;
}

/** The JSON body of POST /interactions/{id}/{token}/callback. */
export type InteractionResponse =
  | { type: 4; data: MessageData } // CHANNEL_MESSAGE_WITH_SOURCE
  | { type: 5; data: { flags?: number } } // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
  | { type: 6 } // DEFERRED_UPDATE_MESSAGE
  | { type: 7; data: MessageData } // UPDATE_MESSAGE
  | { type: 8; data: { choices: Choice[] } }; // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT

// ---------------------------------------------------------------- escaping

/**
 * Text a user typed, made safe to show: markdown escaped and every mention
 * neutralised (a zero-width space after the @), so it can never ping even if
 * allowed_mentions were lost on the way.
 */
export function escapeUserText(text: string): string {
  return neutraliseMentions(escapeMarkdown(text));
}

export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<@/g, '<@\u200b');
}

// ---------------------------------------------------------------- embeds

function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((n, e) => n + embedLength(e), 0);
}

function clampEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title !== undefined) out.title = clampNonEmpty(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = clampNonEmpty(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: clampNonEmpty(out.footer.text, LIMITS.footerText) };
  if (out.author) out.author = { ...out.author, name: clampNonEmpty(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map(
      (f): APIEmbedField => ({
        ...f,
        name: clampNonEmpty(f.name, LIMITS.fieldName),
        value: clampNonEmpty(f.value, LIMITS.fieldValue),
      }),
    );
    if (out.fields.length === 0) delete out.fields;
  }
  return out;
}

/** Clamp every embed, then fit the 6000-character total: drop trailing fields, then shorten descriptions. */
export function clampEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, LIMITS.embedsPerMessage).map(clampEmbed);
  let over = embedsLength(out) - LIMITS.embedTotal;
  // Later embeds, and later fields in them, are the least important.
  for (let i = out.length - 1; i >= 0 && over > 0; i--) {
    const e = out[i]!;
    while (over > 0 && e.fields && e.fields.length > 0) {
      const f = e.fields.pop()!;
      over -= f.name.length + f.value.length;
    }
    if (e.fields?.length === 0) delete e.fields;
  }
  for (let i = out.length - 1; i >= 0 && over > 0; i--) {
    const e = out[i]!;
    if (e.description && e.description.length > 1) {
      const keep = Math.max(1, e.description.length - over);
      const cut = truncate(e.description, keep);
      over -= e.description.length - cut.length;
      e.description = cut;
    }
  }
  while (over > 0 && out.length > 1) over -= embedLength(out.pop()!);
  return out;
}

// ---------------------------------------------------------------- components

function validCustomId(id: string): boolean {
  return id.length >= 1 && id.length <= LIMITS.customId;
}

function clampOption(o: APISelectMenuOption): APISelectMenuOption | null {
  if (o.value.length < 1 || o.value.length > LIMITS.selectOptionValue) return null;
  const out: APISelectMenuOption = { ...o, label: clampNonEmpty(o.label, LIMITS.selectOptionLabel) };
  if (o.description !== undefined) out.description = clampNonEmpty(o.description, LIMITS.selectOptionDescription);
  return out;
}

function clampComponent(c: APIComponentInMessageActionRow): APIComponentInMessageActionRow | null {
  if ('custom_id' in c && !validCustomId(c.custom_id)) return null;
  if (c.type === 2) {
    if ('label' in c && c.label !== undefined) return { ...c, label: clampNonEmpty(c.label, LIMITS.buttonLabel) };
    return c;
  }
  if (c.type === 3) {
    const options = c.options.map(clampOption).filter((o): o is APISelectMenuOption => o !== null).slice(0, LIMITS.selectOptions);
    if (options.length === 0) return null;
    const out = { ...c, options };
    if (out.placeholder !== undefined) out.placeholder = truncate(out.placeholder, LIMITS.selectPlaceholder);
    if (out.max_values !== undefined) out.max_values = Math.min(out.max_values, options.length);
    return out;
  }
  return c;
}

export function clampComponents(rows: readonly ActionRow[]): ActionRow[] {
  const out: ActionRow[] = [];
  for (const row of rows) {
    const comps = row.components.map(clampComponent).filter((c): c is APIComponentInMessageActionRow => c !== null);
    // A select menu fills a row alone; buttons share one, five at most.
    const hasSelect = comps.some((c) => c.type !== 2);
    const kept = hasSelect ? comps.filter((c) => c.type !== 2).slice(0, 1) : comps.slice(0, LIMITS.buttonsPerRow);
    if (kept.length > 0) out.push({ ...row, components: kept });
    if (out.length === LIMITS.actionRows) break;
  }
  return out;
}

// ---------------------------------------------------------------- bodies

export function finalize(draft: Draft, opts: { ephemeral?: boolean; keepEmptyComponents?: boolean } = {}): MessageData {
  const data: MessageData = { allowed_mentions: { parse: [] } };
  if (draft.content !== undefined && draft.content.length > 0) data.content = truncate(draft.content, LIMITS.content);
  if (draft.embeds && draft.embeds.length > 0) data.embeds = clampEmbeds(draft.embeds);
  if (draft.components) {
    const rows = clampComponents(draft.components);
    if (rows.length > 0 || opts.keepEmptyComponents) data.components = rows;
  }
  if (opts.ephemeral) data.flags = EPHEMERAL;
  if (data.content === undefined && data.embeds === undefined) data.content = '…';
  return data;
}

/** A new message answering the interaction. */
export function reply(draft: Draft, opts: { ephemeral?: boolean } = {}): InteractionResponse {
  return { type: 4, data: finalize(draft, opts) };
}

/** Replace the message a component sits on (pages, menus). */
export function update(draft: Draft): InteractionResponse {
  return { type: 7, data: finalize(draft, { keepEmptyComponents: true }) };
}

/** "Thinking…" now, the message later through editOriginal(). */
export function defer(opts: { ephemeral?: boolean } = {}): InteractionResponse {
  return { type: 5, data: opts.ephemeral ? { flags: EPHEMERAL } : {} };
}

/** Body of PATCH /webhooks/{app}/{token}/messages/@original after a deferral (flags are fixed by the deferral). */
export function editOriginal(draft: Draft): MessageData {
  const { flags: _flags, ...rest } = finalize(draft);
  return rest;
}

/** Always private, short, with a reference the logs can be searched for. */
export function errorReply(text: string): InteractionResponse {
  return reply({ content: text }, { ephemeral: true });
}

export function autocomplete(choices: readonly Choice[]): InteractionResponse {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    if (c.value.length < 1 || c.value.length > LIMITS.choiceValue || seen.has(c.value)) continue;
    seen.add(c.value);
    out.push({ name: clampNonEmpty(c.name, LIMITS.choiceName), value: c.value });
    if (out.length === LIMITS.autocompleteChoices) break;
  }
  return { type: 8, data: { choices: out } };
}

export type { APIApplicationCommandOptionChoice };
