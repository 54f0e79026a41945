// Runs one interaction from raw data to the bytes Discord receives: routes it,
// sends the response, follows a deferral up, and turns any failure into a short
// private message with a reference id (logged with the interaction id, command
// and guild id — never the token). Tracks what is in flight for a clean stop.
import { randomBytes } from 'node:crypto';
import type { APIInteraction } from 'discord.js';
import { chooseLang, t } from './i18n.js';
import { fromApiInteraction } from './interaction-input.js';
import { autocomplete, defer, editOriginal, errorReply, finalize, type InteractionResponse, type MessageData } from './respond.js';
import { describeInput, route } from './router.js';
import type { InteractionInput, Services } from './types.js';

/** Moves bodies to Discord. The gateway bot implements it with discord.js's REST client. */
export interface Sender {
  /** POST /interactions/{id}/{token}/callback */
  callback(interactionId: string, token: string, body: InteractionResponse): Promise<void>;
  /** PATCH /webhooks/{applicationId}/{token}/messages/@original */
  editOriginal(applicationId: string, token: string, body: MessageData): Promise<void>;
}

export const newReference = (): string => randomBytes(4).toString('hex').toUpperCase();

export class InteractionRunner {
  private readonly inFlight = new Set<Promise<void>>();
  private draining = false;

  constructor(
    private readonly services: Services,
    private readonly sender: Sender,
  ) {}

  get pending(): number {
    return this.inFlight.size;
  }

  /** Handles one INTERACTION_CREATE; never rejects. */
  handle(raw: APIInteraction): Promise<void> {
    const p = this.run(raw).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
    return p;
  }

  /** Stop taking new interactions (they get a short "restarting" note). */
  stop(): void {
    this.draining = true;
  }

  /** Resolves when every interaction in flight has finished, or after `timeoutMs`. */
  async drain(timeoutMs = 10_000): Promise<void> {
    this.stop();
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    }
  }

  private async run(raw: APIInteraction): Promise<void> {
    const { log } = this.services;
    let input: InteractionInput | null = null;
    try {
      input = fromApiInteraction(raw);
    } catch (err) {
      log.error({ err, interactionId: raw.id, type: raw.type }, 'could not read interaction');
    }
    if (!input) {
      log.debug({ interactionId: raw.id, type: raw.type }, 'ignored interaction');
      return;
    }
    const lang = chooseLang(input.locale);
    const meta = { interactionId: input.id, command: describeInput(input), guildId: input.guildId };

    if (this.draining) {
      await this.send(meta, () =>
        this.sender.callback(raw.id, raw.token, input.kind === 'autocomplete' ? autocomplete([]) : errorReply(t(lang).shuttingDown)),
      );
      return;
    }

    let result;
    try {
      result = await route(input, this.services);
    } catch (err) {
      const ref = newReference();
      this.services.metrics.errors++;
      log.error({ err, ref, ...meta }, 'handler failed');
      await this.send(meta, () =>
        this.sender.callback(raw.id, raw.token, input.kind === 'autocomplete' ? autocomplete([]) : errorReply(t(lang).error(ref))),
      );
      return;
    }

    if (result.kind === 'respond') {
      await this.send(meta, () => this.sender.callback(raw.id, raw.token, result.body));
      log.debug({ ...meta, type: result.body.type }, 'answered interaction');
      return;
    }

    // Deferred: acknowledge within Discord's 3 s, then edit the original with the result.
    const sent = await this.send(meta, () => this.sender.callback(raw.id, raw.token, defer({ ephemeral: result.ephemeral })));
    if (!sent) return;
    let body: MessageData;
    try {
      body = editOriginal(await result.work());
    } catch (err) {
      const ref = newReference();
      this.services.metrics.errors++;
      log.error({ err, ref, ...meta }, 'deferred handler failed');
      const { flags: _f, ...rest } = finalize({ content: t(lang).error(ref) });
      body = rest;
    }
    await this.send(meta, () => this.sender.editOriginal(raw.application_id, raw.token, body));
  }

  private async send(meta: object, fn: () => Promise<void>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (err) {
      this.services.log.error({ err, ...meta }, 'sending the response to Discord failed');
      return false;
    }
  }
}
