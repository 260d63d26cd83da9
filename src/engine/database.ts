import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { RecordBatchReader, Table } from 'apache-arrow';
import { quoteLiteral } from '../sql/quote.ts';
import { arrowToColumnar, arrowToNumeric } from './arrow-convert.ts';
import { explainAccessError, lockExternalAccess } from './external-access.ts';
import { isEngineTrap } from './traps.ts';
import { EngineError, type ColumnarTable, type NumericTable, type SqlConnection, type SqlParam } from './types.ts';

/**
 * One DuckDB-WASM instance and its connection, driven through the synchronous ("blocking") API.
 *
 * Why blocking-in-our-own-worker rather than the async API (which runs DuckDB in a second worker):
 * the same code then runs unchanged in our browser worker, in Vitest and in the CLI; analyses can
 * run many small queries without a message round-trip each; and the UI thread never blocks
 * anyway because this whole class lives in a worker. Long queries stay cancellable: `run` uses
 * DuckDB's pending-query API and yields to the event loop between polls, so a `cancel()` message
 * arriving through Comlink is handled mid-query. A hung or crashed instance is dealt with one
 * level up: the UI terminates the worker and starts a fresh engine (see engine-client).
 */
export class Database implements SqlConnection {
  readonly bindings: DuckDBBindings;
  readonly conn: DuckDBConnection;
  private connId: number;
  private running = false;
  private cancelRequested = false;
  /** Set by `cancelCall`: every later query of the current engine call rejects (`beginCall` clears it). */
  private callCancelled = false;

  private constructor(bindings: DuckDBBindings) {
    this.bindings = bindings;
    this.conn = bindings.connect();
    this.connId = this.conn.useUnsafe((_b, id) => id);
  }

  /** Opens an in-memory database with the settings every part of the app relies on. */
  static open(bindings: DuckDBBindings, options: { memoryLimit?: string } = {}): Database {
    bindings.open({
      query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
    });
    const db = new Database(bindings);
    // Never fetch an extension: the npm build lacks parquet/json/icu and autoloading them
    // would contact DuckDB's extension repository (in Node it hangs forever).
    db.exec('SET autoload_known_extensions = false');
    db.exec('SET autoinstall_known_extensions = false');
    if (options.memoryLimit) db.exec(`SET memory_limit = ${quoteLiteral(options.memoryLimit)}`);
    // Last: nothing after this may widen file access, and SQL can read only registered files.
    lockExternalAccess(db.conn);
    return db;
  }

  /** Runs SQL for its effect (DDL, SET, INSERT). Throws an `EngineError` with the SQL on failure. */
  exec(sql: string): void {
    try {
      this.conn.query(sql);
    } catch (e) {
      throw toEngineError(e, sql);
    }
  }

  /** Runs SQL synchronously, binding `params` to `$1…$n` / `?` through a prepared statement. */
  querySync(sql: string, params: readonly SqlParam[] = []): ColumnarTable {
    try {
      if (params.length === 0) return arrowToColumnar(this.conn.query(sql));
      const stmt = this.conn.prepare(sql);
      try {
        return arrowToColumnar(stmt.query(...params.map(bindable)));
      } finally {
        stmt.close();
      }
    } catch (e) {
      throw toEngineError(e, sql);
    }
  }

  /** `SqlConnection.query`: the async face of `querySync` used by analyses and the runtime. */
  async query(sql: string, params: readonly SqlParam[] = []): Promise<ColumnarTable> {
    if (params.length === 0) return this.run(sql);
    // A prepared statement runs in one call, but must still wait for a query `run` is polling:
    // executing it on the connection mid-query throws inside DuckDB and breaks the pending one.
    await this.takeTurn();
    try {
      return this.querySync(sql, params);
    } finally {
      this.running = false;
    }
  }

  /**
   * Runs a parameterless statement cancellably: DuckDB executes it in slices and we yield to the
   * event loop between slices so `cancel()` can be called from another message.
   */
  async run(sql: string): Promise<ColumnarTable> {
    return arrowToColumnar(await this.runArrow(sql));
  }

  /**
   * Runs a parameterless statement cancellably and returns its numeric columns as
   * `Float64Array`s (NULL → NaN). For per-customer numerics at scale: reading a million rows as
   * JavaScript values one cell at a time costs seconds, as typed arrays milliseconds.
   */
  async numeric(sql: string): Promise<NumericTable> {
    return arrowToNumeric(await this.runArrow(sql));
  }

  /** `run`, returning DuckDB's Arrow table. */
  async runArrow(sql: string): Promise<Table> {
    await this.takeTurn();
    this.cancelRequested = false;
    try {
      let header = this.bindings.startPendingQuery(this.connId, sql, false);
      while (header === null) {
        await yieldToEventLoop();
        if (this.cancelRequested) {
          this.bindings.cancelPendingQuery(this.connId);
          throw new EngineError({ code: 'cancelled', message: 'Query cancelled.', sql });
        }
        header = this.bindings.pollPendingQuery(this.connId);
      }
      return readResult(this.bindings, this.connId, header);
    } catch (e) {
      throw toEngineError(e, sql);
    } finally {
      this.running = false;
    }
  }

  /** Asks the running query (if any) to stop; it rejects with code `cancelled`. */
  cancel(): boolean {
    if (!this.running) return false;
    this.cancelRequested = true;
    return true;
  }

  /**
   * Stops the engine call in progress, not just its current query: the query being polled is
   * cancelled and every later query of the call rejects with code `cancelled` at once, so an
   * analysis cancelled between two of its queries (while it computes in JavaScript) stops at
   * its next one instead of running to the end. `beginCall` starts the next call afresh.
   */
  cancelCall(): void {
    this.callCancelled = true;
    this.cancel();
  }

  /** A new engine call starts: a cancellation of the previous one no longer applies. */
  beginCall(): void {
    this.callCancelled = false;
  }

  /**
   * Runs `fn` (synchronous calls on the connection, e.g. an Arrow insert) when no query is
   * being polled: calling the connection in the middle of a pending query breaks that query.
   * `cleanup` runs it even in a cancelled call (dropping a staging table must not be skipped).
   */
  async exclusive<T>(fn: () => T, cleanup = false): Promise<T> {
    await this.takeTurn(cleanup);
    try {
      return fn();
    } finally {
      this.running = false;
    }
  }

  /**
   * One connection runs one query at a time: waits until no query is running, then marks the
   * connection busy (no await between the check and the mark, so two waiters cannot both pass).
   * The caller clears `running` when done.
   */
  private async takeTurn(evenIfCancelled = false): Promise<void> {
    while (this.running) await yieldToEventLoop();
    if (this.callCancelled && !evenIfCancelled)
      throw new EngineError({ code: 'cancelled', message: 'Query cancelled.' });
    this.running = true;
  }
}

/** Reads the full result of a finished pending query (header + remaining chunks) into a Table. */
function readResult(bindings: DuckDBBindings, connId: number, header: Uint8Array): Table {
  const chunks: Uint8Array[] = [header];
  for (;;) {
    let chunk: Uint8Array | null = null;
    // null means "not ready yet"; an empty chunk ends the stream.
    do chunk = bindings.fetchQueryResults(connId);
    while (chunk === null);
    if (chunk.length === 0) break;
    chunks.push(chunk);
  }
  const reader = RecordBatchReader.from(chunks);
  return new Table(reader.readAll());
}

/** DuckDB-WASM binds prepared parameters through JSON: pass dates as ISO text. */
function bindable(p: SqlParam): number | string | boolean | null {
  return p instanceof Date ? p.toISOString() : p;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Classifies a DuckDB error. Errors that invalidate the instance ("FATAL", "INTERNAL", a trapped
 * wasm call or a heap overrun) become code `fatal`; the UI then offers a restart.
 */
export function toEngineError(e: unknown, sql?: string): EngineError {
  if (e instanceof EngineError) return e;
  const message = readableMessage(e instanceof Error ? e.message : String(e));
  // A trap or an invalidated database is a crash whatever the message says: the instance is broken.
  if (isEngineTrap(e))
    return new EngineError(
      { code: 'fatal', message: trapMessage(e), ...(sql === undefined ? {} : { sql }) },
      { cause: e },
    );
  // A refused file/URL/extension is the user's SQL reaching outside the engine: say why, not just DuckDB's words.
  const denied = explainAccessError(message);
  if (denied !== null)
    return new EngineError({ code: 'query', message: denied, ...(sql === undefined ? {} : { sql }) }, { cause: e });
  // DuckDB's own "Out of Memory Error" (a query over memory_limit) is recoverable: the query fails
  // and the database stays valid, so it is a query error. Only errors that break the instance are fatal.
  return new EngineError({ code: 'query', message, ...(sql === undefined ? {} : { sql }) }, { cause: e });
}

/**
 * DuckDB's message as a person reads it. The pending-query API reports some errors as DuckDB's
 * JSON error object (`{"exception_type":"Parser","exception_message":"syntax error…"}`); those
 * become "Parser Error: syntax error…", as DuckDB prints them everywhere else.
 */
function readableMessage(message: string): string {
  if (!message.startsWith('{"exception_type"')) return message;
  try {
    const parsed = JSON.parse(message) as { exception_type?: unknown; exception_message?: unknown };
    if (typeof parsed.exception_type === 'string' && typeof parsed.exception_message === 'string') {
      return `${parsed.exception_type} Error: ${parsed.exception_message}`;
    }
  } catch {
    // Not JSON after all: shown as it came.
  }
  return message;
}

/** A trap's message with its kind: V8's `RuntimeError` text alone ("unreachable") says little. */
function trapMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return e instanceof Error && e.name !== 'Error' && !message.startsWith(e.name) ? `${e.name}: ${message}` : message;
}
