/**
 * Chart specs for the whale curve, made to be read from the back of a boardroom: one idea per
 * chart, titles that state the finding, percent axes, the 100% reference line and labelled points.
 */
import type { ChartSpec, MarkSpec } from '../../charts/spec.ts';
import { tv } from '../../format/typed.ts';
import { clause, currencyUnit } from '../messages/finding.ts';
import { english } from '../messages/localise.ts';
import type { ChartText, MessageRef } from '../messages/render.ts';
import type { WhaleSummary } from './whale-summary.ts';

/** A chart's words: each is built once as a message; the spec gets its English, `text` the message. */
function words(text: ChartText) {
  const labels: Record<string, MessageRef> = (text.labels = {});
  return {
    /** The English of `ref`, remembered as a text-mark label. */
    label(ref: MessageRef): string {
      const en = english(ref);
      labels[en] = ref;
      return en;
    },
    /** The English of `ref`, remembered as the chart's `part`. */
    set(part: 'title' | 'subtitle' | 'x' | 'y', ref: MessageRef): string {
      text[part] = ref;
      return english(ref);
    },
  };
}

const msg = (key: Parameters<typeof clause>[0], params: Parameters<typeof clause>[1] = {}) =>
  clause(key, params) as MessageRef;

// Colour roles (src/charts/palette.ts): the same spec reads right in the light and the dark theme.
const PROFIT = 'primary';
const REVENUE = 'secondary';
const WHATIF = 'positive';
const GRID = 'neutral';

/**
 * The whale curve with the 100% line, the annotated peak, the break-even point, the 100% crossing
 * and the top-k point; with `whatIf`, the what-if curve (table `curve_whatif`, columns
 * `base_customer_share` / `base_profit_share`) dashed on top of today's curve (drawn after it, so
 * where the two run together the dashes show), labelled at its end, and a key naming both.
 */
export function whaleCurveChart(
  s: WhaleSummary,
  whatIf?: { summary: WhaleSummary; label: string | MessageRef },
  text: ChartText = {},
): ChartSpec {
  const w = words(text);
  const share = s.mode === 'share';
  const y = share ? 'profit_share' : 'cum_profit';
  const marks: MarkSpec[] = [];
  if (share) marks.push({ type: 'ruleY', values: [1], stroke: GRID, options: { strokeDasharray: '4,4' } });
  marks.push({ type: 'ruleY', values: [0], stroke: GRID });
  marks.push({
    type: 'line',
    x: 'customer_share',
    y,
    stroke: PROFIT,
    options: { strokeWidth: 3 },
    ...(whatIf ? { label: w.label(msg('whale.chart.key.today')) } : {}),
  });
  if (whatIf) {
    // Drawn on TODAY's scale (x over today's customers, y over today's total profit), so the
    // what-if curve ends where total profit ends up: above 100% when fixing pays.
    const after = whatIf.summary;
    const wy = share ? 'base_profit_share' : 'cum_profit';
    const endX = s.customers > 0 ? after.customers / s.customers : 0;
    const endY = share ? after.totalProfit / s.totalProfit : after.totalProfit;
    const end = share
      ? msg('whale.chart.whatif_end.share', { share: tv.percent(endY) })
      : msg('whale.chart.whatif_end.money', { total: tv.money(after.totalProfit) });
    const whatIfLabel =
      typeof whatIf.label === 'string' ? null : w.label(msg('whale.chart.whatif_label', { action: whatIf.label, end }));
    marks.push({
      type: 'line',
      data: 'curve_whatif',
      x: 'base_customer_share',
      y: wy,
      stroke: WHATIF,
      label: typeof whatIf.label === 'string' ? whatIf.label : w.label(whatIf.label),
      options: { strokeWidth: 3, strokeDasharray: '7,4' },
    });
    marks.push({ type: 'dot', rows: [{ x: endX, y: endY }], x: 'x', y: 'y', fill: WHATIF, r: 5 });
    marks.push({
      type: 'text',
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a label is text or a number from the notebook
      rows: [{ x: endX, y: endY, label: whatIfLabel ?? `${String(whatIf.label)}: ${english(end)}` }],
      x: 'x',
      y: 'y',
      text: 'label',
      fill: WHATIF,
      options: { dy: -14, dx: -6, fontSize: 14, fontWeight: 'bold', textAnchor: 'end' },
    });
  }
  if (s.customers > 0 && s.profitable > 0) {
    const peakY = share ? (s.peakShare ?? 0) : s.peakProfit;
    const label = w.label(
      share
        ? msg('whale.chart.peak.share', {
            customers: tv.percent(s.peakCustomerShare),
            profit: tv.percent(s.peakShare ?? 0),
          })
        : msg('whale.chart.peak.money', { customers: tv.percent(s.peakCustomerShare), profit: tv.money(s.peakProfit) }),
    );
    marks.push({ type: 'ruleX', values: [s.peakCustomerShare], stroke: GRID, options: { strokeDasharray: '2,3' } });
    marks.push({ type: 'dot', rows: [{ x: s.peakCustomerShare, y: peakY }], x: 'x', y: 'y', fill: PROFIT, r: 6 });
    // Labels sit below the curve and towards the chart's centre so they are never clipped.
    const towardsLeft = s.peakCustomerShare > 0.6;
    marks.push({
      type: 'text',
      rows: [{ x: s.peakCustomerShare, y: peakY, label }],
      x: 'x',
      y: 'y',
      text: 'label',
      options: {
        dy: 40,
        dx: towardsLeft ? -10 : 10,
        fontSize: 16,
        fontWeight: 'bold',
        textAnchor: towardsLeft ? 'end' : 'start',
      },
    });
    if (s.lossMakers > 0) {
      const breakEven = w.label(msg(towardsLeft ? 'whale.chart.break_even.arrow' : 'whale.chart.break_even'));
      marks.push({
        type: 'text',
        rows: [{ x: s.peakCustomerShare, y: 0, label: breakEven }],
        x: 'x',
        y: 'y',
        text: 'label',
        fill: GRID,
        options: { dy: -12, dx: towardsLeft ? -8 : 8, fontSize: 13, textAnchor: towardsLeft ? 'end' : 'start' },
      });
    }
  }
  if (share && s.topShare !== null && s.topK < s.peakCustomerShare) {
    marks.push({ type: 'dot', rows: [{ x: s.topK, y: s.topShare }], x: 'x', y: 'y', fill: PROFIT, r: 5 });
    marks.push({
      type: 'text',
      rows: [
        {
          x: s.topK,
          y: s.topShare,
          label: w.label(msg('whale.chart.top', { k: tv.percent(s.topK), share: tv.percent(s.topShare) })),
        },
      ],
      x: 'x',
      y: 'y',
      text: 'label',
      options: { dx: 10, dy: 12, fontSize: 14, textAnchor: 'start' },
    });
  }
  if (share && s.allProfitCustomerShare !== null && s.lossMakers > 0) {
    marks.push({
      type: 'dot',
      rows: [{ x: s.allProfitCustomerShare, y: 1 }],
      x: 'x',
      y: 'y',
      stroke: PROFIT,
      fill: 'white',
      r: 5,
    });
  }
  return {
    id: 'whale-curve',
    title: w.set(
      'title',
      share
        ? msg('whale.chart.title.share', { k: tv.percent(s.topK), share: tv.percent(s.topShare ?? 0) })
        : msg('whale.chart.title.money', { total: tv.money(s.totalProfit) }),
    ),
    subtitle: w.set('subtitle', msg(share ? 'whale.chart.subtitle.share' : 'whale.chart.subtitle.money')),
    data: 'curve',
    height: 460,
    marginLeft: 64,
    x: { label: w.set('x', msg('whale.chart.x')), tickFormat: '.0%', domain: [0, 1], grid: false },
    y: share
      ? { label: w.set('y', msg('whale.chart.y.share')), tickFormat: '.0%', grid: true }
      : { label: w.set('y', msg('whale.chart.y.money', { unit: currencyUnit() })), tickFormat: ',.0f', grid: true },
    marks,
  };
}

/** Revenue Pareto and profit whale curve on the same axes: 80/20 against 20/120. */
export function revenueVsProfitChart(s: WhaleSummary, text: ChartText = {}): ChartSpec {
  const w = words(text);
  const marks: MarkSpec[] = [
    { type: 'ruleY', values: [1], stroke: GRID, options: { strokeDasharray: '4,4' } },
    { type: 'ruleY', values: [0], stroke: GRID },
    { type: 'ruleX', values: [s.topK], stroke: GRID, options: { strokeDasharray: '2,3' } },
    {
      type: 'line',
      x: 'customer_share',
      y: 'revenue_share',
      stroke: REVENUE,
      label: w.label(msg('whale.chart.key.revenue')),
      options: { strokeWidth: 3 },
    },
    {
      type: 'line',
      x: 'customer_share',
      y: 'profit_share',
      stroke: PROFIT,
      label: w.label(msg('whale.chart.key.profit')),
      options: { strokeWidth: 3 },
    },
  ];
  const labels = [];
  if (s.topRevenueShare !== null)
    labels.push({
      x: s.topK,
      y: s.topRevenueShare,
      label: w.label(msg('whale.chart.revenue_point', { share: tv.percent(s.topRevenueShare) })),
    });
  if (s.topShare !== null)
    labels.push({
      x: s.topK,
      y: s.topShare,
      label: w.label(msg('whale.chart.profit_point', { share: tv.percent(s.topShare) })),
    });
  if (labels.length) {
    marks.push({ type: 'dot', rows: labels, x: 'x', y: 'y', fill: PROFIT, r: 5 });
    marks.push({
      type: 'text',
      rows: labels,
      x: 'x',
      y: 'y',
      text: 'label',
      options: { dx: 10, textAnchor: 'start', fontSize: 15, fontWeight: 'bold' },
    });
  }
  return {
    id: 'revenue-vs-profit',
    title: w.set(
      'title',
      s.topRevenueShare !== null && s.topShare !== null
        ? msg('whale.chart.pareto.title', {
            k: tv.percent(s.topK),
            revenue: tv.percent(s.topRevenueShare),
            profit: tv.percent(s.topShare),
          })
        : msg('whale.chart.pareto.title.none'),
    ),
    subtitle: w.set('subtitle', msg('whale.chart.pareto.subtitle')),
    data: 'curve',
    height: 420,
    marginLeft: 64,
    x: { label: w.set('x', msg('whale.chart.pareto.x')), tickFormat: '.0%', domain: [0, 1] },
    y: { label: w.set('y', msg('whale.chart.pareto.y')), tickFormat: '.0%', grid: true },
    marks,
  };
}
