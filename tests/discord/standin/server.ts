// A local stand-in of Discord for end-to-end tests: an HTTP REST server and a
// WebSocket gateway on 127.0.0.1 (random port). The real discord.js Client logs
// in to it. Every body the bot sends is validated (validate.ts); anything the
// stand-in does not serve is recorded as a problem, so a test fails on it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import { validateCommandsPut, validateInteractionCallback, validateWebhookEdit, validateWebhookPost } from './validate.js';

export const IDS = {
  app: '1100000000000000001',
  guild: '1200000000000000001',
  channel: '1300000000000000001',
  admin: '1400000000000000001',
  user: '1400000000000000002',
  adminRole: '1500000000000000001',
  message: '1600000000000000001',
} as const;

export const TOKEN = 'standin-bot-token.0123456789.abcdefghijklmnop';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  problems: string[];
  at: number;
}

export interface CallbackRecord {
  interactionId: string;
  body: { type: number; data?: Record<string, unknown> };
  /** ms from sending INTERACTION_CREATE to receiving the callback. */
  latencyMs: number;
}

interface Pending {
  sentAt: number;
  resolve: (r: CallbackRecord) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface Waiter {
  match: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
}

const BOT_USER = { id: IDS.app, username: 'NMI bot', discriminator: '0000', global_name: null, avatar: null, bot: true, flags: 0 };

export class DiscordStandin {
  readonly requests: RecordedRequest[] = [];
  /** Validation failures and unexpected requests; a passing test leaves this empty. */
  readonly problems: string[] = [];
  readonly commands = new Map<string, unknown[]>();
  readonly gatewayLog: { op: number; t?: string | null }[] = [];
  identified = false;

  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly waiters: Waiter[] = [];
  private readyWaiters: (() => void)[] = [];
  private nextId = 1n;
  private messageSeq = 1n;
  private readonly tokens = new Set<string>();

  private constructor(readonly token: string) {
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req));
  }

  static async start(token = TOKEN): Promise<DiscordStandin> {
    const s = new DiscordStandin(token);
    await new Promise<void>((resolve) => s.http.listen(0, '127.0.0.1', resolve));
    return s;
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL / rest.api gets: discord.js appends /v10. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Resolves once a client has IDENTIFYed and received READY + GUILD_CREATE. */
  waitReady(): Promise<void> {
    if (this.identified) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  newSnowflake(): string {
    return (1700000000000000000n + this.nextId++).toString();
  }

  // ------------------------------------------------------------------ gateway

  private send(ws: WebSocket, payload: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  private dispatch(ws: WebSocket, t: string, d: unknown): void {
    this.send(ws, { op: 0, t, s: ++this.seq, d });
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.searchParams.get('v') !== '10' || url.searchParams.get('encoding') !== 'json' || url.searchParams.has('compress')) {
      this.problems.push(`gateway: unexpected connection parameters ${req.url}`);
    }
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    this.send(ws, { op: 10, d: { heartbeat_interval: 41_250 } });
    ws.on('message', (raw) => {
      let msg: { op: number; d: unknown };
      try {
        msg = JSON.parse(String(raw));
      } catch {
        this.problems.push('gateway: non-JSON frame');
        return;
      }
      this.gatewayLog.push({ op: msg.op });
      switch (msg.op) {
        case 1:
          this.send(ws, { op: 11, d: null });
          break;
        case 2: {
          const d = msg.d as { token?: string; intents?: number; properties?: unknown };
          if (d.token !== this.token) {
            ws.close(4004, 'Authentication failed.');
            return;
          }
          if (typeof d.intents !== 'number') this.problems.push('gateway: IDENTIFY without intents');
          this.dispatch(ws, 'READY', {
            v: 10,
            user: BOT_USER,
            guilds: [],
            session_id: 'standin-session',
            resume_gateway_url: `ws://127.0.0.1:${this.port}`,
            application: { id: IDS.app, flags: 0 },
            shard: [0, 1],
          });
          this.dispatch(ws, 'GUILD_CREATE', guildPayload());
          this.identified = true;
          for (const r of this.readyWaiters.splice(0)) r();
          break;
        }
        case 3: // presence update
          break;
        default:
          this.problems.push(`gateway: unexpected op ${msg.op}`);
      }
    });
  }

  /**
   * Sends INTERACTION_CREATE and resolves with the bot's callback (POST
   * /interactions/{id}/{token}/callback) and how long it took to arrive.
   */
  interact(interaction: { id: string; token: string }, timeoutMs = 5000): Promise<CallbackRecord> {
    const ws = [...this.sockets][0];
    if (!ws) return Promise.reject(new Error('no gateway connection'));
    this.tokens.add(interaction.token);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(interaction.id);
        reject(new Error(`no callback for interaction ${interaction.id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(interaction.id, { sentAt: performance.now(), resolve, reject, timer });
      this.dispatch(ws, 'INTERACTION_CREATE', interaction);
    });
  }

  /** Resolves with the next request (already received or future) that matches. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const done = this.requests.find(match);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a request')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  // ------------------------------------------------------------------ REST

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    const problems: string[] = [];
    if (text) {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) problems.push(`${req.method} ${url.pathname}: content-type ${req.headers['content-type']}`);
      try {
        body = JSON.parse(text);
      } catch {
        problems.push(`${req.method} ${url.pathname}: body is not JSON`);
      }
    }
    const record: RecordedRequest = { method: req.method ?? '?', path: decodeURIComponent(url.pathname), query: url.search, headers: req.headers, body, problems, at: performance.now() };
    this.requests.push(record);

    const reply = (status: number, json?: unknown) => {
      if (json === undefined) {
        res.writeHead(status).end();
      } else {
        const out = JSON.stringify(json);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) }).end(out);
      }
    };
    const authed = req.headers.authorization === `Bot ${this.token}`;
    const fail = (status: number, message: string) => {
      problems.push(`${req.method} ${url.pathname}: ${message}`);
      reply(status, { message, code: 0 });
    };

    // Discord decodes the path: discord.js sends @original as %40original.
    const p = record.path;
    let m: RegExpExecArray | null;
    try {
      if (req.method === 'GET' && p === '/api/v10/gateway/bot') {
        if (!authed) return fail(401, '401: Unauthorized');
        return reply(200, {
          url: `ws://127.0.0.1:${this.port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        });
      }
      if (req.method === 'GET' && p === '/api/v10/users/@me') {
        if (!authed) return fail(401, '401: Unauthorized');
        return reply(200, BOT_USER);
      }
      if (req.method === 'PUT' && (m = /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(p))) {
        if (!authed) return fail(401, '401: Unauthorized');
        if (m[1] !== IDS.app) return fail(403, 'wrong application id');
        problems.push(...validateCommandsPut(body));
        if (problems.length) return reply(400, { message: 'Invalid Form Body', errors: problems });
        const stored = (body as Record<string, unknown>[]).map((c) => ({ id: this.newSnowflake(), application_id: IDS.app, version: '1', ...c, ...(m![2] ? { guild_id: m![2] } : {}) }));
        this.commands.set(m[2] ?? 'global', stored);
        return reply(200, stored);
      }
      if (req.method === 'POST' && (m = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(p))) {
        if (req.headers.authorization) problems.push('interaction callback sent with an Authorization header');
        if (!this.tokens.has(m[2]!)) return fail(401, 'Invalid interaction token');
        problems.push(...validateInteractionCallback(body));
        const pending = this.pending.get(m[1]!);
        if (!pending) return fail(400, 'Interaction has already been acknowledged.');
        this.pending.delete(m[1]!);
        clearTimeout(pending.timer);
        reply(problems.length ? 400 : 204, problems.length ? { message: 'Invalid Form Body', errors: problems } : undefined);
        pending.resolve({ interactionId: m[1]!, body: body as CallbackRecord['body'], latencyMs: performance.now() - pending.sentAt });
        return;
      }
      if (req.method === 'PATCH' && (m = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(p))) {
        if (m[1] !== IDS.app) return fail(404, 'Unknown Webhook');
        if (!this.tokens.has(m[2]!)) return fail(401, 'Invalid Webhook Token');
        problems.push(...validateWebhookEdit(body));
        if (problems.length) return reply(400, { message: 'Invalid Form Body', errors: problems });
        return reply(200, this.message(body));
      }
      if (req.method === 'POST' && (m = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)$/.exec(p))) {
        if (m[1] !== IDS.app) return fail(404, 'Unknown Webhook');
        if (!this.tokens.has(m[2]!)) return fail(401, 'Invalid Webhook Token');
        problems.push(...validateWebhookPost(body));
        if (problems.length) return reply(400, { message: 'Invalid Form Body', errors: problems });
        return reply(200, this.message(body));
      }
      return fail(404, `the stand-in does not serve ${req.method} ${p}`);
    } finally {
      this.problems.push(...problems);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i]!;
        if (w.match(record)) {
          this.waiters.splice(i, 1);
          w.resolve(record);
        }
      }
    }
  }

  private message(body: unknown): Record<string, unknown> {
    return discordMessage({
      id: (1800000000000000000n + this.messageSeq++).toString(),
      author: BOT_USER,
      timestamp: new Date().toISOString(),
      type: 20,
      ...(body as Record<string, unknown>),
    });
  }
}

export function guildPayload(): Record<string, unknown> {
  return {
    id: IDS.guild,
    name: 'NMI test server',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: IDS.admin,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      { id: IDS.guild, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '1024', managed: false, mentionable: false, flags: 0 },
      { id: IDS.adminRole, name: 'Knowledge editors', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 1, permissions: '1024', managed: false, mentionable: false, flags: 0 },
    ],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    stickers: [],
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [],
    channels: [{ id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 }],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/** A message object as Discord returns it, with the fields a test cares about set. */
export function discordMessage(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    channel_id: IDS.channel,
    content: '',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
    components: [],
    ...fields,
  };
}
