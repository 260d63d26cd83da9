/**
 * Pure SQL builders for the mapping step: staging (all VARCHAR) → canonical typed table, with every
 * row that cannot be imported kept in a rejects table with its row number, column and reason.
 * Everything is set-based SQL, so it scales to tens of millions of rows.
 */
import { canonicalTable, type CanonicalColumn } from '../../model/schema.ts';
import { isProduct, type ColumnMapping, type ImportMapping, type ImportRules, type SourceColumn } from './mapping.ts';
import { booleanExpr, dateExpr, ident, integerExpr, isBlank, literal, numberExpr, textExpr } from './sql-expressions.ts';
import type { NumberFormat } from './value-formats.ts';

const plainNumbers: NumberFormat = { decimal: '.', thousands: '', currency: null };
const isoDates = { patterns: ['%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M'], ambiguous: false, hasTime: false };

/** The row number column every staging table carries (1-based data row in file order). */
export const ROW = '__row';

/**
 * The staging table with its row numbers: `rowid` follows insertion order, which is file order
 * (the CSV reader preserves insertion order), so no extra column has to be stored.
 */
export function stagingRows(staging: string): string {
  return `(SELECT rowid + 1 AS ${ident(ROW)}, * FROM ${ident(staging)})`;
}

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
interface Check {
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
      checks.push({ when: `(NOT ${isBlank(s.source)} AND ${typedExpr(s, type)} IS NULL)`, column: s.source, reason: `${what[type]} for ${col.name}`, kind: 'error', value: ident(s.source) });
    }
  }
  for (const e of mapping.extras) {
    if (e.type === 'VARCHAR') continue;
    checks.push({ when: `(NOT ${isBlank(e.source)} AND ${typedExpr(e, e.type)} IS NULL)`, column: e.source, reason: what[e.type], kind: 'error', value: ident(e.source) });
  }
  const order = mapping.columns.order_id;
  if (order && !isProduct(order) && rules.cancellations === 'exclude') {
    checks.push({ when: `starts_with(trim(${ident(order.source)}), ${literal(rules.cancellationPrefix)})`, column: order.source, reason: 'cancellation (excluded by rule)', kind: 'rule', value: ident(order.source) });
  }
  const qty = mapping.columns.quantity;
  if (qty && !isProduct(qty) && rules.negativeQuantity === 'reject') {
    checks.push({ when: `(${typedExpr(qty, 'DOUBLE')} < 0)`, column: qty.source, reason: 'negative quantity (rejected by rule)', kind: 'rule', value: ident(qty.source) });
  }
  return checks;
}

/**
 * `CREATE TABLE checked AS …`: the typed canonical columns, the extras, the row number and a
 * `__reject` struct (NULL for good rows) naming the column, reason and raw value of the first failure.
 */
export function buildCheckedQuery(staging: string, checked: string, mapping: ImportMapping, rules: ImportRules): string {
  const def = canonicalTable(mapping.table);
  const cols = def.columns.map((c) => {
    const m = mapping.columns[c.name];
    return `${m ? mappedExpr(m, c.type) : `CAST(NULL AS ${c.type})`} AS ${ident(c.name)}`;
  });
  const taken = new Set(def.columns.map((c) => c.name));
  const extras = mapping.extras.filter((e) => !taken.has(e.name)).map((e) => `${typedExpr(e, e.type)} AS ${ident(e.name)}`);
  const checks = buildChecks(mapping, rules);
  const reject = checks.length
    ? `CASE ${checks
        .map((c) => `WHEN ${c.when} THEN {'column': ${literal(c.column)}, 'reason': ${literal(c.reason)}, 'kind': ${literal(c.kind)}, 'value': CAST(${c.value} AS VARCHAR)}`)
        .join(' ')} END`
    : `CAST(NULL AS STRUCT("column" VARCHAR, reason VARCHAR, kind VARCHAR, "value" VARCHAR))`;
  return `CREATE OR REPLACE TABLE ${ident(checked)} AS SELECT ${ident(ROW)}, ${[...cols, ...extras].join(', ')}, ${reject} AS __reject FROM ${stagingRows(staging)}`;
}

/** The canonical table from the good rows (file order: DuckDB preserves insertion order, no sort needed). */
export function buildTargetQuery(checked: string, target: string, mapping: ImportMapping): string {
  const def = canonicalTable(mapping.table);
  const taken = new Set(def.columns.map((c) => c.name));
  const names = [...def.columns.map((c) => c.name), ...mapping.extras.filter((e) => !taken.has(e.name)).map((e) => e.name)];
  return `CREATE OR REPLACE TABLE ${ident(target)} AS SELECT ${names.map(ident).join(', ')} FROM ${ident(checked)} WHERE __reject IS NULL`;
}

/** The rejects table: one row per rejected input row. */
export function buildRejectsQuery(checked: string, rejects: string): string {
  return `CREATE OR REPLACE TABLE ${ident(rejects)} AS SELECT ${ident(ROW)} AS "row", __reject."column" AS "column", __reject.reason AS reason, __reject.kind AS kind, __reject."value" AS "value" FROM ${ident(checked)} WHERE __reject IS NOT NULL ORDER BY ${ident(ROW)}`;
}

/** Counts of rejected rows by reason. */
export function buildRejectSummaryQuery(rejects: string): string {
  return `SELECT reason, "column", kind, count(*) AS n, min("row") AS first_row FROM ${ident(rejects)} GROUP BY ALL ORDER BY n DESC, reason`;
}
