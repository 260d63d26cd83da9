/**
 * Which notebook charts become native PowerPoint charts, and that those hold the chart's own
 * numbers, series names, axis titles and number formats; the rest stay pictures.
 */
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/charts/spec.ts';
import type { Row } from '../../src/engine/types.ts';
import { formatCode, MAX_POINTS, nativeChart } from '../../src/ui/present/native-chart.ts';

const curve: Row[] = [
  { customer_share: 0, revenue_share: 0, profit_share: 0 },
  { customer_share: 0.2, revenue_share: 0.73, profit_share: 1.14 },
  { customer_share: 1, revenue_share: 1, profit_share: 1 },
];
const tables: Record<string, Row[]> = {
  curve,
  regions: [
    { region: 'North', plan: 'basic', customers: 120 },
    { region: 'South', plan: 'basic', customers: 80 },
    { region: 'North', plan: 'pro', customers: 30 },
  ],
  other: [{ customer_share: 0.5, base_profit_share: 1.2 }],
};
const resolve = (name: string) => tables[name];

const pareto: ChartSpec = {
  title: 'Revenue vs profit',
  data: 'curve',
  x: { label: 'Share of customers →', tickFormat: '.0%', domain: [0, 1] },
  y: { label: '↑ Cumulative share', tickFormat: '.0%', grid: true },
  marks: [
    { type: 'ruleY', values: [1], stroke: 'neutral' },
    { type: 'line', x: 'customer_share', y: 'revenue_share', stroke: 'secondary', label: 'Revenue' },
    { type: 'line', x: 'customer_share', y: 'profit_share', stroke: 'primary', label: 'Profit' },
    { type: 'dot', rows: [{ x: 0.2, y: 1.14 }], x: 'x', y: 'y', fill: 'primary' },
    { type: 'text', rows: [{ x: 0.2, y: 1.14, label: '114%' }], x: 'x', y: 'y', text: 'label' },
  ],
};

describe('nativeChart', () => {
  it('draws lines over a shared numeric x as a scatter with lines, holding every number', () => {
    const chart = nativeChart(pareto, resolve);
    expect(chart).toEqual({
      type: 'scatter',
      data: [
        { name: 'Share of customers', values: [0, 0.2, 1] },
        { name: 'Revenue', values: [0, 0.73, 1] },
        { name: 'Profit', values: [0, 1.14, 1] },
      ],
      colors: ['6F7787', '2563EB'],
      lines: true,
      xTitle: 'Share of customers',
      yTitle: 'Cumulative share',
      xFormat: '0%',
      yFormat: '0%',
      xMin: 0,
      xMax: 1,
    });
  });

  it('draws bars with a fill column as clustered series on shared categories', () => {
    const chart = nativeChart(
      {
        data: 'regions',
        y: { label: 'Customers', tickFormat: ',d' },
        marks: [{ type: 'barY', x: 'region', y: 'customers', fill: 'plan' }],
      },
      resolve,
    );
    expect(chart).toMatchObject({
      type: 'bar',
      barDir: 'col',
      data: [
        { name: 'basic', labels: ['North', 'South'], values: [120, 80] },
        { name: 'pro', labels: ['North', 'South'], values: [30, null] },
      ],
      yTitle: 'Customers',
      yFormat: '#,##0',
    });
  });

  it('carries the category axis number format: numeric bar categories read as the notebook writes them', () => {
    const shares = [
      { share: 0.1, profit: 5 },
      { share: 0.2, profit: -2 },
    ];
    const chart = nativeChart(
      {
        data: 'deciles',
        x: { label: 'Share of customers', tickFormat: '.0%' },
        y: { label: 'Profit', tickFormat: ',.1f' },
        marks: [{ type: 'barY', x: 'share', y: 'profit' }],
      },
      () => shares,
    );
    expect(chart).toMatchObject({
      type: 'bar',
      xFormat: '0%',
      yFormat: '#,##0.0',
      data: [{ labels: ['10%', '20%'], values: [5, -2] }],
    });
    // Horizontal bars: the category axis is the y channel, its format goes with it.
    const across = nativeChart(
      { data: 'deciles', y: { tickFormat: '.0%' }, marks: [{ type: 'barX', y: 'share', x: 'profit' }] },
      () => shares,
    );
    expect(across).toMatchObject({ xFormat: '0%', data: [{ labels: ['10%', '20%'] }] });
  });

  it('draws horizontal bars with the category on the y channel', () => {
    const chart = nativeChart({ data: 'regions', marks: [{ type: 'barX', y: 'plan', x: 'customers' }] }, resolve);
    expect(chart?.barDir).toBe('bar');
    expect(chart?.data[0]?.labels).toEqual(['basic', 'pro']);
  });

  it('thins a long curve evenly, keeping its ends and its peak', () => {
    // A hump peaking at x = 0.6 on a point the even grid does not hit.
    const n = 5003;
    const long = Array.from({ length: n }, (_, i) => ({ x: i / (n - 1), y: i === 3001 ? 2 : Math.min(i, n - i) / n }));
    const chart = nativeChart({ data: 't', marks: [{ type: 'line', x: 'x', y: 'y' }] }, () => long);
    const ys = chart!.data[1]!.values;
    expect(ys.length).toBeGreaterThanOrEqual(MAX_POINTS);
    expect(ys.length).toBeLessThanOrEqual(MAX_POINTS + 2);
    expect(ys[0]).toBe(0);
    expect(ys.at(-1)).toBe(long.at(-1)!.y);
    expect(Math.max(...ys.map(Number))).toBe(2);
    expect(chart!.data[0]!.values).toContain(3001 / (n - 1));
  });

  it.each<[string, ChartSpec]>([
    [
      'lines over different x values',
      {
        ...pareto,
        marks: [pareto.marks[1]!, { type: 'line', data: 'other', x: 'customer_share', y: 'base_profit_share' }],
      },
    ],
    ['facets', { data: 'regions', marks: [{ type: 'barY', x: 'region', y: 'customers', fx: 'plan' }] }],
    ['areas', { data: 'curve', marks: [{ type: 'areaY', x: 'customer_share', y: 'profit_share' }] }],
    [
      'bars beside lines',
      { data: 'curve', marks: [{ type: 'barY', x: 'customer_share', y: 'profit_share' }, pareto.marks[1]!] },
    ],
    ['a heat map', { data: 'regions', marks: [{ type: 'cell', x: 'region', y: 'plan', fill: 'customers' }] }],
    ['only decoration', { data: 'curve', marks: [{ type: 'ruleY', values: [1] }] }],
  ])('keeps a picture for %s', (_, spec) => expect(nativeChart(spec, resolve)).toBeNull());
});

describe('formatCode', () => {
  it.each([
    ['.0%', '0%'],
    ['.1%', '0.0%'],
    [',.0f', '#,##0'],
    [',d', '#,##0'],
    ['.2f', '0.00'],
    ['$,.0f', '"$"#,##0'],
    ['~s', 'General'],
  ])('%s → %s', (d3, excel) => expect(formatCode(d3)).toBe(excel));
});
