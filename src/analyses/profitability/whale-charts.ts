/**
 * Chart specs for the whale curve, made to be read from the back of a boardroom: one idea per
 * chart, titles that state the finding, percent axes, the 100% reference line and labelled points.
 */
import type { ChartSpec, MarkSpec } from '../../charts/spec.ts';
import { money, percent } from '../../format/number.ts';
import type { WhaleSummary } from './whale-summary.ts';

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
export function whaleCurveChart(s: WhaleSummary, whatIf?: { summary: WhaleSummary; label: string }): ChartSpec {
  const share = s.mode === 'share';
  const y = share ? 'profit_share' : 'cum_profit';
  const marks: MarkSpec[] = [];
  if (share) marks.push({ type: 'ruleY', values: [1], stroke: GRID, options: { strokeDasharray: '4,4' } });
  marks.push({ type: 'ruleY', values: [0], stroke: GRID });
  marks.push({ type: 'line', x: 'customer_share', y, stroke: PROFIT, options: { strokeWidth: 3 }, ...(whatIf ? { label: 'Today' } : {}) });
  if (whatIf) {
    // Drawn on TODAY's scale (x over today's customers, y over today's total profit), so the
    // what-if curve ends where total profit ends up: above 100% when fixing pays.
    const after = whatIf.summary;
    const wy = share ? 'base_profit_share' : 'cum_profit';
    const endX = s.customers > 0 ? after.customers / s.customers : 0;
    const endY = share ? after.totalProfit / s.totalProfit : after.totalProfit;
    const endText = share ? `${percent(endY)} of today's profit` : `total profit ${money(after.totalProfit)}`;
    marks.push({ type: 'line', data: 'curve_whatif', x: 'base_customer_share', y: wy, stroke: WHATIF, label: whatIf.label, options: { strokeWidth: 3, strokeDasharray: '7,4' } });
    marks.push({ type: 'dot', rows: [{ x: endX, y: endY }], x: 'x', y: 'y', fill: WHATIF, r: 5 });
    marks.push({
      type: 'text', rows: [{ x: endX, y: endY, label: `${whatIf.label}: ${endText}` }], x: 'x', y: 'y', text: 'label', fill: WHATIF,
      options: { dy: -14, dx: -6, fontSize: 14, fontWeight: 'bold', textAnchor: 'end' },
    });
  }
  if (s.customers > 0 && s.profitable > 0) {
    const peakY = share ? (s.peakShare ?? 0) : s.peakProfit;
    const label = share
      ? `Peak: ${percent(s.peakCustomerShare)} of customers → ${percent(s.peakShare ?? 0)} of profit`
      : `Peak: ${percent(s.peakCustomerShare)} of customers → ${money(s.peakProfit)}`;
    marks.push({ type: 'ruleX', values: [s.peakCustomerShare], stroke: GRID, options: { strokeDasharray: '2,3' } });
    marks.push({ type: 'dot', rows: [{ x: s.peakCustomerShare, y: peakY }], x: 'x', y: 'y', fill: PROFIT, r: 6 });
    // Labels sit below the curve and towards the chart's centre so they are never clipped.
    const towardsLeft = s.peakCustomerShare > 0.6;
    marks.push({
      type: 'text', rows: [{ x: s.peakCustomerShare, y: peakY, label }], x: 'x', y: 'y', text: 'label',
      options: { dy: 40, dx: towardsLeft ? -10 : 10, fontSize: 16, fontWeight: 'bold', textAnchor: towardsLeft ? 'end' : 'start' },
    });
    if (s.lossMakers > 0) {
      const breakEven = towardsLeft ? 'Break-even: customers to the right lose money →' : 'Break-even: customers to the right lose money';
      marks.push({
        type: 'text', rows: [{ x: s.peakCustomerShare, y: 0, label: breakEven }], x: 'x', y: 'y', text: 'label', fill: GRID,
        options: { dy: -12, dx: towardsLeft ? -8 : 8, fontSize: 13, textAnchor: towardsLeft ? 'end' : 'start' },
      });
    }
  }
  if (share && s.topShare !== null && s.topK < s.peakCustomerShare) {
    marks.push({ type: 'dot', rows: [{ x: s.topK, y: s.topShare }], x: 'x', y: 'y', fill: PROFIT, r: 5 });
    marks.push({
      type: 'text', rows: [{ x: s.topK, y: s.topShare, label: `Top ${percent(s.topK)} → ${percent(s.topShare)}` }], x: 'x', y: 'y', text: 'label',
      options: { dx: 10, dy: 12, fontSize: 14, textAnchor: 'start' },
    });
  }
  if (share && s.allProfitCustomerShare !== null && s.lossMakers > 0) {
    marks.push({ type: 'dot', rows: [{ x: s.allProfitCustomerShare, y: 1 }], x: 'x', y: 'y', stroke: PROFIT, fill: 'white', r: 5 });
  }
  return {
    id: 'whale-curve',
    title: share
      ? `The top ${percent(s.topK)} of customers earn ${percent(s.topShare ?? 0)} of profit`
      : `The customer base loses money overall (total profit ${money(s.totalProfit)})`,
    subtitle: share
      ? 'Cumulative share of total profit, customers ranked from most to least profitable'
      : 'Cumulative profit in money (shares of a negative total would mislead), customers ranked from most to least profitable',
    data: 'curve',
    height: 460,
    marginLeft: 64,
    x: { label: 'Share of customers (most profitable first) →', tickFormat: '.0%', domain: [0, 1], grid: false },
    y: share ? { label: '↑ Cumulative share of total profit', tickFormat: '.0%', grid: true } : { label: '↑ Cumulative profit', tickFormat: ',.0f', grid: true },
    marks,
  };
}

/** Revenue Pareto and profit whale curve on the same axes: 80/20 against 20/120. */
export function revenueVsProfitChart(s: WhaleSummary): ChartSpec {
  const marks: MarkSpec[] = [
    { type: 'ruleY', values: [1], stroke: GRID, options: { strokeDasharray: '4,4' } },
    { type: 'ruleY', values: [0], stroke: GRID },
    { type: 'ruleX', values: [s.topK], stroke: GRID, options: { strokeDasharray: '2,3' } },
    { type: 'line', x: 'customer_share', y: 'revenue_share', stroke: REVENUE, label: 'Revenue (customers ranked by revenue)', options: { strokeWidth: 3 } },
    { type: 'line', x: 'customer_share', y: 'profit_share', stroke: PROFIT, label: 'Profit (customers ranked by profit)', options: { strokeWidth: 3 } },
  ];
  const labels = [];
  if (s.topRevenueShare !== null) labels.push({ x: s.topK, y: s.topRevenueShare, label: `Revenue: ${percent(s.topRevenueShare)}` });
  if (s.topShare !== null) labels.push({ x: s.topK, y: s.topShare, label: `Profit: ${percent(s.topShare)}` });
  if (labels.length) {
    marks.push({ type: 'dot', rows: labels, x: 'x', y: 'y', fill: PROFIT, r: 5 });
    marks.push({ type: 'text', rows: labels, x: 'x', y: 'y', text: 'label', options: { dx: 10, textAnchor: 'start', fontSize: 15, fontWeight: 'bold' } });
  }
  return {
    id: 'revenue-vs-profit',
    title: s.topRevenueShare !== null && s.topShare !== null
      ? `Top ${percent(s.topK)}: ${percent(s.topRevenueShare)} of revenue, ${percent(s.topShare)} of profit`
      : 'Revenue concentration against profit concentration',
    subtitle: 'Cumulative share of revenue and of profit, customers ranked from the top',
    data: 'curve',
    height: 420,
    marginLeft: 64,
    x: { label: 'Share of customers →', tickFormat: '.0%', domain: [0, 1] },
    y: { label: '↑ Cumulative share', tickFormat: '.0%', grid: true },
    marks,
  };
}
