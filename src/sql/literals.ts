/**
 * Validated literals for SQL builders that return plain SQL text rather than binding parameters
 * (the profitability builders: other analyses embed the customer-profit query as a sub-query; the
 * segmentation vector loads), so the few option values they carry are inlined. Every inlined value goes
 * through one of these functions first, and each accepts only a shape that cannot carry SQL:
 * a finite number, an ISO calendar date, or a short label of letters, digits, `_`, `-` and spaces.
 * Anything else throws early with a specific message. User data never passes through here; it
 * stays in tables.
 */
import { quoteIdent, quoteLiteral } from './quote.ts';

/** A finite number as a SQL DOUBLE literal. Throws `invalid <what>: …` otherwise. */
export function sqlNumber(value: number, what = 'number'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`invalid ${what}: ${String(value)}`);
  // Exponent notation is valid DuckDB numeric syntax; the cast keeps integer-looking values DOUBLE.
  return `CAST(${String(value)} AS DOUBLE)`;
}

/** A non-negative integer literal (counts, ranks). */
export function sqlInteger(value: number, what = 'integer'): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`invalid ${what}: ${String(value)}`);
  return String(value);
}

/** An ISO date `YYYY-MM-DD` as a DATE literal. */
export function sqlDate(value: string, what = 'date'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new Error(`invalid ${what}: ${JSON.stringify(value)} (expected YYYY-MM-DD)`);
  }
  return `DATE ${quoteLiteral(value)}`;
}

const LABEL = /^[\p{L}\p{N}_\- ]{1,64}$/u;

/** A category label as a string literal (cost categories: `support_call`, `bad_debt`, …). */
export function sqlLabel(value: string, what = 'label'): string {
  if (typeof value !== 'string' || !LABEL.test(value)) {
    throw new Error(`invalid ${what}: ${JSON.stringify(value)} (use letters, digits, _ - and spaces, at most 64)`);
  }
  return quoteLiteral(value);
}

/** A column name as a quoted identifier; same alphabet as labels. */
export function sqlIdent(value: string, what = 'column'): string {
  if (typeof value !== 'string' || !LABEL.test(value)) throw new Error(`invalid ${what}: ${JSON.stringify(value)}`);
  return quoteIdent(value);
}
