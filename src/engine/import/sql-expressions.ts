/**
 * SQL expressions that turn a staging VARCHAR column into a typed value (pure builders).
 * Only identifiers come from the user's file and they are always quoted; the literals spliced
 * here come from closed sets (separators, strptime patterns) and are escaped anyway.
 */
import { quoteIdent as ident, quoteLiteral as literal } from '../../sql/quote.ts';
import {
  EXCEL_SERIAL_MAX,
  EXCEL_SERIAL_MIN,
  numberGrammar,
  type DateFormat,
  type NumberFormat,
} from './value-formats.ts';

/**
 * `ident` quotes an identifier, `literal` a string constant (closed-set values such as formats;
 * never user data values): the one helper, `src/sql/quote.ts`, under the import's short names.
 */
export { ident, literal };

/** The raw value trimmed, NULL when blank. */
export function blankToNull(column: string): string {
  return `NULLIF(trim(${ident(column)}), '')`;
}

/** True when the raw value is NULL or blank. */
export function isBlank(column: string): string {
  return `(${blankToNull(column)} IS NULL)`;
}

/** Currency markers stripped before parsing numbers (prefix or suffix). */
const currencyPattern = String.raw`NT\$|HK\$|US\$|RMB|CNY|USD|EUR|GBP|[¥￥$€£元]`;

/**
 * Parses a number written with the given decimal mark and thousands separator, with an optional
 * currency marker and accounting-style negatives `(12.50)`. NULL when blank or not a number.
 */
export function numberExpr(column: string, format: NumberFormat): string {
  let s = `trim(${ident(column)})`;
  s = `regexp_replace(${s}, '^\\((.*)\\)$', '-\\1')`;
  s = `trim(regexp_replace(${s}, ${literal(currencyPattern)}, '', 'g'))`;
  // The digits must have the format's shape (`numberGrammar`): `12.5.3` or `12,5` in a
  // `1,234.50` column is rejected, not read as 1253 or 125.
  const shaped = `regexp_full_match(regexp_replace(${s}, '^[-+]\\s*', ''), ${literal(numberGrammar(format))})`;
  s = `replace(replace(${s}, ' ', ''), '''', '')`;
  if (format.thousands && format.thousands !== ' ' && format.thousands !== "'")
    s = `replace(${s}, ${literal(format.thousands)}, '')`;
  if (format.decimal === ',') s = `replace(${s}, ',', '.')`;
  const slow = `CASE WHEN ${shaped} THEN TRY_CAST(NULLIF(${s}, '') AS DOUBLE) END`;
  // Fast path: plain numbers cast directly; CASE evaluates the regex cleanup only for the other
  // rows (COALESCE evaluates both sides). Not when '.' groups thousands: 1.234 would be read as 1.234.
  if (format.decimal === '.' && format.thousands !== '.') {
    const fast = `TRY_CAST(${ident(column)} AS DOUBLE)`;
    return `CASE WHEN ${fast} IS NOT NULL THEN ${fast} ELSE ${slow} END`;
  }
  return slow;
}

/**
 * Parses a date; NULL when blank or invalid. ISO dates (with or without a time) use DuckDB's own
 * cast, ~10× faster than `strptime` on 500k rows. Other formats parse the date part only (text up
 * to the first space or `T`), since the canonical columns are DATEs, with one strptime pattern.
 * With `excelSerial`, a number in the Excel serial range (`isExcelSerial`) is that many days after
 * 1899-12-30 (a fraction, the time of day, is dropped).
 */
export function dateExpr(column: string, format: DateFormat): string {
  const v = `trim(${ident(column)})`;
  const first = format.patterns[0] ?? '%Y-%m-%d';
  const text =
    first === '%Y-%m-%d'
      ? `CAST(TRY_CAST(${v} AS TIMESTAMP) AS DATE)`
      : /%[HMS]/.test(first)
        ? `CAST(try_strptime(${v}, ${literal(first)}) AS DATE)`
        : `CAST(try_strptime(regexp_extract(${v}, '^[^ T]+'), ${literal(first)}) AS DATE)`;
  if (!format.excelSerial) return text;
  const x = `TRY_CAST(${v} AS DOUBLE)`;
  const serial = `CASE WHEN regexp_full_match(${v}, '\\d{5}(\\.\\d+)?') AND ${x} >= ${EXCEL_SERIAL_MIN} AND ${x} < ${EXCEL_SERIAL_MAX + 1} THEN CAST(DATE '1899-12-30' + CAST(floor(${x}) AS INTEGER) AS DATE) END`;
  return format.patterns.length ? `COALESCE(${serial}, ${text})` : serial;
}

/** Integer parse (survey scores): a number that must be whole. */
export function integerExpr(column: string, format: NumberFormat): string {
  const n = numberExpr(column, format);
  return `CASE WHEN ${n} = round(${n}) THEN CAST(${n} AS INTEGER) END`;
}

/** Text value: trimmed, NULL when blank. */
export function textExpr(column: string): string {
  return blankToNull(column);
}

/** Boolean parse of yes/no, true/false, 1/0, 是/否. */
export function booleanExpr(column: string): string {
  const v = `lower(trim(${ident(column)}))`;
  return `CASE WHEN ${v} IN ('true','yes','y','1','是') THEN true WHEN ${v} IN ('false','no','n','0','否') THEN false END`;
}
