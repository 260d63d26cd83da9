/**
 * Analysis `cohorts`: retention by acquisition cohort, value by tenure year, repeat vs new
 * revenue, and the loyal-vs-new spend ratio beside the published seeds.
 */
import { tv } from '../../format/typed.ts';
import { clause, finding } from '../messages/finding.ts';
import { defineOptions } from '../options.ts';
import { assumedMarginOptions } from '../option-groups.ts';
import type { AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { buildCohortRetentionQuery, cohortRetention, type CohortCell } from './cohort-retention.ts';
import { marginNote, type PeriodUnit } from './sql.ts';
import { note, noteFields, type Note } from '../messages/notes.ts';
import { table } from './table.ts';
import { multiple, percent } from '../../format/number.ts';
import { buildRepeatRevenueQuery, buildTenureValueQuery, repeatRevenue, tenureValue } from './tenure-value.ts';
import { toRows, type Row } from '../../sql/table.ts';

/** The options of `cohorts`: the cohort period, how much of the heatmap to show, loyalty and margin. */
export const cohortsOptions = defineOptions([
  {
    name: 'period',
    type: 'enum',
    values: ['month', 'quarter'],
    default: 'month',
    description: 'Cohort period: customers are grouped by the month or quarter of their first purchase.',
  },
  {
    name: 'max_periods',
    type: 'integer',
    min: 1,
    max: 120,
    default: 12,
    description: 'How many periods after acquisition to show.',
  },
  {
    name: 'max_cohorts',
    type: 'integer',
    min: 1,
    max: 240,
    default: 24,
    description: 'How many of the most recent cohorts to show.',
  },
  {
    name: 'loyal_years',
    type: 'integer',
    min: 2,
    max: 20,
    default: 2,
    description: 'Tenure year from which a customer who still buys counts as loyal (compared with year 1).',
  },
  ...assumedMarginOptions,
  {
    name: 'complete_periods_only',
    type: 'boolean',
    default: true,
    description: 'Leave out the last period when the data stops before it ends (it would look like churn).',
  },
]);

/** Options of the `cohorts` analysis, as `run` receives them. */
export type CohortsOptions = OptionValues<typeof cohortsOptions>;

/** Seeds quoted in the source material, shown beside the user's figures. */
export const SEEDS = {
  loyalSpendLow: 2,
  loyalSpendHigh: 4,
  repeatShareSalesman: 0.65,
} as const;

/**
 * Labels for the ends of the cohort lines: a cohort alone at its last period gets its own label;
 * cohorts that all end at the same period (the oldest ones, cut at max_periods) share one label,
 * "2023-01 – 2023-12", at their mean, so a dozen labels never pile up at the right edge.
 */
export function lineEndLabels(
  cells: readonly CohortCell[],
): { cohort: string; period_index: number; retention: number }[] {
  const ends = new Map<number, CohortCell[]>();
  // Cells come cohort by cohort, periods ascending: a cohort's last cell is followed by another cohort's.
  cells.forEach((c, k) => {
    if (cells[k + 1]?.cohort === c.cohort) return;
    ends.set(c.period_index, [...(ends.get(c.period_index) ?? []), c]);
  });
  return [...ends.entries()].map(([k, group]) => ({
    cohort: group.length === 1 ? group[0]!.cohort : `${group[0]!.cohort} – ${group[group.length - 1]!.cohort}`,
    period_index: k,
    retention: group.reduce((s, c) => s + c.retention, 0) / group.length,
  }));
}

export const cohortsAnalysis: AnalysisDefinition<typeof cohortsOptions> = {
  id: 'cohorts',
  title: 'Cohorts and old-customer value',
  description:
    'Retention by acquisition cohort (heatmap and curves), revenue and profit per customer by tenure year, repeat vs new revenue, and how much more loyal customers spend.',
  requires: ['transactions'],
  options: cohortsOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    const period: PeriodUnit = o.period;
    const unit = period === 'month' ? 'Months' : 'Quarters';
    // What each query returns depends on the data and the options in its key only; the display
    // options (max_periods, max_cohorts, loyal_years) are numerics on the kept rows.
    const kept = (key: string, read: () => Promise<Row[]>): Promise<Row[]> =>
      ctx.memo ? ctx.memo(`cohorts:${key}`, read) : read();
    const fromSummary = !!ctx.summary;
    const cohortRows = await kept(`retention:${period}:${o.complete_periods_only}`, async () =>
      toRows(
        await ctx.db.query(
          buildCohortRetentionQuery({ period, completePeriodsOnly: o.complete_periods_only, fromSummary }),
        ),
      ),
    );
    const { cells, curve, cohortsDropped } = cohortRetention(cohortRows, {
      period,
      maxPeriods: o.max_periods,
      maxCohorts: o.max_cohorts,
    });
    // Tenure years and first-day revenue need day precision per customer: raw tables, once per margin.
    const tenureRows = await kept(`tenure:${o.margin_pct}`, async () =>
      toRows(await ctx.db.query(buildTenureValueQuery(ctx.profile), [o.margin_pct])),
    );
    const tenure = tenureValue(tenureRows, o.loyal_years);
    const repeat = repeatRevenue(
      await kept('repeat', async () => toRows(await ctx.db.query(buildRepeatRevenueQuery()))),
    );

    const notes: Note[] = [];
    const mn = marginNote(ctx.profile, o.margin_pct);
    if (mn) notes.push(mn);
    if (cohortsDropped > 0) notes.push(note('note.cohorts.dropped', { cohorts: tv.count(cohortsDropped) }));
    notes.push(note('note.cohorts.acquired'));
    if (tenure.years.length < o.loyal_years)
      notes.push(note('note.cohorts.short_tenure', { years: tv.count(o.loyal_years) }));

    const at = (k: number) => curve.find((c) => c.period_index === k);
    const p1 = at(1);
    const p12 = at(period === 'month' ? 12 : 4);
    const findings: AnalysisResult['findings'] = [];
    if (p1)
      findings.push(
        finding(
          'retention_p1',
          period === 'month' ? 'cohorts.retention_p1.month' : 'cohorts.retention_p1.quarter',
          { rate: tv.percent(p1.retention, 1) },
          'rate',
        ),
      );
    if (p12)
      findings.push(finding('retention_1y', 'cohorts.retention_1y', { rate: tv.percent(p12.retention, 1) }, 'rate'));
    if (tenure.loyalSpendRatio !== null) {
      const r = tenure.loyalSpendRatio;
      const verdict = clause(
        r < SEEDS.loyalSpendLow
          ? 'cohorts.loyal_spend.below'
          : r > SEEDS.loyalSpendHigh
            ? 'cohorts.loyal_spend.above'
            : 'cohorts.loyal_spend.within',
      );
      findings.push(
        finding(
          'loyal_spend_ratio',
          'cohorts.loyal_spend',
          {
            years: tv.decimal(o.loyal_years),
            ratio: tv.ratio(r, 1),
            low: tv.decimal(SEEDS.loyalSpendLow),
            high: tv.ratio(SEEDS.loyalSpendHigh, 0),
            verdict,
          },
          'ratio',
        ),
      );
    }
    if (repeat.repeatShare !== null) {
      findings.push(
        finding(
          'repeat_share',
          'cohorts.repeat_share',
          { share: tv.percent(repeat.repeatShare, 0), seed: tv.percent(0.65) },
          'share',
        ),
      );
    }
    const y1 = tenure.years[0];
    if (y1)
      findings.push(
        finding('year1_spend', 'cohorts.year1_spend', { spend: tv.money(y1.revenue_per_active, 0) }, 'spend'),
      );

    const benchmarks = [
      {
        measure: `Spend of loyal (year ${o.loyal_years}+) vs new customers`,
        seed: `${SEEDS.loyalSpendLow}–${SEEDS.loyalSpendHigh}×`,
        yours: tenure.loyalSpendRatio === null ? 'n/a' : `${multiple(tenure.loyalSpendRatio, 1)}`,
      },
      {
        measure: 'Share of sales from repeat buyers',
        seed: '65% (a top salesman)',
        yours: repeat.repeatShare === null ? 'n/a' : percent(repeat.repeatShare, 0),
      },
    ];
    const tenureLong = tenure.years.flatMap((y) => [
      { tenure_year: `Year ${y.tenure_year}`, measure: 'Revenue', value: y.revenue_per_active },
      { tenure_year: `Year ${y.tenure_year}`, measure: 'Profit', value: y.profit_per_active },
    ]);
    const cohortLabels = [...new Set(cells.map((c) => c.cohort))];
    const cohortEnds = lineEndLabels(cells);
    const repeatLong = repeat.years.flatMap((y) => [
      { year: y.year, kind: 'New (first purchase)', revenue: y.new_revenue },
      { year: y.year, kind: 'Repeat', revenue: y.repeat_revenue },
    ]);

    return {
      tables: {
        retention: table(cells, {
          cohort: 'string',
          cohort_start: 'date',
          cohort_size: 'number',
          period_index: 'number',
          active: 'number',
          retention: 'number',
        }),
        curve: table(curve, {
          period_index: 'number',
          cohort_customers: 'number',
          active: 'number',
          retention: 'number',
        }),
        tenure: table(tenure.years, {
          tenure_year: 'number',
          eligible: 'number',
          active: 'number',
          active_share: 'number',
          revenue_per_active: 'number',
          profit_per_active: 'number',
          revenue_per_customer: 'number',
        }),
        tenure_long: table(tenureLong, { tenure_year: 'string', measure: 'string', value: 'number' }),
        repeat: table(repeat.years, {
          year: 'string',
          new_revenue: 'number',
          repeat_revenue: 'number',
          repeat_share: 'number',
        }),
        repeat_long: table(repeatLong, { year: 'string', kind: 'string', revenue: 'number' }),
        benchmarks: table(benchmarks, { measure: 'string', seed: 'string', yours: 'string' }),
      },
      scalars: {
        period,
        retention_p1: p1?.retention ?? null,
        retention_1y: p12?.retention ?? null,
        loyal_spend_ratio: tenure.loyalSpendRatio,
        loyal_profit_ratio: tenure.loyalProfitRatio,
        repeat_share: repeat.repeatShare,
        cohorts: new Set(cells.map((c) => c.cohort)).size,
      },
      charts: [
        {
          id: 'cohort-heatmap',
          title: `Retention by ${period}ly acquisition cohort`,
          subtitle: `Share of each cohort buying in each ${period} after acquisition`,
          data: 'retention',
          height: Math.max(240, 22 * Math.min(o.max_cohorts, new Set(cells.map((c) => c.cohort)).size) + 60),
          marginLeft: 80,
          x: { label: `${unit} since acquisition →`, type: 'band' },
          y: { label: 'Cohort', type: 'band' },
          color: {
            type: 'sequential',
            scheme: 'blues',
            legend: true,
            tickFormat: '.0%',
            label: 'Retention',
            domain: [0, 1],
          },
          marks: [
            { type: 'cell', x: 'period_index', y: 'cohort', fill: 'retention', options: { inset: 0.5, tip: true } },
            {
              type: 'text',
              x: 'period_index',
              y: 'cohort',
              text: 'retention',
              textFormat: '.0%',
              options: { fontSize: 10 },
            },
          ],
        },
        {
          id: 'cohort-curves',
          title: 'Retention curves by cohort',
          subtitle: `Thin lines: one per ${period}ly cohort, darker = more recent, labelled at their last ${period}; thick line: all cohorts, weighted by size`,
          data: 'retention',
          marginRight: 130,
          x: { label: `${unit} since acquisition →` },
          y: { label: '↑ Still buying', tickFormat: '.0%', domain: [0, 1], grid: true },
          // Ordinal, not the default: cohort labels like 2024-03 would otherwise be taken for dates.
          color: { type: 'ordinal', scheme: 'blues', domain: cohortLabels },
          marks: [
            {
              type: 'line',
              x: 'period_index',
              y: 'retention',
              stroke: 'cohort',
              options: { strokeOpacity: 0.7, strokeWidth: 1.2 },
            },
            {
              type: 'text',
              rows: cohortEnds,
              x: 'period_index',
              y: 'retention',
              text: 'cohort',
              fill: 'neutral',
              options: { textAnchor: 'start', dx: 4, fontSize: 10 },
            },
            {
              type: 'line',
              data: 'curve',
              x: 'period_index',
              y: 'retention',
              stroke: 'currentColor',
              options: { strokeWidth: 4 },
            },
            {
              type: 'dot',
              data: 'curve',
              x: 'period_index',
              y: 'retention',
              fill: 'currentColor',
              r: 4,
              options: { tip: true },
            },
          ],
        },
        {
          id: 'tenure-spend',
          title: 'Spend and profit per customer by tenure year',
          subtitle: 'Per customer still buying, among customers observed for the whole year',
          data: 'tenure_long',
          fx: { label: null },
          x: { label: null, domain: ['Revenue', 'Profit'] },
          y: { label: '↑ Per active customer', grid: true, tickFormat: ',.0f' },
          color: { legend: true, domain: ['Revenue', 'Profit'], range: ['primary', 'positive'] },
          marks: [
            { type: 'barY', fx: 'tenure_year', x: 'measure', y: 'value', fill: 'measure', options: { tip: true } },
            {
              type: 'text',
              fx: 'tenure_year',
              x: 'measure',
              y: 'value',
              text: 'value',
              textFormat: ',.0f',
              options: { dy: -10, fontSize: 13, fontWeight: 'bold' },
            },
            { type: 'ruleY', values: [0] },
          ],
        },
        {
          id: 'repeat-revenue',
          title: 'Revenue from repeat vs new purchases',
          data: 'repeat_long',
          x: { label: 'Year', type: 'band' },
          y: { label: '↑ Revenue', grid: true, tickFormat: '~s' },
          color: { legend: true, domain: ['New (first purchase)', 'Repeat'], range: ['secondary', 'primary'] },
          marks: [
            { type: 'barY', x: 'year', y: 'revenue', fill: 'kind', options: { tip: true } },
            { type: 'ruleY', values: [0] },
          ],
        },
      ],
      findings,
      ...noteFields(notes),
    };
  },
};
