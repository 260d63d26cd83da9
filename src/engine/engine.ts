import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { parseOptions } from '../analyses/options.ts';
import { getAnalysis } from '../analyses/registry.ts';
import type { AnalysisResult } from '../analyses/types.ts';
import type { DatasetProfile } from '../model/profile.ts';
import { canonicalTables } from '../model/schema.ts';
import { quoteIdent } from '../sql/quote.ts';
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm/blocking';
import type { DataFile, EngineApi, EngineStatus, ExportedTable, ImportApi, ImportRequest, ResultHandle, StoredTableFile, TableInfo } from './api.ts';
import { cancelToken, importFile, inspectFile, previewImport, rejectsToCsv, type CancelToken, type ImportProgress } from './import/index.ts';
import { concatBytes } from './import/source.ts';
import { AnalysisCache, resultKey } from './analysis-cache.ts';
import { Database } from './database.ts';
import { materialise } from './materialise.ts';
import { dropSummary, ensureSummary, sourceFingerprint } from './summary.ts';
import type { SummaryState } from '../model/summary/index.ts';
import { detachSaved, dropSavedViews, hasSaved, isWriteToView, materialiseSaved, openDatabaseFile, savedViews, writeDatabaseFile } from './database-file.ts';
import { internalPath } from './internal-files.ts';
import { loadCanonicalCsv } from './load-csv.ts';
import { splitStatements, returnsRows } from './statements.ts';
import { EngineError, toRows, type ColumnInfo, type ColumnarTable, type SqlParam } from './types.ts';

/** Options for `createEngine`. */
export interface EngineOptions {
  /** DuckDB `memory_limit`, e.g. `'2GB'` (default: DuckDB's own). */
  memoryLimit?: string;
}

/**
 * The engine: DuckDB plus everything the app asks of it, behind `EngineApi`.
 * `bindingsFactory` supplies the platform's DuckDB-WASM bindings (browser worker or Node);
 * everything else is shared code.
 */
export function createEngine(
  bindingsFactory: () => Promise<DuckDBBindings>,
  options: EngineOptions = {},
): EngineApi & {
  database(): Promise<Database>;
  /** Tells the engine its data changed behind its back (code that wrote through `database()`, e.g. the CLI's folder import). */
  dataChanged(): Promise<void>;
} {
  let starting: Promise<Database> | null = null;
  let dataset: string | null = null;
  let nextResult = 1;
  const results = new Map<string, { table: string; rowCount: number }>();
  /**
   * The dataset version: bumped by every load, import, clear and every statement the engine runs
   * that may change a canonical table (`mayChangeData`). Every change to the data passes through
   * one of those, so the profile, the summary and cached results are checked against this number
   * instead of re-reading the catalog on every analysis.
   */
  let dataVersion = 0;
  /** Whether the next summary check may trust a stored summary (`check`) or must rebuild it. */
  let summaryCheck: 'check' | 'rebuild' = 'check';
  const dataChanged = (how: 'loaded' | 'mutated') => {
    dataVersion++;
    // A load replaces the data, so an earlier statement's changes no longer matter.
    summaryCheck = how === 'mutated' ? 'rebuild' : 'check';
  };
  const cache = new AnalysisCache();
  let summaryAt: { version: number; state: SummaryState | null } | null = null;

  /** Lazy start that never races: concurrent callers share one instantiation. */
  const database = (): Promise<Database> => {
    starting ??= bindingsFactory().then((b) => Database.open(b, options.memoryLimit ? { memoryLimit: options.memoryLimit } : {}));
    return starting;
  };

  const status = async (): Promise<EngineStatus> => {
    const db = await database();
    return { duckdbVersion: db.bindings.getVersion(), dataset, summary: summaryAt?.state ?? null };
  };

  const listTables = async (): Promise<TableInfo[]> => {
    const db = await database();
    const cols = toRows(
      db.querySync(`SELECT c.table_name, c.column_name, c.data_type, t.table_type
        FROM information_schema.columns c JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
        WHERE c.table_schema = 'main' AND c.table_catalog = current_database() AND c.table_name NOT LIKE '\\_\\_%' ESCAPE '\\'
        ORDER BY c.table_name, c.ordinal_position`),
    );
    const tables = new Map<string, TableInfo>();
    // A reopened dataset's tables are views of its database file until written to: they are tables to the user.
    const saved = new Set(savedViews(db).filter((v) => v.schema === 'main').map((v) => v.name));
    for (const c of cols) {
      const name = String(c.table_name);
      let info = tables.get(name);
      if (!info) {
        info = { name, kind: c.table_type === 'VIEW' && !saved.has(name) ? 'view' : 'table', rowCount: 0, columns: [] };
        tables.set(name, info);
      }
      info.columns.push({ name: String(c.column_name), type: String(c.data_type) });
    }
    for (const info of tables.values()) {
      info.rowCount = Number(db.querySync(`SELECT count(*) AS n FROM ${quoteIdent(info.name)}`).data[0]![0]);
    }
    return [...tables.values()];
  };

  /**
   * The profile counts the non-null values of every canonical column, which costs a scan per
   * table; it is computed once per dataset version.
   */
  let cachedProfile: { version: number; profile: DatasetProfile } | null = null;

  const profile = async (): Promise<DatasetProfile> => {
    const db = await database();
    const version = dataVersion;
    if (cachedProfile?.version === version) return structuredClone(cachedProfile.profile);
    const tables = await listTables();
    const out: DatasetProfile = { tables: {} };
    for (const def of canonicalTables) {
      const info = tables.find((t) => t.name === def.name);
      if (!info) continue;
      const names = info.columns.map((c) => c.name);
      const counts = db.querySync(`SELECT ${names.map((n) => `count(${quoteIdent(n)})`).join(', ')} FROM ${quoteIdent(def.name)}`);
      out.tables[def.name] = {
        rowCount: info.rowCount,
        columns: names,
        populated: names.filter((_n, i) => Number(counts.data[i]![0]) > 0),
      };
    }
    cachedProfile = { version, profile: out };
    return structuredClone(out);
  };

  const openResult = async (sql: string, params: SqlParam[] = [], firstRows = 200): Promise<ResultHandle> => {
    const db = await database();
    const started = performance.now();
    const statements = splitStatements(db, sql);
    if (statements.length === 0) throw new EngineError({ code: 'query', message: 'Nothing to run: the cell is empty.', sql });
    for (const s of statements.slice(0, -1)) await writable(db, () => db.run(s));
    const last = statements[statements.length - 1]!;
    const id = `r${nextResult++}`;
    if (statements.some((st) => mayChangeData(st))) dataChanged('mutated');
    if (!returnsRows(last)) {
      // DDL/SET/INSERT…: run it and keep its (small) result as a page of its own.
      const table = await writable(db, () => (params.length ? db.query(last, params) : db.run(last)));
      return { id: '', columns: table.columns, rowCount: table.rowCount, first: table, elapsedMs: performance.now() - started };
    }
    // Materialise once inside the engine; the UI pages through it, so a 1M-row result never
    // crosses to the main thread whole.
    const table = `__result_${id}`;
    const ctas = `CREATE TEMP TABLE ${table} AS ${last}`;
    // `query` waits for any query being polled (querySync would run over it on the same connection).
    if (params.length) await db.query(ctas, params);
    else await db.run(ctas).catch((e: unknown) => { throw rewriteSql(e, last); });
    const rowCount = Number(db.querySync(`SELECT count(*) FROM ${table}`).data[0]![0]);
    const types = toRows(db.querySync(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`));
    results.set(id, { table, rowCount });
    const first = db.querySync(`SELECT * FROM ${table} LIMIT ${Math.max(0, Math.floor(firstRows))}`);
    first.columns.forEach((c, i) => (c.type = String(types[i]?.data_type ?? c.type)));
    return { id, columns: first.columns, rowCount, first, elapsedMs: performance.now() - started };
  };

  /**
   * Brings the dataset version up to date: the cache follows it, and the customer-base summary
   * is built (or found current) for it. Called after every load or import, so the summary is
   * paid for once per dataset, and before every analysis, so no result is ever stale.
   */
  const prepareData = async (): Promise<{ version: number; summary: SummaryState | null; profile: DatasetProfile }> => {
    const db = await database();
    const prof = await profile();
    const version = dataVersion;
    cache.use(String(version));
    if (summaryAt?.version !== version) {
      // After a load, a stored summary (a reopened dataset) is trusted when its fingerprint still
      // matches; after a mutating statement it is rebuilt (an UPDATE keeps every row count).
      const state = await ensureSummary(db, prof, sourceFingerprint(db), summaryCheck === 'rebuild');
      summaryCheck = 'check';
      summaryAt = { version, state };
    }
    return { version, summary: summaryAt.state, profile: prof };
  };

  const importApi = importMethods(database, listTables, (name) => (dataset = name), {
    dropped: () => {
      summaryAt = null;
      dataChanged('loaded');
    },
    loaded: async () => {
      dataChanged('loaded');
      await prepareData();
    },
  });

  return {
    ...importApi,
    database,
    async dataChanged() {
      dataChanged('loaded');
      await prepareData();
    },
    async init() {
      return status();
    },
    status,
    async loadCanonicalCsv(name: string, files: DataFile[]) {
      const db = await database();
      dropSummary(db);
      summaryAt = null;
      loadCanonicalCsv(db, files);
      dataChanged('loaded');
      dataset = name;
      await prepareData();
      return listTables();
    },
    listTables,
    profile,
    async preview(table: string, limit: number) {
      const db = await database();
      return db.querySync(`SELECT * FROM ${quoteIdent(table)} LIMIT ${Math.max(0, Math.floor(limit))}`);
    },
    async query(sql: string, params: SqlParam[] = []) {
      const db = await database();
      if (mayChangeData(sql)) dataChanged('mutated');
      return writable(db, () => db.query(sql, params));
    },
    openResult,
    async runSqlCell(table: string, sql: string, params: SqlParam[], previewRows: number) {
      const db = await database();
      const name = quoteIdent(table);
      const ctas = `CREATE OR REPLACE TEMP TABLE ${name} AS\n${sql}`;
      if (mayChangeData(sql)) dataChanged('mutated');
      await writable(db, () => db.query(ctas, params));
      const rowCount = Number(db.querySync(`SELECT count(*) FROM ${name}`).data[0]?.[0] ?? 0);
      const preview = db.querySync(`SELECT * FROM ${name} LIMIT ${Math.max(0, Math.floor(previewRows))}`);
      const types = db.querySync(
        `SELECT data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = 'main' AND table_catalog = 'temp' ORDER BY ordinal_position`,
        [table],
      );
      const columns = preview.columns.map((c, i) => ({ ...c, type: String(types.data[0]?.[i] ?? c.type) }));
      return { columns, rowCount, preview: { ...preview, columns } };
    },
    async fetchRows(id: string, offset: number, limit: number): Promise<ColumnarTable> {
      const db = await database();
      const r = results.get(id);
      if (!r) throw new EngineError({ code: 'internal', message: `result ${id} is no longer available; run the cell again` });
      return db.querySync(`SELECT * FROM ${r.table} LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`);
    },
    async releaseResult(id: string) {
      const r = results.get(id);
      if (!r) return;
      results.delete(id);
      (await database()).exec(`DROP TABLE IF EXISTS ${r.table}`);
    },
    async cancel() {
      if (!starting) return false;
      return (await database()).cancel();
    },
    async runAnalysis(id: string, raw: Record<string, unknown>, keepPrefix?: string): Promise<AnalysisResult> {
      const result = await analysisResult(id, raw);
      if (keepPrefix !== undefined) {
        const db = await database();
        for (const [name, table] of Object.entries(result.tables)) await materialise(db, `${keepPrefix}${name}`, table);
      }
      return result;
    },
  };

  /** Runs an analysis on the current dataset version, or answers from the result cache. */
  async function analysisResult(id: string, raw: Record<string, unknown>): Promise<AnalysisResult> {
    const def = getAnalysis(id);
    const opts = parseOptions<Record<string, unknown>>(def.options, raw, id);
    const db = await database();
    const { version, summary, profile: prof } = await prepareData();
    const key = resultKey(id, opts);
    const kept = cache.result(key);
    if (kept) return kept;
    const result = await def.run(
      { db, profile: prof, summary, numeric: (sql) => db.numeric(sql), memo: (k, build) => cache.memo(k, build) },
      opts,
    );
    // Keep it only if the data did not change while it ran.
    if (dataVersion === version) cache.keep(key, result);
    return result;
  }
}

/**
 * Import and saved datasets (docs/import.md). Imports share the one DuckDB; each running import
 * keeps a cancel token under the caller's job id so a second message can stop it.
 */
function importMethods(
  database: () => Promise<Database>,
  listTables: () => Promise<TableInfo[]>,
  setDataset: (name: string | null) => void,
  hooks: { dropped: () => void; loaded: () => Promise<void> },
): ImportApi {
  const jobs = new Map<string, { cancel: () => void; token: CancelToken }>();
  let nextJob = 1;

  const clearData = async () => {
    const db = await database();
    const rows = toRows(db.querySync(`SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema IN ('main', 'summary') AND table_catalog = current_database()`));
    const name = (r: (typeof rows)[number]) => `${quoteIdent(String(r.table_schema))}.${quoteIdent(String(r.table_name))}`;
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
      const keep = new Set(tables.map((t) => t.from));
      const rows = toRows(db.querySync(`SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`));
      for (const r of rows.filter((x) => x.table_type === 'VIEW')) db.exec(`DROP VIEW IF EXISTS ${quoteIdent(String(r.table_name))}`);
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
      if (!/^__rejects_[\w]+$/.test(rejectsTable)) throw new EngineError({ code: 'input', message: `not a rejects table: ${rejectsTable}` });
      return rejectsToCsv(db.querySync(`SELECT * FROM ${quoteIdent(rejectsTable)} ORDER BY "row"`));
    },
    clearData,
    async exportTables(tables) {
      const db = await database();
      const out: ExportedTable[] = [];
      for (const table of tables) {
        const columns = toRows(db.querySync(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $1 ORDER BY ordinal_position`, [table]))
          .map((c) => ({ name: String(c.column_name), type: String(c.data_type) }));
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
              `COPY (SELECT * FROM ${quoteIdent(table)} WHERE rowid >= ${from} AND rowid < ${from + EXPORT_SLICE_ROWS}) TO '${path}' (FORMAT csv, HEADER ${from === 0}, DATEFORMAT '%Y-%m-%d', USE_TMP_FILE false)`,
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
          const columns = file.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
          // COPY writes an empty string as "" and NULL as nothing; allow_quoted_nulls = false keeps them apart.
          db.exec(`CREATE OR REPLACE TABLE ${quoteIdent(file.table)} AS SELECT * FROM read_csv('${path}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, dateformat = '%Y-%m-%d', columns = {${columns}})`);
        } catch (e) {
          // DuckDB's first line says what failed; the rest is advice about its own sniffer, which is not used here.
          const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
          throw new EngineError({ code: 'input', message: `${file.fileName}: the saved table could not be read back (${msg}). Import the file again.`, details: { file: file.fileName } }, { cause: e });
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
async function writable<T>(db: Database, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!isWriteToView(e) || savedViews(db).length === 0) throw e;
    await materialiseSaved(db);
    return run();
  }
}

/** A SQL string literal. */
function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Quotes an identifier for DuckDB (re-exported from the one helper, `src/sql/quote.ts`). */
export { quoteIdent };

/**
 * Whether a statement may change a canonical table (and so the summary): a data-changing verb
 * (temp tables excepted: the notebook's own results) in a statement that names a canonical
 * table as a word. A false positive only costs a summary rebuild; inserts and deletes are also
 * caught by the tables' fingerprint (row counts).
 */
export function mayChangeData(sql: string): boolean {
  const verb = /^\s*(update|delete|insert|alter|drop|truncate|copy|merge|create\s+(or\s+replace\s+)?(table|view))\b/i;
  return sql.split(';').some((st) => verb.test(st) && canonicalTables.some((t) => new RegExp(`\\b${t.name}\\b`, 'i').test(st)));
}

/** Reports errors from the wrapped CTAS against the user's own statement. */
function rewriteSql(e: unknown, sql: string): unknown {
  if (e instanceof EngineError) return new EngineError({ ...e.info, sql }, { cause: e });
  return e;
}
