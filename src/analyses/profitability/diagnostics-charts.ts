/**
 * Charts for the profit diagnostics: the margin-to-profit waterfall and profit by spend tier.
 */
import type { ChartSpec } from '../../charts/spec.ts';
import { tv } from '../../format/typed.ts';
import { clause, currencyUnit } from '../messages/finding.ts';
import { english } from '../messages/localise.ts';
import type { ChartText, MessageRef } from '../messages/render.ts';
import type { WaterfallBar } from './diagnostics.ts';

/** `ref`'s English for the spec, remembered in `text` as the chart's `part`. */
function said(text: ChartText, part: 'title' | 'subtitle' | 'y', ref: MessageRef): string {
  text[part] = ref;
  return english(ref);
}

/** Gross margin → each cost category → net profit, as floating bars in order. */
export function waterfallChart(bars: readonly WaterfallBar[], text: ChartText = {}): ChartSpec {
  const net = bars[bars.length - 1]?.amount ?? 0;
  return {
    id: 'waterfall',
    title: said(text, 'title', clause('diagnostics.chart.waterfall.title', { net: tv.money(net) }) as MessageRef),
    subtitle: said(text, 'subtitle', clause('diagnostics.chart.waterfall.subtitle') as MessageRef),
    data: 'waterfall',
    height: 420,
    marginLeft: 64,
    marginBottom: 56,
    x: { label: null, domain: bars.map((b) => b.label), tickFormat: '' },
    y: {
      label: said(text, 'y', clause('diagnostics.chart.money', { unit: currencyUnit() }) as MessageRef),
      tickFormat: '~s',
      grid: true,
    },
    color: { domain: ['Total', 'Cost'], range: ['primary', 'negative'], legend: false },
    marks: [
      {
        type: 'barY',
        x: 'label',
        y1: 'start',
        y2: 'end',
        fill: 'kind', // Horizontal inset only: a vertical inset would shave a fixed number of pixels off every
        // bar and make a small cost look smaller than it is (or vanish).
        options: { insetLeft: 6, insetRight: 6 },
      },
      { type: 'ruleY', values: [0], stroke: 'neutral' },
      // Totals are labelled above their bar, costs below theirs, so no label sits on a bar.
      {
        type: 'text',
        rows: labelRows(bars, 'Total'),
        x: 'label',
        y: 'end',
        text: 'amount',
        textFormat: ',.0f',
        options: { dy: -8, fontSize: 13, lineAnchor: 'bottom' },
      },
      {
        type: 'text',
        rows: labelRows(bars, 'Cost'),
        x: 'label',
        y: 'end',
        text: 'amount',
        textFormat: ',.0f',
        options: { dy: 8, fontSize: 13, lineAnchor: 'top' },
      },
    ],
  };
}

function labelRows(bars: readonly WaterfallBar[], kind: string) {
  return bars.filter((b) => b.kind === kind).map((b) => ({ label: b.label, end: b.end, amount: b.amount }));
}

/** Profit of each spend tier (tier 1 = top spenders), with the zero line. */
export function tierChart(text: ChartText = {}): ChartSpec {
  return {
    id: 'profit-by-tier',
    title: said(text, 'title', clause('diagnostics.chart.tiers.title') as MessageRef),
    subtitle: said(text, 'subtitle', clause('diagnostics.chart.tiers.subtitle') as MessageRef),
    data: 'by_tier',
    height: 360,
    marginLeft: 64,
    x: { label: null },
    y: {
      label: said(text, 'y', clause('diagnostics.chart.profit', { unit: currencyUnit() }) as MessageRef),
      tickFormat: '~s',
      grid: true,
    },
    marks: [
      { type: 'barY', x: 'label', y: 'profit', fill: 'primary' },
      { type: 'ruleY', values: [0], stroke: 'neutral' },
    ],
  };
}
