/**
 * The RFM segment map: named regions of the recency × frequency grid, on a 1–5 score scale.
 * Rules are tried in order and the first match wins. The default follows the widely used
 * RFM grid (recent + frequent = champions; frequent but long gone = can't lose / at risk;
 * rare and long gone = lost). Scores from other bin counts are rescaled to 1–5 first
 * (`ceil(score × 5 / bins)`) so one map serves any number of bins.
 */

/** One rule: a rectangle of the R × F grid (inclusive score ranges on 1–5). */
export interface SegmentRule {
  segment: string;
  r: [number, number];
  f: [number, number];
}

/** The default map; it covers all 25 cells of the 5 × 5 grid. */
export const defaultSegmentMap: readonly SegmentRule[] = [
  { segment: 'champions', r: [5, 5], f: [4, 5] },
  { segment: 'loyal', r: [3, 4], f: [4, 5] },
  { segment: "can't lose", r: [1, 1], f: [4, 5] },
  { segment: 'at risk', r: [1, 2], f: [3, 5] },
  { segment: 'potential loyalists', r: [3, 5], f: [2, 3] },
  { segment: 'new', r: [4, 5], f: [1, 1] },
  { segment: 'hibernating', r: [2, 3], f: [1, 2] },
  { segment: 'lost', r: [1, 1], f: [1, 2] },
];

/** Segment name for R/F cells no rule covers (only possible with a custom map). */
export const OTHER_SEGMENT = 'other';

function range(v: unknown, what: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2 || v.some((x) => typeof x !== 'number' || x < 1 || x > 5) || v[0] > v[1]) {
    throw new Error(`invalid segment_map ${what}: ${JSON.stringify(v)} (expected [low, high] within 1–5)`);
  }
  return [v[0] as number, v[1] as number];
}

/**
 * Parses a user's segment map from notebook YAML, e.g.
 * `{ champions: { r: [5, 5], f: [4, 5] }, … }` (keys in order of priority).
 */
export function parseSegmentMap(raw: Record<string, unknown> | undefined): SegmentRule[] {
  if (!raw || Object.keys(raw).length === 0) return [...defaultSegmentMap];
  return Object.entries(raw).map(([segment, v]) => {
    if (typeof v !== 'object' || v === null)
      throw new Error(`invalid segment_map entry ${segment}: expected { r: [lo, hi], f: [lo, hi] }`);
    const o = v as Record<string, unknown>;
    return { segment, r: range(o.r, `${segment}.r`), f: range(o.f, `${segment}.f`) };
  });
}

/** Rescales a score on 1…bins to 1…5. */
export function toFivePoint(score: number, bins: number): number {
  return bins === 5 ? score : Math.min(5, Math.max(1, Math.ceil((score * 5) / bins)));
}

/** The segment of an R/F score pair (scores on 1…bins). */
export function segmentOf(r: number, f: number, bins: number, map: readonly SegmentRule[]): string {
  const r5 = toFivePoint(r, bins);
  const f5 = toFivePoint(f, bins);
  const rule = map.find((m) => r5 >= m.r[0] && r5 <= m.r[1] && f5 >= m.f[0] && f5 <= m.f[1]);
  return rule?.segment ?? OTHER_SEGMENT;
}
