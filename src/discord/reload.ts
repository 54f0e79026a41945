// The one reload: /nmi-admin reload, SIGHUP and the knowledge watcher all call
// it. Re-reads the knowledge, re-registers the commands when shortcuts changed,
// and logs who asked, the outcome and the versions.
import type { ReloadOutcome } from '../store.js';
import type { Services } from './types.js';

export type Redeploy = { count: number } | { error: string };

export interface ReloadResult {
  outcome: ReloadOutcome;
  redeploy?: Redeploy;
}

/** `requestedBy`: the admin's user id, "SIGHUP" or "watch". */
export async function reloadKnowledge(
  services: Pick<Services, 'store' | 'log' | 'deployCommands'>,
  requestedBy: string,
  meta: Record<string, unknown> = {},
): Promise<ReloadResult> {
  const { store, log } = services;
  const outcome = await store.reload();
  let redeploy: Redeploy | undefined;
  if (outcome.ok && (outcome.diff.shortcutsAdded.length || outcome.diff.shortcutsRemoved.length) && services.deployCommands) {
    try {
      redeploy = { count: await services.deployCommands(store.current) };
    } catch (err) {
      log.error({ err, requestedBy, ...meta }, 're-registering commands after reload failed');
      redeploy = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  if (outcome.ok) {
    log.info({ requestedBy, ...meta, before: outcome.before, after: outcome.after, diff: outcome.diff, redeploy }, 'knowledge reloaded');
  } else {
    log.warn(
      { requestedBy, ...meta, version: outcome.version, problems: outcome.problems.length },
      'knowledge reload failed; previous knowledge still serving',
    );
  }
  return redeploy ? { outcome, redeploy } : { outcome };
}

/** Minimal process surface for installing the SIGHUP handler (a fake emitter in tests). */
export interface SignalSource {
  on(event: 'SIGHUP', listener: () => void): unknown;
  off(event: 'SIGHUP', listener: () => void): unknown;
}

/** SIGHUP → reload (logged as requested by "SIGHUP"). Returns the uninstaller. */
export function installReloadOnSighup(
  proc: SignalSource,
  reload: (requestedBy: string) => Promise<unknown>,
  log?: { error(obj: object, msg?: string): void },
): () => void {
  const listener = () => {
    reload('SIGHUP').catch((err: unknown) => log?.error({ err }, 'reload on SIGHUP failed'));
  };
  proc.on('SIGHUP', listener);
  return () => {
    proc.off('SIGHUP', listener);
  };
}
