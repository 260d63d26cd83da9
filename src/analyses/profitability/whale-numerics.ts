/**
 * The whale curve over per-customer typed arrays: the same statistics row and downsampled curve
 * as the SQL builders in `whale-curve-query.ts` (Kaplan & Cooper 1998, "Cost & Effect", ch. 10),
 * computed in the worker in milliseconds from a profit vector, so an option change (margin, top k,
 * allocation, the fix-the-worst what-if) never goes back to the data. The SQL builders stay as the
 * reference these functions are tested against (tests/engine/whale-numerics.test.ts).
 *
 * Arrays are aligned by customer, in customer_id order; ties are ranked in that order, as the
 * SQL's `ORDER BY profit DESC, customer_id` does. Pure.
 */
import type { ColumnarTable, Row } from '../../sql/table.ts';
import { sortWithOrder, stableOrder } from '../numerics/index.ts';

/** Profit and revenue per customer (same length, customer_id order). */
export interface ProfitVectors {
  profit: Float64Array;
  revenue: Float64Array;
}

/** What the statistics and the curve read: profits and revenues, each sorted highest first. */
export interface SortedProfit {
  profitDesc: Float64Array;
  revenueDesc: Float64Array;
}

/** Ranking of one set of vectors, computed once and reused for every top-k. */
export interface RankedProfit extends ProfitVectors, SortedProfit {
  /** Customer indices, most profitable first. */
  byProfit: Uint32Array;
  /** Customer indices, highest revenue first. */
  byRevenue: Uint32Array;
}

/** The revenue side of a ranking, which depends on the data only (kept per dataset version). */
export interface RevenueRank {
  byRevenue: Uint32Array;
  revenueDesc: Float64Array;
}

/** Ranks customers by revenue, highest first (ties by customer order). */
export function rankRevenue(revenue: Float64Array): RevenueRank {
  const { order, sorted } = sortWithOrder(revenue, 'descending');
  return { byRevenue: order, revenueDesc: sorted };
}

/** Ranks the customers by profit and by revenue (both descending, ties by customer order). */
export function rankProfit(
  v: ProfitVectors,
  revenueRank?: RevenueRank,
  into?: { order: Uint32Array; sorted: Float64Array },
): RankedProfit {
  const { order, sorted } = sortWithOrder(v.profit, 'descending', into);
  const rev = revenueRank ?? rankRevenue(v.revenue);
  return { ...v, byProfit: order, profitDesc: sorted, byRevenue: rev.byRevenue, revenueDesc: rev.revenueDesc };
}

/** DuckDB's `round(x, 9)`: half away from zero. */
function round9(x: number): number {
  const s = Math.abs(x) * 1e9;
  return (Math.sign(x) * Math.round(s)) / 1e9;
}

/** A money amount in millionths, rounded half away from zero (DuckDB's `round(x, 6)`). */
function roundMicro(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 1e6);
}

/**
 * One row of whale-curve statistics, the same columns and meaning as `buildWhaleStatsQuery`
 * (customers, total_profit, total_revenue, profitable, zero_profit, loss_makers, peak_profit,
 * total_loss, top_profit, top_revenue, rest_profit, rest_loss, all_profit_customers, min_profit,
 * max_profit, tied_customers). `topK` is a fraction in (0, 1].
 */
export function whaleStatsRow(r: SortedProfit, topK: number): Row {
  const { profitDesc, revenueDesc } = r;
  const n = profitDesc.length;
  let tp = 0;
  let tr = 0;
  for (let i = 0; i < n; i++) {
    tp += profitDesc[i]!;
    tr += revenueDesc[i]!;
  }
  const m = round9(n * topK);
  let profitable = 0,
    zero = 0,
    loss = 0,
    peak = 0,
    totalLoss = 0,
    top = 0,
    rest = 0,
    restLoss = 0;
  let cum = 0;
  let allProfit: number | null = null;
  let tied = 0;
  let run = 0;
  let prev = NaN;
  for (let k = 0; k < n; k++) {
    const p = profitDesc[k]!;
    const pin = k >= m ? 0 : Math.min(1, m - k);
    if (p > 0) {
      profitable++;
      peak += p;
    } else if (p < 0) {
      loss++;
      totalLoss -= p;
    } else zero++;
    if (pin > 0) top += p * pin;
    if (pin < 1) {
      if (p > 0) rest += p * (1 - pin);
      else if (p < 0) restLoss -= p * (1 - pin);
    }
    const before = cum;
    cum += p;
    if (allProfit === null && tp > 0 && p > 0 && cum >= tp - 1e-9 * Math.abs(tp)) {
      allProfit = k + Math.min(1, Math.max(0, (tp - before) / p));
    }
    // Runs of equal non-zero profit (to a millionth, as in the SQL): the ties the ranking breaks by
    // id. Rounding is monotone, so equal roundings are neighbours in profit order.
    if (k > 0 && Math.abs(p - prev) < 1e-5 && roundMicro(p) !== 0 && roundMicro(p) === roundMicro(prev)) run++;
    else {
      if (run > 0) tied += run + 1;
      run = 0;
    }
    prev = p;
  }
  if (run > 0) tied += run + 1;
  let topRevenue = 0;
  for (let k = 0; k < n && k < m; k++) topRevenue += revenueDesc[k]! * Math.min(1, m - k);
  return {
    customers: n,
    total_profit: tp,
    total_revenue: tr,
    profitable,
    zero_profit: zero,
    loss_makers: loss,
    peak_profit: peak,
    total_loss: totalLoss,
    top_profit: top,
    top_revenue: topRevenue,
    rest_profit: rest,
    rest_loss: restLoss,
    all_profit_customers: allProfit,
    min_profit: n ? profitDesc[n - 1]! : null,
    max_profit: n ? profitDesc[0]! : null,
    tied_customers: tied,
  };
}

/** Columns of the plotted curve (as `buildWhaleCurveQuery` returns them). */
const curveColumns = ['rank', 'customer_share', 'cum_profit', 'profit_share', 'cum_revenue', 'revenue_share', 'profit'];

/**
 * The plotted curve, downsampled exactly as `buildWhaleCurveQuery`: rank 0, every step-th rank
 * (step = ⌈n / maxPoints⌉), the last rank and `keepRanks`. Columns: rank, customer_share,
 * cum_profit, profit_share (NULL when total profit ≤ 0), cum_revenue (top `rank` customers by
 * revenue), revenue_share, profit (the marginal customer's).
 */
export function whaleCurveTable(
  r: SortedProfit,
  keepRanks: readonly number[] = [],
  maxPoints = 990,
  totals?: { profit: number; revenue: number },
): ColumnarTable {
  const { profitDesc, revenueDesc } = r;
  const n = profitDesc.length;
  const data: (number | null)[][] = curveColumns.map(() => []);
  if (n > 0) {
    let tp = totals?.profit ?? 0;
    let tr = totals?.revenue ?? 0;
    if (!totals) {
      for (let i = 0; i < n; i++) {
        tp += profitDesc[i]!;
        tr += revenueDesc[i]!;
      }
    }
    const step = Math.max(1, Math.ceil(n / maxPoints));
    // The ranks to report, ascending: the grid, the last rank and `keepRanks`. One pointer walks
    // them while the cumulative sums run (a set lookup per customer cost more than the sums).
    const targets = new Set<number>(keepRanks.filter((k) => k >= 1 && k <= n && Number.isInteger(k)));
    for (let rank = step; rank <= n; rank += step) targets.add(rank);
    targets.add(n);
    const ranks = Float64Array.from([...targets]).sort();
    const push = (rank: number, cumProfit: number, cumRevenue: number, marginal: number | null) => {
      data[0]!.push(rank);
      data[1]!.push(rank / n);
      data[2]!.push(cumProfit);
      data[3]!.push(tp > 0 ? cumProfit / tp : null);
      data[4]!.push(cumRevenue);
      data[5]!.push(tr > 0 ? cumRevenue / tr : null);
      data[6]!.push(marginal);
    };
    push(0, 0, 0, null);
    let cumProfit = 0;
    let cumRevenue = 0;
    let k = 0;
    for (const rank of ranks) {
      for (; k < rank; k++) {
        cumProfit += profitDesc[k]!;
        cumRevenue += revenueDesc[k]!;
      }
      push(rank, cumProfit, cumRevenue, profitDesc[rank - 1]!);
    }
  }
  return {
    columns: curveColumns.map((name) => ({
      name,
      type: name === 'rank' ? 'BIGINT' : 'DOUBLE',
      kind: 'number' as const,
    })),
    rowCount: data[0]!.length,
    data,
  };
}

/**
 * The fix-the-worst what-if (as `buildFixWorstQuery`): the ⌈share × loss-makers⌉ worst
 * loss-makers (ties by customer order) get profit 0 (`break-even`) or leave the base (`drop`).
 * Returns new vectors in customer order; `fixed` is how many customers were changed.
 */
export function fixWorst(
  v: ProfitVectors,
  share: number,
  mode: 'break-even' | 'drop',
): ProfitVectors & { fixed: number } {
  if (mode !== 'break-even' && mode !== 'drop')
    throw new Error(`invalid fix mode: ${JSON.stringify(mode)} (expected break-even or drop)`);
  const n = v.profit.length;
  let lossMakers = 0;
  for (let i = 0; i < n; i++) if (v.profit[i]! < 0) lossMakers++;
  const count = Math.ceil(round9(share * lossMakers));
  const fixed = new Uint8Array(n);
  const worstFirst = stableOrder(v.profit, 'ascending');
  let changed = 0;
  for (let k = 0; k < count && k < n; k++) {
    const i = worstFirst[k]!;
    if (v.profit[i]! < 0) {
      fixed[i] = 1;
      changed++;
    }
  }
  if (mode === 'break-even') {
    const profit = v.profit.slice();
    for (let i = 0; i < n; i++) if (fixed[i]) profit[i] = 0;
    return { profit, revenue: v.revenue, fixed: changed };
  }
  const profit = new Float64Array(n - changed);
  const revenue = new Float64Array(n - changed);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (fixed[i]) continue;
    profit[j] = v.profit[i]!;
    revenue[j] = v.revenue[i]!;
    j++;
  }
  return { profit, revenue, fixed: changed };
}

/**
 * The fix-the-worst what-if on a ranking, without sorting again: the same figures as `fixWorst`
 * followed by `rankProfit` (tested against it), in one pass. The worst ⌈share × loss-makers⌉
 * loss-makers (ties by customer order, as `buildFixWorstQuery`) are the tail of the profit order;
 * `break-even` turns their profits into zeros (the statistics read values only), `drop` removes
 * them, and their revenue from the revenue order.
 */
export function fixWorstSorted(
  r: RankedProfit,
  share: number,
  mode: 'break-even' | 'drop',
): { sorted: SortedProfit; fixed: number } {
  if (mode !== 'break-even' && mode !== 'drop')
    throw new Error(`invalid fix mode: ${JSON.stringify(mode)} (expected break-even or drop)`);
  const { profitDesc, revenueDesc, byProfit, byRevenue } = r;
  const n = profitDesc.length;
  let firstLoss = n;
  while (firstLoss > 0 && profitDesc[firstLoss - 1]! < 0) firstLoss--;
  const count = Math.min(n - firstLoss, Math.ceil(round9(share * (n - firstLoss))));
  if (count === 0) return { sorted: { profitDesc, revenueDesc }, fixed: 0 };
  const kept = n - count;
  if (mode === 'break-even') {
    const out = new Float64Array(n);
    out.set(profitDesc.subarray(0, firstLoss), 0);
    out.fill(0, firstLoss, firstLoss + count);
    out.set(profitDesc.subarray(firstLoss, kept), firstLoss + count);
    return { sorted: { profitDesc: out, revenueDesc }, fixed: count };
  }
  // Which customers leave matters for revenue. The profit order lists a run of equal profits by
  // customer order, while the worst-first order takes the lowest customers of a run first; so
  // where a run straddles the cut, its first members leave, not its last.
  const dropped = new Uint8Array(n);
  let runStart = kept;
  while (runStart > 0 && profitDesc[runStart - 1] === profitDesc[kept]) runStart--;
  let runEnd = kept;
  while (runEnd < n && profitDesc[runEnd] === profitDesc[kept]) runEnd++;
  const fromRun = runEnd - kept;
  for (let k = runStart; k < runStart + fromRun; k++) dropped[byProfit[k]!] = 1;
  for (let k = runEnd; k < n; k++) dropped[byProfit[k]!] = 1;
  const revenueLeft = new Float64Array(kept);
  let j = 0;
  for (let k = 0; k < n; k++) if (!dropped[byRevenue[k]!]) revenueLeft[j++] = revenueDesc[k]!;
  return { sorted: { profitDesc: profitDesc.slice(0, kept), revenueDesc: revenueLeft }, fixed: count };
}
