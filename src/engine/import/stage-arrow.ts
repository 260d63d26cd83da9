/**
 * Loads text columns into a DuckDB staging table through Arrow IPC bytes. (In Node
 * `insertArrowTable` silently inserts nothing because duckdb-wasm carries its own copy of
 * apache-arrow; IPC bytes cross that boundary safely.)
 */
import { Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Database } from '../database.ts';
import { dropTables } from './run-sql.ts';
import type { TextColumns } from './text-columns.ts';

/** Creates (or replaces) `staging` with the columns as VARCHAR, rows in order. */
export function stageTextColumns(db: Database, staging: string, data: TextColumns): void {
  dropTables(db, staging);
  const vectors = Object.fromEntries(data.headers.map((h, i) => [h, vectorFromArray(data.columns[i]!, new Utf8())]));
  const table = new Table(vectors);
  db.conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name: staging, create: true });
}
