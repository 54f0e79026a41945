import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openFeedbackStore } from '../../src/feedback/index.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { tempConfig, tempDir } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(script: 'gaps' | 'feedback', args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FEEDBACK_DB: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function seededDb(): string {
  const cfg = tempConfig();
  const store = openFeedbackStore(cfg);
  // Explicit times: the group's wording is its most asked, the latest on a tie.
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  const q = { lang: 'en' as const, bestId: 'nmi-commander', confidence: 0.4, guildId: '1' };
  store.recordUnanswered({ ...q, text: 'who leads nmi now', at: at(1) });
  store.recordUnanswered({ ...q, text: 'Who leads NMI now?', at: at(5) });
  store.recordUnanswered({ ...q, text: 'who leads the nmi now', at: at(3) });
  store.recordUnanswered({ ...q, text: 'how is nmi funded', bestId: null, at: at(2) });
  store.recordVote({ userId: 'u1', entryId: 'nmi-mandate', version: 'v1', vote: 'down' });
  store.recordVote({ userId: 'u2', entryId: 'nmi-mandate', version: 'v1', vote: 'up' });
  store.close();
  return cfg.dbPath;
}

describe('npm run gaps / feedback', { timeout: 60_000 }, () => {
  it('prints the grouped gaps as text, and as JSON with --json', () => {
    const db = seededDb();
    const text = run('gaps', ['--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Unanswered questions, last 30 days: 4 asked, 2 groups');
    expect(text.stdout).toMatch(/1\. "who leads nmi now" — 3× \(en\) · last \S+ · nearest: nmi-commander \(0\.40\)/);
    expect(text.stdout).toContain('also: "who leads the nmi now"');
    expect(text.stdout).toContain('2. "how is nmi funded" — 1×');

    const json = run('gaps', ['--days', '7', '--json', '--db', db]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { days: number; groups: { question: string; count: number }[] };
    expect(parsed.days).toBe(7);
    expect(parsed.groups.map((g) => g.count)).toEqual([3, 1]);
  });

  it('prints the gaps as examples to label, which load as knowledge', () => {
    const cfg = tempConfig();
    const store = openFeedbackStore(cfg);
    const q = { lang: 'en' as const, confidence: 0.3, guildId: '1' };
    store.recordUnanswered({ ...q, text: 'who is the "boss" of nmi', bestId: 'who-leads' });
    store.recordUnanswered({ ...q, text: 'Who is the boss of NMI?', bestId: 'who-leads' });
    store.recordUnanswered({ ...q, text: 'hvor mange er døde', lang: 'da', bestId: null });
    store.close();
    const r = run('gaps', ['--examples', '--db', cfg.dbPath]);
    expect(r.code).toBe(0);
    const dir = tempDir();
    fs.cpSync(path.join(root, 'tests/fixtures/kb'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'gaps.yaml'), r.stdout);
    const { kb, problems } = loadKnowledge(dir);
    expect(problems).toEqual([]);
    // The two English wordings are one group, written as its most recent wording.
    const examples = kb!.examples.map(({ q, lang, expect: id }) => ({ q: q.toLowerCase().replace(/"/g, ''), lang, id }));
    expect(examples.sort((a, b) => a.q.localeCompare(b.q))).toEqual([
      { q: 'hvor mange er døde', lang: 'da', id: null },
      { q: expect.stringMatching(/^who is the boss of nmi\??$/), lang: 'en', id: 'who-leads' },
    ]);
    expect(run('feedback', ['--examples', '--db', cfg.dbPath]).code).toBe(2);
  });

  it('prints the feedback report, reading FEEDBACK_DB, in Danish on request', () => {
    const db = seededDb();
    const r = run('feedback', ['--lang', 'da'], { FEEDBACK_DB: db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1. nmi-mandate — 50 % negative · 👍 1 · 👎 1 (2 stemmer)');
  });

  it('exits 2 naming the bad option', () => {
    const unknown = run('gaps', ['--dayz', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --dayz');
    const badDays = run('feedback', ['--days', 'soon']);
    expect(badDays.code).toBe(2);
    expect(badDays.stderr).toContain('--days must be a whole number');
  });

  it('says plainly when there is no database yet, and exits 0 without creating one', () => {
    const db = path.join(tempDir(), 'nowhere', 'nmi.sqlite');
    const r = run('gaps', ['--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`No feedback database at ${db}`);
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });
});
