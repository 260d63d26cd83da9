/**
 * What `npm run bench:interactive` measures: option changes an analyst or trainer makes with a
 * slider, as sequences of option sets for one analysis. Every set differs from every other and
 * from the defaults (run first), so no result comes from the result cache: each figure is a real
 * recompute from the prepared data.
 */

/** One slider: an analysis and the option sets its positions produce, in order. */
export interface InteractiveCase {
  /** Stable key, e.g. `whale-curve:margin`. */
  key: string;
  analysis: string;
  /** What moves, for the table. */
  label: string;
  positions: Record<string, unknown>[];
}

const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) out.push(Math.round((from + i * step) * 1e6) / 1e6);
  return out;
};

export const interactiveCases: InteractiveCase[] = [
  {
    key: 'whale-curve:margin',
    analysis: 'whale-curve',
    label: 'whale curve — assumed margin 20% … 60%',
    positions: range(0.2, 0.6, 0.04).map((m) => ({ margin_source: 'assumed', margin_pct: m })),
  },
  {
    key: 'whale-curve:top-k',
    analysis: 'whale-curve',
    label: 'whale curve — top k 5% … 50%',
    positions: range(5, 50, 5)
      .filter((k) => k !== 20)
      .map((k) => ({ top_k: k })),
  },
  {
    key: 'whale-curve:allocation',
    analysis: 'whale-curve',
    label: 'whale curve — cost per order 1 … 10',
    positions: range(1, 10, 1).map((c) => ({ cost_per_order: c })),
  },
  {
    key: 'whale-curve:fix-worst',
    analysis: 'whale-curve',
    label: 'whale curve — fix the worst 10% … 100% of loss-makers',
    positions: range(10, 100, 10).map((p) => ({ fix_worst_pct: p })),
  },
  {
    key: 'tiers:thresholds',
    analysis: 'tiers',
    label: 'tiers — quantile thresholds',
    positions: [0.3, 0.35, 0.45, 0.5, 0.55].map((q) => ({ quantiles: [q, 0.7, 0.85, 0.93, 0.98] })),
  },
  {
    key: 'retention-what-if:uplift',
    analysis: 'retention-what-if',
    label: 'retention what-if — uplift, cost, discount rate',
    positions: [
      ...range(0.02, 0.1, 0.02).map((u) => ({ uplift: u })),
      ...[5, 10, 15].map((c) => ({ programme_cost: c })),
      ...[0.05, 0.08, 0.12].map((d) => ({ discount_rate: d })),
    ],
  },
  {
    key: 'satisfaction-what-if:move-share',
    analysis: 'satisfaction-what-if',
    label: 'satisfaction what-if — share lifted 10% … 50%',
    positions: range(0.1, 0.5, 0.1).map((s) => ({ move_share: s })),
  },
];
