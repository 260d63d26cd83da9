/// <reference lib="webworker" />
/**
 * The engine worker's first module: `worker.ts` imports it before anything else, so it runs before
 * the rest of the worker's code (about 2 MB: DuckDB-WASM's JavaScript, Arrow, our engine and
 * analyses) is evaluated. It installs the same-origin guard, then starts what a cold start waits
 * for: downloading and compiling DuckDB's WebAssembly (the longest step) and fetching the
 * built-in sample. `createBrowserBindings` instantiates the module compiled here.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { allowSameOriginOnly } from './same-origin-only.ts';
import { sampleDatabase } from './sample-files.ts';

// Before any request: no request from this worker may leave the origin, whatever asks for it.
allowSameOriginOnly();

/** DuckDB's WebAssembly file, on our own origin. */
export const duckdbWasmUrl = new URL(ehWasm, self.location.href).href;

/**
 * DuckDB's module, compiled while the download streams in. A failure (a host serving the file
 * with the wrong MIME type, say) is not reported here: the bindings then fall back to DuckDB's
 * own loader, which reports it.
 */
export const compiledDuckDB: Promise<WebAssembly.Module> = WebAssembly.compileStreaming(fetch(duckdbWasmUrl));
compiledDuckDB.catch(() => {});

/** The sample's database file, fetched at once (the first `loadSample` takes it). */
export const samplePrefetch: Promise<Uint8Array> = sampleDatabase();
samplePrefetch.catch(() => {});
