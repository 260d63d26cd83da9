/**
 * One engine call at a time. The engine has one DuckDB connection, and many of its calls are
 * several steps with awaits between them (run a query, then read its row count and first rows;
 * compute an analysis, then write its tables). Two callers — two open notebooks while the user
 * switches between them, a notebook and the data preview — must not interleave those steps: a
 * synchronous call on the connection in the middle of another call's pending query breaks that
 * query inside DuckDB (it surfaced as `[object WebAssembly.Exception]`), and one caller's
 * `CREATE OR REPLACE` can replace the table another is about to read. So calls queue, in the
 * order they arrive, and each runs to its end before the next begins.
 *
 * `cancel` does not queue (it must reach the call it stops), and stops only calls that a user's
 * newer action supersedes (queries, notebook cells, analyses, result pages): an import has its
 * own cancel (`cancelImport`) and must not be stopped because a slider moved meanwhile.
 */

/** Runs async calls strictly one after another. */
export class CallQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Name of the call running now, or null when idle. */
  current: string | null = null;
  /** Calls waiting or running. */
  private pending = 0;

  /** Queues `fn`; it starts when every call queued before it has settled. */
  run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(async () => {
      this.current = name;
      try {
        return await fn();
      } finally {
        this.current = null;
        this.pending--;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Whether no call is waiting or running. */
  get idle(): boolean {
    return this.pending === 0;
  }
}

/** The engine calls a `cancel()` may stop: each is superseded by the user's next action. */
export const CANCELLABLE_CALLS: ReadonlySet<string> = new Set([
  'query',
  'runSqlCell',
  'runAnalysis',
  'openResult',
  'fetchRows',
  'preview',
  'profile',
  'listTables',
]);

/** Engine methods that never queue: they answer at once or stop the call that runs. */
export const UNQUEUED_CALLS: ReadonlySet<string> = new Set(['cancel', 'cancelImport', 'status', 'init', 'database']);

/**
 * `api` with every method except `UNQUEUED_CALLS` run through `queue`; `begin` is called as each
 * call starts (the database forgets a previous call's cancellation).
 */
export function queued<T extends object>(api: T, queue: CallQueue, begin: () => void): T {
  const out = { ...api } as Record<string, unknown>;
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== 'function' || UNQUEUED_CALLS.has(name)) continue;
    const method = value as (...args: unknown[]) => Promise<unknown>;
    out[name] = (...args: unknown[]) =>
      queue.run(name, () => {
        begin();
        return method(...args);
      });
  }
  return out as T;
}
