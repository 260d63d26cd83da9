/**
 * "Run started / run finished", per notebook, in localStorage. The app runs the open notebook by
 * itself at start-up; a notebook whose run froze or crashed the tab (a hostile chart, a runaway
 * query) would then freeze it again on every reload. A run writes its marker before anything
 * executes and clears it only after the results have been painted, so a marker still there at
 * start-up means the last run never finished, and the app waits for the user instead.
 * localStorage because it is synchronous: the marker is on disk before the first query starts.
 */

const PREFIX = 'caw.run:';

/** Which notebook a marker belongs to (`NotebookRef`). */
export interface RunRef {
  kind: 'builtin' | 'user';
  id: string;
}

/** The storage key of `ref`'s marker. */
export function runKey(ref: RunRef): string {
  return `${PREFIX}${ref.kind}:${ref.id}`;
}

/** Records that a run of `ref` started; returns the key to pass to `markRunFinished`. */
export function markRunStarted(ref: RunRef, now = Date.now()): string {
  const key = runKey(ref);
  try {
    localStorage.setItem(key, JSON.stringify({ startedAt: now }));
  } catch {
    // Storage unavailable (private mode, quota): the notebook simply auto-runs as before.
  }
  return key;
}

/** Records that the run recorded under `key` finished (its results are on screen). */
export function markRunFinished(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Whether the last run of `ref` started and never finished. */
export function runUnfinished(ref: RunRef): boolean {
  try {
    return localStorage.getItem(runKey(ref)) !== null;
  } catch {
    return false;
  }
}
