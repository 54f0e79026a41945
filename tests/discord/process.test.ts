// `npm start` as a real process: refuses bad configuration before connecting,
// logs when ready, answers, and exits cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyFixture } from './harness.js';
import { slash } from './standin/interactions.js';
import { DiscordStandin, IDS, TOKEN } from './standin/server.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', FEEDBACK_STORE: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const waitFor = async (pattern: RegExp, ms = 15_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(stdout)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, out: () => stdout, err: () => stderr };
}

describe('the bot process', () => {
  it('stops before connecting when the configuration is invalid, naming the variable', async () => {
    const standin = await DiscordStandin.start();
    try {
      const p = startProcess({ DISCORD_CLIENT_ID: IDS.app, DISCORD_API_URL: standin.apiBase, COOLDOWN_WINDOW_SECONDS: 'soon' });
      expect(await p.exited).toBe(1);
      expect(p.err()).toMatch(/DISCORD_TOKEN: is missing|COOLDOWN_WINDOW_SECONDS/);
      expect(p.err()).toContain('COOLDOWN_WINDOW_SECONDS');
      expect(standin.requests).toEqual([]);
    } finally {
      await standin.stop();
    }
  }, 20_000);

  it('logs when ready, answers, reloads on SIGHUP, and exits 0 on SIGTERM', async () => {
    const standin = await DiscordStandin.start();
    const kbDir = copyFixture();
    try {
      const p = startProcess({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: IDS.app, DISCORD_API_URL: standin.apiBase, KNOWLEDGE_DIR: kbDir, LOG_LEVEL: 'info' });
      await p.waitFor(/"msg":"NMI bot ready"/);
      expect(p.out()).toMatch(/"user":"NMI bot","guilds":\d+/);
      await standin.waitReady();
      const cb = await standin.interact(slash('nmi', 'who-leads', []));
      expect(cb.body.type).toBe(4);
      // SIGHUP reloads the knowledge (the same reload as /nmi-admin reload) and keeps running.
      p.child.kill('SIGHUP');
      await p.waitFor(/"requestedBy":"SIGHUP"[^\n]*"msg":"knowledge reloaded"/);
      const again = await standin.interact(slash('nmi', 'who-leads', []));
      expect(again.body.type).toBe(4);
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      expect(p.out()).toContain('"msg":"stopped"');
      expect(p.out()).not.toContain(TOKEN);
      expect(standin.problems).toEqual([]);
    } finally {
      await standin.stop();
      rmSync(kbDir, { recursive: true, force: true });
    }
  }, 30_000);
});
