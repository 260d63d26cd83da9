/** Chart specs of the `clv-bgnbd` analysis: the holdout check, P(alive) and value concentration. */
import type { ChartSpec } from '../../charts/spec.ts';
import { tv, type DurationUnit } from '../../format/typed.ts';
import { chartWords, msg } from '../messages/chart-words.ts';
import type { ChartText } from '../messages/render.ts';

/** Expected vs actual holdout purchases by calibration purchases (FHL 2005's conditional-expectations figure). */
export function holdoutChart(
  unitLabel: string,
  length: number,
  last: { calibration_purchases: string; expected: number; actual: number },
  text: ChartText = {},
): ChartSpec {
  const w = chartWords(text);
  const above = last.actual >= last.expected;
  return {
    id: 'holdout-check',
    title: 'Did the model see the future? Expected vs actual repeat purchases in the holdout',
    subtitle: w.set(
      'subtitle',
      msg('clv.chart.holdout.subtitle', { length: tv.duration(length, unitLabel as DurationUnit, 1) }),
    ),
    data: 'holdout',
    x: { label: 'Repeat purchases in the calibration period', type: 'point' },
    y: { label: 'Repeat purchases in the holdout (average) ↑', grid: true, zero: true },
    marks: [
      { type: 'line', x: 'calibration_purchases', y: 'actual', stroke: 'series-2', options: { strokeWidth: 2 } },
      { type: 'dot', x: 'calibration_purchases', y: 'actual', fill: 'series-2', r: 4, options: { tip: true } },
      {
        type: 'line',
        x: 'calibration_purchases',
        y: 'expected',
        stroke: 'primary',
        options: { strokeWidth: 2, strokeDasharray: '6,4' },
      },
      { type: 'dot', x: 'calibration_purchases', y: 'expected', fill: 'primary', r: 4, options: { tip: true } },
      {
        type: 'text',
        rows: [{ x: last.calibration_purchases, y: last.actual, label: 'actual' }],
        x: 'x',
        y: 'y',
        text: 'label',
        fill: 'series-2',
        options: { textAnchor: 'end', dx: -8, dy: above ? -10 : 14, fontSize: 13 },
      },
      {
        type: 'text',
        rows: [{ x: last.calibration_purchases, y: last.expected, label: 'expected' }],
        x: 'x',
        y: 'y',
        text: 'label',
        fill: 'primary',
        options: { textAnchor: 'end', dx: -8, dy: above ? 14 : -10, fontSize: 13 },
      },
    ],
  };
}

/** Histogram of P(alive) among repeat buyers. */
export function pAliveChart(oneTimeBuyers: number, text: ChartText = {}): ChartSpec {
  const w = chartWords(text);
  return {
    id: 'p-alive',
    title: 'How likely is each repeat buyer still active?',
    subtitle: w.set('subtitle', msg('clv.chart.p_alive.subtitle', { customers: tv.count(oneTimeBuyers) })),
    data: 'p_alive_bins',
    x: { label: 'P(alive)', type: 'band' },
    y: { label: 'Customers ↑', grid: true },
    marks: [
      { type: 'barY', x: 'band', y: 'customers', fill: 'primary', options: { tip: true } },
      { type: 'ruleY', values: [0] },
    ],
  };
}

/** Cumulative share of expected value against share of customers ranked by it. */
export function concentrationChart(topShare: number, horizon: number, unit: string, text: ChartText = {}): ChartSpec {
  const w = chartWords(text);
  const share = tv.percent(topShare, 0);
  return {
    id: 'value-concentration',
    title: w.set('title', msg('clv.chart.concentration.title', { share })),
    subtitle: w.set(
      'subtitle',
      msg('clv.chart.concentration.subtitle', {
        horizon: tv.duration(horizon, unit as DurationUnit, Number.isInteger(horizon) ? 0 : 1),
      }),
    ),
    data: 'concentration',
    x: { label: 'Share of customers →', tickFormat: '.0%', domain: [0, 1] },
    y: { label: '↑ Share of expected value', tickFormat: '.0%', domain: [0, 1], grid: true },
    marks: [
      { type: 'areaY', x: 'share_customers', y: 'share_value', fill: 'primary', options: { fillOpacity: 0.15 } },
      { type: 'line', x: 'share_customers', y: 'share_value', stroke: 'primary', options: { strokeWidth: 2 } },
      { type: 'ruleX', values: [0.2], options: { strokeDasharray: '4,4' } },
      { type: 'dot', rows: [{ x: 0.2, y: topShare }], x: 'x', y: 'y', fill: 'primary', r: 5 },
      {
        type: 'text',
        rows: [{ x: 0.2, y: topShare, label: w.label(msg('clv.chart.concentration.label', { share })) }],
        x: 'x',
        y: 'y',
        text: 'label',
        options: { textAnchor: 'start', dx: 8, dy: 12, fontSize: 13 },
      },
    ],
  };
}

/** E[X(t)] of a new customer over the horizon (FHL eq. 7), with its 95% band when the parameters' uncertainty is known. */
export function newCustomerChart(unitLabel: string, withBand: boolean): ChartSpec {
  return {
    id: 'new-customer',
    title: 'How often will a new customer buy?',
    subtitle: `Expected repeat purchases of a customer who just made a first purchase, by ${unitLabel}s since${withBand ? '; shaded: 95% interval from the uncertainty of the fitted parameters' : ''}`,
    data: 'new_customer',
    x: { label: `${unitLabel[0]!.toUpperCase()}${unitLabel.slice(1)}s since the first purchase →` },
    y: { label: '↑ Expected repeat purchases', grid: true, zero: true },
    marks: [
      ...(withBand
        ? [{ type: 'areaY' as const, x: 't', y1: 'low', y2: 'high', fill: 'primary', options: { fillOpacity: 0.2 } }]
        : []),
      { type: 'line', x: 't', y: 'expected_purchases', stroke: 'primary', options: { strokeWidth: 2 } },
      { type: 'dot', x: 't', y: 'expected_purchases', fill: 'primary', r: 3, options: { tip: true } },
    ],
  };
}
