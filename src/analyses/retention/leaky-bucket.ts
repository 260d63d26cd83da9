/**
 * The leaky bucket: a customer base loses a share of its customers every period and has to be
 * refilled by acquisition. Refilling costs the acquisition cost per new customer; plugging the
 * leak costs the retention cost per customer kept. The rule of thumb is that acquiring costs
 * about 5× retaining (studies range 5–25×; e.g. Reichheld 1996, *The Loyalty Effect*).
 *
 * Simulation: B_t = B_{t−1} · (1 − churn) + acquired, for t = 1..N.
 * Holding flat is a steady-state per-period comparison: the customers (or the revenue) lost each
 * period from the starting base must be replaced, either by acquiring more or by keeping more.
 */

/** What is held flat. */
export type LeakyBucketTarget = 'customers' | 'revenue';

/** Options of `leakyBucket`. */
export interface LeakyBucketOptions {
  /** Customers at the start. */
  startCustomers: number;
  /** Share of customers lost per period (0–1). */
  churn: number;
  /** New customers acquired per period today. */
  acquiredPerPeriod: number;
  /** Periods simulated (whole number ≥ 1). */
  periods: number;
  /** Cost of acquiring one new customer. */
  acquisitionCost: number;
  /** Cost of keeping one customer who would otherwise leave. */
  retentionCost: number;
  /** Revenue per existing customer per period (default 1: results then count customers). */
  revenuePerCustomer?: number;
  /** Spend of a new customer relative to an existing one (default 1; the seeds: old customers spend 2–4×, so 0.25–0.5). */
  newCustomerValueRatio?: number;
  /** Hold the number of customers (default) or the revenue flat. */
  target?: LeakyBucketTarget;
}

/** One simulated period. */
export interface LeakyBucketRow {
  period: number;
  customers: number;
  lost: number;
  acquired: number;
  /** Cumulative spend (undiscounted) to hold the target flat by acquisition. */
  spend_acquisition: number;
  /** Cumulative spend to hold the target flat by retention. */
  spend_retention: number;
}

/** Result of `leakyBucket`. */
export interface LeakyBucketResult {
  rows: LeakyBucketRow[];
  /** Customers after N periods with today's acquisition and churn. */
  endCustomers: number;
  /** endCustomers / startCustomers − 1. */
  change: number;
  /** Long-run base a/churn this acquisition and churn converge to (null when churn is 0). */
  steadyState: number | null;
  /** Extra customers to acquire per period to hold the target flat (0 when it already grows). */
  extraAcquisitions: number;
  /** Customers to keep per period (churn reduction) to hold the target flat. */
  customersToKeep: number;
  /** Churn that, with today's acquisition, holds the target flat. */
  churnNeeded: number;
  /** Spend per period to hold flat by acquisition. */
  acquisitionSpend: number;
  /** Spend per period to hold flat by retention. */
  retentionSpend: number;
  /** acquisitionSpend / retentionSpend (null when nothing needs doing). */
  spendRatio: number | null;
}

/** Simulates the bucket and prices the two ways of holding it flat. Pure. */
export function leakyBucket(o: LeakyBucketOptions): LeakyBucketResult {
  const v = o.revenuePerCustomer ?? 1;
  const rho = o.newCustomerValueRatio ?? 1;
  const target = o.target ?? 'customers';
  if (!(o.startCustomers >= 0)) throw new Error(`invalid start customers: ${o.startCustomers}`);
  if (!(o.churn >= 0 && o.churn <= 1)) throw new Error(`invalid churn rate: ${o.churn} (expected 0–1)`);
  if (!(o.acquiredPerPeriod >= 0)) throw new Error(`invalid acquisitions per period: ${o.acquiredPerPeriod}`);
  if (!(Number.isInteger(o.periods) && o.periods >= 1)) throw new Error(`invalid periods: ${o.periods}`);
  if (!(o.acquisitionCost >= 0) || !(o.retentionCost >= 0)) throw new Error('costs must be ≥ 0');
  if (!(v > 0) || !(rho > 0)) throw new Error('revenue per customer and new-customer value ratio must be > 0');

  const b0 = o.startCustomers;
  const a = o.acquiredPerPeriod;
  // Gap per period, in the unit of the target (customers, or revenue of existing customers).
  const lostValue = target === 'revenue' ? b0 * o.churn * v : b0 * o.churn;
  const gainedValue = target === 'revenue' ? a * v * rho : a;
  const gap = Math.max(0, lostValue - gainedValue);
  const extraAcquisitions = target === 'revenue' ? gap / (v * rho) : gap;
  const customersToKeep = target === 'revenue' ? gap / v : gap;
  const churnNeeded = b0 > 0 ? Math.max(0, o.churn - customersToKeep / b0) : 0;
  const acquisitionSpend = extraAcquisitions * o.acquisitionCost;
  const retentionSpend = customersToKeep * o.retentionCost;

  const rows: LeakyBucketRow[] = [
    { period: 0, customers: b0, lost: 0, acquired: 0, spend_acquisition: 0, spend_retention: 0 },
  ];
  let b = b0;
  for (let t = 1; t <= o.periods; t++) {
    const lost = b * o.churn;
    b = b - lost + a;
    rows.push({
      period: t,
      customers: b,
      lost,
      acquired: a,
      spend_acquisition: acquisitionSpend * t,
      spend_retention: retentionSpend * t,
    });
  }
  return {
    rows,
    endCustomers: b,
    change: b0 > 0 ? b / b0 - 1 : 0,
    steadyState: o.churn > 0 ? a / o.churn : null,
    extraAcquisitions,
    customersToKeep,
    churnNeeded,
    acquisitionSpend,
    retentionSpend,
    spendRatio: retentionSpend > 0 ? acquisitionSpend / retentionSpend : null,
  };
}
