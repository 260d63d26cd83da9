/**
 * Creates the engine's Web Worker. The page creates the first one as its very first step
 * (`src/main.ts`, before the UI's code is even loaded), so DuckDB compiles while the page mounts;
 * the engine client adopts that worker when it starts, and creates fresh ones on restart.
 */

/** A worker spawned ahead of time, and the error it reported before anyone listened (if any). */
let early: { worker: Worker; failed: string | null } | null = null;

function spawn(): Worker {
  return new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'engine' });
}

/** Spawns the engine worker now, for the engine client to adopt later. */
export function prespawnEngineWorker(): void {
  if (early || typeof Worker === 'undefined') return;
  const entry: { worker: Worker; failed: string | null } = { worker: spawn(), failed: null };
  // A worker that fails to load before the client listens must not be forgotten: the client would
  // wait for an answer that never comes.
  entry.worker.addEventListener('error', (ev) => {
    ev.preventDefault();
    entry.failed ??= ev.message || 'the engine worker failed';
  });
  early = entry;
}

/** The prespawned worker (once; with its early failure, if any), or a new one. */
export function takeEngineWorker(): { worker: Worker; failed: string | null } {
  const got = early;
  early = null;
  return got ?? { worker: spawn(), failed: null };
}
