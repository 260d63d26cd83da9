import type { AnalysisResult } from '../../analyses/types.ts';
import type { ColumnInfo, ColumnarTable } from '../../sql/table.ts';
import type { SqlParam } from '../../sql/connection.ts';

/** What a sql cell's run returns: the shape of the temp table it created and its first rows. */
export interface SqlRunResult {
  columns: ColumnInfo[];
  rowCount: number;
  /** The first `previewRows` rows. */
  preview: ColumnarTable;
}

/**
 * Everything the runtime asks of the outside world. The runtime itself is pure; the engine
 * adapter (`engineEffects`) implements this over DuckDB, tests implement it with fakes.
 */
export interface NotebookEffects {
  /**
   * Runs one query (with `$1…$n` bound to `params`, never spliced) into temp table `table`,
   * replacing it, and returns its summary.
   */
  runSql(request: { table: string; sql: string; params: SqlParam[]; previewRows: number }): Promise<SqlRunResult>;
  /**
   * Runs a registered analysis with raw options (validated by the analysis's option specs).
   * With `tablePrefix` the effect also makes each result table queryable as `<prefix><table>`, as
   * `registerTable` would, and returns `registered: true`; an effect that cannot leaves that to
   * the runtime.
   */
  runAnalysis(
    id: string,
    options: Record<string, unknown>,
    tablePrefix?: string,
  ): Promise<AnalysisResult & { registered?: boolean }>;
  /** Makes a table queryable from SQL under `name` (analysis outputs), replacing any previous one. */
  registerTable(name: string, table: ColumnarTable): Promise<void>;
  /** Reads up to `limit` rows of a table (chart data, select options). */
  readTable(name: string, limit: number): Promise<ColumnarTable>;
  /** Drops a temp table this runtime created (its cell was deleted or renamed). */
  dropTable?(name: string): Promise<void>;
  /** Asks the engine to stop the running query, if any (a newer run superseded it). */
  cancel?(): Promise<unknown>;
  /**
   * The loaded data's tables and their columns (for the notebook's `requires`). Without it the
   * runtime does not check requirements: each cell then finds out for itself.
   */
  dataColumns?(): Promise<Record<string, string[]>>;
}
