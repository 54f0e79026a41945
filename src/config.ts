// The bot's settings, read from the environment (and .env through dotenv),
// checked by zod before anything connects. A bad or missing value stops the
// bot with a message naming the variable and the fix.
import dotenv from 'dotenv';
import { z } from 'zod';

export const DEFAULT_API_URL = 'https://discord.com/api';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const idList = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(snowflake));

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const positiveInt = (def: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int('must be a whole number').positive('must be greater than 0').default(def));

const EnvSchema = z.object({
  DISCORD_TOKEN: z.preprocess(emptyToUndefined, z.string().min(20, 'looks too short to be a bot token').optional()),
  DISCORD_CLIENT_ID: z.preprocess(emptyToUndefined, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(emptyToUndefined, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) address such as https://discord.com/api' })
      .refine((u) => !/\/v\d+\/?$/.test(u), 'must not end with the API version (/v10): the bot appends it')
      .transform((u) => u.replace(/\/+$/, ''))
      .default(DEFAULT_API_URL),
  ),
  ADMIN_ROLE_IDS: idList,
  ADMIN_USER_IDS: idList,
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default('./knowledge')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  COOLDOWN_MAX: positiveInt(5),
  COOLDOWN_WINDOW_SECONDS: positiveInt(20),
  FRESHNESS_MAX_AGE_DAYS: positiveInt(730),
  KNOWLEDGE_WATCH: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no']).default('false'),
  ),
});

export interface Config {
  token: string | undefined;
  clientId: string | undefined;
  guildId: string | undefined;
  /** REST base without the version, as discord.js's `rest.api` option takes it. */
  apiUrl: string;
  adminRoleIds: string[];
  adminUserIds: string[];
  knowledgeDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  cooldown: { max: number; windowMs: number };
  /** An answer whose facts are older than this many days says "this may have changed". */
  freshnessDays: number;
  /** Reload the knowledge when its files change (KNOWLEDGE_WATCH=true). */
  knowledgeWatch: boolean;
}

/** Settings the bot needs for connecting (start) and registering commands (deploy-commands). */
export type ConfigWithAuth = Config & { token: string; clientId: string };

const FIXES: Record<string, string> = {
  DISCORD_TOKEN:
    "set it in .env (copy .env.example) to your bot's token: Discord Developer Portal → your application → Bot → Reset Token",
  DISCORD_CLIENT_ID: "set it to your application's id: Developer Portal → your application → General Information → Application ID",
  DISCORD_GUILD_ID: 'set it to a server id (Developer Mode → right-click the server → Copy Server ID), or leave it empty to register commands globally',
  DISCORD_API_URL: 'leave it empty for Discord itself, or give a REST base such as http://127.0.0.1:8080/api (without /v10)',
  ADMIN_ROLE_IDS: 'give a comma-separated list of role ids, or leave it empty',
  ADMIN_USER_IDS: 'give a comma-separated list of user ids, or leave it empty',
  KNOWLEDGE_DIR: 'give the folder that holds the knowledge YAML files (default ./knowledge)',
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
  COOLDOWN_MAX: 'give a whole number of questions, e.g. 5',
  COOLDOWN_WINDOW_SECONDS: 'give a whole number of seconds, e.g. 20',
  FRESHNESS_MAX_AGE_DAYS: 'give a whole number of days, e.g. 730 (two years)',
  KNOWLEDGE_WATCH: 'use true or false (default false)',
};

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Configuration problem' +
        (problems.length > 1 ? 's' : '') +
        ':\n' +
        problems.map((p) => `  ${p.variable}: ${p.message} — ${FIXES[p.variable] ?? 'check .env.example'}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads .env into process.env (without overriding what is already set). Call once, from an entry point. */
export function loadDotenv(path?: string): void {
  dotenv.config({ quiet: true, ...(path ? { path } : {}) });
}

export function loadConfig(env: NodeJS.ProcessEnv, opts: { requireAuth: true }): ConfigWithAuth;
export function loadConfig(env: NodeJS.ProcessEnv, opts?: { requireAuth?: boolean }): Config;
export function loadConfig(env: NodeJS.ProcessEnv, opts: { requireAuth?: boolean } = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems: { variable: string; message: string }[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? '?');
      const value = env[variable];
      const shown = variable === 'DISCORD_TOKEN' || value === undefined ? '' : ` (got "${value}")`;
      problems.push({ variable, message: issue.message.replace(/^Invalid input: /, '') + shown });
    }
  }
  if (parsed.success && opts.requireAuth) {
    if (!parsed.data.DISCORD_TOKEN) problems.push({ variable: 'DISCORD_TOKEN', message: 'is missing' });
    if (!parsed.data.DISCORD_CLIENT_ID) problems.push({ variable: 'DISCORD_CLIENT_ID', message: 'is missing' });
  }
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  const d = parsed.data;
  return {
    token: d.DISCORD_TOKEN,
    clientId: d.DISCORD_CLIENT_ID,
    guildId: d.DISCORD_GUILD_ID,
    apiUrl: d.DISCORD_API_URL,
    adminRoleIds: d.ADMIN_ROLE_IDS,
    adminUserIds: d.ADMIN_USER_IDS,
    knowledgeDir: d.KNOWLEDGE_DIR,
    logLevel: d.LOG_LEVEL,
    cooldown: { max: d.COOLDOWN_MAX, windowMs: d.COOLDOWN_WINDOW_SECONDS * 1000 },
    freshnessDays: d.FRESHNESS_MAX_AGE_DAYS,
    knowledgeWatch: ['true', '1', 'on', 'yes'].includes(d.KNOWLEDGE_WATCH),
  };
}
