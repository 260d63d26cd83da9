import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { missingRequired } from '../analyses/not-applicable.ts';
import { parseOptions } from '../analyses/options.ts';
import { getAnalysis } from '../analyses/registry.ts';
import type { AnalysisResult } from '../analyses/types.ts';
import type { DatasetProfile } from '../model/profile.ts';
import { canonicalTables } from '../model/schema.ts';
import type { SummaryState } from '../model/summary/index.ts';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';
import { AnalysisCache, resultKey } from './analysis-cache.ts';
import { CANCELLABLE_CALLS, CallQueue, queued } from './call-queue.ts';
import type { DataFile, EngineApi, EngineStatus, ResultHandle, TableInfo } from './api.ts';
import { savedViews } from './database-file.ts';
import { Database } from './database.ts';
import { importMethods, writable } from './dataset-methods.ts';
import { loadCanonicalCsv } from './load-csv.ts';
import { materialise, stageNumeric } from './materialise.ts';
import { splitStatements, returnsRows } from './statements.ts';
import { dropSummary, ensureSummary, sourceFingerprint } from './summary.ts';
import { EngineError, toRows, type ColumnarTable, type SqlParam } from './types.ts';

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

  /** The database once it is open (for `cancel`, which must not wait for anything). */
  let opened: Database | null = null;
  /** Lazy start that never races: concurrent callers share one instantiation. */
  const database = (): Promise<Database> => {
    starting ??= bindingsFactory().then(
      (b) => (opened = Database.open(b, options.memoryLimit ? { memoryLimit: options.memoryLimit } : {})),
    );
    return starting;
  };
  /** Engine calls run one at a time (`call-queue.ts`). */
  const calls = new CallQueue();

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
    const saved = new Set(
      savedViews(db)
        .filter((v) => v.schema === 'main')
        .map((v) => v.name),
    );
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
      // Whether each column holds any value: one non-null row is enough, so each probe stops at
      // the first it finds (a count would read every column of the table in full; on a reopened
      // dataset that is every block of the file, before the first analysis can start). One
      // UNION ALL branch per column, returning the column's index when it found a value: the same
      // probes written as scalar subqueries in one SELECT cost DuckDB 10-25 times more (about
      // 300 ms against 8-25 ms per table of the sample, Node, warm code), on every cold start.
      const table = quoteIdent(def.name);
      const probes = names.map(
        (n, i) => `SELECT ${i} AS i FROM (SELECT 1 FROM ${table} WHERE ${quoteIdent(n)} IS NOT NULL LIMIT 1)`,
      );
      const found = new Set(names.length ? db.querySync(probes.join(' UNION ALL ')).data[0]!.map(Number) : []);
      out.tables[def.name] = {
        rowCount: info.rowCount,
        columns: names,
        populated: names.filter((_n, i) => found.has(i)),
      };
    }
    cachedProfile = { version, profile: out };
    return structuredClone(out);
  };

  const openResult = async (sql: string, params: SqlParam[] = [], firstRows = 200): Promise<ResultHandle> => {
    const db = await database();
    const started = performance.now();
    const statements = splitStatements(db, sql);
    if (statements.length === 0)
      throw new EngineError({ code: 'query', message: 'Nothing to run: the cell is empty.', sql });
    for (const s of statements.slice(0, -1)) await writable(db, () => db.run(s));
    const last = statements[statements.length - 1]!;
    const id = `r${nextResult++}`;
    if (statements.some((st) => mayChangeData(st))) dataChanged('mutated');
    if (!returnsRows(last)) {
      // DDL/SET/INSERT…: run it and keep its (small) result as a page of its own.
      const table = await writable(db, () => (params.length ? db.query(last, params) : db.run(last)));
      return {
        id: '',
        columns: table.columns,
        rowCount: table.rowCount,
        first: table,
        elapsedMs: performance.now() - started,
      };
    }
    // Materialise once inside the engine; the UI pages through it, so a 1M-row result never
    // crosses to the main thread whole.
    const table = `__result_${id}`;
    // The statement starts on line 2, so DuckDB's "LINE n:" excerpt quotes the user's own line
    // and never our wrapper (`rewriteSql` gives the numbers back).
    const ctas = `CREATE TEMP TABLE ${table} AS\n${last}`;
    // `query` waits for any query being polled (querySync would run over it on the same connection).
    await (params.length ? db.query(ctas, params) : db.run(ctas)).catch((e: unknown) => {
      throw rewriteSql(e, last);
    });
    const rowCount = Number(db.querySync(`SELECT count(*) FROM ${table}`).data[0]![0]);
    const types = toRows(
      db.querySync(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${quoteLiteral(table)} ORDER BY ordinal_position`,
      ),
    );
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

  return queued(
    {
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
        if (!r)
          throw new EngineError({
            code: 'internal',
            message: `result ${id} is no longer available; run the cell again`,
          });
        return db.querySync(
          `SELECT * FROM ${r.table} LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`,
        );
      },
      async releaseResult(id: string) {
        const r = results.get(id);
        if (!r) return;
        results.delete(id);
        (await database()).exec(`DROP TABLE IF EXISTS ${r.table}`);
      },
      async cancel() {
        // Only a call the user's next action supersedes is stopped (an import has `cancelImport`).
        if (opened === null || calls.current === null || !CANCELLABLE_CALLS.has(calls.current)) return false;
        opened.cancelCall();
        return true;
      },
      async runAnalysis(id: string, raw: Record<string, unknown>, keepPrefix?: string): Promise<AnalysisResult> {
        const { result, stages } = await analysisResult(id, raw, keepPrefix !== undefined);
        const db = await database();
        try {
          if (keepPrefix !== undefined) {
            for (const [name, table] of Object.entries(result.tables))
              await materialise(db, `${keepPrefix}${name}`, table);
            for (const [name, t] of Object.entries(result.engineTables ?? {})) {
              if (t.sql) await db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(`${keepPrefix}${name}`)} AS ${t.sql}`);
            }
          }
        } finally {
          for (const stage of stages) await db.run(`DROP TABLE IF EXISTS ${stage}`);
        }
        // Staged tables are gone: only the row counts leave the engine.
        if (result.engineTables)
          result.engineTables = Object.fromEntries(
            Object.entries(result.engineTables).map(([k, t]) => [k, { rowCount: t.rowCount }]),
          );
        return result;
      },
    },
    calls,
    () => opened?.beginCall(),
  );

  /**
   * Runs an analysis on the current dataset version, or answers from the result cache. Tables the
   * run staged (`stageNumeric`) are returned for the caller to keep and drop; a kept result whose
   * engine tables are wanted (`withEngineTables`) is run again, as its staged tables are gone.
   */
  async function analysisResult(
    id: string,
    raw: Record<string, unknown>,
    withEngineTables: boolean,
  ): Promise<{ result: AnalysisResult; stages: string[] }> {
    const def = getAnalysis(id);
    const opts = parseOptions(def.options, raw, id);
    const db = await database();
    const { version, summary, profile: prof } = await prepareData();
    const key = resultKey(id, opts);
    const kept = cache.result(key);
    if (kept && !(withEngineTables && Object.keys(kept.engineTables ?? {}).length)) return { result: kept, stages: [] };
    // A table the analysis needs is missing: it does not apply, and says what to import.
    const missing = missingRequired(def, prof);
    if (missing) return { result: missing, stages: [] };
    const stages: string[] = [];
    try {
      const result = await def.run(
        {
          db,
          profile: prof,
          summary,
          numeric: (sql) => db.numeric(sql),
          memo: (k, build) => cache.memo(k, build),
          stageNumeric: async (columns) => {
            const name = stageNumeric(db, columns);
            stages.push(name);
            return name;
          },
        },
        opts,
      );
      // Keep it only if the data did not change while it ran.
      if (dataVersion === version) cache.keep(key, result);
      return { result, stages };
    } catch (e) {
      for (const stage of stages) await db.run(`DROP TABLE IF EXISTS ${stage}`);
      throw e;
    }
  }
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
  return sql
    .split(';')
    .some((st) => verb.test(st) && canonicalTables.some((t) => new RegExp(`\\b${t.name}\\b`, 'i').test(st)));
}

/**
 * Reports errors from the wrapped CTAS (`CREATE TEMP TABLE … AS` on line 1, the statement from
 * line 2) against the user's own statement: its SQL, and line numbers counted in it.
 */
export function rewriteSql(e: unknown, sql: string): unknown {
  if (!(e instanceof EngineError)) return e;
  const message = e.info.message
    .replace(/LINE (\d+):/g, (_, n: string) => `LINE ${Math.max(1, Number(n) - 1)}:`)
    // A message that still quotes the wrapper (an excerpt DuckDB cut differently) loses it.
    .replace(/CREATE TEMP TABLE __result_r\d+ AS\s*/g, '');
  return new EngineError({ ...e.info, message, sql }, { cause: e });
}
