/**
 * Import and saved datasets (docs/import.md): the part of `EngineApi` that brings data in,
 * replaces it and saves it. `createEngine` wires it to the engine's dataset version through
 * `hooks` (`dropped` when the data is cleared, `loaded` when new data is in).
 */
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm/blocking';
import { canonicalTables } from '../model/schema.ts';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';
import type { ExportedTable, ImportApi, ImportRequest, StoredTableFile, TableInfo } from './api.ts';
import type { Database } from './database.ts';
import {
  detachSaved,
  dropSavedViews,
  hasSaved,
  isWriteToView,
  materialiseSaved,
  openDatabaseFile,
  savedViews,
  writeDatabaseFile,
} from './database-file.ts';
import {
  cancelToken,
  importFile,
  inspectFile,
  previewImport,
  rejectsToCsv,
  type CancelToken,
  type ImportProgress,
} from './import/index.ts';
import { concatBytes } from './import/source.ts';
import { internalPath } from './internal-files.ts';
import { dropSummary } from './summary.ts';
import { EngineError, toRows } from './types.ts';

/**
 * Import and saved datasets (docs/import.md). Imports share the one DuckDB; each running import
 * keeps a cancel token under the caller's job id so a second message can stop it.
 */
export function importMethods(
  database: () => Promise<Database>,
  listTables: () => Promise<TableInfo[]>,
  setDataset: (name: string | null) => void,
  hooks: { dropped: () => void; loaded: () => Promise<void> },
): ImportApi {
  const jobs = new Map<string, { cancel: () => void; token: CancelToken }>();
  let nextJob = 1;

  const clearData = async () => {
    const db = await database();
    const rows = toRows(
      db.querySync(
        `SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema IN ('main', 'summary') AND table_catalog = current_database()`,
      ),
    );
    const name = (r: (typeof rows)[number]) =>
      `${quoteIdent(String(r.table_schema))}.${quoteIdent(String(r.table_name))}`;
    // Views first: they may read the tables.
    for (const r of rows.filter((x) => x.table_type === 'VIEW')) db.exec(`DROP VIEW IF EXISTS ${name(r)}`);
    for (const r of rows.filter((x) => x.table_type !== 'VIEW')) db.exec(`DROP TABLE IF EXISTS ${name(r)}`);
    detachSaved(db);
    dropSummary(db);
    hooks.dropped();
    setDataset(null);
  };

  return {
    async commitImport(tables) {
      const db = await database();
      // Checked before anything is dropped: a missing staged table (an import that failed or was
      // discarded) must not turn into a dataset without it, nor leave the engine with no data.
      checkCommit(db, tables);
      const keep = new Set(tables.map((t) => t.from));
      const rows = toRows(
        db.querySync(
          `SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`,
        ),
      );
      for (const r of rows.filter((x) => x.table_type === 'VIEW'))
        db.exec(`DROP VIEW IF EXISTS ${quoteIdent(String(r.table_name))}`);
      for (const r of rows.filter((x) => x.table_type !== 'VIEW')) {
        const name = String(r.table_name);
        // Rejected rows stay for the report's download.
        if (!keep.has(name) && !name.startsWith('__rejects_')) db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      }
      // The reopened dataset's summaries go with it, and its file is let go.
      dropSavedViews(db);
      detachSaved(db);
      for (const t of tables) db.exec(`ALTER TABLE ${quoteIdent(t.from)} RENAME TO ${quoteIdent(t.to)}`);
      dropSummary(db);
      hooks.dropped();
      setDataset(null);
      // The summary of the new data is built now, as part of the import, not on the first analysis.
      await hooks.loaded();
      return listTables();
    },
    async discardImport(tables) {
      const db = await database();
      for (const t of tables) db.exec(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
    },
    async inspectImport(source, options) {
      return inspectFile(await database(), source, options);
    },
    async previewImport(source, mapping, options) {
      return previewImport(await database(), source, mapping, options);
    },
    async importFile(source, request: ImportRequest, onProgress?: (p: ImportProgress) => void) {
      const db = await database();
      const jobId = request.jobId ?? `job${nextJob++}`;
      const job = cancelToken();
      jobs.set(jobId, job);
      // Progress crosses the worker boundary: send it only when it moves by a percent or the phase changes.
      let last: ImportProgress | null = null;
      const progress = (p: ImportProgress) => {
        if (last && last.phase === p.phase && p.fraction - last.fraction < 0.01) return;
        last = p;
        void Promise.resolve(onProgress?.(p)).catch(() => undefined);
      };
      try {
        const { jobId: _id, ...options } = request;
        return await importFile(db, source, { ...options, token: job.token, onProgress: progress });
      } finally {
        jobs.delete(jobId);
      }
    },
    async cancelImport(jobId) {
      const job = jobs.get(jobId);
      job?.cancel();
      return !!job;
    },
    async rejectsCsv(rejectsTable) {
      const db = await database();
      if (!/^__rejects_[\w]+$/.test(rejectsTable))
        throw new EngineError({ code: 'input', message: `not a rejects table: ${rejectsTable}` });
      return rejectsToCsv(db.querySync(`SELECT * FROM ${quoteIdent(rejectsTable)} ORDER BY "row"`));
    },
    clearData,
    async exportTables(tables) {
      const db = await database();
      const out: ExportedTable[] = [];
      for (const table of tables) {
        const columns = toRows(
          db.querySync(
            `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $1 ORDER BY ordinal_position`,
            [table],
          ),
        ).map((c) => ({ name: String(c.column_name), type: String(c.data_type) }));
        if (!columns.length) throw new EngineError({ code: 'input', message: `table ${table} does not exist` });
        const rowCount = Number(db.querySync(`SELECT count(*) FROM ${quoteIdent(table)}`).data[0]![0]);
        const lastRowid = Number(db.querySync(`SELECT coalesce(max(rowid), -1) FROM ${quoteIdent(table)}`).data[0]![0]);
        const parts: Uint8Array[] = [];
        // Slice by rowid (file order); the first slice carries the header, even for an empty table.
        for (let from = 0; from === 0 || from <= lastRowid; from += EXPORT_SLICE_ROWS) {
          const path = internalPath(`export-${table}-${from}.csv`);
          // An empty registered buffer makes DuckDB write into its in-memory file system (in Node
          // and the browser alike, never the host disk); we copy it out and free it.
          db.bindings.registerFileBuffer(path, new Uint8Array(0));
          try {
            await db.run(
              `COPY (SELECT * FROM ${quoteIdent(table)} WHERE rowid >= ${from} AND rowid < ${from + EXPORT_SLICE_ROWS}) TO ${quoteLiteral(path)} (FORMAT csv, HEADER ${from === 0}, DATEFORMAT '%Y-%m-%d', USE_TMP_FILE false)`,
            );
            parts.push(db.bindings.copyFileToBuffer(path));
          } finally {
            db.bindings.dropFile(path);
          }
        }
        out.push({ table, rowCount, columns, bytes: concatBytes(parts) });
      }
      return out;
    },
    async exportDatabase() {
      const db = await database();
      // A reopened dataset's views become tables first: views are not saved.
      if (hasSaved(db)) await materialiseSaved(db);
      return writeDatabaseFile(db);
    },
    async loadDatabase(name, file, fileName) {
      const db = await database();
      await clearData();
      await openDatabaseFile(db, file, fileName);
      setDataset(name);
      // A saved summary comes back with the file and is trusted if it matches the data.
      await hooks.loaded();
      return listTables();
    },
    async loadDataset(name, files: StoredTableFile[]) {
      const db = await database();
      await clearData();
      for (const file of files) {
        const path = internalPath(`dataset-${file.table}.csv`);
        if (file.data instanceof Uint8Array) db.bindings.registerFileBuffer(path, file.data);
        // A disk-backed File (OPFS): DuckDB reads it in slices, it is never copied whole.
        else db.bindings.registerFileHandle(path, file.data, DuckDBDataProtocol.BROWSER_FILEREADER, true);
        try {
          const columns = file.columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(', ');
          // COPY writes an empty string as "" and NULL as nothing; allow_quoted_nulls = false keeps them apart.
          db.exec(
            `CREATE OR REPLACE TABLE ${quoteIdent(file.table)} AS SELECT * FROM read_csv(${quoteLiteral(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, dateformat = '%Y-%m-%d', columns = {${columns}})`,
          );
        } catch (e) {
          // DuckDB's first line says what failed; the rest is advice about its own sniffer, which is not used here.
          const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
          throw new EngineError(
            {
              code: 'input',
              message: `${file.fileName}: the saved table could not be read back (${msg}). Import the file again.`,
              details: { file: file.fileName },
            },
            { cause: e },
          );
        } finally {
          db.bindings.dropFile(path);
        }
      }
      setDataset(name);
      await hooks.loaded();
      return listTables();
    },
  };
}

/**
 * Rows per COPY when a table is exported. DuckDB-WASM's in-memory files grow by reallocation, so
 * one COPY's time grows with the square of its output (measured in Node: 1M rows 2.3 s, 4M rows
 * 33 s, 10M rows 173 s); slices of 250k rows (~8 MB of CSV, ~0.6 s each) keep it linear.
 */
const EXPORT_SLICE_ROWS = 250_000;

/**
 * Runs a statement; when it fails because it writes to a view of a reopened dataset (INSERT,
 * ALTER, DROP TABLE… on `transactions`), turns those views into tables and runs it once more.
 * A failed statement changed nothing, so the retry is safe.
 */
export async function writable<T>(db: Database, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!isWriteToView(e) || savedViews(db).length === 0) throw e;
    await materialiseSaved(db);
    return run();
  }
}

/** Throws, changing nothing, unless every staged table exists and each becomes a different canonical table. */
function checkCommit(db: Database, tables: readonly { from: string; to: string }[]): void {
  if (tables.length === 0)
    throw new EngineError({ code: 'input', message: 'nothing to commit: no table was imported.' });
  const present = new Set(
    toRows(
      db.querySync(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`,
      ),
    ).map((r) => String(r.table_name)),
  );
  const missing = tables.filter((t) => !present.has(t.from)).map((t) => t.to);
  if (missing.length)
    throw new EngineError({
      code: 'input',
      message: `the import is incomplete: ${missing.join(', ')} did not import, so nothing was changed.`,
      details: { missing: missing.join(', ') },
    });
  const names = tables.map((t) => t.to);
  const canonical = new Set<string>(canonicalTables.map((t) => t.name));
  const wrong = names.filter((n, i) => !canonical.has(n) || names.indexOf(n) !== i);
  if (wrong.length)
    throw new EngineError({
      code: 'input',
      message: `cannot commit the import: ${wrong.join(', ')} is not one canonical table per file.`,
    });
}
