/** Small number formatters for consultant-style findings ("12% of customers … earn 61% of profit"). */

/** A share as a whole percent ("61%"); one decimal under 10% ("4.5%"). */
export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  const p = x * 100;
  const text = Math.abs(p) < 10 && p !== 0 ? Math.abs(p).toFixed(1) : Math.abs(Math.round(p)).toString();
  // A typographic minus: findings are prose, and "-5.8%" reads like a dash.
  return `${p < 0 && text !== '0' && text !== '0.0' ? '−' : ''}${text}%`;
}

/**
 * A share of a total that can exceed 100% or go negative (profit: some customers lose money),
 * said so a reader does not take it for a typo: "104% of profit — more than all of it, because
 * the others together lose money".
 */
export function shareOf(x: number, what: string, others = 'the others'): string {
  if (x > 1.005) return `${pct(x)} of ${what} — more than all of it, because ${others} together lose money`;
  return `${pct(x)} of ${what}`;
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
