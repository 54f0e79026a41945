// The compiled command-line tools, run as a user runs them (build first:
// `npm run build`): `npm run ask` and `npm run kb:check`.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = 'tests/fixtures/kb';
const ASK = join(ROOT, 'dist/src/cli/ask.js');
const KB_CHECK = join(ROOT, 'dist/src/cli/kb-check.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without KNOWLEDGE_DIR, so only --dir chooses the knowledge. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  if (!('KNOWLEDGE_DIR' in extra)) delete env.KNOWLEDGE_DIR;
  return env;
}

function run(script: string, args: string[], opts: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    input: '',
    env: cleanEnv(),
    ...opts,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const askCli = (args: string[], opts: SpawnSyncOptions = {}) => run(ASK, args, opts);

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the fixture whose entries.yaml has an unknown field; returns the dir and that field's line. */
function brokenCopy(): { dir: string; line: number } {
  const dir = mkdtempSync(join(tmpdir(), 'nmi-cli-'));
  temps.push(dir);
  cpSync(join(ROOT, FIXTURE), dir, { recursive: true });
  const file = join(dir, 'entries.yaml');
  const text = readFileSync(file, 'utf8');
  const from = '    asOf: "2024-05-27"';
  expect(text.split(from)).toHaveLength(2);
  const next = text.replace(from, '    asOf: "2024-05-27"\n    related: [no-such-entry]');
  writeFileSync(file, next);
  return { dir, line: next.slice(0, next.indexOf('[no-such-entry]')).split('\n').length };
}

beforeAll(() => {
  for (const f of [ASK, KB_CHECK]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` before these tests`);
});

describe('npm run ask', { timeout: 60_000 }, () => {
  it('prints the title question, the answer, dated sources and the as-of note', () => {
    const r = askCli(['--dir', FIXTURE, 'Who commands NATO Mission Iraq?']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Who leads NMI?');
    expect(r.stdout).toContain('According to the article of 4 March 2020, Canada had led the mission since October 2018.');
    expect(r.stdout).toContain('22 May 2025: France took command. (Example News, news reports only)');
    const sourcesAt = lines.indexOf('Sources:');
    expect(sourcesAt).toBeGreaterThan(0);
    expect(lines[sourcesAt + 1]).toBe(
      '  • Test article about NMI (Forsvaret (Danish Defence), 4 March 2020), "Hvad er NATO Mission Iraq?" https://example.org/article',
    );
    expect(lines.at(-1)).toMatch(/^Facts as of 4 March 2020\.|^Facts as of 4 March 2020 — this may have changed\.$/);
  });

  it('--json prints exactly one JSON object with the contract fields in order', () => {
    const r = askCli(['--dir', FIXTURE, '--json', 'How big is the mission?']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { sources: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['query', 'lang', 'status', 'id', 'question', 'answer', 'confidence', 'sources', 'asOf', 'suggestions']);
    expect(json).toMatchObject({
      query: 'How big is the mission?',
      lang: 'en',
      status: 'answered',
      id: 'mission-size',
      question: 'How many people serve in NMI?',
      asOf: '2020-03-04',
      suggestions: [],
    });
    expect(json.answer).toMatch(/^As of March 2020 the mission had up to about 500 staff officers/);
    expect(json.answer).toContain('Later figures differ');
    expect(json.confidence).toBeGreaterThanOrEqual(0.5);
    expect(json.confidence).toBeLessThanOrEqual(1);
    expect(json.sources.map((s) => s.id)).toEqual(['article', 'nato-page']);
    for (const s of json.sources) expect(Object.keys(s)).toEqual(['id', 'title', 'publisher', 'url', 'date']);
    expect(json.sources[1]).toEqual({ id: 'nato-page', title: 'NATO Mission Iraq topic page', publisher: 'NATO', url: 'https://example.org/nato', date: '2024-05-27' });
  });

  it('declines an off-topic question with status no_match and exit 0', () => {
    const r = askCli(['--dir', FIXTURE, '--json', 'what is the capital of France']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { status: string; id: unknown; question: unknown; answer: unknown; sources: unknown[]; asOf: unknown; suggestions: { id: string; question: string }[]; confidence: number };
    expect(json).toMatchObject({ status: 'no_match', id: null, question: null, answer: null, sources: [], asOf: null });
    expect(json.confidence).toBeLessThan(0.5);
    expect(json.suggestions.length).toBeLessThanOrEqual(3);

    const text = askCli(['--dir', FIXTURE, 'what is the capital of France']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^I don't know the answer to that/);
  });

  it('--lang da answers in Danish', () => {
    const r = askCli(['--dir', FIXTURE, '--lang', 'da', 'Who leads NMI?']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Hvem leder NMI?');
    expect(r.stdout).toContain('Ifølge artiklen fra 4. marts 2020 havde Canada ledet missionen siden oktober 2018.');
    expect(lines).toContain('Kilder:');
    expect(lines.at(-1)).toMatch(/^Oplysninger pr\. 4\. marts 2020/);

    const json = JSON.parse(askCli(['--dir', FIXTURE, '--lang', 'da', '--json', 'Who leads NMI?']).stdout) as { lang: string; question: string };
    expect(json).toMatchObject({ lang: 'da', question: 'Hvem leder NMI?' });
  });

  it('detects Danish by itself', () => {
    const r = askCli(['--dir', FIXTURE, 'Hvor', 'træner', 'NMI?']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Hvor træner NMI?');
    expect(r.stdout).toContain('Træningen foregik i Bagdad, Taji og Besmaya');
  });

  it('--jsonl answers every line of stdin, one JSON object a line, in order', () => {
    const questions = ['Who leads NMI?', 'Hvor stor er missionen?', 'what is the capital of France'];
    const r = askCli(['--dir', FIXTURE, '--jsonl'], { input: `${questions.join('\n')}\n` });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const objects = lines.map((l) => JSON.parse(l) as { query: string; status: string; id: string | null; lang: string });
    expect(objects.map((o) => o.query)).toEqual(questions);
    expect(objects.map((o) => [o.status, o.id, o.lang])).toEqual([
      ['answered', 'who-leads', 'en'],
      ['answered', 'mission-size', 'da'],
      ['no_match', null, 'en'],
    ]);
  });

  it('--dir chooses the knowledge directory', () => {
    const r = askCli(['--dir', FIXTURE, '--json', 'What did NATO say in 2024?']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: 'new-facts',
      answer: 'In May 2024 NATO described the mission as several hundred personnel.',
    });
    const missing = askCli(['--dir', 'tests/fixtures/no-such-kb', 'Who leads NMI?']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('directory not found');
  });

  it.each([
    [['--bogus', 'Who leads NMI?'], /--bogus/],
    [['--lang', 'xx', 'Who leads NMI?'], /--lang must be en, da or auto/],
    [['--json', '--jsonl'], /choose one of/],
  ])('exits 2 with usage for bad options: %j', (args, message) => {
    const r = askCli(['--dir', FIXTURE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage:');
  });

  it('exits 1 and lists the problems for an invalid knowledge directory', () => {
    const { dir, line } = brokenCopy();
    const r = askCli(['--dir', dir, 'Who leads NMI?']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('The knowledge base is invalid');
    expect(r.stderr).toContain(`entries.yaml:${line} (entry "new-facts", field "related[0]"): unknown entry "no-such-entry"`);
  });

  it('answers from what the files say now: a second run reads the checked knowledge back, an edit or a break is seen at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmi-cli-'));
    temps.push(dir);
    cpSync(join(ROOT, FIXTURE), dir, { recursive: true });
    const file = join(dir, 'entries.yaml');
    const said = 'In May 2024 NATO described the mission as several hundred personnel.';
    // A sentence no other test uses, so this copy's cache file can be found.
    const marked = `${said} Marked ${process.pid}-${Date.now()}.`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(said, marked));
    const question = ['--dir', dir, '--json', 'What did NATO say in 2024?'];
    const first = askCli(question);
    expect(JSON.parse(first.stdout)).toMatchObject({ id: 'new-facts', answer: marked });
    expect(askCli(question).stdout).toBe(first.stdout);

    // The second run read the kept knowledge: what the cache says is what it answers…
    const cacheDir = join(ROOT, 'node_modules/.cache/nmi-bot');
    const kept = readdirSync(cacheDir).filter((f) => f.endsWith('.json') && readFileSync(join(cacheDir, f), 'utf8').includes(marked));
    expect(kept).toHaveLength(1);
    const keptFile = join(cacheDir, kept[0]!);
    writeFileSync(keptFile, readFileSync(keptFile, 'utf8').replace(marked, 'Read from the cache.'));
    expect(JSON.parse(askCli(question).stdout)).toMatchObject({ answer: 'Read from the cache.' });
    // …and a damaged cache file is read past, not served.
    writeFileSync(keptFile, '{"version": ');
    expect(askCli(question).stdout).toBe(first.stdout);

    writeFileSync(file, readFileSync(file, 'utf8').replace(marked, 'Edited since.'));
    expect(JSON.parse(askCli(question).stdout)).toMatchObject({ answer: 'Edited since.' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('Edited since.', marked).replace('    asOf: "2024-05-27"', '    asOf: "2024-05-27"\n    related: [no-such-entry]'));
    const broken = askCli(question);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('unknown entry "no-such-entry"');
  });

  it('exits 2 with usage when there is no question and stdin is not a terminal', () => {
    const r = askCli(['--dir', FIXTURE], { stdio: 'pipe', input: '' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no question given');
    expect(r.stderr).toContain('usage: npm run ask');
  });

  it('reads the knowledge directory from KNOWLEDGE_DIR when there is no --dir', () => {
    const viaEnv = askCli(['--json', 'What did NATO say in 2024?'], { env: cleanEnv({ KNOWLEDGE_DIR: FIXTURE }) });
    expect(viaEnv.code).toBe(0);
    expect(JSON.parse(viaEnv.stdout)).toMatchObject({ id: 'new-facts', answer: 'In May 2024 NATO described the mission as several hundred personnel.' });
  });

  it('treats an empty KNOWLEDGE_DIR as unset, like the bot\'s config does', () => {
    // Compared with no KNOWLEDGE_DIR at all, whatever the default knowledge holds.
    const unset = askCli(['--json', 'Who leads NMI?']);
    const empty = askCli(['--json', 'Who leads NMI?'], { env: cleanEnv({ KNOWLEDGE_DIR: '' }) });
    expect({ code: empty.code, stdout: empty.stdout, stderr: empty.stderr.slice(0, 500) }).toEqual({
      code: unset.code,
      stdout: unset.stdout,
      stderr: unset.stderr.slice(0, 500),
    });
  });

  it('prints only the answer through `npm run --silent ask`', () => {
    const r = spawnSync('npm', ['run', '--silent', 'ask', '--', '--dir', FIXTURE, 'Who leads NMI?'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      input: '',
      env: cleanEnv(),
    });
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('Who leads NMI?\n\nAccording to the article')).toBe(true);
    expect(r.stdout).toBe(askCli(['--dir', FIXTURE, 'Who leads NMI?']).stdout);
  });
});

describe('npm run kb:check', { timeout: 60_000 }, () => {
  it('summarises a valid knowledge base and exits 0', () => {
    const r = run(KB_CHECK, ['--dir', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/version [0-9a-f]{12}/);
    expect(r.stdout).toContain('4 entries, 2 shortcuts (who-leads, size)');
    expect(r.stdout).toContain('questions: 24 en, 24 da');
    expect(r.stdout).toContain('3 sources:');
    expect(r.stdout).toMatch(/^ {4}2020-03-04 {2}article — Forsvaret \(Danish Defence\)$/m);
    expect(r.stdout).toMatch(/^ {4}2025-05-22 {2}handover-news — Example News \(news\)$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^OK: no errors/);
  });

  it('lists the problems of a broken copy as file:line and exits 1', () => {
    const { dir, line } = brokenCopy();
    const r = run(KB_CHECK, ['--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`entries\\.yaml:${line}\\b`));
    expect(r.stderr).toContain('unknown entry "no-such-entry"');
    expect(r.stderr).toContain('1 error(s)');
  });

  it('treats an empty KNOWLEDGE_DIR as unset', () => {
    const unset = run(KB_CHECK, []);
    const empty = run(KB_CHECK, [], { env: cleanEnv({ KNOWLEDGE_DIR: '' }) });
    expect(empty.code).toBe(unset.code);
    expect(empty.stdout.split('\n')[0]).toBe(unset.stdout.split('\n')[0]);
    expect(empty.stderr.slice(0, 500)).toBe(unset.stderr.slice(0, 500));
  });

  it('exits 2 on an unknown option', () => {
    const r = run(KB_CHECK, ['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage:');
  });
});

describe('npm run kb:diff', () => {
  const KB_DIFF = join(ROOT, 'dist/src/cli/kb-diff.js');

  it('previews what a reload from an edited copy would change, without touching anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmi-cli-'));
    temps.push(dir);
    cpSync(join(ROOT, FIXTURE), dir, { recursive: true });
    const file = join(dir, 'entries.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('shortcut: size', 'shortcut: headcount').replace('France took command.', 'France took command in Baghdad.'));
    const r = run(KB_DIFF, ['--from', FIXTURE, '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Version: [0-9a-f]{12} → [0-9a-f]{12}$/m);
    expect(r.stdout).toContain('Changed: who-leads, mission-size');
    expect(r.stdout).toContain('Shortcuts: +headcount, -size');
    expect(readFileSync(join(ROOT, FIXTURE, 'entries.yaml'), 'utf8')).toContain('shortcut: size');
  });

  it('says a reload from a broken copy would fail and the current knowledge would keep serving', () => {
    const { dir, line } = brokenCopy();
    const r = run(KB_DIFF, ['--from', FIXTURE, '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('would keep serving');
    expect(r.stderr).toMatch(new RegExp(`entries\\.yaml:${line}\\b`));
  });

  it('exits 2 without --dir', () => {
    expect(run(KB_DIFF, []).code).toBe(2);
  });
});
