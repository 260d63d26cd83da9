/**
 * The satisfaction–loyalty curve: the loyal share at each satisfaction level with its Wilson
 * interval (Wilson 1927), and the top-box ratio ("5 vs 4").
 */
import type { LevelRow } from './level-rows.ts';
import { rateRatio, type RateRatio } from './rate-ratio.ts';
import { wilsonInterval } from './wilson.ts';

/** One point of a curve. */
export interface CurvePoint {
  segment: string;
  satisfaction: number;
  n: number;
  loyal: number;
  rate: number | null;
  low: number | null;
  high: number | null;
  /** n ≥ min_n: used to locate zones and fit slopes. */
  reliable: boolean;
}

/** Curve points of one segment's level rows (levels with no outcome at all are left out). */
export function loyaltyCurve(rows: readonly LevelRow[], minN: number): CurvePoint[] {
  return rows
    .filter((r) => r.n > 0)
    .sort((a, b) => a.satisfaction - b.satisfaction)
    .map((r) => {
      const ci = wilsonInterval(r.loyal, r.n);
      return { segment: r.segment, satisfaction: r.satisfaction, n: r.n, loyal: r.loyal, rate: ci.rate, low: ci.low, high: ci.high, reliable: r.n >= minN };
    });
}

/** The top-box comparison: the scale's top level against the one below it. */
export interface TopBoxRatio extends RateRatio {
  top: number;
  next: number;
  topRate: number | null;
  nextRate: number | null;
}

/**
 * Loyalty at the top level divided by loyalty at the level below it (Xerox: 6× on a 1–5 scale;
 * Jones & Sasser 1995). Nulls when either level has no respondents with an outcome.
 */
export function topBoxRatio(points: readonly CurvePoint[], top: number): TopBoxRatio {
  const a = points.find((p) => p.satisfaction === top);
  const b = points.find((p) => p.satisfaction === top - 1);
  const rr = a && b ? rateRatio(a.loyal, a.n, b.loyal, b.n) : { ratio: null, low: null, high: null };
  return { ...rr, top, next: top - 1, topRate: a?.rate ?? null, nextRate: b?.rate ?? null };
}
