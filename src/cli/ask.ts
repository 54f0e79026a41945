// npm run ask -- "question"   (see README "Asking offline" for the contract)
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ask } from '../answer/ask.js';
import { formatProblems, KnowledgeError } from '../knowledge/problems.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../paths.js';
import { toJson, toText } from '../render/plain.js';
import { oneShotSnapshot } from '../one-shot.js';
import type { Snapshot } from '../store.js';
import type { Lang } from '../knowledge/schema.js';

const USAGE = `usage: npm run ask -- [options] "question"
  --lang en|da|auto   answer language (default auto: detected from the question)
  --json              print one JSON object
  --jsonl             read questions from stdin, one a line; print one JSON object a line
  --dir PATH          knowledge directory (default: knowledge/)
  --discord           print the Discord interaction response the bot would send
With no question and a terminal on stdin, asks interactively.`;

function usageError(message: string): never {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        lang: { type: 'string', default: 'auto' },
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        dir: { type: 'string' },
        discord: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return usageError((err as Error).message);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parse();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const lang = values.lang as string;
  if (!['en', 'da', 'auto'].includes(lang)) usageError(`--lang must be en, da or auto (got "${lang}")`);
  if ([values.json, values.jsonl, values.discord].filter(Boolean).length > 1) usageError('choose one of --json, --jsonl, --discord');
  const question = positionals.join(' ').trim();
  if (values.jsonl && question) usageError('--jsonl reads questions from stdin; give no question argument');
  if (!values.jsonl && !question && !process.stdin.isTTY) usageError('no question given (use --jsonl to read questions from stdin)');

  let snap: Snapshot;
  try {
    snap = await oneShotSnapshot(values.dir || process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR);
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    process.stderr.write(formatProblems('The knowledge base is invalid:', err.problems));
    process.exit(1);
  }
  const opts = { lang: lang as Lang | 'auto' };

  if (values.discord) {
    const { askResponse } = await import('../discord/ask-response.js');
    process.stdout.write(`${JSON.stringify(askResponse(snap, question, lang === 'auto' ? undefined : (lang as Lang)), null, 2)}\n`);
    return;
  }
  if (values.jsonl) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      process.stdout.write(`${JSON.stringify(toJson(ask(snap, line.trim(), opts)))}\n`);
    }
    return;
  }
  if (question) {
    const answer = ask(snap, question, opts);
    process.stdout.write(values.json ? `${JSON.stringify(toJson(answer))}\n` : `${toText(answer)}\n`);
    return;
  }
  // Interactive: a terminal on stdin and no question.
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'NMI> ' });
  process.stdout.write('Ask about NATO Mission Iraq (Danish or English). Ctrl-D to quit.\n');
  rl.prompt();
  for await (const line of rl) {
    if (line.trim()) process.stdout.write(`\n${values.json ? JSON.stringify(toJson(ask(snap, line.trim(), opts))) : toText(ask(snap, line.trim(), opts))}\n\n`);
    rl.prompt();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
