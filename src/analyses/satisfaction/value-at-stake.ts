/**
 * Value at stake: what the customers in the zone of defection bring (revenue and profit in the
 * window before their survey), and how many of them the curve expects to lose.
 */
import type { LevelRow } from './level-rows.ts';
import { zoneOf, type Zones } from './zones.ts';

/** Totals for the zone of defection. */
export interface ValueAtStake {
  customers: number;
  revenue: number;
  profit: number;
  /** Expected defectors among them: Σ n × (1 − loyalty rate) over the zone's levels. */
  expected_defectors: number;
  /** Share of all analysed respondents' revenue that sits in the zone. */
  revenue_share: number;
}

/** Sums the defection-zone levels of the pooled rows; null when no zones were located. */
export function valueAtStake(pooled: readonly LevelRow[], zones: Zones): ValueAtStake | null {
  if (zones.method === 'none') return null;
  let customers = 0,
    revenue = 0,
    profit = 0,
    lost = 0,
    allRevenue = 0;
  for (const r of pooled) {
    allRevenue += r.revenue_loyal + r.revenue_not_loyal;
    if (zoneOf(zones, r.satisfaction) !== 'defection') continue;
    customers += r.n;
    revenue += r.revenue_loyal + r.revenue_not_loyal;
    profit += r.profit_loyal + r.profit_not_loyal;
    lost += r.n - r.loyal;
  }
  return {
    customers,
    revenue,
    profit,
    expected_defectors: lost,
    revenue_share: allRevenue !== 0 ? revenue / allRevenue : 0,
  };
}
