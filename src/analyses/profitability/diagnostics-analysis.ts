/**
 * The `profit-diagnostics` analysis: where the margin goes (waterfall), which costs make
 * loss-makers, who the worst loss-makers are, and profit by tier and by any customer attribute.
 */
import type { ChartText } from '../messages/render.ts';
import { fromRows, toRows, type ColumnarTable } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import { hasTable } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import { list, text } from '../messages/finding.ts';
import { note, noteFields } from '../messages/notes.ts';
import type { AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { diagnosticsFindings, waterfall } from './diagnostics.ts';
import { tierChart, waterfallChart } from './diagnostics-charts.ts';
import {
  diagnosticsFromSummary,
  summaryDiagnostics,
  summarySources,
  type DiagnosticsParts,
} from './diagnostics-summary.ts';
import {
  buildCostDriversQuery,
  buildCustomerComponentsQuery,
  buildCustomerNamesQuery,
  buildProfitByAttributeQuery,
  buildProfitByTierQuery,
  buildTopLossMakersQuery,
  buildWaterfallQuery,
  type DiagnosticsSources,
} from './diagnostics-query.ts';
import { profitOptionSpecs, toCustomerProfitOptions } from './profit-options.ts';
import { summaryCovers } from './customer-profit.ts';
import { runProfitNotes, withProfitTables } from './profit-table.ts';

/** The options of `profit-diagnostics`: the shared profit options and what to list and break down. */
export const profitDiagnosticsOptions = defineOptions([
  ...profitOptionSpecs,
  {
    name: 'top_n',
    type: 'integer',
    min: 1,
    max: 10000,
    default: 25,
    description: 'How many of the worst loss-makers to list.',
  },
  {
    name: 'tiers',
    type: 'integer',
    min: 2,
    max: 20,
    default: 5,
    description: 'Number of equal-sized spend tiers (5 = quintiles).',
  },
  {
    name: 'group_by',
    type: 'string',
    description: 'A customers column to break profit down by, e.g. region or segment.',
  },
  {
    name: 'per_customer',
    type: 'boolean',
    default: false,
    description:
      'Add the customer_profit table: one row per customer with every component and a cost_<category> column per cost category (large on big data).',
  },
]);

/** Options of the `profit-diagnostics` analysis, as `run` receives them. */
export type ProfitDiagnosticsOptions = OptionValues<typeof profitDiagnosticsOptions>;

/** Cost-category columns of the per-customer table read 0 where a customer has no such cost. */
export function zeroMissingCosts(table: ColumnarTable): ColumnarTable {
  return {
    ...table,
    data: table.data.map((values, i) =>
      table.columns[i]?.name.startsWith('cost_') ? values.map((v) => v ?? 0) : values,
    ),
  };
}

function addColumn(table: ColumnarTable, name: string, values: (string | number)[]): ColumnarTable {
  return {
    ...table,
    columns: [...table.columns, { name, type: 'VARCHAR', kind: 'string' }],
    data: [...table.data, values],
  };
}

/**
 * The worst loss-makers, with `name` after customer_id when `withName`: looked up for those
 * customers only (a constant id list), not for every customer.
 */
async function topLossMakers(
  db: SqlConnection,
  s: DiagnosticsSources,
  limit: number,
  withName: boolean,
): Promise<ColumnarTable> {
  const top = await db.query(buildTopLossMakersQuery(s, limit));
  if (!withName) return top;
  const ids = (top.data[0] ?? []).map(String);
  const names = new Map(
    ids.length
      ? toRows(await db.query(buildCustomerNamesQuery(ids))).map((r) => [String(r.customer_id), r.name ?? null])
      : [],
  );
  return {
    ...top,
    columns: [top.columns[0]!, { name: 'name', type: 'VARCHAR', kind: 'string' }, ...top.columns.slice(1)],
    data: [top.data[0]!, ids.map((id) => names.get(id) ?? null), ...top.data.slice(1)],
  };
}

/** The registered definition. */
export const profitDiagnosticsAnalysis: AnalysisDefinition<typeof profitDiagnosticsOptions> = {
  id: 'profit-diagnostics',
  title: 'Profit diagnostics: where the margin goes',
  description:
    'Waterfall from gross margin to net profit by cost category, the cost categories that make customers unprofitable, ' +
    'the worst loss-makers, and profit by spend tier and by a customer attribute.',
  requires: ['transactions'],
  options: profitDiagnosticsOptions,
  async run(ctx, options): Promise<AnalysisResult> {
    // Read the summary instead of the raw tables when the period is the summary's own.
    const asked = toCustomerProfitOptions(options, ctx.profile);
    const profitOptions = { ...asked, fromSummary: summaryCovers(asked, ctx.summary) };
    const customerColumns = ctx.profile.tables.customers?.columns ?? [];
    // A breakdown the data cannot give (no customers table, or no such column) is left out and the
    // notes say what would give it: a notebook's default (by region) must not fail on data
    // without regions.
    const groupBy = options.group_by && customerColumns.includes(options.group_by) ? options.group_by : undefined;
    const notes = await runProfitNotes(ctx.db, profitOptions, ctx.memo);
    if (options.group_by && !groupBy) {
      notes.push(
        customerColumns.length
          ? note('note.diagnostics.no_column', {
              column: text(options.group_by),
              columns: list(
                customerColumns.map((c) => text(c)),
                'and',
              ),
            })
          : note('note.diagnostics.no_customers', { column: text(options.group_by) }),
      );
    }
    const withName = hasTable(ctx.profile, 'customers') && customerColumns.includes('name');
    const step = 100 / options.tiers;
    const fmt = (x: number) => String(Math.round(x * 10) / 10);
    const build = async (s: DiagnosticsSources, parts: DiagnosticsParts): Promise<AnalysisResult> => {
      const { bars, drivers, nLoss } = parts;
      const lossMakers = await topLossMakers(ctx.db, s, options.top_n, withName);
      const byTier = addColumn(
        parts.byTier,
        'label',
        toRows(parts.byTier).map((r) => {
          const t = Number(r.tier);
          return `Tier ${t} (top ${fmt((t - 1) * step)}–${fmt(t * step)}%)`;
        }),
      );
      const columns = [
        { name: 'step', type: 'INTEGER', kind: 'number' as const },
        { name: 'label', type: 'VARCHAR', kind: 'string' as const },
        { name: 'amount', type: 'DOUBLE', kind: 'number' as const },
        { name: 'start', type: 'DOUBLE', kind: 'number' as const },
        { name: 'end', type: 'DOUBLE', kind: 'number' as const },
        { name: 'kind', type: 'VARCHAR', kind: 'string' as const },
      ];
      const chartText: Record<string, ChartText> = {};
      const result: AnalysisResult = {
        tables: {
          waterfall: fromRows(bars, columns),
          cost_drivers: drivers,
          top_loss_makers: lossMakers,
          by_tier: byTier,
        },
        scalars: {
          gross_margin: bars[0]?.amount ?? 0,
          net_profit: bars[bars.length - 1]?.amount ?? 0,
          loss_makers: nLoss,
        },
        charts: bars.length
          ? [waterfallChart(bars, (chartText.waterfall = {})), tierChart((chartText['profit-by-tier'] = {}))]
          : [],
        chartText,
        findings: diagnosticsFindings(bars, toRows(drivers), toRows(byTier), nLoss),
        ...noteFields(drivers.rowCount === 0 ? [...notes, note('note.diagnostics.no_cost_to_serve')] : notes),
      };
      if (options.per_customer)
        result.tables.customer_profit = zeroMissingCosts(await ctx.db.query(buildCustomerComponentsQuery(s, withName)));
      if (groupBy) result.tables.by_attribute = await ctx.db.query(buildProfitByAttributeQuery(s, groupBy));
      return result;
    };
    // Default options on the summary's period: no temp table, no sort of every customer in SQL.
    if (diagnosticsFromSummary(ctx, profitOptions))
      return build(summarySources(profitOptions), await summaryDiagnostics(ctx, profitOptions, options.tiers));
    return withProfitTables(ctx.db, profitOptions, true, async (s) => {
      const bars = waterfall(toRows(await ctx.db.query(buildWaterfallQuery(s))));
      const drivers = await ctx.db.query(buildCostDriversQuery(s));
      const counts = toRows(await ctx.db.query(`SELECT count(*) FILTER (WHERE profit < 0) AS n FROM ${s.profit}`))[0];
      const nLoss = typeof counts?.n === 'number' ? counts.n : 0;
      const byTier = await ctx.db.query(buildProfitByTierQuery(s, options.tiers));
      return build(s, { bars, drivers, nLoss, byTier });
    });
  },
};
