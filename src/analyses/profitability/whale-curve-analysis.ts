/**
 * The `whale-curve` analysis: profit per customer, the whale curve with its statistics, the
 * revenue Pareto beside it, and the "fix the worst loss-makers" what-if.
 */
import { tv } from '../../format/typed.ts';
import { clause } from '../messages/finding.ts';
import { english } from '../messages/localise.ts';
import { noteFields } from '../messages/notes.ts';
import type { ChartText, MessageRef } from '../messages/render.ts';
import { toRows, type ColumnarTable } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import { defineOptions } from '../options.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { summaryCovers, type CustomerProfitOptions } from './customer-profit.ts';
import { profitBreakdown, vectorsApply, type ProfitBreakdown } from './profit-vectors.ts';
import {
  fixWorstSorted,
  rankProfit,
  rankRevenue,
  whaleCurveTable,
  whaleStatsRow,
  type RankedProfit,
  type SortedProfit,
} from './whale-numerics.ts';
import { profitOptionSpecs, toCustomerProfitOptions } from './profit-options.ts';
import { runProfitNotes } from './profit-table.ts';
import { revenueVsProfitChart, whaleCurveChart } from './whale-charts.ts';
import { buildWhaleCurveQuery, buildWhaleStatsQuery } from './whale-curve-query.ts';
import { whaleFindings, whatIfFinding } from './whale-findings.ts';
import { keepRanks, whaleScalars, whaleSummary, type WhaleSummary } from './whale-summary.ts';

/** The options of `whale-curve`: the shared profit options, the top k and the "fix the worst" what-if. */
export const whaleCurveOptions = defineOptions([
  ...profitOptionSpecs,
  {
    name: 'top_k',
    type: 'number',
    min: 0.1,
    max: 100,
    default: 20,
    description: 'Top share of customers to report, in percent (20 = top 20%).',
  },
  {
    name: 'fix_worst_pct',
    type: 'number',
    min: 0,
    max: 100,
    default: 0,
    description: 'What-if: percent of loss-makers to fix, worst first (0 = off).',
  },
  {
    name: 'fix_mode',
    type: 'enum',
    values: ['break-even', 'drop'],
    default: 'break-even',
    description: 'What-if: bring them to break-even, or drop them.',
  },
]);

/** Options of the `whale-curve` analysis, as `run` receives them. */
export type WhaleCurveOptions = OptionValues<typeof whaleCurveOptions>;

/** One curve: its summary and downsampled points. */
export interface WhaleCurveRun {
  summary: WhaleSummary;
  curve: ColumnarTable;
}

/**
 * Statistics and the plotted curve for a profit relation (table name or sub-query), in SQL.
 * The reference implementation the typed-array path (`whale-numerics.ts`) is tested against.
 */
export async function runWhaleCurve(db: SqlConnection, source: string, topK: number): Promise<WhaleCurveRun> {
  const stats = toRows(await db.query(buildWhaleStatsQuery({ source, topK })))[0] ?? {};
  const summary = whaleSummary(stats, topK);
  const curve = await db.query(buildWhaleCurveQuery({ source, keepRanks: keepRanks(summary) }));
  return { summary, curve };
}

/** Statistics and curve from ranked vectors (the same figures as `runWhaleCurve`). */
export function whaleCurveOf(ranked: SortedProfit, topK: number): WhaleCurveRun {
  const summary = whaleSummary(whaleStatsRow(ranked, topK), topK);
  return {
    summary,
    curve: whaleCurveTable(ranked, keepRanks(summary), undefined, {
      profit: summary.totalProfit,
      revenue: summary.totalRevenue,
    }),
  };
}

/** Profit per customer and its ranking for one set of profit options. */
interface WhaleState {
  breakdown: ProfitBreakdown;
  ranked: RankedProfit;
}

/** What the whale curve keeps per dataset version: the last state, and arrays to recycle. */
interface WhaleHolder {
  key: string;
  state: WhaleState | null;
  spare: { profit: Float64Array; order: Uint32Array; sorted: Float64Array } | null;
}

/**
 * Profit and its ranking for these options. The last state is kept per dataset version, so a
 * top-k or what-if change re-uses it without recomputing; a new state writes into the arrays of
 * the one before the last (a slider sweep then allocates nothing, and the worker does not pause
 * for garbage collection). The revenue ranking depends on the data only and is kept once.
 * Callers use the state synchronously, before their next await: it may be recycled after that.
 */
async function whaleState(ctx: AnalysisContext, options: CustomerProfitOptions): Promise<WhaleState> {
  if (!ctx.memo) {
    const breakdown = await profitBreakdown(ctx, options);
    return { breakdown, ranked: rankProfit(breakdown) };
  }
  const key = JSON.stringify({ ...options, profile: undefined });
  const holder = await ctx.memo<WhaleHolder>('whale-state', async () => ({ key: '', state: null, spare: null }));
  if (holder.key === key && holder.state) return holder.state;
  const fast = vectorsApply(ctx, options);
  // Everything awaited comes first; from taking the spare arrays on, the work is synchronous.
  const breakdown = await profitBreakdown(ctx, options, fast ? holder.spare?.profit : undefined);
  const revenueRank = fast ? await ctx.memo('revenue-rank', async () => rankRevenue(breakdown.revenue)) : undefined;
  const spare = fast ? holder.spare : null;
  const ranked = rankProfit(breakdown, revenueRank, spare ?? undefined);
  const previous = holder.state;
  holder.spare = previous
    ? { profit: previous.breakdown.profit, order: previous.ranked.byProfit, sorted: previous.ranked.profitDesc }
    : null;
  holder.key = key;
  holder.state = { breakdown, ranked };
  return holder.state;
}

/** The one-row totals table: revenue, cogs, gross_margin, cost_to_serve, acquisition_amortised, profit. */
function totalsTable(b: ProfitBreakdown): ColumnarTable {
  const t = b.totals;
  const values: [string, number][] = [
    ['revenue', t.revenue],
    ['cogs', t.cogs],
    ['gross_margin', t.grossMargin],
    ['cost_to_serve', t.costToServe],
    ['acquisition_amortised', t.acquisition],
    ['profit', t.profit],
  ];
  const empty = b.profit.length === 0;
  return {
    columns: values.map(([name]) => ({ name, type: 'DOUBLE', kind: 'number' as const })),
    rowCount: 1,
    data: values.map(([, v]) => [empty ? null : v]),
  };
}

/**
 * The what-if curve measured against TODAY's base: `base_customer_share` = rank / today's
 * customers and `base_profit_share` = cumulative profit / today's total profit (NULL when today's
 * total is not positive; the chart then plots `cum_profit`). On this scale the two curves share
 * their axes, and the what-if curve ends at the new total profit as a share of today's.
 */
export function onBaseScale(curve: ColumnarTable, base: WhaleSummary): ColumnarTable {
  const rows = toRows(curve);
  const n = base.customers;
  const tp = base.mode === 'share' ? base.totalProfit : null;
  return {
    ...curve,
    columns: [
      ...curve.columns,
      { name: 'base_customer_share', type: 'DOUBLE', kind: 'number' },
      { name: 'base_profit_share', type: 'DOUBLE', kind: 'number' },
    ],
    data: [
      ...curve.data,
      rows.map((r) => (n > 0 ? Number(r.rank) / n : null)),
      rows.map((r) => (tp === null ? null : Number(r.cum_profit) / tp)),
    ],
  };
}

/** The registered definition. */
export const whaleCurveAnalysis: AnalysisDefinition<typeof whaleCurveOptions> = {
  id: 'whale-curve',
  title: 'Whale curve: who really makes the profit',
  description:
    'Ranks customers by profit (margin minus cost to serve) and plots cumulative profit: the peak above 100%, the top k% share, ' +
    'the loss carried by unprofitable customers, and the revenue Pareto beside it.',
  requires: ['transactions'],
  options: whaleCurveOptions,
  async run(ctx, options): Promise<AnalysisResult> {
    const profitOptions = toCustomerProfitOptions(options, ctx.profile);
    const fromSummary = summaryCovers(profitOptions, ctx.summary);
    const topK = options.top_k / 100;
    const notes = await runProfitNotes(ctx.db, { ...profitOptions, fromSummary }, ctx.memo);
    // From here on nothing is awaited: the kept arrays are used before anyone can recycle them.
    const { breakdown, ranked } = await whaleState(ctx, profitOptions);
    const base = whaleCurveOf(ranked, topK);
    const s = base.summary;
    const result: AnalysisResult = {
      tables: { curve: base.curve, totals: totalsTable(breakdown) },
      scalars: whaleScalars(s),
      charts: [],
      findings: whaleFindings(s),
      ...noteFields(notes),
    };
    {
      let whatIf: { summary: WhaleSummary; label: MessageRef } | undefined;
      const chartText: Record<string, ChartText> = (result.chartText = {});
      const note = (ref: MessageRef) => {
        (result.noteRefs ??= {})[result.notes.length] = ref;
        result.notes.push(english(ref));
      };
      // The what-if headline figures always exist (nothing fixed: after = before), so prose that
      // quotes them still reads when the slider is at 0 or there is no loss-maker to fix.
      Object.assign(result.scalars, {
        total_profit_before: s.totalProfit,
        total_profit_after: s.totalProfit,
        peak_share_before: s.peakShare,
        peak_share_after: s.peakShare,
        fixed_customers: 0,
      });
      if (options.fix_worst_pct > 0 && s.lossMakers > 0) {
        const share = options.fix_worst_pct / 100;
        const { sorted: afterFix, fixed } = fixWorstSorted(ranked, share, options.fix_mode);
        const after = whaleCurveOf(afterFix, topK);
        result.tables.curve_whatif = onBaseScale(after.curve, s);
        Object.assign(result.scalars, whaleScalars(after.summary, 'after_'), {
          total_profit_before: s.totalProfit,
          total_profit_after: after.summary.totalProfit,
          peak_share_before: s.peakShare,
          peak_share_after: after.summary.peakShare,
          fixed_customers: fixed,
        });
        result.findings.push(whatIfFinding(s, after.summary, share, options.fix_mode, fixed));
        whatIf = {
          summary: after.summary,
          label: clause(options.fix_mode === 'drop' ? 'whale.chart.after_dropping' : 'whale.chart.after_fixing', {
            share: tv.percent(share),
          }) as MessageRef,
        };
      } else if (options.fix_worst_pct > 0) {
        note(clause('whale.note.nothing_to_fix') as MessageRef);
      }
      result.charts.push(whaleCurveChart(s, whatIf, (chartText['whale-curve'] = {})));
      if (s.mode === 'share' && s.topRevenueShare !== null)
        result.charts.push(revenueVsProfitChart(s, (chartText['revenue-vs-profit'] = {})));
      if (s.mode === 'money')
        note(
          clause(s.totalProfit < 0 ? 'whale.note.money_mode.negative' : 'whale.note.money_mode.zero', {
            total: tv.money(s.totalProfit),
          }) as MessageRef,
        );
      if (s.zeroProfit > 0) note(clause('whale.note.break_even', { customers: tv.count(s.zeroProfit) }) as MessageRef);
      if (s.tied > 0) note(clause('whale.note.tied', { customers: tv.count(s.tied) }) as MessageRef);
      return result;
    }
  },
};
