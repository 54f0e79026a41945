// The gateway transport: a real discord.js Client that receives INTERACTION_CREATE
// and hands the raw data to the runner; responses go out through its REST client
// exactly as the handlers built them.
import { Client, GatewayIntentBits, Routes, type APIInteraction } from 'discord.js';
import { buildCommands } from '../../commands/index.js';
import type { ConfigWithAuth } from '../config.js';
import { createNoopStore, schedulePrune, type FeedbackStore } from '../feedback/index.js';
import type { Logger } from '../log.js';
import { watchKnowledge } from './knowledge-watch.js';
import { reloadKnowledge, type ReloadResult } from './reload.js';
import { adminPolicyFrom } from './services.js';
import { Cooldown } from './cooldown.js';
import { deployCommands } from './deploy.js';
import { Metrics } from './metrics.js';
import { InteractionRunner, type Sender } from './runner.js';
import type { Services, StoreLike } from './types.js';

export interface BotOptions {
  config: ConfigWithAuth;
  store: StoreLike;
  log: Logger;
  /** The feedback store (opened by the caller); closed by stop(). Default: a no-op store. */
  feedback?: FeedbackStore;
  /** Directory to watch when config.knowledgeWatch is on (default config.knowledgeDir). */
  watchDir?: string;
  /** Debounce for the knowledge watcher (default 500 ms). */
  watchDebounceMs?: number;
  now?: () => Date;
}

export interface RunningBot {
  client: Client;
  runner: InteractionRunner;
  services: Services;
  /** The same reload as /nmi-admin reload; `requestedBy` is logged ("SIGHUP", "watch", a user id). */
  reload(requestedBy: string): Promise<ReloadResult>;
  /** Stop taking interactions, finish those in flight, disconnect. */
  stop(timeoutMs?: number): Promise<void>;
}

export function restSender(client: Client): Sender {
  return {
    async callback(id, token, body) {
      await client.rest.post(Routes.interactionCallback(id, token), { body, auth: false });
    },
    async editOriginal(applicationId, token, body) {
      await client.rest.patch(Routes.webhookMessage(applicationId, token, '@original'), { body, auth: false });
    },
  };
}

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config, store, log } = opts;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.apiUrl } });
  const target = { clientId: config.clientId, guildId: config.guildId };
  const services: Services = {
    store,
    admin: adminPolicyFrom(config),
    metrics: new Metrics(opts.now?.() ?? new Date()),
    cooldown: new Cooldown(config.cooldown.max, config.cooldown.windowMs),
    log,
    feedback: opts.feedback ?? createNoopStore(),
    freshnessDays: config.freshnessDays,
    deployCommands: async (snap) => (await deployCommands(client.rest, target, buildCommands(snap))).length,
    now: opts.now ?? (() => new Date()),
  };
  const runner = new InteractionRunner(services, restSender(client));

  client.ws.on('INTERACTION_CREATE' as never, (data: APIInteraction) => {
    void runner.handle(data);
  });
  client.once('clientReady', (c) => {
    log.info({ user: c.user.tag, guilds: c.guilds.cache.size, knowledge: store.current.kb.version }, 'NMI bot ready');
  });
  client.on('guildCreate', (g) => log.info({ guildId: g.id, guilds: client.guilds.cache.size }, 'joined guild'));
  client.on('error', (err) => log.error({ err }, 'discord client error'));
  client.on('shardError', (err, shardId) => log.error({ err, shardId }, 'gateway error'));

  const reload = (requestedBy: string) => reloadKnowledge(services, requestedBy);
  const pruning = services.feedback.enabled ? schedulePrune(services.feedback, { logger: log }) : null;
  let stopWatching: (() => void) | null = null;
  if (config.knowledgeWatch) {
    const dir = opts.watchDir ?? config.knowledgeDir;
    stopWatching = watchKnowledge(
      dir,
      () => {
        reload('watch').catch((err: unknown) => log.error({ err }, 'reload after a knowledge change failed'));
      },
      { debounceMs: opts.watchDebounceMs ?? 500, onError: (err) => log.warn({ err, dir }, 'knowledge watcher error') },
    );
    log.info({ dir }, 'watching the knowledge directory for changes');
  }

  try {
    await client.login(config.token);
  } catch (err) {
    stopWatching?.();
    pruning?.stop();
    throw err;
  }

  return {
    client,
    runner,
    services,
    reload,
    async stop(timeoutMs = 10_000) {
      stopWatching?.();
      runner.stop();
      await runner.drain(timeoutMs);
      await client.destroy();
      pruning?.stop();
      try {
        services.feedback.close();
      } catch (err) {
        log.warn({ err }, 'closing the feedback store failed');
      }
    },
  };
}
