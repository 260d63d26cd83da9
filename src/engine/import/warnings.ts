/**
 * Data-quality warnings on an import (pure SQL builders + the thin runner): they never stop an
 * import, but every affected row is counted so nothing passes unnoticed.
 */
import { canonicalTable } from '../../model/schema.ts';
import type { Database } from '../database.ts';
import { agree, counted } from './counts.ts';
import { isProduct, type ImportMapping, type ImportRules } from './mapping.ts';
import { ident, literal } from './sql-expressions.ts';

/** One warning with the number of rows it concerns. */
export interface ImportWarning {
  code:
    | 'duplicates'
    | 'negative_amounts'
    | 'returns'
    | 'cancellations'
    | 'blanks'
    | 'future_dates'
    | 'encoding'
    | 'ambiguous_dates'
    | 'duplicate_headers'
    | 'unicode_ids';
  message: string;
  count: number;
  /** Column concerned (imported table's name), when one. */
  column?: string;
}

interface WarningQuery {
  code: ImportWarning['code'];
  column?: string;
  sql: string;
  /** Bound parameters (the reference date for future dates). */
  params?: string[];
  message: (n: number) => string;
}

/** The duplicates warning for `n` rows repeating an earlier row (counted while mapping: see `buildDuplicatesQuery`). */
export function duplicatesWarning(n: number): ImportWarning {
  return {
    code: 'duplicates',
    count: n,
    message: `${counted(n, 'row')} ${agree(n, 'is an exact duplicate', 'are exact duplicates')} of an earlier row (kept; remove ${agree(n, 'it', 'them')} in the source if ${agree(n, 'it is a double entry', 'they are double entries')}).`,
  };
}

/** The warning for `n` imported rows whose customer id was rewritten in composed Unicode form (NFC). */
export function normalisedIdsWarning(n: number): ImportWarning {
  return {
    code: 'unicode_ids',
    column: 'customer_id',
    count: n,
    message: `${counted(n, 'row')} ${agree(n, 'has', 'have')} a customer id written with combining accents (e.g. é as e + ◌́); ${agree(n, 'it was', 'they were')} normalised (Unicode NFC), so an id typed both ways is one customer.`,
  };
}

/**
 * The warning queries on the imported table `target`. `today` (ISO date) is bound as a
 * parameter: `current_date` needs the ICU extension, which this DuckDB build lacks.
 */
export function buildWarningQueries(
  target: string,
  mapping: ImportMapping,
  rules: ImportRules,
  today: string = new Date().toISOString().slice(0, 10),
): WarningQuery[] {
  const t = ident(target);
  const qs: WarningQuery[] = [];
  const def = canonicalTable(mapping.table);
  const money = def.columns.find((c) => c.name === 'revenue' || c.name === 'amount');
  if (money && mapping.columns[money.name]) {
    qs.push({
      code: 'negative_amounts',
      column: money.name,
      sql: `SELECT count(*) FROM ${t} WHERE ${ident(money.name)} < 0`,
      message: (n) => `${counted(n, 'row')} ${agree(n, 'has', 'have')} a negative ${money.name} (refunds or credits).`,
    });
  }
  if (mapping.columns.quantity && rules.negativeQuantity === 'return') {
    qs.push({
      code: 'returns',
      column: 'quantity',
      sql: `SELECT count(*) FROM ${t} WHERE quantity < 0`,
      message: (n) =>
        `${counted(n, 'row')} ${agree(n, 'has a negative quantity and was kept as a return', 'have a negative quantity and were kept as returns')}.`,
    });
  }
  const order = mapping.columns.order_id;
  if (order && !isProduct(order) && rules.cancellations === 'keep') {
    qs.push({
      code: 'cancellations',
      column: 'order_id',
      sql: `SELECT count(*) FROM ${t} WHERE starts_with(order_id, ${literal(rules.cancellationPrefix)})`,
      message: (n) =>
        `${counted(n, 'row')} ${agree(n, 'is a cancellation', 'are cancellations')} (order id starting with ${rules.cancellationPrefix}) and ${agree(n, 'was', 'were')} kept.`,
    });
  }
  for (const c of def.columns) {
    if (c.type === 'DATE' && mapping.columns[c.name]) {
      qs.push({
        code: 'future_dates',
        column: c.name,
        sql: `SELECT count(*) FROM ${t} WHERE ${ident(c.name)} > CAST($1 AS DATE)`,
        params: [today],
        message: (n) => `${counted(n, 'row')} ${agree(n, 'has', 'have')} a ${c.name} in the future.`,
      });
    }
    if (!c.required && mapping.columns[c.name]) {
      qs.push({
        code: 'blanks',
        column: c.name,
        sql: `SELECT count(*) FROM ${t} WHERE ${ident(c.name)} IS NULL`,
        message: (n) => `${counted(n, 'row')} ${agree(n, 'has', 'have')} a blank ${c.name} (imported as empty).`,
      });
    }
  }
  const taken = new Set(def.columns.map((c) => c.name));
  for (const e of mapping.extras.filter((x) => !taken.has(x.name))) {
    qs.push({
      code: 'blanks',
      column: e.name,
      sql: `SELECT count(*) FROM ${t} WHERE ${ident(e.name)} IS NULL`,
      message: (n) => `${counted(n, 'row')} ${agree(n, 'has', 'have')} a blank ${e.name} (imported as empty).`,
    });
  }
  return qs;
}

/** Runs the warning queries; only warnings that concern at least one row are returned. */
export function collectWarnings(db: Database, queries: readonly WarningQuery[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  for (const q of queries) {
    const n = Number(db.querySync(q.sql, q.params ?? []).data[0]![0] ?? 0);
    if (n > 0) out.push({ code: q.code, message: q.message(n), count: n, ...(q.column ? { column: q.column } : {}) });
  }
  return out;
}
