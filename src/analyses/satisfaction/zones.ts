/**
 * Zones of defection, indifference and affection (Jones & Sasser 1995, "Why satisfied customers
 * defect", Harvard Business Review 73(6)) located on the data rather than at fixed scores.
 *
 * Rule (docs/analyses/satisfaction.md): take the reliable points of the curve (n ≥ min_n). The
 * reference slope is that of the straight line joining the lowest and highest loyalty rates
 * across the observed levels, range ÷ (top level − bottom level). A step between adjacent
 * levels is *steep* when it rises faster than that reference, *flat* otherwise. The zone of
 * indifference is the longest run of consecutive flat steps — where more satisfaction buys
 * little loyalty. Levels below it are the zone of defection, levels above it the zone of
 * affection. If the flat run reaches an end of the scale, that end level alone forms its zone
 * (the extremes always name a zone). With no flat step at all (a noisy, non-monotone curve) the
 * midpoint of the loyalty range splits defection from affection. Fewer than three reliable
 * levels: no zones. Users can override the rule with `defection_max` / `affection_min`.
 */
import type { CurvePoint } from './curve.ts';

/** Zone names, bottom to top. */
export type ZoneName = 'defection' | 'indifference' | 'affection';

/** One step between adjacent reliable levels. */
export interface ZoneStep {
  from: number;
  to: number;
  /** Change in loyalty per scale point. */
  slope: number;
  /** slope ÷ reference slope; > 1 is steep. */
  relative: number;
  steep: boolean;
}

/** Where the zones lie. A level ≤ defectionMax is in defection, ≥ affectionMin in affection. */
export interface Zones {
  method: 'slope' | 'midpoint' | 'manual' | 'none';
  defectionMax: number | null;
  affectionMin: number | null;
  steps: ZoneStep[];
}

/** Manual zone boundaries (options). */
export interface ZoneOverride {
  defectionMax?: number;
  affectionMin?: number;
}

/** Locates the zones on one curve. */
export function locateZones(points: readonly CurvePoint[], override: ZoneOverride = {}): Zones {
  const pts = points.filter((p) => p.reliable && p.rate !== null).sort((a, b) => a.satisfaction - b.satisfaction);
  const steps = stepsOf(pts);
  if (override.defectionMax !== undefined || override.affectionMin !== undefined) {
    return {
      method: 'manual',
      defectionMax: override.defectionMax ?? null,
      affectionMin: override.affectionMin ?? null,
      steps,
    };
  }
  if (pts.length < 3) return { method: 'none', defectionMax: null, affectionMin: null, steps };
  const rates = pts.map((p) => p.rate!);
  const levels = pts.map((p) => p.satisfaction);
  const lo = Math.min(...rates);
  const hi = Math.max(...rates);
  const first = levels[0]!;
  const last = levels[levels.length - 1]!;
  if (hi - lo <= 0) return { method: 'slope', defectionMax: first, affectionMin: last, steps };

  // Longest run of flat steps; on a tie the higher run wins.
  let best: [number, number] | null = null;
  let start = -1;
  for (let i = 0; i <= steps.length; i++) {
    const flat = i < steps.length && !steps[i]!.steep;
    if (flat && start < 0) start = i;
    if (!flat && start >= 0) {
      if (!best || i - start >= best[1] - best[0]) best = [start, i];
      start = -1;
    }
  }
  if (!best) {
    const mid = (lo + hi) / 2;
    const below = pts.filter((p) => p.rate! < mid).map((p) => p.satisfaction);
    const defectionMax = below.length ? Math.max(...below) : first;
    const above = levels.filter((l) => l > defectionMax);
    return { method: 'midpoint', defectionMax, affectionMin: above.length ? Math.min(...above) : last, steps };
  }
  // Steps best[0]..best[1]-1 are flat: they span levels[best[0]] … levels[best[1]].
  let lowIdx = best[0];
  let highIdx = best[1];
  if (lowIdx === 0) lowIdx = 1;
  if (highIdx === levels.length - 1) highIdx = levels.length - 2;
  return { method: 'slope', defectionMax: levels[lowIdx - 1]!, affectionMin: levels[highIdx + 1]!, steps };
}

function stepsOf(pts: readonly CurvePoint[]): ZoneStep[] {
  if (pts.length < 2) return [];
  const rates = pts.map((p) => p.rate!);
  const span = pts[pts.length - 1]!.satisfaction - pts[0]!.satisfaction;
  const reference = (Math.max(...rates) - Math.min(...rates)) / span;
  const out: ZoneStep[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const slope = (b.rate! - a.rate!) / (b.satisfaction - a.satisfaction);
    const relative = reference > 0 ? slope / reference : 0;
    out.push({ from: a.satisfaction, to: b.satisfaction, slope, relative, steep: relative > 1 });
  }
  return out;
}

/** The zone of a level, or null when no zones could be located. */
export function zoneOf(zones: Zones, level: number): ZoneName | null {
  if (zones.method === 'none') return null;
  if (zones.defectionMax !== null && level <= zones.defectionMax) return 'defection';
  if (zones.affectionMin !== null && level >= zones.affectionMin) return 'affection';
  return 'indifference';
}

/** Shaded bands for the chart: one row per non-empty zone, from x1 to x2 on the satisfaction axis. */
export function zoneBands(
  zones: Zones,
  scaleLow: number,
  scaleHigh: number,
): { zone: ZoneName; x1: number; x2: number }[] {
  if (zones.method === 'none') return [];
  const b1 = zones.defectionMax !== null ? zones.defectionMax + 0.5 : scaleLow - 0.5;
  const b2 = zones.affectionMin !== null ? zones.affectionMin - 0.5 : scaleHigh + 0.5;
  const bands: { zone: ZoneName; x1: number; x2: number }[] = [
    { zone: 'defection', x1: scaleLow - 0.5, x2: b1 },
    { zone: 'indifference', x1: b1, x2: b2 },
    { zone: 'affection', x1: b2, x2: scaleHigh + 0.5 },
  ];
  return bands.filter((b) => b.x2 > b.x1);
}
