// KNOWLEDGE_WATCH=true: reload when files in the knowledge directory change.
// fs.watch is recursive where the platform supports it (macOS, Windows, Linux
// on Node ≥ 20); editors and `git pull` write many files at once, so changes are
// debounced into one call.
import { watch, type FSWatcher } from 'node:fs';

export interface WatchOptions {
  /** Quiet time after the last change before onChange runs (default 500 ms). */
  debounceMs?: number;
  onError?: (err: unknown) => void;
}

/** Calls onChange once per burst of changes under `dir`; returns a stop function. */
export function watchKnowledge(dir: string, onChange: () => void, opts: WatchOptions = {}): () => void {
  const debounceMs = opts.debounceMs ?? 500;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const fire = () => {
    timer = null;
    if (stopped) return;
    try {
      onChange();
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const changed = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, changed);
  } catch {
    // Recursive watching unsupported here: watch the top level only.
    watcher = watch(dir, { persistent: false }, changed);
  }
  watcher.on('error', (err) => opts.onError?.(err));
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    watcher.close();
  };
}
