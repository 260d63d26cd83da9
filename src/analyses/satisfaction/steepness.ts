/**
 * Competitive intensity as curve steepness, one number per segment.
 *
 * Jones & Sasser (1995) observed that where competition is intense (many substitutes, low
 * switching cost) loyalty collapses as soon as satisfaction dips below the top box, while in
 * protected markets even dissatisfied customers stay. We measure that per segment two ways:
 * - `top_step`: loyalty at the top level minus loyalty at the level below (percentage points);
 * - `logistic_slope`: slope of a logistic fit of loyalty on satisfaction (log-odds per scale
 *   point, see `logistic.ts`), using every reliable level, with its standard error.
 */
import type { CurvePoint } from './curve.ts';
import { logisticFit } from './logistic.ts';

/** Steepness of one segment's curve. */
export interface SegmentSteepness {
  segment: string;
  respondents: number;
  top_rate: number | null;
  next_rate: number | null;
  top_step: number | null;
  logistic_slope: number | null;
  slope_se: number | null;
}

/** Steepness per segment; `top` is the scale's top level. Levels below min_n are ignored. */
export function curveSteepness(curves: ReadonlyMap<string, readonly CurvePoint[]>, top: number): SegmentSteepness[] {
  const out: SegmentSteepness[] = [];
  for (const [segment, points] of curves) {
    const reliable = points.filter((p) => p.reliable);
    const a = reliable.find((p) => p.satisfaction === top);
    const b = reliable.find((p) => p.satisfaction === top - 1);
    const fit = logisticFit(reliable.map((p) => ({ x: p.satisfaction, n: p.n, k: p.loyal })));
    const ok = fit && fit.converged;
    out.push({
      segment,
      respondents: points.reduce((s, p) => s + p.n, 0),
      top_rate: a?.rate ?? null,
      next_rate: b?.rate ?? null,
      top_step: a && b ? a.rate! - b.rate! : null,
      logistic_slope: ok ? fit.slope : null,
      slope_se: ok ? fit.slopeSe : null,
    });
  }
  return out;
}
