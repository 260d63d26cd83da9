/**
 * DuckDB-WASM's blocking browser build, instantiated inside our own Web Worker.
 * The wasm file is bundled by Vite (`?url`) and served from our own origin: no CDN.
 * `@duckdb/duckdb-wasm/blocking` is aliased to `dist/duckdb-browser-blocking.mjs` in vite.config.ts.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';

/** Instantiates the blocking browser bindings in the current (worker) thread. */
export async function createBrowserBindings(): Promise<DuckDBBindings> {
  const bundles = {
    mvp: { mainModule: new URL(mvpWasm, self.location.href).href, mainWorker: '' },
    eh: { mainModule: new URL(ehWasm, self.location.href).href, mainWorker: '' },
  };
  const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.BROWSER_RUNTIME);
  await bindings.instantiate(() => {});
  return bindings;
}
