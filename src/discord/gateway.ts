// The gateway transport: a real discord.js Client that receives INTERACTION_CREATE
// and hands the raw data to the runner; responses go out through its REST client
// exactly as the handlers built them.
import { Client, GatewayIntentBits, Routes, type APIInteraction } from 'discord.js';
import { buildCommands } from '../../commands/index.js';
import type { ConfigWithAuth } from '../config.js';
import type { Logger } from '../log.js';
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
  now?: () => Date;
}

export interface RunningBot {
  client: Client;
  runner: InteractionRunner;
  services: Services;
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

  await client.login(config.token);

  return {
    client,
    runner,
    services,
    async stop(timeoutMs = 10_000) {
      runner.stop();
      await runner.drain(timeoutMs);
      await client.destroy();
    },
  };
}
