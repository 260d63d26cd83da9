// SVG snapshots of the chart renderer (see tests/charts/snapshot.ts). Each case is a spec a
// notebook or analysis would write; the saved SVGs are the expected output.
import { describe, expect, it } from 'vitest';
import { renderChartToSvgString } from '../../src/charts/render-node.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { compareSnapshot } from '../charts/snapshot.ts';
import { resolveFixture } from '../charts/fixtures.ts';

interface SnapshotCase {
  name: string;
  spec: ChartSpec;
  theme?: 'light' | 'dark';
  /** Things a reader would notice if they broke, checked besides the snapshot. */
  contains: string[];
}

const whaleSpec: ChartSpec = {
  id: 'whale',
  title: 'Who really makes the profit?',
  subtitle: 'Cumulative share of profit, customers ranked from most to least profitable',
  caption: 'Sample data. Loss-making customers pull the curve back down to 100%.',
  data: 'whale_curve',
  x: { label: 'Share of customers →', tickFormat: '.0%' },
  y: { label: '↑ Share of total profit', tickFormat: '.0%', grid: true },
  marks: [
    { type: 'ruleY', values: [1], options: { strokeDasharray: '4,3' } },
    { type: 'line', x: 'customer_share', y: 'profit_share' },
    {
      type: 'dot',
      rows: [{ x: 0.2, y: 1.38, label: '20% of customers → 138% of profit' }],
      x: 'x',
      y: 'y',
      options: { r: 5 },
    },
    {
      type: 'text',
      rows: [{ x: 0.2, y: 1.38, label: '20% of customers → 138% of profit' }],
      x: 'x',
      y: 'y',
      text: 'label',
      options: { dy: -14, textAnchor: 'start', fontWeight: 'bold' },
    },
  ],
};
// `r` is a channel, not an option; the case above keeps it in options only to be replaced here.
whaleSpec.marks[2] = { ...whaleSpec.marks[2]!, r: 5, options: undefined };
delete whaleSpec.marks[2].options;

const cases: SnapshotCase[] = [
  {
    name: 'line-legend',
    spec: {
      title: 'Monthly revenue by segment',
      data: 'monthly_revenue',
      x: { label: null, tickFormat: 'time:%b %Y', ticks: 4 },
      y: { label: '↑ Revenue', tickFormat: '$,.0f', grid: true },
      color: { legend: true, label: 'Segment' },
      marks: [{ type: 'line', x: 'month', y: 'revenue', stroke: 'segment' }],
    },
    contains: ['>Segment</text>', '>Retail</text>', '>Business</text>', '>$150,000<', '>Jan 2024<'],
  },
  {
    name: 'area-stacked',
    spec: {
      title: 'Revenue, stacked by segment',
      data: 'monthly_revenue',
      x: { label: null, tickFormat: 'time:%b', ticks: 4 },
      y: { label: '↑ Revenue', tickFormat: '.2s', grid: true },
      color: { legend: true },
      marks: [{ type: 'areaY', x: 'month', y: 'revenue', fill: 'segment', options: { fillOpacity: 0.85 } }],
    },
    contains: ['fill-opacity="0.85"', '>250k<'],
  },
  {
    name: 'bar-y',
    spec: {
      title: 'Customers by region',
      data: 'regions',
      x: { label: 'Region', domain: ['East', 'North', 'South', '西部'] },
      y: { label: '↑ Customers', tickFormat: ',d', grid: true },
      marks: [
        { type: 'barY', x: 'region', y: 'customers' },
        { type: 'ruleY', values: [0] },
      ],
    },
    contains: ['>1,400<', '>西部<', 'fill="#2563eb"'],
  },
  {
    name: 'dot-percent',
    spec: {
      title: 'Completely satisfied customers come back',
      data: 'loyalty',
      x: { label: 'Satisfaction (1–5)', ticks: 5 },
      y: { label: '↑ Repurchase rate (%)', percent: true, grid: true, domain: [0, 1] },
      color: { legend: true },
      marks: [{ type: 'dot', x: 'satisfaction', y: 'repurchase', fill: 'segment', r: 6 }],
    },
    contains: ['>100<', '>Retail</text>'],
  },
  {
    name: 'whale-curve',
    spec: whaleSpec,
    contains: ['>140%<', 'paint-order="stroke"', '20% of customers → 138% of profit', 'stroke-dasharray="4,3"'],
  },
  { name: 'whale-curve-dark', spec: whaleSpec, theme: 'dark', contains: ['fill="#111827"', 'color="#e5e7eb"'] },
  {
    name: 'cell-heatmap',
    spec: {
      title: 'Repurchase rate by satisfaction and segment',
      data: 'loyalty',
      x: { label: 'Satisfaction' },
      y: { label: null },
      color: { legend: true, label: 'Repurchase rate', tickFormat: '.0%' },
      marginLeft: 80,
      marks: [
        { type: 'cell', x: 'satisfaction', y: 'segment', fill: 'repurchase', options: { inset: 1 } },
        { type: 'text', x: 'satisfaction', y: 'segment', text: 'repurchase', textFormat: '.0%' },
      ],
    },
    contains: ['>86%<', '>Repurchase rate<'],
  },
  {
    name: 'facet-bars',
    spec: {
      title: 'Repurchase rate by satisfaction, per segment',
      data: 'loyalty',
      fx: { label: null },
      x: { label: 'Satisfaction' },
      y: { label: '↑ Repurchase rate', tickFormat: '.0%', grid: true },
      marks: [
        { type: 'barY', x: 'satisfaction', y: 'repurchase', fx: 'segment' },
        { type: 'frame', stroke: '#9ca3af' },
      ],
    },
    contains: ['>Business<', '>Retail<', 'aria-label="fx-axis tick label"'],
  },
];

describe('chart snapshots', () => {
  it.each(cases)('$name', ({ name, spec, theme, contains }) => {
    const svg = renderChartToSvgString(spec, resolveFixture, theme === undefined ? {} : { theme });
    const result = compareSnapshot(name, svg);
    expect(result.actual).toBe(result.expected);
    for (const fragment of contains) expect(svg).toContain(fragment);
  });

  it('renders the same SVG twice (no run-dependent ids) and keeps ids unique to the spec', () => {
    const clipped = {
      ...whaleSpec,
      marks: [{ type: 'line' as const, x: 'customer_share', y: 'profit_share', options: { clip: true } }],
    };
    const first = renderChartToSvgString(clipped, resolveFixture);
    const second = renderChartToSvgString(clipped, resolveFixture);
    expect(second).toBe(first);
    const ids = [...first.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(first).toContain(`url(#${id})`);
    expect(ids.every((id) => /^cw-[0-9a-z]+-\d+$/.test(id ?? ''))).toBe(true);
  });

  it('is one standalone SVG: titles and legend are SVG text, not an HTML figure', () => {
    const svg = renderChartToSvgString(cases[0]!.spec, resolveFixture);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toMatch(/<(figure|div|span|h2|h3|figcaption)\b/);
  });

  it('widens the left margin for long tick labels instead of clipping them', () => {
    const spec: ChartSpec = {
      data: 'regions',
      y: { tickFormat: '$,.2f' },
      marks: [{ type: 'barY', x: 'region', y: 'customers' }],
    };
    const svg = renderChartToSvgString(spec, resolveFixture);
    const firstTick = /aria-label="y-axis tick"[^>]*><path transform="translate\((\d+),/.exec(svg);
    // "$1,600.00" at 13px needs about 60px plus the tick; Plot's default margin is 40px.
    expect(Number(firstTick?.[1])).toBeGreaterThanOrEqual(70);
  });
});
