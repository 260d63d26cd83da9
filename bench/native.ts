/**
 * Native DuckDB (`@duckdb/node-api`, a devDependency) as the yardstick: an in-memory instance
 * that replays statements recorded from the WASM engine and reads every result into JS values,
 * as the WASM side converts every result to a ColumnarTable.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { SqlParam } from '../src/engine/types.ts';
import type { RecordedQuery } from './recorded.ts';

/** An open native connection and its settings. */
export interface NativeDb {
  conn: DuckDBConnection;
  /** `threads` setting in effect. */
  threads: number;
  version: string;
  close(): void;
}

/** Opens an in-memory native DuckDB; `threads` = 1 pins it to one core, undefined keeps DuckDB's default (one per core). */
export async function openNative(threads?: number): Promise<NativeDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  if (threads !== undefined) await conn.run(`SET threads = ${Math.floor(threads)}`);
  const setting = (await conn.runAndReadAll(`SELECT current_setting('threads') AS t, version() AS v`)).getRowsJS()[0]!;
  return {
    conn,
    threads: Number(setting[0]),
    version: String(setting[1]),
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** The engine binds a Date as ISO text (see `Database.querySync`); bind it the same way here. */
function bindable(p: SqlParam): DuckDBValue {
  return p instanceof Date ? p.toISOString() : p;
}

/** Runs one statement and reads its whole result into JS values; returns the row count. */
export async function runNative(db: NativeDb, sql: string, params: readonly SqlParam[] = []): Promise<number> {
  const reader = await db.conn.runAndReadAll(sql, params.length ? params.map(bindable) : undefined);
  reader.getColumnsJS();
  return reader.currentRowCount;
}

/** DDL results differ between the engines' APIs (a count row or none); compare SELECTs only. */
function returnsRows(sql: string): boolean {
  return /^\s*(select|with|from)\b/i.test(sql);
}

/**
 * Replays recorded statements; `rewrite` maps SQL first (e.g. a registered WASM file name to a
 * host path). Returns statements whose row count differs from the WASM run: a sign the two
 * engines did not compute the same thing, which the report flags.
 */
export async function replayOnNative(
  db: NativeDb,
  queries: readonly RecordedQuery[],
  rewrite: (sql: string) => string = (s) => s,
): Promise<string[]> {
  const mismatches: string[] = [];
  for (const q of queries) {
    const rows = await runNative(db, rewrite(q.sql), q.params);
    if (q.rows !== null && returnsRows(q.sql) && rows !== q.rows)
      mismatches.push(`${q.sql.slice(0, 80).replace(/\s+/g, ' ')}… wasm ${q.rows} rows, native ${rows}`);
  }
  return mismatches;
}
