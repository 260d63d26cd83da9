/**
 * Word of mouth by satisfaction level, from the 0–10 "would you recommend" question.
 *
 * Net advocacy = % promoters (9–10) − % detractors (0–6) (Reichheld 2003, "The one number you
 * need to grow", HBR 81(12)). Alongside it, the *vocal share* (promoters + detractors) shows
 * who talks at all: high at both extremes and highest at the bottom — the asymmetric U of the
 * source material (Anderson 1998, "Customer satisfaction and word of mouth", Journal of Service
 * Research 1(1)).
 */
import type { LevelRow } from './level-rows.ts';
import { wilsonInterval } from './wilson.ts';

/** Word of mouth at one satisfaction level. */
export interface WordOfMouthRow {
  satisfaction: number;
  recommend_n: number;
  promoters_share: number;
  detractors_share: number;
  /** promoters_share − detractors_share, in −1 … 1. */
  net_advocacy: number;
  vocal_share: number;
  vocal_low: number;
  vocal_high: number;
}

/** One row per level with at least one recommend answer (pool segments first). */
export function wordOfMouth(rows: readonly LevelRow[]): WordOfMouthRow[] {
  return rows
    .filter((r) => r.recommend_n > 0)
    .sort((a, b) => a.satisfaction - b.satisfaction)
    .map((r) => {
      const p = r.promoters / r.recommend_n;
      const d = r.detractors / r.recommend_n;
      const vocal = wilsonInterval(r.promoters + r.detractors, r.recommend_n);
      return {
        satisfaction: r.satisfaction,
        recommend_n: r.recommend_n,
        promoters_share: p,
        detractors_share: d,
        net_advocacy: p - d,
        vocal_share: p + d,
        vocal_low: vocal.low!,
        vocal_high: vocal.high!,
      };
    });
}
