/**
 * Pure SQL builders for the mapping step: raw rows (all VARCHAR, from a staging table or straight
 * from `read_csv`) → canonical typed table, with every row that cannot be imported kept in a
 * rejects table with its row number, column and reason. Everything is set-based SQL, so it scales
 * to tens of millions of rows.
 *
 * Memory is what limits an import in the browser (the wasm heap is 4 GB), so the raw rows are read
 * once, straight into the target table, which carries three bookkeeping columns while it is built:
 * `__check` (the number of the first failed check, NULL for good rows), `__bad` (that check's raw
 * value) and `__hash` (a hash of the raw row, for the duplicates warning). The rejects are copied
 * out, the rejected rows deleted and the bookkeeping columns dropped; no second copy of the data
 * is ever made. Row numbers are the target's `rowid + 1`: rows are inserted in file order
 * (DuckDB preserves insertion order), so no row-number column has to be stored.
 */
import { canonicalTable, type CanonicalColumn } from '../../model/schema.ts';
import { isProduct, type ColumnMapping, type ImportMapping, type ImportRules, type SourceColumn } from './mapping.ts';
import {
  booleanExpr,
  dateExpr,
  ident,
  integerExpr,
  isBlank,
  literal,
  numberExpr,
  textExpr,
} from './sql-expressions.ts';
import type { NumberFormat } from './value-formats.ts';

const plainNumbers: NumberFormat = { decimal: '.', thousands: '', currency: null };
const isoDates = {
  patterns: ['%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M'],
  ambiguous: false,
  hasTime: false,
};

/** Typed expression for a source column read as `type`. */
export function typedExpr(s: SourceColumn, type: CanonicalColumn['type']): string {
  switch (type) {
    case 'DOUBLE':
      return numberExpr(s.source, s.number ?? plainNumbers);
    case 'INTEGER':
      return integerExpr(s.source, s.number ?? plainNumbers);
    case 'DATE':
      return dateExpr(s.source, s.date ?? isoDates);
    case 'BOOLEAN':
      return booleanExpr(s.source);
    case 'VARCHAR':
      return textExpr(s.source);
  }
}

function mappedExpr(m: ColumnMapping, type: CanonicalColumn['type']): string {
  if (isProduct(m)) return `(${typedExpr(m.multiply[0], 'DOUBLE')} * ${typedExpr(m.multiply[1], 'DOUBLE')})`;
  return typedExpr(m, type);
}

/** One reject check: when `when` holds, the row is rejected for `reason` on `column`. */
export interface Check {
  when: string;
  column: string;
  reason: string;
  /** `error`: bad data to fix; `rule`: left out by a rule the user chose. */
  kind: 'error' | 'rule';
  /** SQL for the offending raw value. */
  value: string;
}

const what: Record<CanonicalColumn['type'], string> = {
  DATE: 'unparseable date',
  DOUBLE: 'non-numeric value',
  INTEGER: 'not a whole number',
  BOOLEAN: 'not a yes/no value',
  VARCHAR: 'invalid text',
};

/** The checks for a mapping, first failing one wins (required blanks, then parse errors, then rules). */
export function buildChecks(mapping: ImportMapping, rules: ImportRules): Check[] {
  const def = canonicalTable(mapping.table);
  const checks: Check[] = [];
  for (const col of def.columns) {
    const m = mapping.columns[col.name];
    if (!m || !col.required) continue;
    for (const s of isProduct(m) ? m.multiply : [m]) {
      const dropped = col.name === 'customer_id' && rules.missingCustomerId === 'drop';
      checks.push({
        when: isBlank(s.source),
        column: s.source,
        reason: `missing ${col.name.replace(/_/g, ' ')}${dropped ? ' (dropped by rule)' : ''}`,
        kind: dropped ? 'rule' : 'error',
        value: 'NULL',
      });
    }
  }
  for (const col of def.columns) {
    const m = mapping.columns[col.name];
    if (!m || col.type === 'VARCHAR') continue;
    for (const s of isProduct(m) ? m.multiply : [m]) {
      const type = isProduct(m) ? 'DOUBLE' : col.type;
      checks.push({
        when: `(NOT ${isBlank(s.source)} AND ${typedExpr(s, type)} IS NULL)`,
        column: s.source,
        reason: `${what[type]} for ${col.name}`,
        kind: 'error',
        value: ident(s.source),
      });
    }
  }
  for (const e of mapping.extras) {
    if (e.type === 'VARCHAR') continue;
    checks.push({
      when: `(NOT ${isBlank(e.source)} AND ${typedExpr(e, e.type)} IS NULL)`,
      column: e.source,
      reason: what[e.type],
      kind: 'error',
      value: ident(e.source),
    });
  }
  const order = mapping.columns.order_id;
  if (order && !isProduct(order) && rules.cancellations === 'exclude') {
    checks.push({
      when: `starts_with(trim(${ident(order.source)}), ${literal(rules.cancellationPrefix)})`,
      column: order.source,
      reason: 'cancellation (excluded by rule)',
      kind: 'rule',
      value: ident(order.source),
    });
  }
  const qty = mapping.columns.quantity;
  if (qty && !isProduct(qty) && rules.negativeQuantity === 'reject') {
    checks.push({
      when: `(${typedExpr(qty, 'DOUBLE')} < 0)`,
      column: qty.source,
      reason: 'negative quantity (rejected by rule)',
      kind: 'rule',
      value: ident(qty.source),
    });
  }
  return checks;
}

/** Bookkeeping columns the target carries while it is built (dropped by `buildFinishQueries`). */
export const BOOKKEEPING = ['__check', '__bad', '__hash', '__nfc'] as const;

/**
 * `CREATE OR REPLACE TABLE target AS …` from `from` (a table name or table function, raw VARCHAR
 * columns `rawColumns` in file order): the typed canonical columns, the extras and the bookkeeping
 * columns. `checks` is `buildChecks(mapping, rules)`; `__check` is 1-based into it.
 */
export function buildMappedQuery(
  from: string,
  rawColumns: readonly string[],
  target: string,
  mapping: ImportMapping,
  checks: readonly Check[],
): string {
  const def = canonicalTable(mapping.table);
  const id = mapping.columns.customer_id;
  const rawId = id && !isProduct(id) ? textExpr(id.source) : null;
  const cols = def.columns.map((c) => {
    const m = mapping.columns[c.name];
    // Customer ids in Unicode's composed form (NFC): "José" typed as é and as e + a combining
    // accent (macOS file names, some web forms) look the same and are one customer.
    if (c.name === 'customer_id' && rawId) return `nfc_normalize(${rawId}) AS ${ident(c.name)}`;
    return `${m ? mappedExpr(m, c.type) : `CAST(NULL AS ${c.type})`} AS ${ident(c.name)}`;
  });
  // Whether normalising changed this row's id (counted for a warning, then dropped).
  const nfc = rawId ? `(${rawId} IS DISTINCT FROM nfc_normalize(${rawId}))` : 'false';
  const taken = new Set(def.columns.map((c) => c.name));
  const extras = mapping.extras
    .filter((e) => !taken.has(e.name))
    .map((e) => `${typedExpr(e, e.type)} AS ${ident(e.name)}`);
  const check = checks.length
    ? `CAST(CASE ${checks.map((c, i) => `WHEN ${c.when} THEN ${i + 1}`).join(' ')} END AS USMALLINT)`
    : 'CAST(NULL AS USMALLINT)';
  const bad = checks.length
    ? `CASE ${checks.map((c) => `WHEN ${c.when} THEN CAST(${c.value} AS VARCHAR)`).join(' ')} END`
    : 'CAST(NULL AS VARCHAR)';
  // hash() of the raw text of every column: 8 bytes a row instead of a second copy of the file.
  const hash = rawColumns.length ? `hash(${rawColumns.map(ident).join(', ')})` : 'CAST(0 AS UBIGINT)';
  return `CREATE OR REPLACE TABLE ${ident(target)} AS SELECT ${[...cols, ...extras].join(', ')}, ${check} AS __check, ${bad} AS __bad, ${hash} AS __hash, ${nfc} AS __nfc FROM ${from}`;
}

/** The rejects table from a target still carrying its bookkeeping: one row per rejected input row. */
export function buildRejectsQuery(target: string, rejects: string, checks: readonly Check[]): string {
  if (!checks.length) {
    return `CREATE OR REPLACE TABLE ${ident(rejects)} ("row" BIGINT, "column" VARCHAR, reason VARCHAR, kind VARCHAR, "value" VARCHAR)`;
  }
  const values = checks
    .map((c, i) => `(${i + 1}, ${literal(c.column)}, ${literal(c.reason)}, ${literal(c.kind)})`)
    .join(', ');
  return `CREATE OR REPLACE TABLE ${ident(rejects)} AS SELECT t.rowid + 1 AS "row", c."column", c.reason, c.kind, t.__bad AS "value" FROM ${ident(target)} AS t JOIN (VALUES ${values}) AS c(code, "column", reason, kind) ON t.__check = c.code ORDER BY "row"`;
}

/**
 * Imported rows whose raw text repeats an earlier imported row's (`rows − distinct row hashes`,
 * over the rows that pass every check). Rejected rows are left out: they are already reported as
 * rejected, and the warning says the duplicates were kept.
 */
export function buildDuplicatesQuery(target: string): string {
  return `SELECT count(*) - count(DISTINCT __hash) FROM ${ident(target)} WHERE __check IS NULL`;
}

/** Imported rows whose customer id was not in composed Unicode form and was normalised. */
export function buildNormalisedIdsQuery(target: string): string {
  return `SELECT count(*) FROM ${ident(target)} WHERE __check IS NULL AND __nfc`;
}

/** Removes the rejected rows and the bookkeeping columns from the target (in this order). */
export function buildFinishQueries(target: string): string[] {
  const t = ident(target);
  return [`DELETE FROM ${t} WHERE __check IS NOT NULL`, ...BOOKKEEPING.map((c) => `ALTER TABLE ${t} DROP COLUMN ${c}`)];
}

/** Counts of rejected rows by reason. */
export function buildRejectSummaryQuery(rejects: string): string {
  return `SELECT reason, "column", kind, count(*) AS n, min("row") AS first_row FROM ${ident(rejects)} GROUP BY ALL ORDER BY n DESC, reason`;
}
