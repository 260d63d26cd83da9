/**
 * Retention what-if: what a retention programme is worth on a customer base.
 *
 * Model (finite-horizon version of Gupta & Lehmann 2003, see `margin-multiple.ts`): a base of N
 * customers each earns margin m per period while retained; a customer active in one period is still
 * active in the next with probability r; cash flows are discounted at i per period over T periods.
 *
 *     value(r)  = N · m · Σ_{t=1..T} r^t / (1+i)^t                    (margins at the end of each period)
 *     cost(r')  = N · c · Σ_{t=1..T} r'^(t−1) / (1+i)^(t−1)           (programme paid for everyone still
 *                                                                      a customer at the start of a period)
 *     Δ equity  = value(r + Δ) − value(r) − cost(r + Δ)
 *
 * Reichheld & Sasser (1990), "Zero defections: quality comes to services", HBR 68(5): a 5-point cut
 * in defections raised profit 25–85% (Reichheld 1996 gives 25–95% across industries). `profitChange`
 * at Δ = 0.05 and zero cost puts the user's own number beside that claim.
 */

/** A customer base (or one segment of it). */
export interface RetentionBase {
  /** Customers in the base now. */
  customers: number;
  /** Margin per customer per period (currency). */
  margin: number;
  /** Period-to-period retention rate, 0 ≤ r ≤ 1. */
  retention: number;
}

/** Options of `retentionWhatIf`. */
export interface WhatIfOptions extends RetentionBase {
  /** Retention uplift in points (0.05 = five points, e.g. 80% → 85%); the result is capped at 100%. */
  uplift: number;
  /** Programme cost per customer per period (currency), paid for every customer in the base at the start of a period. */
  programmeCost: number;
  /** Cost of acquiring one new customer (currency); the usual rule of thumb is 5× the retention cost (studies: 5–25×). */
  acquisitionCost: number;
  /** Discount rate per period (0.1 = 10%). */
  discountRate: number;
  /** Periods counted (whole number ≥ 1). */
  horizon: number;
}

/** Result of `retentionWhatIf`. All money values are present values over the horizon. */
export interface WhatIfResult {
  /** Retention after the uplift (capped at 1). */
  retentionAfter: number;
  /** Customer equity (PV of margins) without the programme. */
  equityBefore: number;
  /** PV of margins with the higher retention, before programme cost. */
  equityAfterGross: number;
  /** PV of the programme cost. */
  programmeCostPv: number;
  /** equityAfterGross − equityBefore − programmeCostPv. */
  equityChange: number;
  /** equityChange / equityBefore: the change in the base's lifetime profit, net of the programme. */
  profitChange: number | null;
  /** (equityAfterGross − equityBefore) / equityBefore: the same change before programme cost (the Reichheld claim's basis). */
  grossProfitChange: number | null;
  /** equityChange / programmeCostPv (null when the programme costs nothing). */
  roi: number | null;
  /** Extra customers kept after one period: N · (r' − r). */
  customersKeptFirstPeriod: number;
  /** Programme cost per customer kept in the first period: c / (r' − r) (null when no uplift). */
  costPerCustomerKept: number | null;
  /** What the same extra customers would cost to acquire in the first period: N · (r' − r) · acquisition cost. */
  acquisitionEquivalent: number;
  /** Smallest uplift at which the programme pays for itself over the horizon (null: never, within 100%). */
  breakEvenUplift: number | null;
}

/** PV factor of margins: Σ_{t=1..T} (r/(1+i))^t. */
export function survivalAnnuity(retention: number, discountRate: number, horizon: number): number {
  return geometricSum(retention / (1 + discountRate), horizon) * (retention / (1 + discountRate));
}

/** PV factor of start-of-period costs: Σ_{t=0..T−1} (r/(1+i))^t. */
export function costAnnuity(retention: number, discountRate: number, horizon: number): number {
  return geometricSum(retention / (1 + discountRate), horizon);
}

/** Σ_{k=0..n−1} q^k. */
function geometricSum(q: number, n: number): number {
  return q === 1 ? n : (1 - q ** n) / (1 - q);
}

/** Validates the inputs shared by every what-if function; throws a specific message. */
export function checkWhatIf(o: WhatIfOptions): void {
  if (!(o.customers >= 0)) throw new Error(`invalid customer count: ${o.customers}`);
  if (!Number.isFinite(o.margin)) throw new Error(`invalid margin: ${o.margin}`);
  if (!(o.retention >= 0 && o.retention <= 1)) throw new Error(`invalid retention rate: ${o.retention} (expected 0–1)`);
  if (!(o.uplift >= 0 && o.uplift <= 1)) throw new Error(`invalid retention uplift: ${o.uplift} (expected 0–1 points)`);
  if (!(o.programmeCost >= 0)) throw new Error(`invalid programme cost: ${o.programmeCost}`);
  if (!(o.acquisitionCost >= 0)) throw new Error(`invalid acquisition cost: ${o.acquisitionCost}`);
  if (!(o.discountRate > -1)) throw new Error(`invalid discount rate: ${o.discountRate}`);
  if (!(Number.isInteger(o.horizon) && o.horizon >= 1))
    throw new Error(`invalid horizon: ${o.horizon} (expected whole periods ≥ 1)`);
}

/** Net change in equity for a given uplift (the function `breakEvenUplift` solves). */
export function equityChangeAt(o: WhatIfOptions, uplift: number): number {
  const after = Math.min(1, o.retention + uplift);
  const gross =
    o.customers *
    o.margin *
    (survivalAnnuity(after, o.discountRate, o.horizon) - survivalAnnuity(o.retention, o.discountRate, o.horizon));
  return gross - o.customers * o.programmeCost * costAnnuity(after, o.discountRate, o.horizon);
}

/**
 * Smallest uplift (in points, resolution 1e-6) at which the programme's net equity change reaches 0.
 * Scans upward then bisects, because the net change need not be monotone when cost exceeds margin.
 */
export function breakEvenUplift(o: WhatIfOptions): number | null {
  const room = 1 - o.retention;
  if (equityChangeAt(o, 0) >= 0) return 0;
  const steps = 400;
  let lo = 0;
  for (let k = 1; k <= steps; k++) {
    const hi = (room * k) / steps;
    if (equityChangeAt(o, hi) >= 0) {
      let a = lo;
      let b = hi;
      while (b - a > 1e-7) {
        const mid = (a + b) / 2;
        if (equityChangeAt(o, mid) >= 0) b = mid;
        else a = mid;
      }
      return b;
    }
    lo = hi;
  }
  return null;
}

/** The full what-if for one base (or one segment). Pure. */
export function retentionWhatIf(o: WhatIfOptions): WhatIfResult {
  checkWhatIf(o);
  const { customers: n, margin: m, discountRate: i, horizon: T } = o;
  const after = Math.min(1, o.retention + o.uplift);
  const equityBefore = n * m * survivalAnnuity(o.retention, i, T);
  const equityAfterGross = n * m * survivalAnnuity(after, i, T);
  const programmeCostPv = n * o.programmeCost * costAnnuity(after, i, T);
  const equityChange = equityAfterGross - equityBefore - programmeCostPv;
  const kept = after - o.retention;
  const ratio = (x: number) => (equityBefore > 0 ? x / equityBefore : null);
  return {
    retentionAfter: after,
    equityBefore,
    equityAfterGross,
    programmeCostPv,
    equityChange,
    profitChange: ratio(equityChange),
    grossProfitChange: ratio(equityAfterGross - equityBefore),
    roi: programmeCostPv > 0 ? equityChange / programmeCostPv : null,
    customersKeptFirstPeriod: n * kept,
    costPerCustomerKept: kept > 0 ? o.programmeCost / kept : null,
    acquisitionEquivalent: n * kept * o.acquisitionCost,
    breakEvenUplift: breakEvenUplift(o),
  };
}

/** One segment of the base, for `rankSegments`. */
export interface SegmentBase extends RetentionBase {
  segment: string;
}

/** A segment's case for the programme. */
export interface SegmentCase {
  segment: string;
  customers: number;
  retention: number;
  margin: number;
  /** PV of the extra margins the uplift keeps in this segment. */
  valueSaved: number;
  /** PV of the programme cost in this segment. */
  cost: number;
  /** valueSaved / cost: what each unit of programme spend buys (null when the programme is free). */
  valuePerCost: number | null;
  /** valueSaved − cost. */
  net: number;
  /** 1 = target first. */
  rank: number;
}

/**
 * Ranks segments by expected value saved per unit of programme cost, assuming the same uplift and
 * cost per customer everywhere (a first cut: real programmes lift some segments more than others).
 */
export function rankSegments(
  segments: readonly SegmentBase[],
  o: Omit<WhatIfOptions, keyof RetentionBase>,
): SegmentCase[] {
  const cases = segments.map((s) => {
    const full: WhatIfOptions = { ...o, customers: s.customers, margin: s.margin, retention: s.retention };
    checkWhatIf(full);
    const after = Math.min(1, s.retention + o.uplift);
    const valueSaved =
      s.customers *
      s.margin *
      (survivalAnnuity(after, o.discountRate, o.horizon) - survivalAnnuity(s.retention, o.discountRate, o.horizon));
    const cost = s.customers * o.programmeCost * costAnnuity(after, o.discountRate, o.horizon);
    return {
      segment: s.segment,
      customers: s.customers,
      retention: s.retention,
      margin: s.margin,
      valueSaved,
      cost,
      valuePerCost: cost > 0 ? valueSaved / cost : null,
      net: valueSaved - cost,
      rank: 0,
    };
  });
  cases.sort((a, b) => (b.valuePerCost ?? b.net) - (a.valuePerCost ?? a.net) || b.net - a.net);
  cases.forEach((c, k) => (c.rank = k + 1));
  return cases;
}

/** One row of the uplift sensitivity curve. */
export interface UpliftPoint {
  uplift: number;
  equity_change: number;
  gross_profit_change: number | null;
  profit_change: number | null;
}

/** Net equity change and profit change for uplifts 0, step, …, max (for the sensitivity chart). */
export function upliftCurve(o: WhatIfOptions, max = 0.15, step = 0.005): UpliftPoint[] {
  checkWhatIf(o);
  const out: UpliftPoint[] = [];
  const n = Math.round(max / step);
  for (let k = 0; k <= n; k++) {
    const uplift = Math.min(1 - o.retention, k * step);
    const r = retentionWhatIf({ ...o, uplift });
    out.push({
      uplift: k * step,
      equity_change: r.equityChange,
      gross_profit_change: r.grossProfitChange,
      profit_change: r.profitChange,
    });
    if (uplift < k * step) break;
  }
  return out;
}
