// The one reload, from its three triggers: /nmi-admin reload (e2e.test.ts),
// SIGHUP, and the knowledge watcher (KNOWLEDGE_WATCH=true), debounced.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { watchKnowledge } from '../../src/discord/knowledge-watch.js';
import { installReloadOnSighup, reloadKnowledge } from '../../src/discord/reload.js';
import { createLogger } from '../../src/log.js';
import type { ReloadOutcome } from '../../src/store.js';
import { IDS } from './standin/server.js';
import { BASES_ENTRY_YAML, startHarness, type Harness, type LogLine } from './harness.js';
import { strict } from './strict.js';
import type { Services, StoreLike } from '../../src/discord/types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const EXTRA = BASES_ENTRY_YAML;

describe('watchKnowledge', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'nmi-watch-'));
    dirs.push(d);
    return d;
  };

  it('many rapid writes → exactly one call; a later change → one more; none after stop', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    let calls = 0;
    const stop = watchKnowledge(dir, () => calls++, { debounceMs: 150 });
    try {
      for (let i = 0; i < 30; i++) {
        writeFileSync(join(dir, `f${i % 5}.yaml`), `n: ${i}\n`);
        if (i % 10 === 0) await sleep(20);
      }
      await sleep(600);
      expect(calls).toBe(1);
      writeFileSync(join(dir, 'sub', 'nested.yaml'), 'x: 1\n');
      await sleep(600);
      expect(calls).toBe(2);
    } finally {
      stop();
    }
    writeFileSync(join(dir, 'f0.yaml'), 'after: stop\n');
    await sleep(400);
    expect(calls).toBe(2);
  });
});

describe('SIGHUP', () => {
  it('installs a handler that reloads as requested by "SIGHUP", and uninstalls it', async () => {
    const proc = new EventEmitter();
    const asked: string[] = [];
    const uninstall = installReloadOnSighup(proc, async (by) => void asked.push(by));
    expect(proc.listenerCount('SIGHUP')).toBe(1);
    proc.emit('SIGHUP');
    proc.emit('SIGHUP');
    await sleep(0);
    expect(asked).toEqual(['SIGHUP', 'SIGHUP']);
    uninstall();
    expect(proc.listenerCount('SIGHUP')).toBe(0);
  });

  it('a failing reload is logged, never thrown out of the signal handler', async () => {
    const proc = new EventEmitter();
    const errors: object[] = [];
    installReloadOnSighup(proc, () => Promise.reject(new Error('boom')), { error: (o) => void errors.push(o) });
    proc.emit('SIGHUP');
    await sleep(0);
    expect(errors).toHaveLength(1);
  });
});

describe('reloadKnowledge', () => {
  it('logs who asked, the outcome and both versions; re-registers only when shortcuts changed', async () => {
    const logs: LogLine[] = [];
    const log = createLogger('debug', { write: (s: string) => void logs.push(JSON.parse(s) as LogLine) });
    const diff = { added: [], changed: ['who-leads'], removed: [], shortcutsAdded: [], shortcutsRemoved: [] };
    const outcome = { ok: true, before: 'aaa', after: 'bbb', diff, warnings: [] } as unknown as ReloadOutcome;
    const store = strict<StoreLike>({ reload: async () => outcome }, 'store');
    const services = strict<Pick<Services, 'store' | 'log' | 'deployCommands'>>(
      { store, log, deployCommands: () => Promise.reject(new Error('must not re-register')) },
      'services',
    );
    const result = await reloadKnowledge(services, 'SIGHUP');
    expect(result).toEqual({ outcome });
    expect(logs.find((l) => l.msg === 'knowledge reloaded')).toMatchObject({ requestedBy: 'SIGHUP', before: 'aaa', after: 'bbb' });
  });
});

describe('the running bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { KNOWLEDGE_WATCH: 'true' }, watchDebounceMs: 200 });
  }, 20_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('with KNOWLEDGE_WATCH=true reloads once after a burst of file writes, and re-registers new shortcuts', async () => {
    expect(h.logs.some((l) => l.msg === 'watching the knowledge directory for changes')).toBe(true);
    const before = h.store.current.kb.version;
    const puts = h.standin.requests.filter((r) => r.method === 'PUT').length;
    for (let i = 0; i < 10; i++) writeFileSync(join(h.kbDir, 'extra.yaml'), EXTRA);
    const until = Date.now() + 5000;
    while (!h.logs.some((l) => l.msg === 'knowledge reloaded') && Date.now() < until) await sleep(50);
    await sleep(500);
    const reloads = h.logs.filter((l) => l.msg === 'knowledge reloaded');
    expect(reloads).toHaveLength(1);
    expect(reloads[0]).toMatchObject({ requestedBy: 'watch', before, after: h.store.current.kb.version, redeploy: { count: 3 } });
    expect(h.store.current.kb.byId.has('bases')).toBe(true);
    expect(h.standin.requests.filter((r) => r.method === 'PUT').length).toBe(puts + 1);
    expect(h.standin.problems).toEqual([]);
  });

  it('bot.reload("SIGHUP") is the same reload, logged as requested by SIGHUP', async () => {
    const { outcome } = await h.bot.reload('SIGHUP');
    expect(outcome.ok).toBe(true);
    expect(h.logs.filter((l) => l.msg === 'knowledge reloaded').at(-1)).toMatchObject({ requestedBy: 'SIGHUP' });
  });

  it('an admin reload logs the admin user id as who asked', async () => {
    const { slash } = await import('./standin/interactions.js');
    const interaction = slash('nmi-admin', 'reload', [], { permissions: '32', userId: IDS.admin });
    await h.standin.interact(interaction);
    await h.standin.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
    expect(h.logs.filter((l) => l.msg === 'knowledge reloaded').at(-1)).toMatchObject({ requestedBy: IDS.admin, interactionId: interaction.id });
  });
});
