/**
 * Per-customer profit is rounded to the micro-unit (six decimals). Money columns hold decimal
 * amounts (cents, or at most six decimals) in binary doubles, so a sum of them carries rounding
 * noise whose size and sign depend on the order of the additions, and the summary and the raw
 * tables, the browser and native DuckDB add in different orders. Left as it falls, a customer whose
 * revenue exactly pays for the cost of goods and the cost to serve (145.54 − 114.57 − 30.97) is
 * ±1e-14: a loss-maker in one place and not in another; two customers with the same profit rank
 * either way round, and a customer exactly at a median cut-off lands on either side of it. At 1M
 * generated customers the loss-maker counts of two paths differed by 15, the below-zero counts
 * and the value × loyalty core share by a few customers. Rounded, every path gives the same
 * double for the same amount, and zero is zero.
 *
 * The rounding is half away from zero, as DuckDB's `round(x, 6)` on a DOUBLE, so the worker's
 * numerics and the SQL agree bit for bit.
 */

const SCALE = 1e6;

/** A profit rounded to six decimals (half away from zero); NaN and ±∞ stay as they are. */
export function roundMoney(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(Math.abs(x) * SCALE) / SCALE;
  return x < 0 && r !== 0 ? -r : r;
}

/** The same rounding in SQL, around a profit expression (NULL stays NULL). */
export function roundMoneySql(expr: string): string {
  return `round(${expr}, 6)`;
}
