/// <reference lib="webworker" />
/**
 * The engine worker's code: DuckDB-WASM (blocking build) runs here, off the UI thread, and is
 * exposed to the page through Comlink as `WorkerApi` = `EngineApi` + browser-only extras.
 * Errors cross as plain `EngineErrorInfo` objects (Comlink would strip an Error's fields).
 * Loaded by worker.ts (the worker's entry) once DuckDB's compile has started.
 */
import { compiledDuckDB, duckdbWasmUrl, samplePrefetch as prefetched } from './worker-boot.ts';
import * as Comlink from 'comlink';
import { createBrowserBindings } from './bindings/browser.ts';
import { createEngine } from './engine.ts';
import { sampleDatabase } from './sample-files.ts';
import type { WorkerApi } from './worker-api.ts';
import { toEngineError, type Database } from './database.ts';
import { EngineError } from './types.ts';

const engine = createEngine(() => createBrowserBindings(duckdbWasmUrl, compiledDuckDB));

// Cold start: open DuckDB the moment the worker exists (worker-boot.ts already started its compile
// and the sample's download), while the page is still mounting and before its first call arrives.
// A failure here is not lost: the page's `init` (and `loadSample`) meet the same promise and report it.
void engine.init().catch(() => {});
let samplePrefetch: Promise<Uint8Array> | null = prefetched;

const api: WorkerApi = {
  ...engine,
  async loadSample() {
    // The database file opens in a fraction of the time the four CSV files take to parse
    // (sample-data/build-database.ts).
    // The prefetched bytes serve the first load only: a later one (after the sample was replaced
    // and its buffer handed to DuckDB) fetches again.
    const bytes = samplePrefetch ?? sampleDatabase();
    samplePrefetch = null;
    // The previous dataset is gone before the file has arrived, so nothing reads it meanwhile.
    await engine.clearData();
    return engine.loadDatabase('sample', await bytes, 'sample.duckdb');
  },
  async exportTables(tables: string[]) {
    // Hand the CSV bytes over instead of copying them: they can be as large as the dataset.
    const out = await engine.exportTables(tables);
    return Comlink.transfer(
      out,
      out.map((t) => t.bytes.buffer as ArrayBuffer),
    );
  },
  async exportDatabase() {
    // Hand the file over instead of copying it: it can be hundreds of megabytes.
    const out = await engine.exportDatabase();
    return Comlink.transfer(out, [out.bytes.buffer as ArrayBuffer]);
  },
  async ping() {
    return 'pong';
  },
  async crashForTest(kind: 'fatal' | 'hang' | 'trap', message = 'null function or function signature mismatch') {
    // Lets the end-to-end suite prove the restart path: a real worker death, not a mock.
    if (kind === 'hang')
      for (;;) {
        /* spin until terminated */
      }
    if (kind === 'trap') return trapEveryCall(await engine.database(), message);
    setTimeout(() => {
      throw new Error('simulated engine crash');
    });
  },
};

/**
 * Test hook: from now on every DuckDB call throws what a trapped wasm call throws, as an instance
 * left corrupted by a trap fails queries that have nothing wrong with them. Only a restart (a fresh
 * worker) ends it.
 */
function trapEveryCall(db: Database, message: string): void {
  const trap = () => {
    throw new WebAssembly.RuntimeError(message);
  };
  const conn = db.conn as unknown as Record<string, unknown>;
  const bindings = db.bindings as unknown as Record<string, unknown>;
  conn.query = trap;
  conn.prepare = trap;
  bindings.startPendingQuery = trap;
}

/** Wraps every method so a rejection carries a plain, cloneable `EngineErrorInfo`. */
function withPlainErrors<T extends object>(target: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (typeof value !== 'function') continue;
    out[key] = async (...args: unknown[]) => {
      try {
        return await (value as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        const err = e instanceof EngineError ? e : toEngineError(e);
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Comlink clones a plain object across the worker boundary; an Error would lose its fields.
        throw { ...err.info };
      }
    };
  }
  return out as T;
}

/**
 * Starts answering the page. `early` holds the messages that arrived while this code was still
 * loading (the page asks at once); they are handed to Comlink first, in order.
 */
export function serve(early: MessageEvent[]): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const endpoint: Comlink.Endpoint = {
    postMessage: (message: unknown, transfer?: Transferable[]) => scope.postMessage(message, transfer ?? []),
    addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      scope.addEventListener(type, listener);
      if (type !== 'message') return;
      for (const ev of early.splice(0)) {
        if (typeof listener === 'function') listener(ev);
        else listener.handleEvent(ev);
      }
    },
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      scope.removeEventListener(type, listener),
  };
  Comlink.expose(withPlainErrors(api), endpoint);
}
