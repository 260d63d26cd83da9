/**
 * DuckDB-WASM's synchronous ("blocking") Node build: the same bindings our browser worker uses,
 * so Vitest and the CLI exercise exactly the engine code the app runs.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';

/** Instantiates the blocking Node bindings from the wasm files inside node_modules (no network). */
export async function createNodeBindings(): Promise<DuckDBBindings> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await bindings.instantiate(() => {});
  return bindings;
}
