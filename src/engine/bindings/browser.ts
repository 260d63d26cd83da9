/**
 * DuckDB-WASM's blocking browser build, instantiated inside our own Web Worker.
 * The wasm file is bundled by Vite (`?url`) and served from our own origin: no CDN.
 * `@duckdb/duckdb-wasm/blocking` is aliased to `dist/duckdb-browser-blocking.mjs` in vite.config.ts.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { DuckDBBindings, DuckDBRuntime } from '@duckdb/duckdb-wasm/blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

/** Instantiates the blocking browser bindings in the current (worker) thread. */
export async function createBrowserBindings(): Promise<DuckDBBindings> {
  // Only the exception-handling build is shipped (every browser we target supports wasm
  // exceptions); the 39 MB MVP build would double the download for nothing.
  const eh = { mainModule: new URL(ehWasm, self.location.href).href, mainWorker: '' };
  const bundles = { mvp: eh, eh };
  // Type-checked against the Node build's declarations (same API); the browser build adds BROWSER_RUNTIME.
  const runtime = (duckdb as unknown as { BROWSER_RUNTIME: DuckDBRuntime }).BROWSER_RUNTIME;
  const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), runtime);
  await bindings.instantiate(() => {});
  return bindings;
}
