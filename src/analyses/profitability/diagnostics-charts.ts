/**
 * Charts for the profit diagnostics: the margin-to-profit waterfall and profit by spend tier.
 */
import type { ChartSpec } from '../../charts/spec.ts';
import { money } from './format.ts';
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
    marginLeft: 72,
    marginBottom: 56,
    x: { label: null, domain: bars.map((b) => b.label), tickFormat: '' },
    y: { label: '↑ Money', tickFormat: ',.0f', grid: true },
    color: { domain: ['Total', 'Cost'], range: ['#1f4e79', '#c0392b'], legend: false },
    marks: [
      { type: 'barY', x: 'label', y1: 'start', y2: 'end', fill: 'kind', options: { inset: 6 } },
      { type: 'ruleY', values: [0], stroke: '#6b7280' },
      { type: 'text', x: 'label', y: 'end', text: 'amount', textFormat: ',.0f', options: { dy: -8, fontSize: 13, lineAnchor: 'bottom' } },
    ],
  };
}

/** Profit of each spend tier (tier 1 = top spenders), with the zero line. */
export function tierChart(): ChartSpec {
  return {
    id: 'profit-by-tier',
    title: 'Profit by spend tier',
    subtitle: 'Customers split into equal-sized tiers by revenue; bars show each tier’s total profit',
    data: 'by_tier',
    height: 360,
    marginLeft: 72,
    x: { label: null },
    y: { label: '↑ Profit', tickFormat: ',.0f', grid: true },
    marks: [
      { type: 'barY', x: 'label', y: 'profit', fill: '#1f4e79', options: { sort: null } },
      { type: 'ruleY', values: [0], stroke: '#6b7280' },
    ],
  };
}
