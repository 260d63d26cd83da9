/** Analysis `leaky-bucket`: the base over N periods, and what holding it flat costs by acquisition vs retention. */
import { chartWords, msg } from '../messages/chart-words.ts';
import type { ChartText } from '../messages/render.ts';
import { tv } from '../../format/typed.ts';
import { finding, term } from '../messages/finding.ts';
import { hasColumn } from '../../model/profile.ts';
import { toRows } from '../../sql/table.ts';
import { defineOptions } from '../options.ts';
import { assumedMarginOptions } from '../option-groups.ts';
import type { AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { customerEquity } from './customer-equity.ts';
import { leakyBucket } from './leaky-bucket.ts';
import { loadSegmentEquity, periodsPer } from './load-equity.ts';
import { acquisitionMultipleOptions, periodOptions } from './options.ts';
import { table } from './table.ts';
import { notApplicable } from '../not-applicable.ts';
import { note, noteFields } from '../messages/notes.ts';

/** The options of `leaky-bucket`: the observed base and the simulation. Omitted base figures are observed in the data. */
export const leakyBucketOptions = defineOptions([
  ...periodOptions,
  ...assumedMarginOptions,
  { name: 'periods', type: 'integer', min: 1, max: 200, default: 10, description: 'Periods to simulate.' },
  {
    name: 'target',
    type: 'enum',
    values: ['customers', 'revenue'],
    default: 'customers',
    description: 'Hold the number of customers or the revenue flat.',
  },
  { name: 'start_customers', type: 'number', min: 0, description: 'Customers at the start (default: observed).' },
  {
    name: 'churn',
    type: 'number',
    min: 0,
    max: 1,
    description: 'Share of customers lost per period (default: observed).',
  },
  { name: 'acquired_per_period', type: 'number', min: 0, description: 'New customers per period (default: observed).' },
  {
    name: 'acquisition_cost',
    type: 'number',
    min: 0,
    description: 'Cost to acquire one customer (default: average acquisition_cost in customers).',
  },
  {
    name: 'retention_cost',
    type: 'number',
    min: 0,
    description:
      'Cost to keep one customer who would otherwise leave (default: acquisition cost ÷ acquisition_multiple).',
  },
  ...acquisitionMultipleOptions,
  {
    name: 'new_customer_value_ratio',
    type: 'number',
    min: 0.01,
    max: 10,
    default: 1,
    description:
      'Spend of a new customer relative to an existing one (loyal customers spend 2–4× new ones, i.e. 0.25–0.5).',
  },
]);

/** Options of the `leaky-bucket` analysis, as `run` receives them. */
export type LeakyBucketAnalysisOptions = OptionValues<typeof leakyBucketOptions>;

export const leakyBucketAnalysis: AnalysisDefinition<typeof leakyBucketOptions> = {
  id: 'leaky-bucket',
  title: 'The leaky bucket',
  description:
    'Simulates the customer base over N periods for given acquisition and churn, and compares the acquisition spend and the retention spend that hold it (or its revenue) flat.',
  requires: ['transactions'],
  options: leakyBucketOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    const base = await loadSegmentEquity(ctx, { period: o.period, segmentBy: 'spend_tier', marginPct: o.margin_pct });
    const observed = o.start_customers !== undefined && o.churn !== undefined && o.acquired_per_period !== undefined;
    // Too little data for even two complete months: nothing to measure; the notes say what is needed.
    if (base.rows.length === 0 && !observed)
      return notApplicable(base.notes.at(-1) ?? note('note.retention.no_base'), [], base.notes);
    // The period the data allowed (a shorter one than asked for when the data is short; the notes say so).
    o = { ...o, period: base.period, periods: o.periods * periodsPer(o.period, base.period) };
    const notes = [...base.notes];
    const { total } = customerEquity(base.rows, { discountRate: 0, horizon: 1, maxRetention: 0.9999 });
    const revenuePerCustomer = total.customers > 0 ? total.revenue / total.customers : 1;
    let acquisitionCost = o.acquisition_cost;
    if (acquisitionCost === undefined && hasColumn(ctx.profile, 'customers', 'acquisition_cost')) {
      const avg = toRows(
        await ctx.db.query('SELECT avg(acquisition_cost) AS a FROM customers WHERE acquisition_cost IS NOT NULL'),
      )[0]?.a;
      if (typeof avg === 'number') acquisitionCost = avg;
    }
    if (acquisitionCost === undefined) {
      acquisitionCost = revenuePerCustomer;
      notes.push(
        note('note.leaky.acquisition_cost', {
          period: term(`term.period.${o.period}`),
          cost: tv.money(acquisitionCost, 0),
        }),
      );
    }
    const retentionCost = o.retention_cost ?? acquisitionCost / o.acquisition_multiple;
    if (o.retention_cost === undefined)
      notes.push(
        note('note.leaky.retention_cost', {
          multiple: tv.decimal(o.acquisition_multiple, Number.isInteger(o.acquisition_multiple) ? 0 : 1),
          low: tv.decimal(5),
          high: tv.ratio(25, 0),
        }),
      );
    const r = leakyBucket({
      startCustomers: o.start_customers ?? total.customers,
      churn: o.churn ?? 1 - total.retention,
      acquiredPerPeriod: o.acquired_per_period ?? total.new_customers,
      periods: o.periods,
      acquisitionCost,
      retentionCost,
      revenuePerCustomer,
      newCustomerValueRatio: o.new_customer_value_ratio,
      target: o.target,
    });
    const churn = o.churn ?? 1 - total.retention;
    const acquired = o.acquired_per_period ?? total.new_customers;
    const start = o.start_customers ?? total.customers;
    const findings: AnalysisResult['findings'] = [
      finding(
        'end_change',
        'leaky.end_change',
        {
          // Two decimals when one would round a real, small churn to "0.0%".
          churn: tv.percent(churn, churn > 0 && churn < 0.0005 ? 2 : 1),
          per: term(`per.${o.period}`),
          acquired: tv.count(acquired),
          start: tv.count(start),
          end: tv.count(r.endCustomers),
          duration: tv.duration(o.periods, o.period),
          change: tv.percent(r.change, 1, true),
        },
        'change',
      ),
    ];
    if (r.spendRatio !== null && r.extraAcquisitions < 1 && r.customersToKeep < 1) {
      // Less than one customer a period to replace: both routes cost next to nothing, and their
      // ratio is noise.
      findings.push(
        finding(
          'spend_ratio',
          'leaky.no_leak',
          { churn: tv.percent(churn, churn > 0 && churn < 0.0005 ? 2 : 1), per: term(`per.${o.period}`) },
          undefined,
          null,
        ),
      );
    } else if (r.spendRatio !== null) {
      findings.push(
        finding(
          'spend_ratio',
          'leaky.spend_ratio',
          {
            target: term(`target.${o.target}`),
            acquisition: tv.money(r.acquisitionSpend, 0),
            per: term(`per.${o.period}`),
            extra: tv.count(r.extraAcquisitions),
            retention: tv.money(r.retentionSpend, 0),
            keep: tv.count(r.customersToKeep),
            churn: tv.percent(r.churnNeeded, 1),
            ratio: tv.ratio(r.spendRatio, 1),
          },
          'ratio',
        ),
      );
    } else {
      findings.push(
        finding(
          'spend_ratio',
          o.target === 'customers' ? 'leaky.no_shrink.customers' : 'leaky.no_shrink.revenue',
          {},
          undefined,
          null,
        ),
      );
    }
    const spendLong = r.rows.flatMap((x) => [
      { period: x.period, route: 'Fill: acquire more', spend: x.spend_acquisition },
      { period: x.period, route: 'Plug: retain more', spend: x.spend_retention },
    ]);
    const bucketText: ChartText = {};
    const words = chartWords(bucketText);
    return {
      tables: {
        simulation: table(r.rows, {
          period: 'number',
          customers: 'number',
          lost: 'number',
          acquired: 'number',
          spend_acquisition: 'number',
          spend_retention: 'number',
        }),
        spend: table(spendLong, { period: 'number', route: 'string', spend: 'number' }),
      },
      scalars: {
        start_customers: start,
        churn,
        acquired_per_period: acquired,
        end_customers: r.endCustomers,
        change: r.change,
        steady_state: r.steadyState,
        acquisition_cost: acquisitionCost,
        retention_cost: retentionCost,
        acquisition_spend: r.acquisitionSpend,
        retention_spend: r.retentionSpend,
        spend_ratio: r.spendRatio,
        churn_needed: r.churnNeeded,
        period: o.period,
        periods: o.periods,
      },
      chartText: { bucket: bucketText },
      charts: [
        {
          id: 'bucket',
          title: 'The leaky bucket',
          subtitle: words.set(
            'subtitle',
            msg(`leaky.chart.subtitle.${o.period}`, { churn: tv.percent(churn, 1), acquired: tv.count(acquired) }),
          ),
          data: 'simulation',
          x: { label: `${o.period[0]!.toUpperCase()}${o.period.slice(1)}s from now →` },
          y: { label: '↑ Customers', grid: true, tickFormat: '~s', zero: true },
          marks: [
            { type: 'areaY', x: 'period', y: 'customers', fill: 'primary', options: { fillOpacity: 0.25 } },
            { type: 'line', x: 'period', y: 'customers', stroke: 'primary', options: { strokeWidth: 3 } },
            { type: 'ruleY', values: [start], options: { strokeDasharray: '4,3' } },
            {
              type: 'text',
              rows: [
                {
                  period: 0,
                  customers: start,
                  label: words.label(msg('leaky.chart.today', { customers: tv.count(start) })),
                },
              ],
              x: 'period',
              y: 'customers',
              text: 'label',
              options: { textAnchor: 'start', dx: 6, dy: -8, fontSize: 12 },
            },
            ...(r.steadyState === null
              ? []
              : [
                  {
                    type: 'ruleY' as const,
                    values: [r.steadyState],
                    stroke: 'negative',
                    options: { strokeDasharray: '2,4' },
                  },
                  {
                    type: 'text' as const,
                    rows: [
                      {
                        period: o.periods,
                        customers: r.steadyState,
                        label: words.label(msg('leaky.chart.long_run', { customers: tv.count(r.steadyState) })),
                      },
                    ],
                    x: 'period',
                    y: 'customers',
                    text: 'label',
                    fill: 'negative',
                    options: { textAnchor: 'end', dy: 12, fontSize: 12 },
                  },
                ]),
          ],
        },
        {
          id: 'fill-vs-plug',
          title: 'Fill the bucket or plug the leak?',
          subtitle: `Cumulative spend to hold ${o.target} flat`,
          data: 'spend',
          x: { label: `${o.period[0]!.toUpperCase()}${o.period.slice(1)}s from now →` },
          y: { label: '↑ Cumulative spend', grid: true, tickFormat: '~s' },
          color: { legend: true, domain: ['Fill: acquire more', 'Plug: retain more'], range: ['negative', 'positive'] },
          marks: [
            { type: 'line', x: 'period', y: 'spend', stroke: 'route', options: { strokeWidth: 3 } },
            { type: 'ruleY', values: [0] },
          ],
        },
      ],
      findings,
      ...noteFields(notes),
    };
  },
};
