// The offline reports behind scripts/gaps.ts and scripts/feedback.ts:
//   gaps|feedback [--days N] [--db PATH] [--json] [--lang en|da]; gaps also [--examples]
// Exit codes: 0 ok (also "no database yet"), 1 unreadable database, 2 usage error.
import { DEFAULT_DB_PATH, resolveDbPath } from './config.js';
import { formatFeedback, formatGaps, formatGapsAsExamples } from './format.js';
import { NoFeedbackDatabaseError, openFeedbackReader } from './store.js';
import type { Lang } from './types.js';

export type ReportKind = 'gaps' | 'feedback';

export const DEFAULT_REPORT_DAYS = 30;
const MAX_REPORT_DAYS = 3650;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface ReportArgs {
  days: number;
  db: string | null;
  json: boolean;
  /** gaps only: the questions as knowledge/examples/ YAML, to label and keep. */
  examples: boolean;
  lang: Lang;
  help: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const DESCRIPTION: Record<ReportKind, string> = {
  gaps: 'The most frequent questions the bot could not answer, near-duplicates grouped.',
  feedback: 'Thumbs up/down per knowledge entry, most disliked first.',
};

export function usage(kind: ReportKind): string {
  return [
    `Usage: npm run ${kind} -- [--days N] [--db PATH] [--json] [--lang en|da]${kind === 'gaps' ? ' [--examples]' : ''}`,
    DESCRIPTION[kind],
    `  --days N       look back N days (default ${DEFAULT_REPORT_DAYS})`,
    `  --db PATH      the SQLite file (default: $FEEDBACK_DB, else ${DEFAULT_DB_PATH})`,
    '  --json         print JSON instead of text',
    '  --lang en|da   language of the text report (default en)',
    ...(kind === 'gaps' ? ['  --examples     print the questions as examples to label and keep in knowledge/examples/'] : []),
  ].join('\n');
}

export function parseReportArgs(argv: readonly string[], kind: ReportKind = 'gaps'): ReportArgs {
  const args: ReportArgs = { days: DEFAULT_REPORT_DAYS, db: null, json: false, examples: false, lang: 'en', help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq === -1 ? raw : raw.slice(0, eq);
    const inline = eq === -1 ? undefined : raw.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case '--days': {
        const v = value();
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > MAX_REPORT_DAYS) {
          throw new UsageError(`--days must be a whole number from 1 to ${MAX_REPORT_DAYS} (got "${v}")`);
        }
        args.days = n;
        break;
      }
      case '--db': {
        const v = value();
        if (v.trim() === '') throw new UsageError('--db needs a path');
        args.db = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'da') throw new UsageError(`--lang must be en or da (got "${v}")`);
        args.lang = v;
        break;
      }
      case '--json':
        noValue();
        args.json = true;
        break;
      case '--examples':
        noValue();
        if (kind !== 'gaps') throw new UsageError('--examples is for gaps only');
        args.examples = true;
        break;
      case '--help':
      case '-h':
        noValue();
        args.help = true;
        break;
      default:
        throw new UsageError(
          name.startsWith('-') ? `unknown option ${name}` : `unexpected argument "${raw}" (options start with --)`,
        );
    }
  }
  return args;
}

/** Runs one report; returns the process exit code. */
export function runReportCli(
  kind: ReportKind,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  now: Date = new Date(),
): number {
  let args: ReportArgs;
  try {
    args = parseReportArgs(argv, kind);
    if (args.examples && args.json) throw new UsageError('--examples and --json do not go together');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${kind}: ${err.message}\n\n${usage(kind)}`);
    return 2;
  }
  if (args.help) {
    io.out(usage(kind));
    return 0;
  }

  const dbPath = resolveDbPath(args.db ?? (env.FEEDBACK_DB?.trim() || DEFAULT_DB_PATH));
  let reader: ReturnType<typeof openFeedbackReader>;
  try {
    reader = openFeedbackReader(dbPath);
  } catch (err) {
    if (err instanceof NoFeedbackDatabaseError) {
      const msg = `No feedback database at ${dbPath} yet: nothing has been recorded (the bot creates it on first use).`;
      if (args.json) {
        io.err(msg);
        io.out(JSON.stringify(emptyReport(kind, args, now), null, 2));
      } else io.out(msg);
      return 0;
    }
    io.err(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }

  try {
    if (kind === 'gaps') {
      const groups = reader.gaps(args.days, now);
      io.out(
        args.json
          ? JSON.stringify({ days: args.days, generatedAt: now.toISOString(), groups }, null, 2)
          : args.examples
            ? formatGapsAsExamples(groups, { days: args.days, now })
            : formatGaps(groups, args.lang, { days: args.days, maxChars: Infinity }),
      );
    } else {
      const entries = reader.feedback(args.days, now);
      io.out(
        args.json
          ? JSON.stringify({ days: args.days, generatedAt: now.toISOString(), entries }, null, 2)
          : formatFeedback(entries, args.lang, { days: args.days, maxChars: Infinity }),
      );
    }
    return 0;
  } catch (err) {
    io.err(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    reader.close();
  }
}

function emptyReport(kind: ReportKind, args: ReportArgs, now: Date) {
  const base = { days: args.days, generatedAt: now.toISOString() };
  return kind === 'gaps' ? { ...base, groups: [] } : { ...base, entries: [] };
}

/** The scripts' entry point: real argv, env and stdio. */
export function main(kind: ReportKind): void {
  process.exitCode = runReportCli(kind, process.argv.slice(2), process.env, {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  });
}
