// A chart spec is untrusted data from a notebook file: every malformed spec must fail with a
// message that names what is wrong, and nothing in a spec may become a function or a URL.
import { describe, expect, it } from 'vitest';
import { ChartSpecError } from '../../src/charts/errors.ts';
import { compileFormat } from '../../src/format/specifier.ts';
import { renderChartToSvgString } from '../../src/charts/render-node.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { resolveFixture } from '../charts/fixtures.ts';

const bar = { type: 'barY', x: 'region', y: 'customers' };

const invalid: { name: string; spec: unknown; error: string }[] = [
  { name: 'not an object', spec: 'barY', error: 'chart: a chart spec must be an object' },
  { name: 'no marks', spec: { data: 'regions', marks: [] }, error: 'chart: "marks" must be a non-empty list of marks' },
  {
    name: 'unknown mark type',
    spec: { data: 'regions', marks: [{ type: 'pie' }] },
    error: 'chart: unknown mark type "pie" (mark 1)',
  },
  {
    name: 'event handler option',
    spec: { data: 'regions', marks: [{ ...bar, options: { onclick: 'alert(1)' } }] },
    error: 'chart: unknown mark option "onclick" (mark 1 (barY))',
  },
  {
    name: 'link channel',
    spec: { data: 'regions', marks: [{ ...bar, options: { href: 'https://example.com' } }] },
    error: 'chart: unknown mark option "href" (mark 1 (barY))',
  },
  {
    name: 'bad option value',
    spec: { data: 'regions', marks: [{ type: 'line', x: 'region', y: 'customers', options: { curve: 'wiggly' } }] },
    error: 'chart: invalid mark option curve: "wiggly" (mark 1 (line)); expected one of',
  },
  {
    name: 'option given an object',
    spec: { data: 'regions', marks: [{ ...bar, options: { strokeWidth: { toString: 'x' } } }] },
    error: 'chart: invalid mark option strokeWidth',
  },
  {
    name: 'unknown mark field',
    spec: { data: 'regions', marks: [{ ...bar, colour: 'region' }] },
    error: 'chart: unknown mark field "colour" (mark 1 (barY))',
  },
  {
    name: 'unknown chart field',
    spec: { tittle: 'x', data: 'regions', marks: [bar] },
    error: 'chart: unknown chart field "tittle"',
  },
  {
    name: 'unknown scale option',
    spec: { data: 'regions', y: { tickformat: '%' }, marks: [bar] },
    error: 'chart: unknown scale option "tickformat" (scale y)',
  },
  {
    name: 'invalid d3 format',
    spec: { data: 'regions', y: { tickFormat: 'abc' }, marks: [bar] },
    error: 'chart: invalid format: "abc" (y.tickFormat)',
  },
  {
    name: 'legend on a position scale',
    spec: { data: 'regions', x: { legend: true }, marks: [bar] },
    error: 'chart: invalid x.legend: true',
  },
  { name: 'missing table', spec: { data: 'nope', marks: [bar] }, error: 'chart: no data table "nope" (mark 1 (barY))' },
  {
    name: 'missing column',
    spec: { data: 'regions', marks: [{ type: 'barY', x: 'regoin', y: 'customers' }] },
    error: 'chart: x: column "regoin" not found in table "regions" (mark 1 (barY)); columns: region, customers',
  },
  {
    name: 'no data at all',
    spec: { marks: [bar] },
    error: 'chart: mark 1 (barY) has no data: set "data" on the chart or the mark, or give "rows" or "values"',
  },
  {
    name: 'column channel on constant values',
    spec: { data: 'regions', marks: [{ type: 'ruleY', values: [1], y: 'customers' }] },
    error: 'chart: y: "customers" is not allowed with constant "values" (mark 1 (ruleY))',
  },
  {
    name: 'css url as a colour',
    spec: { data: 'regions', marks: [{ ...bar, fill: 'url(https://evil.example/x)' }] },
    error: 'chart: fill: column "url(https://evil.example/x)" not found',
  },
  {
    name: 'function-looking string in rows is only data',
    spec: { marks: [{ type: 'text', rows: [{ a: 1 }], x: 'a', text: 'label' }] },
    error: 'chart: text: column "label" not found in rows (mark 1 (text)); columns: a',
  },
  {
    name: 'sortDomain on an unknown scale',
    spec: { data: 'regions', marks: [{ ...bar, sortDomain: { z: 'y' } }] },
    error: 'chart: sortDomain: unknown scale "z" (mark 1 (barY)); expected x, y, fx, fy or color',
  },
  {
    name: 'sortDomain by something that is not a channel',
    spec: { data: 'regions', marks: [{ ...bar, sortDomain: { x: '-customers' } }] },
    error: 'chart: sortDomain x: "-customers" is not a channel of the mark (mark 1 (barY))',
  },
];

describe('chart spec validation', () => {
  it.each(invalid)('rejects: $name', ({ spec, error }) => {
    const render = () => renderChartToSvgString(spec as ChartSpec, resolveFixture);
    expect(render).toThrow(ChartSpecError);
    expect(render).toThrow(error);
  });

  it('accepts every whitelisted kind of option value and a CSS colour constant', () => {
    const spec: ChartSpec = {
      data: 'regions',
      marks: [
        { type: 'barY', x: 'region', y: 'customers', fill: '#c23b3b', options: { inset: 2, rx: 3, tip: false } },
        {
          type: 'ruleY',
          values: [1000],
          stroke: 'rgb(10, 20, 30)',
          options: { strokeDasharray: '4,3', strokeWidth: 2 },
        },
      ],
    };
    const svg = renderChartToSvgString(spec, resolveFixture);
    expect(svg).toContain('fill="#c23b3b"');
    expect(svg).toContain('stroke="rgb(10, 20, 30)"');
  });

  it('orders a band axis by value with sortDomain', () => {
    const rows = [
      { k: 'a', v: 1 },
      { k: 'b', v: 3 },
      { k: 'c', v: 2 },
    ];
    const ticks = (sortDomain?: ChartSpec['marks'][number]['sortDomain']) => {
      const svg = renderChartToSvgString(
        { marks: [{ type: 'barY', rows, x: 'k', y: 'v', ...(sortDomain ? { sortDomain } : {}) }] },
        resolveFixture,
      );
      return [...svg.matchAll(/<text[^>]*>([abc])<\/text>/g)].map((m) => m[1]).join('');
    };
    expect(ticks()).toBe('abc');
    expect(ticks({ x: '-y' })).toBe('bca');
    expect(ticks({ x: '-y', limit: 2 })).toBe('bc');
  });

  it('renders data strings as text, never markup', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const svg = renderChartToSvgString(
      { marks: [{ type: 'text', rows: [{ x: 1, y: 1, label: payload }], x: 'x', y: 'y', text: 'label' }] },
      resolveFixture,
    );
    expect(svg).not.toMatch(/<img|<script/);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;');
  });
});

describe('compileFormat', () => {
  it.each([
    ['%', 1.38, '138%'],
    ['%', 0.12345, '12.35%'],
    ['f', 2.5, '2.5'],
    ['.1%', 0.2, '20.0%'],
    ['$,.0f', 1234567.8, '$1,234,568'],
    [',d', 12345, '12,345'],
    ['.2s', 1500000, '1.5M'],
    ['time:%Y-%m', new Date(Date.UTC(2024, 2, 31, 23)), '2024-03'],
    ['.0%', 'n/a', 'n/a'],
  ] as const)('%s formats %s as %s', (specifier, value, expected) => {
    expect(compileFormat(specifier)(value)).toBe(expected);
  });
});
