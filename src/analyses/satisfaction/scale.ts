/**
 * Satisfaction scales: the four the canonical model allows, declared or detected from the data.
 */

/** Scale ids as written in `surveys.scale` and in the `scale` option. */
export const scaleIds = ['1-5', '1-7', '1-10', '0-10'] as const;
export type ScaleId = (typeof scaleIds)[number];

/** A resolved scale: its bounds and every level on it. */
export interface SatisfactionScale {
  id: ScaleId;
  low: number;
  high: number;
  levels: number[];
}

/** The scale with this id. Throws `invalid satisfaction scale: …` for anything else. */
export function scaleOf(id: string): SatisfactionScale {
  const m = /^\s*(0|1)\s*[-–]\s*(5|7|10)\s*$/.exec(id);
  const norm = m ? `${m[1]}-${m[2]}` : '';
  if (!(scaleIds as readonly string[]).includes(norm)) {
    throw new Error(`invalid satisfaction scale: ${JSON.stringify(id)} (expected one of ${scaleIds.join(', ')})`);
  }
  const low = Number(m![1]);
  const high = Number(m![2]);
  return { id: norm as ScaleId, low, high, levels: Array.from({ length: high - low + 1 }, (_, i) => low + i) };
}

/**
 * The smallest allowed scale that holds the observed scores: a 0 means 0–10 (the NPS-style
 * scale); otherwise the maximum decides between 1–5, 1–7 and 1–10. A declared scale wins over
 * detection (the caller passes the most frequent `surveys.scale` value). Returns null when the
 * scores fit no allowed scale (negative, above 10, or no scores at all).
 */
export function detectScale(
  min: number | null,
  max: number | null,
  declared?: string | null,
): SatisfactionScale | null {
  if (declared) return scaleOf(declared);
  if (min === null || max === null || min < 0 || max > 10) return null;
  if (min === 0) return scaleOf('0-10');
  if (max <= 5) return scaleOf('1-5');
  if (max <= 7) return scaleOf('1-7');
  return scaleOf('1-10');
}

/**
 * Default "satisfied" cut for the quadrant: the level at three quarters of the scale, rounded up
 * — the top two boxes of 1–5 (4, 5), 6–7 of 1–7, 8–10 of 1–10 and of 0–10. Documented so users
 * can override it with the `satisfied_from` option.
 */
export function defaultSatisfiedFrom(scale: SatisfactionScale): number {
  return Math.ceil(scale.low + 0.75 * (scale.high - scale.low));
}
