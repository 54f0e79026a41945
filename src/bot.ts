// npm start: connects NMI bot to Discord's gateway and answers interactions.
// Stops before connecting when the configuration or the knowledge is invalid;
// on SIGINT/SIGTERM stops taking interactions, finishes those in flight, exits.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, loadDotenv } from './config.js';
import { startBot } from './discord/gateway.js';
import { KnowledgeError, formatProblem } from './knowledge/problems.js';
import { createLogger } from './log.js';
import { KnowledgeStore } from './store.js';

export async function main(): Promise<void> {
  loadDotenv();
  let config;
  try {
    config = loadConfig(process.env, { requireAuth: true });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => {
    // State after an uncaught exception is unknown: log it and let the supervisor restart us.
    log.fatal({ err }, 'uncaught exception; exiting');
    log.flush?.();
    process.exit(1);
  });

  const dir = resolve(config.knowledgeDir);
  let store: KnowledgeStore;
  try {
    store = await KnowledgeStore.open(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) {
      process.stderr.write(`The knowledge in ${dir} cannot be served:\n${err.problems.map(formatProblem).join('\n')}\n`);
      process.exit(1);
    }
    throw err;
  }
  log.info({ dir, version: store.current.kb.version, entries: store.current.kb.entries.length }, 'knowledge loaded');

  const bot = await startBot({ config, store, log });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, inFlight: bot.runner.pending }, 'shutting down: finishing interactions in flight');
    bot
      .stop()
      .then(() => {
        log.info('stopped');
        log.flush?.();
        process.exit(0);
      })
      .catch((err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    process.stderr.write(`NMI bot failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
