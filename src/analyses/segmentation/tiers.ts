/**
 * Tier ladder: customers graded by average monthly spend (or profit, or orders) over a period
 * into tiers — by default crystal, jade, gold, platinum, diamond, black-gold — with each tier's
 * share of customers, revenue and profit and its average tenure.
 */
import { chartWords, msg, oneChart } from '../messages/chart-words.ts';
import type { ChartText, MessageParam, MessageRef } from '../messages/render.ts';
import type { FindingKey } from '../messages/catalogs.ts';
import { english } from '../messages/localise.ts';
import type { ChartSpec } from '../../charts/spec.ts';
import { fromRows, toRows, type Row } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import { hasColumn } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import { money, percent } from '../../format/number.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { buildCustomerPeriodCte, measureExpr } from './customer-period.ts';
import { num, numOrNull, ratio, shareOfClause } from './format.ts';
import { tv } from '../../format/typed.ts';
import { clause, finding, list, term, text } from '../messages/finding.ts';
import { keptDataRange, loadCustomerPeriod, vectorsAvailable } from './customer-period-vectors.ts';
import { periodMessage, noDataMessage, periodMonths, resolvePeriod, type DataRange, type Period } from './periods.ts';
import { resolveThresholds, tierCaseExpr, type TierMethod, type TierSqlParams } from './tier-assign.ts';
import { checkThresholds, tierNames, tierQuantiles } from './tier-names.ts';
import { assignTiers, measureValues, quantileCont, sortedValues, tierAggregates } from './tier-numerics.ts';
import { shareBar, shareBarColumns, shareBarsChart, type ShareBar } from './share-bars.ts';
import {
  measureMessage,
  resolveMeasure,
  valueNotes,
  valueSource,
  type Measure,
  type ValueSource,
} from './value-source.ts';
import { periodOptions, tierOptionSpecs } from './options.ts';

/** The options of `tiers`: the period and the tier ladder. */
export const tiersOptions = defineOptions([...periodOptions, ...tierOptionSpecs]);

/** Options of the `tiers` analysis, as `run` receives them. */
export type TiersOptions = OptionValues<typeof tiersOptions>;

/** Per-tier aggregate SQL. Parameters: $1 start, $2 end, $3 months, $4… thresholds. */
export function buildTierSummaryQuery(p: TierSqlParams, period: Period, thresholds: number): string {
  return `WITH ${buildCustomerPeriodCte({ name: 'cur', start: '$1', end: '$2', period, source: p.source, signupDates: p.signupDates })},
scored AS (SELECT *, ${measureExpr(p.measure, '$3')} AS value FROM cur),
tiered AS (SELECT *, ${tierCaseExpr('value', 4, thresholds)} AS tier FROM scored)
SELECT tier, count(*) AS customers, sum(revenue) AS revenue, sum(profit) AS profit, avg(tenure_months) AS avg_tenure_months,
  min(value) AS min_value, max(value) AS max_value
FROM tiered GROUP BY tier ORDER BY tier`;
}

/** One tier's row in the output table. */
export interface TierRow extends Row {
  tier: string;
  tier_rank: number;
  customers: number;
  customer_share: number;
  revenue: number;
  revenue_share: number;
  profit: number | null;
  profit_share: number | null;
  avg_tenure_months: number | null;
  lower_bound: number | null;
  min_value: number | null;
  max_value: number | null;
}

/**
 * Completes the per-tier aggregates: every tier appears (empty ones with zeros), shares of
 * customers, revenue and profit sum to 1 over tiers, highest tier first.
 */
export function tierTable(rows: readonly Row[], names: readonly string[], thresholds: readonly number[]): TierRow[] {
  const byTier = new Map(rows.map((r) => [num(r.tier), r]));
  const totalCustomers = rows.reduce((s, r) => s + num(r.customers), 0);
  const totalRevenue = rows.reduce((s, r) => s + num(r.revenue), 0);
  const hasProfit = rows.some((r) => r.profit !== null);
  const totalProfit = rows.reduce((s, r) => s + num(r.profit), 0);
  const out = names.map((tier, rank): TierRow => {
    const r = byTier.get(rank);
    const customers = num(r?.customers);
    const revenue = num(r?.revenue);
    const profit = hasProfit ? num(r?.profit) : null;
    return {
      tier,
      tier_rank: rank,
      customers,
      customer_share: ratio(customers, totalCustomers),
      revenue,
      revenue_share: ratio(revenue, totalRevenue),
      profit,
      profit_share: profit === null ? null : ratio(profit, totalProfit),
      avg_tenure_months: numOrNull(r?.avg_tenure_months),
      lower_bound: rank === 0 ? null : (thresholds[rank - 1] ?? null),
      min_value: numOrNull(r?.min_value),
      max_value: numOrNull(r?.max_value),
    };
  });
  return out.reverse();
}

/** Notes: fixed sentences (found in the catalogue by their English), then messages with numbers. */
function tierNotes(fixed: string[], refs: MessageParam[]): Pick<AnalysisResult, 'notes' | 'noteRefs'> {
  const noteRefs: Record<number, MessageRef> = {};
  refs.forEach((r, i) => (noteRefs[fixed.length + i] = r as MessageRef));
  return { notes: [...fixed, ...refs.map((r) => english(r as MessageRef))], noteRefs };
}

/**
 * Consultant-style findings: the top two tiers' share of customers and of profit (or revenue),
 * e.g. "12% of customers are diamond or black-gold and earn 61% of profit", and what the
 * bottom tier brings (or costs).
 */
export function tierFindings(table: readonly TierRow[]): Finding[] {
  const top = table.slice(0, 2);
  const custShare = top.reduce((s, r) => s + r.customer_share, 0);
  const hasProfit = top.every((r) => r.profit_share !== null);
  const revShare = top.reduce((s, r) => s + r.revenue_share, 0);
  const valueShare = hasProfit ? top.reduce((s, r) => s + (r.profit_share ?? 0), 0) : revShare;
  // Known only when every tier carries its profit amount (shares alone cannot tell its sign).
  const totalProfit =
    hasProfit && table.every((r) => typeof r.profit === 'number')
      ? table.reduce((s, r) => s + (r.profit ?? 0), 0)
      : null;
  const topProfit = top.reduce((s, r) => s + (r.profit ?? 0), 0);
  // The lowest tier that holds anyone (quantile tiers on tied values leave the lowest ones empty);
  // none when every customer sits in the top tiers.
  const lowest = [...table].reverse().find((r) => r.customer_share > 0);
  const bottom = lowest && !top.includes(lowest) ? lowest : undefined;
  // Lowest first reads naturally: "diamond or black-gold".
  const names = list(top.map((r) => text(r.tier)).reverse());
  const occupied = table.filter((r) => r.customer_share > 0);
  if (occupied.length === 1) {
    // Quantile tiers on equal values put everyone in one tier: shares of 100% say nothing.
    const only = occupied[0]!;
    return [
      finding('top_tiers', 'tiers.one_tier', {
        customers: tv.count(only.customers),
        tier: text(only.tier),
        what: term(hasProfit ? 'term.profit' : 'term.revenue'),
      }),
    ];
  }
  const findings: Finding[] = [
    !hasProfit
      ? finding(
          'top_tiers',
          'tiers.top.revenue',
          { customers: tv.percent(custShare), names, value: tv.percent(valueShare) },
          'value',
        )
      : valueShare > 1.005 || (totalProfit !== null && totalProfit <= 0)
        ? finding(
            'top_tiers',
            'tiers.top.profit_over',
            {
              customers: tv.percent(custShare),
              names,
              revenue: tv.percent(revShare),
              value: shareOfClause(valueShare, 'term.profit', 'term.other_tiers', {
                value: topProfit,
                total: totalProfit ?? 0,
              }),
              share: tv.percent(valueShare),
            },
            'share',
          )
        : finding(
            'top_tiers',
            'tiers.top.profit',
            { customers: tv.percent(custShare), names, value: tv.percent(valueShare), revenue: tv.percent(revShare) },
            'value',
          ),
  ];
  if (bottom) {
    const p = bottom.profit_share;
    const tail =
      p === null
        ? clause('common.empty')
        : totalProfit !== null && totalProfit <= 0
          ? clause('tiers.bottom.amount', {
              value: shareOfClause(p, 'term.profit', 'term.other_tiers', {
                value: bottom.profit ?? 0,
                total: totalProfit,
              }),
            })
          : p < 0
            ? clause('tiers.bottom.loses', { profit: tv.percent(p) })
            : clause('tiers.bottom.earns', { profit: tv.percent(p) });
    findings.push(
      finding(
        'bottom_tier',
        'tiers.bottom',
        {
          tier: text(bottom.tier),
          customers: tv.percent(bottom.customer_share),
          revenue: tv.percent(bottom.revenue_share),
          tail,
        },
        'customers',
      ),
    );
  }
  return findings;
}

/** Long-format shares for the chart: one bar per tier × (customers, revenue, profit). */
export function tierShareBars(table: readonly TierRow[]): ShareBar[] {
  return table.flatMap((r) => [
    shareBar(r.tier, 'customers', r.customer_share),
    shareBar(r.tier, 'revenue', r.revenue_share),
    ...(r.profit_share === null ? [] : [shareBar(r.tier, 'profit', r.profit_share)]),
  ]);
}

/** The tier chart: bars per tier (highest on top) for shares of customers, revenue, profit. */
export function tierChart(
  names: readonly string[],
  subtitle: MessageRef,
  bars: readonly ShareBar[],
  text: ChartText = {},
): ChartSpec {
  return shareBarsChart({
    id: 'tier-shares',
    title: 'Tier ladder: share of customers vs share of value',
    subtitle: chartWords(text).set('subtitle', subtitle),
    data: 'shares',
    bars,
    groups: [...names].reverse(),
    series: bars.some((b) => b.share_of === 'profit') ? ['customers', 'revenue', 'profit'] : ['customers', 'revenue'],
    // Facet labels (tier names) sit on the right; leave room for the longest default name.
    marginRight: 100,
  });
}

/** Where the per-customer values come from: the context decides (see `runTiers`). */
interface TierInputs {
  source: ValueSource;
  signupDates: boolean;
}

/** The options a tier grading needs once period and measure are resolved. */
interface TierGrading {
  period: Period;
  range: DataRange;
  measure: Measure;
  method: TierMethod;
  quantiles: readonly number[];
  amounts: readonly number[];
}

/** Thresholds and the per-tier rows of `buildTierSummaryQuery`, in SQL on the raw tables (the reference). */
async function tierRowsSql(
  db: SqlConnection,
  inp: TierInputs,
  g: TierGrading,
): Promise<{ thresholds: number[]; rows: Row[] }> {
  const params: TierSqlParams = { source: inp.source, measure: g.measure, signupDates: inp.signupDates };
  const thresholds = await resolveThresholds(
    db,
    { ...params, method: g.method, quantiles: g.quantiles, amounts: g.amounts },
    g.period,
    g.range,
    'tiers',
  );
  const rows = toRows(
    await db.query(buildTierSummaryQuery(params, g.period, thresholds.length), [
      g.period.start,
      g.period.end,
      periodMonths(g.period),
      ...thresholds,
    ]),
  );
  return { thresholds, rows };
}

/**
 * The same thresholds and rows from the per-customer vectors kept for the period: the first run
 * reads them (one scan), every later change of thresholds, quantiles, names or measure is pure
 * numerics on them.
 */
async function tierRowsPrepared(
  ctx: AnalysisContext,
  inp: TierInputs,
  g: TierGrading,
): Promise<{ thresholds: number[]; rows: Row[] }> {
  const v = await loadCustomerPeriod(ctx, { period: g.period, source: inp.source, signupDates: inp.signupDates });
  if (v.revenue.length === 0) throw new Error(noDataMessage('tiers', g.period, g.range));
  const months = periodMonths(g.period);
  const values = measureValues(v, g.measure, months);
  const thresholds =
    g.method === 'amounts'
      ? [...g.amounts]
      : g.quantiles.map((q) => quantileCont(sortedFor(v, g.measure, months, values), q) ?? 0);
  const rows = tierAggregates(v, values, assignTiers(values, thresholds), thresholds.length + 1);
  return { thresholds, rows };
}

/**
 * The sorted values of a measure, kept beside the vectors they come from (a WeakMap: they go
 * when the vectors do). Sorting a million values is most of a quantile change; a new set of
 * quantiles on the same measure then reads positions only.
 */
const sortedByVectors = new WeakMap<object, Map<string, Float64Array>>();

function sortedFor(v: object, measure: string, months: number, values: Float64Array): Float64Array {
  let kept = sortedByVectors.get(v);
  if (!kept) sortedByVectors.set(v, (kept = new Map<string, Float64Array>()));
  const key = `${measure}/${months}`;
  let sorted = kept.get(key);
  if (!sorted) kept.set(key, (sorted = sortedValues(values)));
  return sorted;
}

/**
 * Runs the tier ladder. With the engine's context (`memo`, `numeric`) it grades from per-customer
 * vectors kept per dataset version and period; with only a connection it runs the SQL on the raw
 * tables, the reference the prepared path is tested against (tests/engine/segmentation-prepared.test.ts).
 */
export async function runTiers(ctx: AnalysisContext, inp: TierInputs, o: TiersOptions): Promise<AnalysisResult> {
  const prepared = vectorsAvailable(ctx);
  const range = await keptDataRange(ctx);
  const period: Period = resolvePeriod(o.period_start, o.period_end, range);
  const { measure, notes: mNotes } = resolveMeasure(o.measure, inp.source);
  const names = tierNames(o.tier_names, o.language);
  const quantiles = o.method === 'quantiles' ? tierQuantiles(names.length, o.quantiles) : [];
  const amounts = o.method === 'amounts' ? checkThresholds(names.length, o.thresholds ?? []) : [];
  const g: TierGrading = { period, range, measure, method: o.method, quantiles, amounts };
  const { thresholds, rows } = prepared ? await tierRowsPrepared(ctx, inp, g) : await tierRowsSql(ctx.db, inp, g);
  const table = tierTable(rows, names, thresholds);
  const columns = Object.keys(table[0] ?? {}).map((name) => ({
    name,
    type: name === 'tier' ? 'VARCHAR' : 'DOUBLE',
    kind: name === 'tier' ? ('string' as const) : ('number' as const),
  }));
  const shares = tierShareBars(table);
  const findings = tierFindings(table);
  return {
    tables: {
      tiers: fromRows(table, columns),
      shares: fromRows(shares, shareBarColumns),
    },
    scalars: {
      customers: table.reduce((s, r) => s + r.customers, 0),
      period_start: period.start,
      period_end: period.end,
      measure,
      top_tiers_customer_share: (table[0]?.customer_share ?? 0) + (table[1]?.customer_share ?? 0),
      top_tiers_value_share: findings[0]?.value as number,
      /** What the value share is a share of: `profit` when the data has costs, else `revenue`. */
      value_measure: table.every((r) => r.profit_share !== null) ? 'profit' : 'revenue',
    },
    ...oneChart('tier-shares', (t) =>
      tierChart(
        names,
        msg('tiers.chart.subtitle', { measure: measureMessage(measure), period: periodMessage(period) }),
        shares,
        t,
      ),
    ),
    findings,
    ...tierNotes(
      [...mNotes, ...valueNotes(inp.source)],
      [
        o.method === 'quantiles'
          ? clause('tiers.note.quantiles', {
              measure: term(`term.avg_monthly.${measure}` as FindingKey),
              quantiles: text(quantiles.map((q) => percent(q)).join(', ')),
              thresholds: text(thresholds.map((t) => money(t, 0)).join(', ')),
            })
          : clause('tiers.note.manual', { thresholds: text(thresholds.map((t) => money(t, 0)).join(', ')) }),
        clause('tiers.note.graded', { from: text(period.start), to: text(period.end) }),
      ],
    ),
  };
}

/** The `tiers` analysis. */
export const tiersDefinition: AnalysisDefinition<typeof tiersOptions> = {
  id: 'tiers',
  title: 'Tier ladder',
  description:
    'Grades customers into tiers (crystal … black-gold) by average monthly spend or profit over a period; shares of customers, revenue and profit per tier.',
  requires: ['transactions'],
  options: tiersOptions,
  run: (ctx, o) =>
    runTiers(
      ctx,
      { source: valueSource(ctx.profile), signupDates: hasColumn(ctx.profile, 'customers', 'signup_date') },
      o,
    ),
};
