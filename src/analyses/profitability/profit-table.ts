/**
 * Materialises the per-customer profit once per run as a temp table, so the several statistics
 * queries of an analysis scan the transactions once (at 10M rows that is most of the cost).
 */
import { toRows } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import {
  buildCostLinesQuery,
  buildCustomerProfitQuery,
  buildMarginCoverageQuery,
  resolveMarginSource,
  type CustomerProfitOptions,
} from './customer-profit.ts';
import { profitNotes, type MarginCoverage } from './profit-options.ts';
import type { Note } from '../messages/notes.ts';

let nextId = 0;

/** Names of the temp tables of one run. */
export interface ProfitTables {
  /** Per-customer profit (`buildCustomerProfitQuery` columns). */
  profit: string;
  /** Cost lines in long form; only created when `withCostLines` is set. */
  costLines: string;
}

/**
 * Runs `fn` with temp tables holding customer profit (and, optionally, cost lines), then drops
 * them. Names are unique per run so concurrent runs on one connection never collide; the `__`
 * prefix keeps them out of the data panel.
 */
export async function withProfitTables<T>(
  db: SqlConnection,
  options: CustomerProfitOptions,
  withCostLines: boolean,
  fn: (tables: ProfitTables) => Promise<T>,
): Promise<T> {
  const id = ++nextId;
  const tables: ProfitTables = {
    profit: `__profitability_customers_${id}`,
    costLines: `__profitability_cost_lines_${id}`,
  };
  try {
    await db.query(`CREATE OR REPLACE TEMP TABLE ${tables.profit} AS ${buildCustomerProfitQuery(options)}`);
    if (withCostLines)
      await db.query(`CREATE OR REPLACE TEMP TABLE ${tables.costLines} AS ${buildCostLinesQuery(options)}`);
    return await fn(tables);
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${tables.profit}`).catch(() => undefined);
    if (withCostLines) await db.query(`DROP TABLE IF EXISTS ${tables.costLines}`).catch(() => undefined);
  }
}

/**
 * The notes on what the profit figures rest on (`profitNotes`), after counting the transaction
 * lines without a cost when margin comes from the cost column, so the fallback to the assumed
 * margin is mentioned only when it actually happened.
 */
export async function runProfitNotes(
  db: SqlConnection,
  options: CustomerProfitOptions,
  memo?: <T>(key: string, build: () => Promise<T>) => Promise<T>,
): Promise<Note[]> {
  if (resolveMarginSource(options) !== 'cost') return profitNotes(options);
  const coverageQuery = buildMarginCoverageQuery(options);
  // From the summary the coverage depends on nothing but the data: count it once per version.
  const read = () => db.query(coverageQuery);
  const table = options.fromSummary && memo ? await memo('margin-coverage', read) : await read();
  const row = toRows(table)[0] ?? {};
  const coverage: MarginCoverage = {
    lines: Number(row.lines ?? 0),
    linesWithoutCost: Number(row.lines_without_cost ?? 0),
  };
  return profitNotes(options, coverage);
}
