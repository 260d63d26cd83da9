/** Small number formatters for consultant-style findings ("12% of customers … earn 61% of profit"). */

/** A share as a whole percent ("61%"); one decimal under 10% ("4.5%"). */
export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  const p = x * 100;
  return `${Math.abs(p) < 10 && p !== 0 ? p.toFixed(1) : Math.round(p).toString()}%`;
}

/** An amount with thousands separators and no decimals ("1,234,567"). */
export function amount(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  return Math.round(x).toLocaleString('en-US');
}

/** A count with thousands separators. */
export function count(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** Joins names as prose: "a", "a or b", "a, b or c". */
export function orList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** A number from a query cell (BIGINT/DECIMAL arrive as numbers; NULL as null). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v);
}

/** A nullable number from a query cell. */
export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** Safe ratio: 0 when the denominator is 0 (shares of an empty total). */
export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
