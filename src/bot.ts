// npm start: connects NMI bot to Discord's gateway and answers interactions.
// Stops before connecting when the configuration or the knowledge is invalid;
// on SIGINT/SIGTERM stops taking interactions, finishes those in flight, exits;
// on SIGHUP (and, with KNOWLEDGE_WATCH=true, on file changes) reloads the knowledge.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, loadDotenv } from './config.js';
import { startBot } from './discord/gateway.js';
import { installReloadOnSighup } from './discord/reload.js';
import { createNoopStore, loadFeedbackConfig, openFeedbackStore, type FeedbackStore } from './feedback/index.js';
import { createLogger, type Logger } from './log.js';
import { openStoreOrReport } from './store.js';

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
  const store = await openStoreOrReport(dir);
  if (!store) process.exit(1);
  log.info({ dir, version: store.current.kb.version, entries: store.current.kb.entries.length }, 'knowledge loaded');

  const feedback = openFeedback(process.env, log);
  const bot = await startBot({ config, store, log, feedback, watchDir: dir });
  installReloadOnSighup(process, bot.reload, log);
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

/** The feedback store from FEEDBACK_* settings; on any problem a warning and a no-op store (the bot still answers). */
export function openFeedback(env: NodeJS.ProcessEnv, log: Logger): FeedbackStore {
  try {
    const store = openFeedbackStore(loadFeedbackConfig(env), { logger: log });
    log.info({ enabled: store.enabled }, store.enabled ? 'feedback store open' : 'feedback recording is off');
    return store;
  } catch (err) {
    log.warn({ err }, 'could not open the feedback store; questions and votes will not be recorded');
    return createNoopStore();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    process.stderr.write(`NMI bot failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
