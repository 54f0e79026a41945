// Starts the stand-in, copies the fixture knowledge to a temp dir, and starts
// the real bot (discord.js Client) against it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type ConfigWithAuth } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/gateway.js';
import type { StoreLike } from '../../src/discord/types.js';
import type { FeedbackStore } from '../../src/feedback/index.js';
import { createLogger } from '../../src/log.js';
import { KnowledgeStore } from '../../src/store.js';
import { DiscordStandin, IDS, TOKEN } from './standin/server.js';

export const FIXTURE_KB = resolve(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/kb');

export interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

export function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nmi-kb-'));
  cpSync(FIXTURE_KB, dir, { recursive: true });
  return dir;
}

export function testConfig(standin: DiscordStandin, kbDir: string, env: Record<string, string> = {}): ConfigWithAuth {
  return loadConfig(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: IDS.app,
      DISCORD_GUILD_ID: IDS.guild,
      DISCORD_API_URL: standin.apiBase,
      KNOWLEDGE_DIR: kbDir,
      LOG_LEVEL: 'debug',
      ...env,
    },
    { requireAuth: true },
  );
}

export interface Harness {
  standin: DiscordStandin;
  bot: RunningBot;
  store: KnowledgeStore;
  kbDir: string;
  logs: LogLine[];
  stop(): Promise<void>;
}

export async function startHarness(
  opts: {
    env?: Record<string, string>;
    wrapStore?: (s: KnowledgeStore) => StoreLike;
    now?: () => Date;
    /** The feedback store the bot records into (default: a no-op store, no file). */
    feedback?: FeedbackStore;
    watchDebounceMs?: number;
  } = {},
): Promise<Harness> {
  const standin = await DiscordStandin.start();
  const kbDir = copyFixture();
  const config = testConfig(standin, kbDir, opts.env);
  const logs: LogLine[] = [];
  const log = createLogger('debug', { write: (s: string) => void logs.push(JSON.parse(s) as LogLine) });
  const store = await KnowledgeStore.open(kbDir);
  const bot = await startBot({
    config,
    store: opts.wrapStore ? opts.wrapStore(store) : store,
    log,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.feedback ? { feedback: opts.feedback } : {}),
    ...(opts.watchDebounceMs ? { watchDebounceMs: opts.watchDebounceMs } : {}),
  });
  await standin.waitReady();
  return {
    standin,
    bot,
    store,
    kbDir,
    logs,
    async stop() {
      await bot.stop(2000);
      await standin.stop();
      rmSync(kbDir, { recursive: true, force: true });
    },
  };
}

/** A knowledge file adding an entry with a new shortcut (`bases`), for reload tests. */
export const BASES_ENTRY_YAML = `entries:
  - id: bases
    shortcut: bases
    questions:
      en: ["Which bases host NMI?", "NMI bases", "bases of the mission", "where are the nmi bases", "Base list of NATO Mission Iraq", "Which camps does NMI use?"]
      da: ["Hvilke baser huser NMI?", "NMI baser", "missionens baser", "hvor er nmi baserne", "Baseliste for missionen", "Hvilke lejre bruger NMI?"]
    answer:
      en: "Test answer about bases."
      da: "Testsvar om baser."
    sources: [{ id: article }]
    asOf: "2020-03-04"
`;
