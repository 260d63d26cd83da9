/**
 * A dataset saved as one DuckDB database file, and opened again from it.
 *
 * Reopening a saved dataset used to re-parse its CSV files (13.4 s in the browser worker at 1M
 * customers / 9.3M transactions); attaching a database file skips the parsing and typing
 * (docs/benchmarks.md, "Reopening a saved dataset"). Every table of the schemas in
 * `SAVED_SCHEMAS` is saved, except bookkeeping tables whose names start with `__` (staging,
 * rejects, results). Every path is under `INTERNAL_DIR`, the one directory the external-access
 * lock allows.
 */
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm/blocking';
import type { Database } from './database.ts';
import { emptyDatabaseFile } from './empty-database.ts';
import { internalPath } from './internal-files.ts';
import { EngineError, toRows } from './types.ts';
import { count } from '../format/number.ts';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';

/** Schemas of the active data: the canonical tables (`main`) and the per-customer summaries. */
export const SAVED_SCHEMAS = ['main', 'summary'] as const;

/** One table inside a saved database file. */
export interface SavedTable {
  schema: string;
  table: string;
  rowCount: number;
  columns: { name: string; type: string }[];
}

/** The active data written as a DuckDB database file. */
export interface ExportedDatabase {
  tables: SavedTable[];
  /** The database file (DuckDB storage version 64, readable by DuckDB 1.4 and later). */
  bytes: Uint8Array;
}

const SAVE_ALIAS = '__save';
const OPEN_ALIAS = '__saved';
let nextFile = 1;

/** `"catalog"."schema"."table"` with quoting. */
const qualified = (catalog: string, schema: string, table: string) =>
  [catalog, schema, table].map(quoteIdent).join('.');

/** Schema and name of every table of `catalog` that a saved dataset holds, in a stable order. */
function tableNames(db: Database, catalog: string): { schema: string; table: string }[] {
  const schemas = SAVED_SCHEMAS.map(quoteLiteral).join(', ');
  return toRows(
    db.querySync(
      `SELECT schema_name, table_name FROM duckdb_tables()
      WHERE database_name = $1 AND NOT temporary AND schema_name IN (${schemas}) AND NOT starts_with(table_name, '__')
      ORDER BY schema_name, table_name`,
      [catalog],
    ),
  ).map((r) => ({ schema: String(r.schema_name), table: String(r.table_name) }));
}

/** The tables of `catalog` that a saved dataset holds, with their columns and row counts. */
export function savedTables(db: Database, catalog: string): SavedTable[] {
  return tableNames(db, catalog).map(({ schema, table }) => {
    const columns = toRows(
      db.querySync(
        `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = $1 AND schema_name = $2 AND table_name = $3 ORDER BY column_index`,
        [catalog, schema, table],
      ),
    ).map((c) => ({ name: String(c.column_name), type: String(c.data_type) }));
    const rowCount = Number(db.querySync(`SELECT count(*) FROM ${qualified(catalog, schema, table)}`).data[0]![0]);
    return { schema, table, rowCount, columns };
  });
}

/**
 * Writes every saved table of the active data into a new database file and returns its bytes.
 * The file is a registered in-memory buffer (never the host disk): it starts as an empty database
 * (`emptyDatabaseFile`), its write-ahead log is a buffer too, and `CHECKPOINT` before `DETACH`
 * moves everything into the file. Without that checkpoint of *this* database (a bare `CHECKPOINT`
 * checkpoints the default one) the newest tables stay in the log, which is not saved, and are
 * missing on reopen.
 */
export async function writeDatabaseFile(db: Database): Promise<ExportedDatabase> {
  const catalog = currentDatabase(db);
  const tables = savedTables(db, catalog);
  const path = internalPath(`save-${nextFile++}.duckdb`);
  const wal = `${path}.wal`;
  db.bindings.registerFileBuffer(path, emptyDatabaseFile());
  db.bindings.registerFileBuffer(wal, new Uint8Array(0));
  try {
    db.exec(`ATTACH ${quoteLiteral(path)} AS ${SAVE_ALIAS}`);
    try {
      for (const schema of new Set(tables.map((t) => t.schema)))
        db.exec(`CREATE SCHEMA IF NOT EXISTS ${SAVE_ALIAS}.${quoteIdent(schema)}`);
      // A plain scan keeps insertion order (preserve_insertion_order), so rows come back in import order.
      for (const t of tables)
        await db.run(
          `CREATE TABLE ${qualified(SAVE_ALIAS, t.schema, t.table)} AS SELECT * FROM ${qualified(catalog, t.schema, t.table)}`,
        );
      db.exec(`CHECKPOINT ${SAVE_ALIAS}`);
    } finally {
      db.exec(`DETACH ${SAVE_ALIAS}`);
    }
    return { tables, bytes: db.bindings.copyFileToBuffer(path) };
  } finally {
    db.bindings.dropFile(path);
    db.bindings.dropFile(wal);
  }
}

/**
 * Makes the tables of a database file the active data, after the caller cleared it: the file is
 * attached read-only as `__saved` and every saved table becomes a view of the same schema and name
 * (`main.transactions` → `"__saved"."main"."transactions"`), so analyses and notebook SQL query
 * them unqualified. In the browser the file is a disk-backed OPFS `File`, registered as a handle
 * and read in slices; in Node it is bytes.
 *
 * Why views and not copies: at 100k customers (Node, same engine, load average ~7) attaching took
 * 12 ms and views 30 ms, while copying the four tables into memory took 1.9 s, and the copy grows
 * with the data (10× at 1M), beyond the 2 s a reopen may take; the whale curve ran about as fast on
 * the views (it reads compressed blocks, as after an import's CHECKPOINT). The first statement that
 * writes to one of these views turns them into in-memory tables (`materialiseSaved`), so imports,
 * INSERT, ALTER and DROP keep working as on any table.
 */
export async function openDatabaseFile(
  db: Database,
  file: Blob | Uint8Array,
  fileName: string,
): Promise<{ schema: string; table: string }[]> {
  const damage = await checkShape(file);
  if (damage)
    throw new EngineError({
      code: 'input',
      message: `${fileName}: the saved database is damaged (${damage}). Import the data again.`,
      details: { file: fileName },
    });
  detachSaved(db);
  const catalog = currentDatabase(db);
  const path = internalPath(`open-${nextFile++}.duckdb`);
  if (file instanceof Uint8Array) db.bindings.registerFileBuffer(path, file);
  else db.bindings.registerFileHandle(path, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  try {
    db.exec(`ATTACH ${quoteLiteral(path)} AS ${OPEN_ALIAS} (READ_ONLY)`);
  } catch (e) {
    db.bindings.dropFile(path);
    throw new EngineError(
      {
        code: 'input',
        message: `${fileName}: the saved database could not be opened (${firstLine(e)}). Import the data again.`,
        details: { file: fileName },
      },
      { cause: e },
    );
  }
  try {
    // Names only: the data panel counts the rows anyway (listTables), once.
    const tables = tableNames(db, OPEN_ALIAS);
    for (const schema of new Set(tables.map((t) => t.schema)))
      db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(catalog)}.${quoteIdent(schema)}`);
    for (const t of tables)
      db.exec(
        `CREATE OR REPLACE VIEW ${qualified(catalog, t.schema, t.table)} AS SELECT * FROM ${qualified(OPEN_ALIAS, t.schema, t.table)}`,
      );
    return tables;
  } catch (e) {
    dropSavedViews(db);
    detachSaved(db);
    throw new EngineError(
      {
        code: 'input',
        message: `${fileName}: the saved database could not be read back (${firstLine(e)}). Import the data again.`,
        details: { file: fileName },
      },
      { cause: e },
    );
  }
}

/** The views of the active data that read the attached saved database: `schema.name` → schema and name. */
export function savedViews(db: Database): { schema: string; name: string }[] {
  if (!hasSaved(db)) return [];
  return toRows(
    // DuckDB keeps the definition unquoted: `CREATE VIEW t AS SELECT * FROM __saved.main.t;`.
    db.querySync(
      `SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal AND contains(sql, $1)`,
      [` FROM ${OPEN_ALIAS}.`],
    ),
  ).map((r) => ({ schema: String(r.schema_name), name: String(r.view_name) }));
}

/**
 * Turns every view of the saved database into an in-memory table of the same name (in one
 * transaction: a failure leaves the views), then detaches the file. Called before a statement
 * writes to the active data; reads never pay for it.
 */
export async function materialiseSaved(db: Database): Promise<void> {
  const views = savedViews(db);
  if (views.length) {
    const catalog = currentDatabase(db);
    db.exec('BEGIN TRANSACTION');
    try {
      for (const v of views) {
        db.exec(`DROP VIEW ${qualified(catalog, v.schema, v.name)}`);
        await db.run(
          `CREATE TABLE ${qualified(catalog, v.schema, v.name)} AS SELECT * FROM ${qualified(OPEN_ALIAS, v.schema, v.name)}`,
        );
      }
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  }
  detachSaved(db);
}

/** Drops the views that read the saved database (the active data is being replaced). */
export function dropSavedViews(db: Database): void {
  const catalog = currentDatabase(db);
  for (const v of savedViews(db)) db.exec(`DROP VIEW IF EXISTS ${qualified(catalog, v.schema, v.name)}`);
}

/** Detaches the saved database, if attached, and unregisters its file. */
export function detachSaved(db: Database): void {
  const rows = toRows(db.querySync(`SELECT path FROM duckdb_databases() WHERE database_name = $1`, [OPEN_ALIAS]));
  if (!rows.length) return;
  db.exec(`DETACH ${OPEN_ALIAS}`);
  db.bindings.dropFile(String(rows[0]!.path));
}

/** True when a saved database is attached (the active data is a reopened dataset). */
export function hasSaved(db: Database): boolean {
  return (
    Number(db.querySync(`SELECT count(*) FROM duckdb_databases() WHERE database_name = $1`, [OPEN_ALIAS]).data[0]![0]) >
    0
  );
}

/** DuckDB's errors for a write aimed at a view (INSERT, UPDATE, DELETE, ALTER, DROP TABLE, CREATE OR REPLACE TABLE). */
export function isWriteToView(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /of type View|Can only (insert into|update|delete from|modify view)|base table|is not an? table/i.test(
    message,
  );
}

/** DuckDB's header blocks (main header and two database headers) and its default block size. */
const HEADER_BYTES = 3 * 4096;
const BLOCK_BYTES = 262_144;

/**
 * Why a file cannot be a database DuckDB wrote, or null. DuckDB-WASM 1.32 never returns from
 * ATTACH on a file cut off inside a block (measured: a 20,000-byte head of a saved file spins
 * forever; cut at a block boundary it reports "Corrupt database file"), which would hang the
 * worker; a file DuckDB wrote is its headers plus whole 256 KiB blocks, so a cut is caught here.
 */
async function checkShape(file: Blob | Uint8Array): Promise<string | null> {
  const size = file instanceof Uint8Array ? file.byteLength : file.size;
  if (size < HEADER_BYTES || (size - HEADER_BYTES) % BLOCK_BYTES !== 0)
    return `${count(size)} bytes: not a whole DuckDB database file`;
  const head =
    file instanceof Uint8Array ? file.subarray(8, 12) : new Uint8Array(await file.slice(8, 12).arrayBuffer());
  return String.fromCharCode(...head) === 'DUCK' ? null : 'not a DuckDB database file';
}

function currentDatabase(db: Database): string {
  return String(db.querySync('SELECT current_database()').data[0]![0]);
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
