// The one holder of the knowledge being served (warmed: it will answer many
// questions). A reload builds a complete, warmed {knowledge, index, classifier}
// snapshot off to the side and swaps a single reference only when it is valid: a
// failed reload changes nothing, and a question that started on the old snapshot
// finishes on it.
import { diffKnowledge, type KnowledgeDiff } from './knowledge/diff.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import { keepKnowledge } from './knowledge/cache.js';
import type { KnowledgeFiles } from './knowledge/files.js';
import { loadKnowledge } from './knowledge/load.js';
import { formatProblems, KnowledgeError, type Problem } from './knowledge/problems.js';
import type { Classifier } from './search/classifier.js';
import { SearchIndex } from './search/search-index.js';
import { loadStemTable } from './search/stem-table.js';
import { classifierFor, classifierForInBackground } from './search/trained-classifier.js';

export interface Snapshot {
  readonly kb: KnowledgeBase;
  readonly index: SearchIndex;
  /** Learned from the base's labelled examples; absent or null: the index answers alone. */
  readonly classifier?: Classifier | null;
}

export type ReloadOutcome =
  | { ok: true; before: string; after: string; diff: KnowledgeDiff; warnings: Problem[] }
  | { ok: false; version: string; problems: Problem[] };

/**
 * Load and index a directory; throws KnowledgeError with every problem when invalid.
 * `warm` does the index's first-use work now (see SearchIndex.warm): for a store
 * that will answer many questions, not for a one-shot CLI answer. `keep` keeps
 * valid knowledge for the next one-shot answer (see knowledge/cache.ts).
 */
export function buildSnapshot(dir: string | KnowledgeFiles, opts: { warm?: boolean; keep?: boolean } = {}): { snapshot: Snapshot; warnings: Problem[] } {
  const { kb, index, warnings } = loadAndIndex(dir, opts);
  return { snapshot: { kb, index, classifier: classifierFor(kb) }, warnings };
}

/** A snapshot without its classifier yet; throws KnowledgeError. */
function loadAndIndex(dir: string | KnowledgeFiles, opts: { warm?: boolean; keep?: boolean }) {
  loadStemTable();
  const { kb, problems: warnings } = loadKnowledge(dir);
  if (!kb) throw new KnowledgeError(warnings);
  if (opts.keep) keepKnowledge(kb);
  const index = SearchIndex.build(kb);
  if (opts.warm) index.warm();
  return { kb, index, warnings };
}

export class KnowledgeStore {
  private snapshot: Snapshot;
  private reloading: { reading: boolean; done: Promise<ReloadOutcome> } | null = null;
  private next: Promise<ReloadOutcome> | null = null;

  private constructor(
    readonly dir: string,
    snapshot: Snapshot,
    /** Warm each snapshot for many questions (see SearchIndex.warm); off for one-shot commands. */
    private readonly warm: boolean,
  ) {
    this.snapshot = snapshot;
  }

  /** Throws KnowledgeError when the directory's knowledge is invalid. */
  static async open(dir: string, opts: { warm?: boolean } = {}): Promise<KnowledgeStore> {
    return KnowledgeStore.openSync(dir, opts);
  }

  static openSync(dir: string, { warm = true }: { warm?: boolean } = {}): KnowledgeStore {
    return new KnowledgeStore(dir, buildSnapshot(dir, { warm }).snapshot, warm);
  }

  /** The snapshot to answer from; take it once per question. */
  get current(): Snapshot {
    return this.snapshot;
  }

  /**
   * Re-reads the directory. Calls made before a reload has read the files share it; a call made
   * after (an edit saved while a reload trains) gets one more reload after it, shared by every
   * call until that one starts: the last save is always loaded.
   */
  reload(): Promise<ReloadOutcome> {
    const running = this.reloading;
    if (!running) return this.startReload();
    if (!running.reading) return running.done;
    return (this.next ??= running.done.then(() => {
      this.next = null;
      return this.reload();
    }));
  }

  private startReload(): Promise<ReloadOutcome> {
    const run = { reading: false } as { reading: boolean; done: Promise<ReloadOutcome> };
    run.done = Promise.resolve()
      .then(() => {
        run.reading = true;
        return this.reloadNow();
      })
      .finally(() => {
        if (this.reloading === run) this.reloading = null;
      });
    this.reloading = run;
    return run.done;
  }

  private async reloadNow(): Promise<ReloadOutcome> {
    const before = this.snapshot;
    try {
      const { kb, index, warnings } = loadAndIndex(this.dir, { warm: this.warm });
      // Training anew (questions or examples changed) runs in a worker: the old snapshot answers meanwhile.
      const snapshot: Snapshot = { kb, index, classifier: await classifierForInBackground(kb) };
      this.snapshot = snapshot;
      return { ok: true, before: before.kb.version, after: snapshot.kb.version, diff: diffKnowledge(before.kb, snapshot.kb), warnings };
    } catch (err) {
      if (err instanceof KnowledgeError) return { ok: false, version: before.kb.version, problems: err.problems };
      return { ok: false, version: before.kb.version, problems: [{ severity: 'error', file: this.dir, message: String(err) }] };
    }
  }
}

/**
 * Opens the store for a command (the bot, deploy-commands): on invalid knowledge,
 * writes every problem to stderr and returns null so the command exits cleanly.
 */
export async function openStoreOrReport(
  dir: string,
  opts: { warm?: boolean; stderr?: NodeJS.WritableStream } = {},
): Promise<KnowledgeStore | null> {
  const stderr = opts.stderr ?? process.stderr;
  try {
    return await KnowledgeStore.open(dir, { warm: opts.warm ?? true });
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    stderr.write(formatProblems(`The knowledge in ${dir} cannot be served:`, err.problems));
    return null;
  }
}
