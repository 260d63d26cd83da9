/**
 * Small hand-made tables for chart snapshots: the shapes the analyses produce (a whale curve,
 * monthly revenue, customers by region, a satisfaction × segment heatmap), kept tiny so the
 * saved SVGs stay readable.
 */
import type { Row } from '../../src/engine/types.ts';

/** Cumulative share of profit by cumulative share of customers (ranked by profit), peaking at 138%. */
export const whaleCurve: Row[] = [
  { customer_share: 0, profit_share: 0 },
  { customer_share: 0.1, profit_share: 0.95 },
  { customer_share: 0.2, profit_share: 1.38 },
  { customer_share: 0.4, profit_share: 1.52 },
  { customer_share: 0.6, profit_share: 1.45 },
  { customer_share: 0.8, profit_share: 1.25 },
  { customer_share: 1, profit_share: 1 },
];

/** Revenue per month for two segments. */
export const monthlyRevenue: Row[] = [
  ['2024-01-01', 'Retail', 120_000],
  ['2024-02-01', 'Retail', 135_000],
  ['2024-03-01', 'Retail', 128_000],
  ['2024-04-01', 'Retail', 150_000],
  ['2024-01-01', 'Business', 80_000],
  ['2024-02-01', 'Business', 95_000],
  ['2024-03-01', 'Business', 110_000],
  ['2024-04-01', 'Business', 105_000],
].map(([month, segment, revenue]) => ({ month: new Date(month as string), segment, revenue }) as Row);

/** Customers by region. */
export const regions: Row[] = [
  { region: 'North', customers: 1200 },
  { region: 'South', customers: 860 },
  { region: 'East', customers: 1530 },
  { region: '西部', customers: 410 },
];

/** Repurchase rate by satisfaction score (1–5) and segment. */
export const loyalty: Row[] = [1, 2, 3, 4, 5].flatMap((score) =>
  ['Retail', 'Business'].map((segment) => ({
    satisfaction: score,
    segment,
    repurchase: [0.12, 0.2, 0.31, 0.45, 0.86][score - 1]! - (segment === 'Business' ? 0.05 : 0),
  })),
);

/** Resolver over the fixtures by name. */
export function resolveFixture(name: string): Row[] | undefined {
  const tables: Record<string, Row[]> = {
    whale_curve: whaleCurve,
    monthly_revenue: monthlyRevenue,
    regions,
    loyalty,
  };
  return tables[name];
}
