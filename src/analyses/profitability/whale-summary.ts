/**
 * Pure numerics on the one-row whale statistics (see `buildWhaleStatsQuery`): shares, the
 * P + Q − R decomposition, the curve's mode, and the ranks the plotted curve must keep.
 */
import type { Row } from '../../sql/table.ts';

/** Headline figures of a whale curve. Shares are fractions (1.38 = 138%); NULL where undefined. */
export interface WhaleSummary {
  customers: number;
  totalProfit: number;
  totalRevenue: number;
  /** `share`: the curve is % of total profit; `money`: total profit ≤ 0, so shares of it are meaningless. */
  mode: 'share' | 'money';
  /** Top share of customers asked about (0.2 = top 20%). */
  topK: number;
  /** Curve maximum: sum of positive profits, in money and as a share of total profit. */
  peakProfit: number;
  peakShare: number | null;
  /** Share of customers at the peak (= profitable customers): past it, every customer loses money (the break-even customer). */
  peakCustomerShare: number;
  /** P: share of profit earned by the top k% by profit. */
  topShare: number | null;
  topProfit: number;
  /** Share of revenue from the top k% by revenue (the Pareto figure). */
  topRevenueShare: number | null;
  /** Q: positive profit of profitable customers outside the top k, as a share of total profit. */
  restShare: number | null;
  /** R: losses of loss-makers outside the top k, as a share of total profit (P + Q − R = 1). */
  lossOutsideTopShare: number | null;
  /** Customers with negative profit: count, share of customers, their total loss (≥ 0) and that loss over total profit. */
  lossMakers: number;
  lossMakerShare: number;
  totalLoss: number;
  lossShare: number | null;
  profitable: number;
  zeroProfit: number;
  /** Customers whose non-zero profit equals another customer's (ranked among themselves by id). */
  tied: number;
  /** Smallest share of customers (best first) that alone earns 100% of profit; NULL when total profit ≤ 0. */
  allProfitCustomerShare: number | null;
}

const num = (row: Row, key: string): number => {
  const v = row[key];
  return typeof v === 'number' ? v : 0;
};

/** Turns the statistics row into a `WhaleSummary`. `topK` is a fraction in (0, 1]. */
export function whaleSummary(stats: Row, topK: number): WhaleSummary {
  const n = num(stats, 'customers');
  const tp = num(stats, 'total_profit');
  const share = tp > 0;
  const of = (x: number): number | null => (share ? x / tp : null);
  const tr = num(stats, 'total_revenue');
  const all = stats.all_profit_customers;
  return {
    customers: n,
    totalProfit: tp,
    totalRevenue: tr,
    mode: share ? 'share' : 'money',
    topK,
    peakProfit: num(stats, 'peak_profit'),
    peakShare: of(num(stats, 'peak_profit')),
    peakCustomerShare: n > 0 ? num(stats, 'profitable') / n : 0,
    topShare: of(num(stats, 'top_profit')),
    topProfit: num(stats, 'top_profit'),
    topRevenueShare: tr > 0 ? num(stats, 'top_revenue') / tr : null,
    restShare: of(num(stats, 'rest_profit')),
    lossOutsideTopShare: of(num(stats, 'rest_loss')),
    lossMakers: num(stats, 'loss_makers'),
    lossMakerShare: n > 0 ? num(stats, 'loss_makers') / n : 0,
    totalLoss: num(stats, 'total_loss'),
    lossShare: of(num(stats, 'total_loss')),
    profitable: num(stats, 'profitable'),
    zeroProfit: num(stats, 'zero_profit'),
    tied: num(stats, 'tied_customers'),
    allProfitCustomerShare: share && typeof all === 'number' && n > 0 ? all / n : null,
  };
}

/** Ranks the downsampled curve must contain exactly: peak, 100% crossing, both sides of the top-k boundary. */
export function keepRanks(s: WhaleSummary): number[] {
  const ranks = new Set<number>();
  if (s.profitable > 0) ranks.add(s.profitable);
  if (s.allProfitCustomerShare !== null) ranks.add(Math.ceil(s.allProfitCustomerShare * s.customers - 1e-9));
  const m = Math.round(s.customers * s.topK * 1e9) / 1e9;
  ranks.add(Math.floor(m));
  ranks.add(Math.ceil(m));
  return [...ranks].filter((r) => r >= 1 && r <= s.customers).sort((a, b) => a - b);
}

/** The scalars a notebook can interpolate, e.g. `{whale.top_share:.0%}`. */
export function whaleScalars(s: WhaleSummary, prefix = ''): Record<string, number | string | null> {
  return {
    [`${prefix}customers`]: s.customers,
    [`${prefix}total_profit`]: s.totalProfit,
    [`${prefix}total_revenue`]: s.totalRevenue,
    [`${prefix}curve_mode`]: s.mode,
    [`${prefix}top_k`]: s.topK,
    [`${prefix}top_share`]: s.topShare,
    [`${prefix}top_profit`]: s.topProfit,
    [`${prefix}top_revenue_share`]: s.topRevenueShare,
    [`${prefix}peak_share`]: s.peakShare,
    [`${prefix}peak_profit`]: s.peakProfit,
    [`${prefix}peak_customer_share`]: s.peakCustomerShare,
    [`${prefix}rest_share`]: s.restShare,
    [`${prefix}loss_outside_top_share`]: s.lossOutsideTopShare,
    [`${prefix}loss_makers`]: s.lossMakers,
    [`${prefix}loss_maker_share`]: s.lossMakerShare,
    [`${prefix}total_loss`]: s.totalLoss,
    [`${prefix}loss_share`]: s.lossShare,
    [`${prefix}all_profit_customer_share`]: s.allProfitCustomerShare,
  };
}
