/**
 * The satisfaction–loyalty curve: the loyal share at each satisfaction level with its Wilson
 * interval (Wilson 1927), and the top-box ratio ("5 vs 4").
 */
import type { LevelRow } from './level-rows.ts';
import { rateRatio, type RateRatio } from './rate-ratio.ts';
import { wilsonInterval } from './wilson.ts';
import { count } from '../../format/number.ts';

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
      return {
        segment: r.segment,
        satisfaction: r.satisfaction,
        n: r.n,
        loyal: r.loyal,
        rate: ci.rate,
        low: ci.low,
        high: ci.high,
        reliable: r.n >= minN,
      };
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

/** A curve point with the columns its charts draw. */
export interface DrawnCurvePoint extends CurvePoint {
  /** The rate where the level is reliable, else null: the line skips thin levels instead of swinging through them. */
  rate_line: number | null;
  /** 1 for reliable levels, 0.35 for thin ones (drawn faint). */
  opacity: number;
  /** "n=123": the denominator under each point, so a trainee sees how much each rate rests on. */
  n_label: string;
}

/** Adds the drawing columns (`rate_line`, `opacity`, `n_label`) to curve points. */
export function drawnCurve(points: readonly CurvePoint[]): DrawnCurvePoint[] {
  return points.map((p) => ({
    ...p,
    rate_line: p.reliable ? p.rate : null,
    opacity: p.reliable ? 1 : 0.35,
    n_label: `n=${count(p.n)}`,
  }));
}

/**
 * The top-box comparison read the other way round: the share who were *not* loyal at the level
 * below the top, divided by that share at the top ("4s are k× as likely to leave as 5s"). A ratio
 * of loyalty rates can never exceed 1 ÷ (rate one level below the top): when most 4s stay anyway
 * there is little room above them, and the leaving ratio shows the gap the loyalty ratio hides.
 */
export interface LeaveRatio {
  topLeave: number | null;
  nextLeave: number | null;
  /** nextLeave ÷ topLeave; null when nobody at the top left (or either level is missing). */
  ratio: number | null;
  /** 1 ÷ next rate: the largest top-box loyalty ratio these data could show. */
  ceiling: number | null;
}

/** The leaving ratio and the ceiling of the loyalty ratio, from a top-box comparison. */
export function leaveRatio(top: TopBoxRatio): LeaveRatio {
  const topLeave = top.topRate === null ? null : 1 - top.topRate;
  const nextLeave = top.nextRate === null ? null : 1 - top.nextRate;
  return {
    topLeave,
    nextLeave,
    ratio: topLeave !== null && nextLeave !== null && topLeave > 0 ? nextLeave / topLeave : null,
    ceiling: top.nextRate !== null && top.nextRate > 0 ? 1 / top.nextRate : null,
  };
}
