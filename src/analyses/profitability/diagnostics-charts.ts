/**
 * Charts for the profit diagnostics: the margin-to-profit waterfall and profit by spend tier.
 */
import type { ChartSpec } from '../../charts/spec.ts';
import { money } from '../../format/number.ts';
import type { WaterfallBar } from './diagnostics.ts';

/** Gross margin → each cost category → net profit, as floating bars in order. */
export function waterfallChart(bars: readonly WaterfallBar[]): ChartSpec {
  const net = bars[bars.length - 1]?.amount ?? 0;
  return {
    id: 'waterfall',
    title: `From gross margin to ${money(net)} net profit`,
    subtitle: 'Each bar is what one cost-to-serve category takes out of the margin',
    data: 'waterfall',
    height: 420,
    marginLeft: 64,
    marginBottom: 56,
    x: { label: null, domain: bars.map((b) => b.label), tickFormat: '' },
    y: { label: '↑ Money', tickFormat: '~s', grid: true },
    color: { domain: ['Total', 'Cost'], range: ['primary', 'negative'], legend: false },
    marks: [
      { type: 'barY', x: 'label', y1: 'start', y2: 'end', fill: 'kind', // Horizontal inset only: a vertical inset would shave a fixed number of pixels off every
      // bar and make a small cost look smaller than it is (or vanish).
      options: { insetLeft: 6, insetRight: 6 } },
      { type: 'ruleY', values: [0], stroke: 'neutral' },
      // Totals are labelled above their bar, costs below theirs, so no label sits on a bar.
      { type: 'text', rows: labelRows(bars, 'Total'), x: 'label', y: 'end', text: 'amount', textFormat: ',.0f', options: { dy: -8, fontSize: 13, lineAnchor: 'bottom' } },
      { type: 'text', rows: labelRows(bars, 'Cost'), x: 'label', y: 'end', text: 'amount', textFormat: ',.0f', options: { dy: 8, fontSize: 13, lineAnchor: 'top' } },
    ],
  };
}

function labelRows(bars: readonly WaterfallBar[], kind: string) {
  return bars.filter((b) => b.kind === kind).map((b) => ({ label: b.label, end: b.end, amount: b.amount }));
}

/** Profit of each spend tier (tier 1 = top spenders), with the zero line. */
export function tierChart(): ChartSpec {
  return {
    id: 'profit-by-tier',
    title: 'Profit by spend tier',
    subtitle: 'Customers split into equal-sized tiers by revenue; bars show each tier’s total profit',
    data: 'by_tier',
    height: 360,
    marginLeft: 64,
    x: { label: null },
    y: { label: '↑ Profit', tickFormat: '~s', grid: true },
    marks: [
      { type: 'barY', x: 'label', y: 'profit', fill: 'primary' },
      { type: 'ruleY', values: [0], stroke: 'neutral' },
    ],
  };
}
