// A chart spec is untrusted and Plot draws synchronously on the UI thread: every bound of
// src/charts/limits.ts must fail fast with a message (well under a second), and the largest
// allowed values must still draw.
import { beforeAll, describe, expect, it } from 'vitest';
import { ChartSpecError } from '../../src/charts/errors.ts';
import { CHART_LIMITS } from '../../src/charts/limits.ts';
import { renderChartToSvgString } from '../../src/charts/render-node.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import type { Row } from '../../src/engine/types.ts';

const dot = { type: 'dot', x: 'a', y: 'b' };
const many = (n: number, f: (i: number) => Row = (i) => ({ a: i, b: i % 7, k: `k${i}` })) =>
  Array.from({ length: n }, (_, i) => f(i));
const tables: Record<string, Row[]> = {
  t: many(50),
  big: many(CHART_LIMITS.markRows + 1),
  half: many(CHART_LIMITS.markRows),
  days: many(50, (i) => ({ a: new Date(Date.UTC(2000 + i, 0, 1)), b: i })),
};
const resolve = (name: string) => tables[name];

const over: { name: string; spec: unknown; error: string }[] = [
  {
    name: 'ticks: 100000000 (the issue)',
    spec: { data: 't', x: { ticks: 100_000_000 }, marks: [dot] },
    error: 'chart: invalid x.ticks: 100000000; expected a count of at most 100',
  },
  {
    name: 'y ticks just over',
    spec: { data: 't', y: { ticks: 101 }, marks: [dot] },
    error: 'chart: invalid y.ticks: 101; expected a count of at most 100',
  },
  {
    name: 'facet scale ticks',
    spec: { data: 't', fx: { ticks: 1e9 }, marks: [dot] },
    error: 'chart: invalid fx.ticks',
  },
  {
    name: 'width',
    spec: { data: 't', width: 10_000_000, marks: [dot] },
    error: 'chart: "width" is 10000000 px; at most 4000 px can be drawn',
  },
  {
    name: 'height',
    spec: { data: 't', height: 4001, marks: [dot] },
    error: 'chart: "height" is 4001 px; at most 4000 px',
  },
  {
    name: 'margin',
    spec: { data: 't', marginLeft: 1e6, marks: [dot] },
    error: 'chart: "marginLeft" is 1000000 px; at most 1000 px',
  },
  {
    name: 'too many marks',
    spec: { data: 't', marks: Array.from({ length: 51 }, () => dot) },
    error: 'chart: 51 marks; a chart can have at most 50',
  },
  {
    name: 'inline rows',
    spec: { marks: [{ ...dot, rows: many(10_001) }] },
    error: 'chart: "rows" (mark 1 (dot)) has 10001 entries; at most 10000',
  },
  {
    name: 'inline values',
    spec: { marks: [{ type: 'ruleY', values: many(10_001, (i) => i as unknown as Row) }] },
    error: 'chart: "values" (mark 1 (ruleY)) has 10001 entries',
  },
  {
    name: 'domain list',
    spec: { data: 't', x: { domain: many(10_001, (i) => i as unknown as Row) }, marks: [dot] },
    error: 'chart: x.domain has 10001 entries',
  },
  {
    name: 'rows of one mark',
    spec: { data: 'big', marks: [dot] },
    error: 'chart: mark 1 (dot) would draw 100,001 rows; at most 100,000: aggregate the data in SQL first',
  },
  {
    name: 'rows of all marks',
    spec: { data: 'half', marks: [dot, dot, dot, dot, dot, dot] },
    error: 'chart: the chart would draw 600,000 rows in all; at most 500,000',
  },
  {
    name: 'facet panels',
    spec: { data: 't', marks: [{ ...dot, fx: 'a', fy: 'k' }] },
    error: 'chart: mark 1 (dot) would draw 2,500 facet panels; at most 100',
  },
  {
    name: 'numeric interval',
    spec: { data: 't', marks: [{ type: 'barY', x: 'a', y: 'b', options: { interval: 0.000001 } }] },
    error:
      'chart: mark 1 (barY): interval 0.000001 cuts the data into 49,000,000 bands; at most 10,000: use a wider interval',
  },
  {
    name: 'time interval',
    spec: { data: 'days', marks: [{ type: 'barY', x: 'a', y: 'b', options: { interval: 'minute' } }] },
    error: 'chart: mark 1 (barY): interval "minute" cuts the data into',
  },
];

describe('chart bounds', () => {
  // The first render loads jsdom; time only the checks.
  beforeAll(() => renderChartToSvgString({ data: 't', marks: [dot as ChartSpec['marks'][number]] }, resolve));

  it.each(over)('refuses $name fast, with a message', ({ spec, error }) => {
    const started = performance.now();
    const render = () => renderChartToSvgString(spec as ChartSpec, resolve);
    expect(render).toThrow(ChartSpecError);
    expect(render).toThrow(error);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each<[string, ChartSpec]>([
    [
      '100 ticks, 4000 px wide',
      { data: 't', width: 4000, height: 4000, x: { ticks: 100 }, marks: [dot as ChartSpec['marks'][number]] },
    ],
    ['10 facets', { data: 't', marks: [{ type: 'dot', x: 'a', y: 'b', fx: 'b' }] }],
    [
      'a yearly interval over 50 years',
      { data: 'days', marks: [{ type: 'rectY', x: 'a', y: 'b', options: { interval: 'year' } }] },
    ],
    [
      'an interval of 1 on the y of a barX',
      { data: 't', marks: [{ type: 'barX', x: 'b', y: 'a', options: { interval: 1 } }] },
    ],
  ])('draws at the bound: %s', (_name, spec) => {
    expect(renderChartToSvgString(spec, resolve)).toContain('<svg');
  });
});
