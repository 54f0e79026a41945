// Checks every body the bot sends against Discord's published API description
// (the zod schemas of the `discord-api-spec` package) plus the rules that
// description lacks. Strict: a key the schema does not know is a problem too.
import { isDeepStrictEqual } from 'node:util';
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandUpdateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from 'discord-api-spec/zod';

export const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface SafeParser {
  safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** Integers Discord accepts as digit strings (discord.js and discord-api-types send these as strings). */
const STRING_INTEGER_KEYS = new Set(['default_member_permissions']);

function coerceDigitStrings(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(coerceDigitStrings);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, STRING_INTEGER_KEYS.has(k) && typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : coerceDigitStrings(x)]),
    );
  }
  return v;
}

/** Paths of keys present in `input` but dropped by the (non-strict) schema. */
function unknownKeys(input: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(input) && Array.isArray(parsed)) return input.flatMap((x, i) => unknownKeys(x, parsed[i], `${path}[${i}]`));
  if (input && typeof input === 'object' && parsed && typeof parsed === 'object' && !Array.isArray(input)) {
    const out: string[] = [];
    for (const [k, v] of Object.entries(input)) {
      if (!(k in parsed)) out.push(`${path}.${k}`);
      else out.push(...unknownKeys(v, (parsed as Record<string, unknown>)[k], `${path}.${k}`));
    }
    return out;
  }
  return [];
}

function check(schema: SafeParser, body: unknown, what: string): string[] {
  const input = coerceDigitStrings(body);
  const r = schema.safeParse(input);
  if (!r.success) return r.error.issues.map((i) => `${what}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  const extra = unknownKeys(input, r.data);
  const problems = extra.map((p) => `${what}: unknown key ${p}`);
  if (!extra.length && !isDeepStrictEqual(JSON.parse(JSON.stringify(r.data)), JSON.parse(JSON.stringify(input)))) {
    problems.push(`${what}: schema changed the body (coercion or default applied)`);
  }
  return problems;
}

// ------------------------------------------------------------ extra rules

interface EmbedLike {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}

function messageRules(data: Record<string, unknown>, what: string): string[] {
  const problems: string[] = [];
  const am = data['allowed_mentions'] as { parse?: unknown[]; users?: unknown; roles?: unknown } | undefined;
  if (!am) problems.push(`${what}: allowed_mentions missing`);
  else {
    if (!Array.isArray(am.parse) || am.parse.length !== 0) problems.push(`${what}: allowed_mentions.parse must be []`);
    if (am.parse && (am.users !== undefined || am.roles !== undefined)) problems.push(`${what}: allowed_mentions.parse combined with users/roles`);
  }
  const embeds = (data['embeds'] as EmbedLike[] | undefined) ?? [];
  let total = 0;
  for (const e of embeds) {
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) {
      total += f.name.length + f.value.length;
      if (f.name.length > 256) problems.push(`${what}: field name over 256`);
      if (f.value.length > 1024) problems.push(`${what}: field value over 1024`);
      if (!f.name.trim() || !f.value.trim()) problems.push(`${what}: empty field name or value`);
    }
    if ((e.fields?.length ?? 0) > 25) problems.push(`${what}: more than 25 fields`);
  }
  if (total > 6000) problems.push(`${what}: embeds total ${total} characters (limit 6000)`);
  const rows = (data['components'] as { components: { type: number; custom_id?: string; label?: string; options?: { label: string; value: string }[] }[] }[] | undefined) ?? [];
  if (rows.length > 5) problems.push(`${what}: more than 5 action rows`);
  for (const row of rows) {
    for (const c of row.components) {
      if (c.custom_id !== undefined && (c.custom_id.length < 1 || c.custom_id.length > 100)) problems.push(`${what}: custom_id length ${c.custom_id.length}`);
      if (c.type === 2 && c.label !== undefined && c.label.length > 80) problems.push(`${what}: button label over 80`);
      if (c.options && c.options.length > 25) problems.push(`${what}: more than 25 select options`);
    }
  }
  return problems;
}

export function validateInteractionCallback(body: unknown): string[] {
  const what = 'interaction callback';
  if (!body || typeof body !== 'object') return [`${what}: body is not an object`];
  const type = (body as { type?: unknown }).type;
  const data = (body as { data?: Record<string, unknown> }).data;
  switch (type) {
    case 4:
    case 5: {
      const problems = check(CreateMessageInteractionCallbackRequestSchema, body, `${what} (type ${type})`);
      if (type === 4) problems.push(...(data ? messageRules(data, `${what} (type 4)`) : [`${what}: type 4 without data`]));
      return problems;
    }
    case 6:
    case 7: {
      const problems = check(UpdateMessageInteractionCallbackRequestSchema, body, `${what} (type ${type})`);
      if (type === 7) problems.push(...(data ? messageRules(data, `${what} (type 7)`) : [`${what}: type 7 without data`]));
      return problems;
    }
    case 8: {
      const problems = check(ApplicationCommandAutocompleteCallbackRequestSchema, body, `${what} (type 8)`);
      const choices = (data?.['choices'] as { name: string; value: unknown }[] | undefined) ?? [];
      if (choices.length > 25) problems.push(`${what}: more than 25 choices`);
      for (const c of choices) {
        if (c.name.length < 1 || c.name.length > 100) problems.push(`${what}: choice name length ${c.name.length}`);
        if (typeof c.value === 'string' && (c.value.length < 1 || c.value.length > 100)) problems.push(`${what}: choice value length ${c.value.length}`);
      }
      return problems;
    }
    default:
      return [`${what}: unexpected type ${String(type)}`];
  }
}

export function validateWebhookEdit(body: unknown): string[] {
  const what = 'webhook message edit';
  const problems = check(IncomingWebhookUpdateRequestPartialSchema, body, what);
  if (body && typeof body === 'object') problems.push(...messageRules(body as Record<string, unknown>, what));
  return problems;
}

export function validateWebhookPost(body: unknown): string[] {
  const what = 'webhook follow-up';
  const problems = check(IncomingWebhookRequestPartialSchema, body, what);
  if (body && typeof body === 'object') problems.push(...messageRules(body as Record<string, unknown>, what));
  return problems;
}

interface OptionLike {
  type: number;
  name: string;
  name_localizations?: Record<string, string> | null;
  description?: string;
  description_localizations?: Record<string, string> | null;
  options?: OptionLike[];
  choices?: { name: string; value: unknown; name_localizations?: Record<string, string> }[];
}

function nameRules(o: OptionLike, where: string, chatInput: boolean): string[] {
  const problems: string[] = [];
  const names = [o.name, ...Object.values(o.name_localizations ?? {})];
  for (const n of names) {
    if (chatInput) {
      if (!NAME_PATTERN.test(n)) problems.push(`${where}: name "${n}" does not match the command-name pattern`);
      if (n !== n.toLowerCase()) problems.push(`${where}: name "${n}" is not lower case`);
    } else if (n.length < 1 || n.length > 32) problems.push(`${where}: name "${n}" must be 1–32 characters`);
  }
  if (chatInput) {
    const descriptions = [o.description ?? '', ...Object.values(o.description_localizations ?? {})];
    for (const d of descriptions) if (d.length < 1 || d.length > 100) problems.push(`${where}: description "${d}" must be 1–100 characters`);
  }
  for (const c of o.choices ?? []) {
    if (c.name.length < 1 || c.name.length > 100) problems.push(`${where}: choice name "${c.name}" must be 1–100 characters`);
    if (typeof c.value === 'string' && c.value.length > 100) problems.push(`${where}: choice value over 100 characters`);
  }
  if ((o.options?.length ?? 0) > 25) problems.push(`${where}: more than 25 options`);
  const seen = new Set<string>();
  for (const sub of o.options ?? []) {
    if (seen.has(sub.name)) problems.push(`${where}: duplicate option ${sub.name}`);
    seen.add(sub.name);
    problems.push(...nameRules(sub, `${where} ${sub.name}`, true));
  }
  // Required options must come before optional ones.
  const opts = (o.options ?? []).filter((x) => x.type !== 1 && x.type !== 2) as (OptionLike & { required?: boolean })[];
  const firstOptional = opts.findIndex((x) => !x.required);
  if (firstOptional >= 0 && opts.slice(firstOptional).some((x) => x.required)) problems.push(`${where}: a required option follows an optional one`);
  return problems;
}

export function validateCommandsPut(body: unknown): string[] {
  const what = 'PUT commands';
  if (!Array.isArray(body)) return [`${what}: body is not an array`];
  const problems: string[] = [];
  if (body.length > 130) problems.push(`${what}: more than 130 commands`);
  const seen = new Set<string>();
  body.forEach((cmd: OptionLike & { type?: number }, i) => {
    problems.push(...check(ApplicationCommandUpdateRequestSchema, cmd, `${what}[${i}]`));
    const chatInput = (cmd.type ?? 1) === 1;
    const key = `${cmd.type ?? 1}:${cmd.name}`;
    if (seen.has(key)) problems.push(`${what}: duplicate command ${cmd.name}`);
    seen.add(key);
    problems.push(...nameRules(cmd, `${what} ${cmd.name}`, chatInput));
    if (!chatInput && cmd.description) problems.push(`${what} ${cmd.name}: context menu commands take no description`);
  });
  return problems;
}
