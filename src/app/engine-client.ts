/**
 * The UI's handle on the engine worker. Owns the Worker, wraps it with Comlink, turns the plain
 * error objects that cross the boundary back into `EngineError`s, notices a dead or hung worker,
 * and restarts the engine (a fresh worker, the same dataset re-loaded) on request.
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from '../engine/worker-api.ts';
import { EngineError, type EngineErrorInfo } from '../engine/types.ts';
import { takeEngineWorker } from './engine-worker.ts';

export type EngineState =
  { kind: 'starting' } | { kind: 'ready'; duckdbVersion: string } | { kind: 'crashed'; message: string };

type Listener = (state: EngineState) => void;

export class EngineClient {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<WorkerApi> | null = null;
  private listeners = new Set<Listener>();
  private generation = 0;
  state: EngineState = { kind: 'starting' };
  /**
   * Loads the data after every (re)start: the active dataset, not always the sample. The workbench
   * sets it; the default loads the built-in sample.
   */
  loadData: (api: WorkerApi) => Promise<void> = async (api) => {
    await api.loadSample();
  };

  /** Calls a worker method; rejections become `EngineError`s; a crash turns into a `fatal` error. */
  readonly api: WorkerApi = new Proxy({} as WorkerApi, {
    get:
      (_t, prop: string) =>
      async (...args: unknown[]) => {
        if (this.state.kind === 'crashed') {
          throw new EngineError({
            code: 'fatal',
            message: `The engine has stopped: ${this.state.message} Restart the engine to continue.`,
          });
        }
        const remote = this.remote;
        if (!remote) throw new EngineError({ code: 'not_ready', message: 'The engine is not running.' });
        const gen = this.generation;
        const crash = this.crashed(gen);
        try {
          const fn = (remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[prop]!;
          return await Promise.race([fn(...args), crash.promise]);
        } catch (e) {
          const err = fromWire(e);
          // Only a call to the running worker can say it stopped: a call the previous worker left
          // unanswered (it crashed, or was restarted) fails, but the new one is fine.
          if (err.info.code === 'fatal' && gen === this.generation) this.markCrashed(err.message);
          throw err;
        } finally {
          // A settled call needs no crash notice: without this every call left a waiter behind
          // until the next crash or restart (memory grew with use).
          crash.dispose();
        }
      },
  });

  /** One entry per call in flight: rejected if the engine crashes or restarts before it settles. */
  private crashWaiters: { gen: number; reject: (e: unknown) => void }[] = [];

  private crashed(gen: number): { promise: Promise<never>; dispose: () => void } {
    let waiter: { gen: number; reject: (e: unknown) => void } | undefined;
    const promise = new Promise<never>((_resolve, reject) => {
      waiter = { gen, reject };
      this.crashWaiters.push(waiter);
    });
    return { promise, dispose: () => (this.crashWaiters = this.crashWaiters.filter((w) => w !== waiter)) };
  }

  /** Starts a worker and loads the active dataset (`loadData`). */
  async start(): Promise<void> {
    this.stopWorker();
    this.generation++;
    this.setState({ kind: 'starting' });
    const { worker, failed } = takeEngineWorker();
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      this.markCrashed(ev.message || 'the engine worker failed');
    });
    this.worker = worker;
    this.remote = Comlink.wrap<WorkerApi>(worker);
    if (failed !== null) {
      this.markCrashed(failed);
      return;
    }
    try {
      // Both at once: the worker queues the load behind DuckDB's start, and the page does not wait
      // for one answer (while it is busy mounting) before asking the next question.
      const [status] = await Promise.all([this.api.init(), this.loadData(this.api)]);
      this.setState({ kind: 'ready', duckdbVersion: status.duckdbVersion });
    } catch (e) {
      this.markCrashed(e instanceof Error ? e.message : String(e));
    }
  }

  /** Kills the worker and starts a fresh engine with the active dataset. */
  restart(): Promise<void> {
    return this.start();
  }

  /**
   * Stops a running query. Queries without parameters are cancelled inside DuckDB; if the worker
   * does not answer within `graceMs` (a query that never yields), the engine is restarted.
   */
  async cancel(graceMs = 1500): Promise<void> {
    const answered = await Promise.race([
      this.api.cancel().then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), graceMs)),
    ]);
    if (!answered) await this.restart();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private markCrashed(message: string): void {
    if (this.state.kind === 'crashed') return;
    this.setState({ kind: 'crashed', message });
    const gen = this.generation;
    const waiters = this.crashWaiters.filter((w) => w.gen === gen);
    this.crashWaiters = this.crashWaiters.filter((w) => w.gen !== gen);
    for (const w of waiters)
      w.reject({ code: 'fatal', message: `The engine stopped: ${message}` } satisfies EngineErrorInfo);
  }

  private stopWorker(): void {
    for (const w of this.crashWaiters)
      w.reject({ code: 'fatal', message: 'The engine was restarted.' } satisfies EngineErrorInfo);
    this.crashWaiters = [];
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  private setState(state: EngineState): void {
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}

/** Rebuilds an `EngineError` from what crossed the worker boundary. */
export function fromWire(e: unknown): EngineError {
  if (e instanceof EngineError) return e;
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return new EngineError(e as EngineErrorInfo);
  const message = e instanceof Error ? e.message : String(e);
  return new EngineError({ code: 'internal', message });
}

/** Wraps a callback (import progress) so the worker can call it back across the boundary. */
export function callback<T extends (...args: never[]) => unknown>(fn: T): T {
  return Comlink.proxy(fn);
}
