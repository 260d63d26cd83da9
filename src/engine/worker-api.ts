import type { EngineApi, TableInfo } from './api.ts';

/** What the browser worker exposes: the shared `EngineApi` plus browser-only extras. */
export interface WorkerApi extends EngineApi {
  /** Loads the built-in sample dataset (bundled with the app, served from our own origin). */
  loadSample(): Promise<TableInfo[]>;
  /** Liveness check used by the client's watchdog. */
  ping(): Promise<string>;
  /**
   * Test hook: kills (`fatal`) or hangs (`hang`) the worker so the restart path can be exercised,
   * or (`trap`) makes every later DuckDB call throw a `WebAssembly.RuntimeError` with `message`, as
   * a corrupted instance does after a trap (no SQL triggers one reliably on demand).
   */
  crashForTest(kind: 'fatal' | 'hang' | 'trap', message?: string): Promise<void>;
}
