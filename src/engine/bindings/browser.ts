/**
 * DuckDB-WASM's blocking browser build, instantiated inside our own Web Worker.
 * The wasm file is bundled by Vite (`?url`) and served from our own origin: no CDN.
 * `@duckdb/duckdb-wasm/blocking` is aliased to `dist/duckdb-browser-blocking.mjs` in vite.config.ts.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { DuckDBBindings, DuckDBRuntime } from '@duckdb/duckdb-wasm/blocking';

/** Emscripten's hook for instantiating the module itself (DuckDB-WASM's bindings implement it). */
type InstantiateWasm = (
  imports: WebAssembly.Imports,
  done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
) => WebAssembly.Exports;

/**
 * Instantiates the blocking browser bindings in the current (worker) thread.
 * `compiled`, when given, is DuckDB's module already compiled from `wasmUrl` (the worker starts
 * that before its own code has finished loading: worker-boot.ts); otherwise DuckDB-WASM downloads
 * and compiles it here, as it does when that compile failed.
 */
export async function createBrowserBindings(
  wasmUrl: string,
  compiled?: Promise<WebAssembly.Module>,
): Promise<DuckDBBindings> {
  // Only the exception-handling build is shipped (every browser we target supports wasm
  // exceptions); the 39 MB MVP build would double the download for nothing.
  const eh = { mainModule: wasmUrl, mainWorker: '' };
  const bundles = { mvp: eh, eh };
  // Type-checked against the Node build's declarations (same API); the browser build adds BROWSER_RUNTIME.
  const runtime = (duckdb as unknown as { BROWSER_RUNTIME: DuckDBRuntime }).BROWSER_RUNTIME;
  const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), runtime);
  if (compiled) usePrecompiled(bindings, runtime, compiled);
  await bindings.instantiate(() => {});
  return bindings;
}

/**
 * Makes `bindings.instantiate` use a module compiled elsewhere. DuckDB-WASM offers no option for
 * this; its bindings pass their own `instantiateWasm` method to Emscripten (which would download
 * and compile the file a second time), so that method is replaced on this one instance, doing
 * what the original does first (publishing the runtime DuckDB's imports call into).
 */
function usePrecompiled(bindings: DuckDBBindings, runtime: DuckDBRuntime, compiled: Promise<WebAssembly.Module>): void {
  const target = bindings as unknown as { instantiateWasm: InstantiateWasm };
  const original = target.instantiateWasm.bind(bindings);
  target.instantiateWasm = (imports, done) => {
    (globalThis as unknown as { DUCKDB_RUNTIME: DuckDBRuntime }).DUCKDB_RUNTIME = runtime;
    compiled
      .then((module) => WebAssembly.instantiate(module, imports).then((instance) => ({ instance, module })))
      .then(
        ({ instance, module }) => done(instance, module),
        // The compile failed (or its instantiation did): DuckDB's own loader tries, and reports its error.
        () => original(imports, done),
      );
    return {};
  };
}
