import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { loadFeedbackConfig, type FeedbackConfig } from '../../src/feedback/index.js';

const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nmi-feedback-'));
  dirs.push(d);
  return d;
}

/** A config for a database in a not-yet-existing subdirectory of a temp dir. */
export function tempConfig(env: Record<string, string> = {}): FeedbackConfig {
  return loadFeedbackConfig({ FEEDBACK_DB: path.join(tempDir(), 'data', 'nmi.sqlite'), ...env });
}

export const NOW = new Date('2025-06-15T12:00:00Z');
export const daysAgo = (n: number, from: Date = NOW) => new Date(from.getTime() - n * 86_400_000);

export function memoryLogger() {
  const warnings: { obj: object; msg?: string }[] = [];
  return { warnings, warn: (obj: object, msg?: string) => void warnings.push({ obj, msg }) };
}
