import type { AnalysisResult } from '../../analyses/types.ts';
import { getAnalysis } from '../../analyses/registry.ts';
import type { Locale } from '../../format/locale.ts';
import type { Cell as Value, ColumnarTable } from '../../sql/table.ts';
import type { SqlParam } from '../../sql/connection.ts';
import { quoteIdent } from '../../sql/quote.ts';
import { storageType } from '../../sql/column-type.ts';
import type { NotebookEffects, SqlRunResult } from './effects.ts';

/** The part of `EngineApi` the notebook needs (the engine in Node, or its Comlink proxy in the browser). */
export interface NotebookEngine {
  query(sql: string, params?: SqlParam[]): Promise<ColumnarTable>;
  runAnalysis(id: string, options: Record<string, unknown>, keepPrefix?: string): Promise<AnalysisResult>;
  /** `EngineApi.runSqlCell`: the cell's temp table, count, types and preview in one call (optional). */
  runSqlCell?(table: string, sql: string, params: SqlParam[], previewRows: number): Promise<SqlRunResult>;
  cancel?(): Promise<boolean>;
}

/** Quotes an identifier for DuckDB (the one helper, `src/sql/quote.ts`). */
export { quoteIdent };

/** What the adapter needs to know about the reader. */
export interface EffectSettings {
  /** The reader's language: analyses with a `language` option (tier names) default to it. */
  locale?: () => Locale | undefined;
}

/**
 * The options with `language` set to the reader's, when the analysis has that option and the
 * notebook did not set it (or set it to `auto`): default tier names (水晶…黑金) follow the UI language or `--lang`,
 * and a notebook's own `language:` or `tier_names:` still wins.
 */
export function withReaderLanguage(
  id: string,
  options: Record<string, unknown>,
  locale: Locale | undefined,
): Record<string, unknown> {
  if (!locale || (options.language !== undefined && options.language !== 'auto')) return options;
  return followsReaderLanguage(id) ? { ...options, language: locale } : options;
}

/** Whether analysis `id` has a `language` option (its output can follow the reader's language). */
export function followsReaderLanguage(id: string): boolean {
  try {
    return getAnalysis(id).options.some((o) => o.name === 'language');
  } catch {
    return false; // unknown analysis: the engine reports it when it runs
  }
}

/** Rows per INSERT when registering a table: keeps each prepared statement's parameter list small. */
const insertBatch = 200;

/**
 * `NotebookEffects` over the engine. Sql cells become temp tables (`CREATE OR REPLACE TEMP TABLE
 * <cell> AS <query>`, parameters bound by the engine); analysis tables are written into temp
 * tables with bound INSERTs, so the same adapter works through the worker boundary, where only
 * `query` exists.
 */
export function engineEffects(engine: NotebookEngine, settings: EffectSettings = {}): NotebookEffects {
  const localised = (id: string, options: Record<string, unknown>) =>
    withReaderLanguage(id, options, settings.locale?.());
  return {
    async dataColumns() {
      const t = await engine.query(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_catalog = current_database() ORDER BY table_name, ordinal_position",
      );
      const out: Record<string, string[]> = {};
      t.data[0]?.forEach((table, i) => (out[String(table)] ??= []).push(String(t.data[1]?.[i])));
      return out;
    },
    async runSql({ table, sql, params, previewRows }) {
      const name = quoteIdent(table);
      try {
        // One engine call when the engine offers it (through the worker boundary each call is a round trip).
        if (engine.runSqlCell) return await engine.runSqlCell(table, sql, params, previewRows);
        // The query starts on line 2 so DuckDB's "LINE n:" excerpt shows the user's own line.
        await engine.query(`CREATE OR REPLACE TEMP TABLE ${name} AS\n${sql}`, params);
      } catch (e) {
        // Report the failure against the cell's own query, not our wrapper.
        const err = e as Error & { info?: { sql?: string; message?: string } };
        const message = err.message.replace(/\bLINE (\d+):/g, (_, n: string) => `LINE ${Math.max(1, Number(n) - 1)}:`);
        if (err.info) err.info = { ...err.info, sql, message };
        if (message !== err.message) err.message = message;
        throw e;
      }
      const count = await engine.query(`SELECT count(*) AS n FROM ${name}`);
      const preview = await engine.query(`SELECT * FROM ${name} LIMIT ${Math.max(0, Math.floor(previewRows))}`);
      const types = await engine.query(
        `SELECT data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = 'main' AND table_catalog = 'temp' ORDER BY ordinal_position`,
        [table],
      );
      const columns = preview.columns.map((c, i) => ({ ...c, type: String(types.data[0]?.[i] ?? c.type) }));
      return { columns, rowCount: Number(count.data[0]![0]), preview: { ...preview, columns } };
    },
    // The engine keeps the result tables itself (materialised in the worker): nothing is sent back.
    runAnalysis: async (id, rawOptions, tablePrefix) => {
      const options = localised(id, rawOptions);
      if (tablePrefix === undefined) return engine.runAnalysis(id, options);
      return { ...(await engine.runAnalysis(id, options, tablePrefix)), registered: true };
    },
    async registerTable(table, data) {
      const name = quoteIdent(table);
      const types = data.columns.map((c) => storageType(c.kind, c.type));
      const cols = data.columns.map((c, i) => `${quoteIdent(c.name)} ${types[i]}`).join(', ');
      await engine.query(`CREATE OR REPLACE TEMP TABLE ${name} (${cols || 'empty BOOLEAN'})`);
      for (let start = 0; start < data.rowCount && data.columns.length; start += insertBatch) {
        const end = Math.min(data.rowCount, start + insertBatch);
        const params: SqlParam[] = [];
        const tuples: string[] = [];
        for (let r = start; r < end; r++) {
          tuples.push(
            `(${data.columns.map((_, c) => `$${params.push(bindValue(data.data[c]![r] ?? null, types[c]!))}::${types[c]}`).join(', ')})`,
          );
        }
        await engine.query(`INSERT INTO ${name} VALUES ${tuples.join(', ')}`, params);
      }
    },
    readTable: (table, limit) =>
      engine.query(`SELECT * FROM ${quoteIdent(table)} LIMIT ${Math.max(0, Math.floor(limit))}`),
    async dropTable(table) {
      // Only ever the temp catalog: a data table with the same name is never touched.
      await engine.query(`DROP TABLE IF EXISTS temp.main.${quoteIdent(table)}`);
    },
    cancel: async () => engine.cancel?.(),
  };
}

/** Dates bind as ISO text (DuckDB-WASM binds through JSON); the cast in the INSERT restores the type. */
function bindValue(v: Value, type: string): SqlParam {
  if (v instanceof Date)
    return type === 'DATE' ? v.toISOString().slice(0, 10) : v.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return v;
}
