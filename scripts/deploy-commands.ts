// npm run deploy-commands [-- --dry-run]
// Registers NMI bot's commands: PUT applications/{id}/guilds/{guild}/commands when
// DISCORD_GUILD_ID is set (instant, one server), else applications/{id}/commands
// (global). Idempotent: the PUT replaces the whole set. --dry-run prints the JSON
// array and sends nothing (no token needed).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { buildCommands } from '../commands/index.js';
import { ConfigError, loadConfig, loadDotenv } from '../src/config.js';
import { commandsRoute, deployCommands } from '../src/discord/deploy.js';
import { openStoreOrReport } from '../src/store.js';

export async function run(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: false });
  const dryRun = values['dry-run'];
  let config;
  try {
    config = dryRun ? loadConfig(env) : loadConfig(env, { requireAuth: true });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const dir = resolve(config.knowledgeDir);
  // Only the command list is needed: no answering, so no warm-up.
  const store = await openStoreOrReport(dir, { warm: false });
  if (!store) return 1;
  const body = buildCommands(store.current);
  if (dryRun) {
    out(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const auth = config as typeof config & { token: string; clientId: string };
  const rest = new REST({ api: auth.apiUrl }).setToken(auth.token);
  const target = { clientId: auth.clientId, guildId: auth.guildId };
  const names = await deployCommands(rest, target, body);
  out(
    `Registered ${names.length} commands ${target.guildId ? `in server ${target.guildId}` : 'globally (may take up to an hour to appear)'} via PUT ${commandsRoute(target)}:\n` +
      body
        .map((c) => {
          const subs = 'options' in c && c.options ? c.options.filter((o) => o.type === 1).map((o) => o.name) : [];
          return `  ${c.type === 3 ? `[message menu] ${c.name}` : `/${c.name}`}${subs.length ? ` (${subs.join(', ')})` : ''}`;
        })
        .join('\n') +
      '\n',
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  loadDotenv();
  run(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`deploy-commands failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
