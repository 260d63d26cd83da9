/**
 * Typed rows of the level query (`buildLevelQuery`) and pooling across segments.
 */
import type { Row } from '../../sql/table.ts';

/** One segment × satisfaction level aggregate. */
export interface LevelRow {
  segment: string;
  satisfaction: number;
  /** Respondents whose latest usable response is at this level. */
  respondents: number;
  /** Of them, those with a loyalty outcome (the curve's denominator). */
  n: number;
  /** Of `n`, the loyal ones. */
  loyal: number;
  recommend_n: number;
  promoters: number;
  detractors: number;
  no_transactions: number;
  revenue: number;
  profit: number;
  revenue_loyal: number;
  profit_loyal: number;
  revenue_not_loyal: number;
  profit_not_loyal: number;
  profit_after_loyal: number;
}

const numericKeys = [
  'respondents',
  'n',
  'loyal',
  'recommend_n',
  'promoters',
  'detractors',
  'no_transactions',
  'revenue',
  'profit',
  'revenue_loyal',
  'profit_loyal',
  'revenue_not_loyal',
  'profit_not_loyal',
  'profit_after_loyal',
] as const;

/** Converts query rows (numbers may arrive as null) into `LevelRow`s. */
export function toLevelRows(rows: readonly Row[]): LevelRow[] {
  return rows.map((r) => {
    const out = { segment: String(r.segment ?? 'All'), satisfaction: Number(r.satisfaction) } as LevelRow;
    for (const k of numericKeys) out[k] = Number(r[k] ?? 0);
    return out;
  });
}

/** Sums rows of every segment level by level into one segment named `name`. */
export function poolSegments(rows: readonly LevelRow[], name = 'All'): LevelRow[] {
  const byLevel = new Map<number, LevelRow>();
  for (const r of rows) {
    let acc = byLevel.get(r.satisfaction);
    if (!acc) {
      acc = { segment: name, satisfaction: r.satisfaction } as LevelRow;
      for (const k of numericKeys) acc[k] = 0;
      byLevel.set(r.satisfaction, acc);
    }
    for (const k of numericKeys) acc[k] += r[k];
  }
  return [...byLevel.values()].sort((a, b) => a.satisfaction - b.satisfaction);
}

/** Distinct segment names in first-seen order. */
export function segmentsOf(rows: readonly LevelRow[]): string[] {
  return [...new Set(rows.map((r) => r.segment))];
}
