/** Analysis `margin-multiple`: the Gupta–Lehmann margin multiple grid and one CLV under a chosen variant. */
import { chartTexts, msg } from '../messages/chart-words.ts';
import { tv } from '../../format/typed.ts';
import { finding, list, text } from '../messages/finding.ts';
import { defineOptions } from '../options.ts';
import { note, noteFields } from '../messages/notes.ts';
import type { AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { customerLifetimeValue } from './margin-multiple.ts';
import { marginHorizonOptions } from './options.ts';
import { table } from './table.ts';
import { percent } from '../../format/number.ts';

/** The options of `margin-multiple`: the customer (margin, retention), the rate, the variant and the grid. */
export const marginMultipleOptions = defineOptions([
  { name: 'margin', type: 'number', default: 100, description: 'Margin per customer per period (currency).' },
  { name: 'retention', type: 'number', min: 0, max: 0.999, default: 0.8, description: 'Retention rate per period.' },
  { name: 'discount_rate', type: 'number', min: 0, max: 1, default: 0.1, description: 'Discount rate per period.' },
  {
    name: 'timing',
    type: 'enum',
    values: ['end', 'start'],
    default: 'end',
    description:
      'end: first margin after one period if retained (Gupta & Lehmann); start: first margin earned now, m(1+i)/(1+i−r).',
  },
  {
    name: 'growth',
    type: 'number',
    min: -0.99,
    max: 1,
    default: 0,
    description: 'Margin growth per period, g: m·r/(1+i−r(1+g)).',
  },
  ...marginHorizonOptions,
  {
    name: 'acquisition_cost',
    type: 'number',
    min: 0,
    default: 0,
    description: 'Acquisition cost subtracted once (value of a prospect rather than a customer).',
  },
  {
    name: 'grid_retention',
    type: 'number[]',
    min: 0,
    max: 0.999,
    default: [0.6, 0.7, 0.8, 0.9],
    description: 'Retention rates of the published grid.',
  },
  {
    name: 'grid_discount',
    type: 'number[]',
    min: 0,
    max: 1,
    default: [0.1, 0.12, 0.14, 0.16],
    description: 'Discount rates of the published grid.',
  },
]);

/** Options of the `margin-multiple` analysis, as `run` receives them. */
export type MarginMultipleOptions = OptionValues<typeof marginMultipleOptions>;

export const marginMultipleAnalysis: AnalysisDefinition<typeof marginMultipleOptions> = {
  id: 'margin-multiple',
  title: 'Margin multiple (CLV)',
  description:
    'Customer lifetime value as a multiple of the yearly margin, m·r/(1+i−r) (Gupta & Lehmann), with variants for timing, margin growth, horizon and acquisition cost.',
  requires: [],
  options: marginMultipleOptions,
  async run(_ctx, o): Promise<AnalysisResult> {
    const horizon = o.horizon > 0 ? o.horizon : Infinity;
    const clv = customerLifetimeValue({
      margin: o.margin,
      retention: o.retention,
      discountRate: o.discount_rate,
      timing: o.timing,
      growth: o.growth,
      horizon,
      acquisitionCost: o.acquisition_cost,
    });
    // The grid and curve use the same variant as the single value (timing, growth, horizon): with
    // the defaults they are the published r/(1+i−r); before, they ignored the options and showed
    // the published grid beside a value computed another way.
    const multipleAt = (r: number, i: number): number | null =>
      // Growth that outgrows the discount rate has no finite perpetuity: leave the cell empty.
      !Number.isFinite(horizon) && r * (1 + o.growth) >= 1 + i
        ? null
        : customerLifetimeValue({
            margin: 1,
            retention: r,
            discountRate: i,
            timing: o.timing,
            growth: o.growth,
            horizon,
          });
    const grid = o.grid_discount.flatMap((i) =>
      o.grid_retention.map((r) => ({
        retention: r,
        discount_rate: i,
        discount: percent(i, 0),
        multiple: multipleAt(r, i),
      })),
    );
    const curve: { retention: number; discount: string; multiple: number }[] = [];
    for (const i of o.grid_discount) {
      for (let k = 50; k <= 95; k++) {
        const multiple = multipleAt(k / 100, i);
        if (multiple !== null) curve.push({ retention: k / 100, discount: percent(i, 0), multiple });
      }
    }
    const infinite = grid.filter((g) => g.multiple === null).length;
    const variant = [
      ...(o.timing === 'start' ? [msg('margin_multiple.chart.first_now')] : []),
      ...(o.growth !== 0 ? [msg('margin_multiple.chart.growth', { growth: tv.percent(o.growth, 0) })] : []),
      ...(Number.isFinite(horizon) ? [msg('margin_multiple.chart.margins', { n: tv.count(horizon) })] : []),
    ];
    const lowest = Math.min(...o.grid_discount);
    const highest = Math.max(...o.grid_discount);
    const gridAt = (i: number) =>
      grid
        .filter((g) => g.discount_rate === i && g.multiple !== null)
        .map(({ retention, multiple }) => ({ retention, multiple }));
    const words = chartTexts();
    return {
      tables: {
        grid: table(grid, { retention: 'number', discount_rate: 'number', discount: 'string', multiple: 'number' }),
        curve: table(curve, { retention: 'number', discount: 'string', multiple: 'number' }),
      },
      scalars: { clv, multiple: o.margin !== 0 ? (clv + o.acquisition_cost) / o.margin : null },
      chartText: words.chartText,
      charts: [
        {
          id: 'multiple-curve',
          title: 'A customer is worth a multiple of one year’s margin',
          subtitle: words.of('multiple-curve').set(
            'subtitle',
            msg(variant.length ? 'margin_multiple.chart.subtitle.variant' : 'margin_multiple.chart.subtitle', {
              formula: variant.length ? list(variant, 'and') : text(''),
              low: tv.percent(lowest, 0),
              high: tv.percent(highest, 0),
            }),
          ),
          data: 'curve',
          x: { label: 'Retention rate →', tickFormat: '.0%' },
          y: { label: '↑ Multiple of the yearly margin', grid: true },
          color: { legend: true, label: 'Discount rate' },
          marks: [
            { type: 'line', x: 'retention', y: 'multiple', stroke: 'discount', options: { strokeWidth: 3 } },
            { type: 'dot', data: 'grid', x: 'retention', y: 'multiple', stroke: 'discount', r: 4 },
            // The published values, labelled for the lowest rate above its line and the highest below, so labels never
            // collide.
            {
              type: 'text',
              rows: gridAt(lowest),
              x: 'retention',
              y: 'multiple',
              text: 'multiple',
              textFormat: '.2f',
              options: { dy: -12, fontSize: 12 },
            },
            ...(highest === lowest
              ? []
              : [
                  {
                    type: 'text' as const,
                    rows: gridAt(highest),
                    x: 'retention',
                    y: 'multiple',
                    text: 'multiple',
                    textFormat: '.2f',
                    options: { dy: 14, fontSize: 12 },
                  },
                ]),
          ],
        },
      ],
      findings: [
        finding(
          'clv',
          o.acquisition_cost ? 'margin_multiple.clv.net' : 'margin_multiple.clv',
          {
            retention: tv.percent(o.retention, 0),
            discount: tv.percent(o.discount_rate, 0),
            margin: tv.money(o.margin, 0),
            clv: tv.money(clv, 0),
          },
          'clv',
        ),
      ],
      ...noteFields([
        note('note.margin_multiple.formula'),
        ...(infinite ? [note('note.margin_multiple.infinite', { cells: tv.count(infinite) })] : []),
      ]),
    };
  },
};
