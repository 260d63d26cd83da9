/**
 * What code above the engine runs SQL through, and what may be bound to it. The engine implements
 * it; analyses and the notebook only see this interface.
 */
import type { ColumnarTable } from './table.ts';

/** A value that may be bound to a `$n` / `?` parameter. Never spliced into SQL text. */
export type SqlParam = number | string | boolean | null | Date;

/**
 * The narrow IO interface everything above the engine uses to run SQL.
 * Implemented by the engine in the worker, by the Node engine in tests and the CLI,
 * and by the UI's Comlink proxy. Parameters are bound, never spliced.
 */
export interface SqlConnection {
  /** Runs one statement (or a script whose last statement returns rows) and returns all rows. */
  query(sql: string, params?: readonly SqlParam[]): Promise<ColumnarTable>;
}
