/**
 * The `profit-diagnostics` analysis: where the margin goes (waterfall), which costs make
 * loss-makers, who the worst loss-makers are, and profit by tier and by any customer attribute.
 */
import { fromRows, toRows, type ColumnarTable, type Row } from '../../sql/table.ts';
import { hasTable } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import type { AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { diagnosticsFindings, waterfall } from './diagnostics.ts';
import { tierChart, waterfallChart } from './diagnostics-charts.ts';
import {
  buildCostDriversQuery,
  buildCustomerComponentsQuery,
  buildProfitByAttributeQuery,
  buildProfitByTierQuery,
  buildTopLossMakersQuery,
  buildWaterfallQuery,
} from './diagnostics-query.ts';
import { profitOptionSpecs, toCustomerProfitOptions } from './profit-options.ts';
import { summaryCovers } from './customer-profit.ts';
import { runProfitNotes, withProfitTables } from './profit-table.ts';

/** The options of `profit-diagnostics`: the shared profit options and what to list and break down. */
export const profitDiagnosticsOptions = defineOptions([
  ...profitOptionSpecs,
  { name: 'top_n', type: 'integer', min: 1, max: 10000, default: 25, description: 'How many of the worst loss-makers to list.' },
  { name: 'tiers', type: 'integer', min: 2, max: 20, default: 5, description: 'Number of equal-sized spend tiers (5 = quintiles).' },
  { name: 'group_by', type: 'string', description: 'A customers column to break profit down by, e.g. region or segment.' },
  {
    name: 'per_customer', type: 'boolean', default: false,
    description: 'Add the customer_profit table: one row per customer with every component and a cost_<category> column per cost category (large on big data).',
  },
]);

/** Options of the `profit-diagnostics` analysis, as `run` receives them. */
export type ProfitDiagnosticsOptions = OptionValues<typeof profitDiagnosticsOptions>;

/** Cost-category columns of the per-customer table read 0 where a customer has no such cost. */
export function zeroMissingCosts(table: ColumnarTable): ColumnarTable {
  return { ...table, data: table.data.map((values, i) => (table.columns[i]?.name.startsWith('cost_') ? values.map((v) => v ?? 0) : values)) };
}

function addColumn(table: ColumnarTable, name: string, values: (string | number)[]): ColumnarTable {
  return { ...table, columns: [...table.columns, { name, type: 'VARCHAR', kind: 'string' }], data: [...table.data, values] };
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
    if (options.group_by && !customerColumns.includes(options.group_by)) {
      throw new Error(`profit-diagnostics: group_by column "${options.group_by}" is not in the customers table (columns: ${customerColumns.join(', ') || 'none, no customers table'})`);
    }
    const notes = await runProfitNotes(ctx.db, profitOptions);
    return withProfitTables(ctx.db, profitOptions, true, async (s) => {
      const bars = waterfall(toRows(await ctx.db.query(buildWaterfallQuery(s))));
      const drivers = await ctx.db.query(buildCostDriversQuery(s));
      const withName = hasTable(ctx.profile, 'customers') && customerColumns.includes('name');
      const lossMakers = await ctx.db.query(buildTopLossMakersQuery(s, options.top_n, withName));
      const counts = toRows(await ctx.db.query(`SELECT count(*) FILTER (WHERE profit < 0) AS n FROM ${s.profit}`))[0];
      const nLoss = typeof counts?.n === 'number' ? counts.n : 0;
      let byTier = await ctx.db.query(buildProfitByTierQuery(s, options.tiers));
      const step = 100 / options.tiers;
      const fmt = (x: number) => String(Math.round(x * 10) / 10);
      byTier = addColumn(byTier, 'label', toRows(byTier).map((r) => {
        const t = Number(r.tier);
        return `Tier ${t} (top ${fmt((t - 1) * step)}–${fmt(t * step)}%)`;
      }));
      const columns = [
        { name: 'step', type: 'INTEGER', kind: 'number' as const },
        { name: 'label', type: 'VARCHAR', kind: 'string' as const },
        { name: 'amount', type: 'DOUBLE', kind: 'number' as const },
        { name: 'start', type: 'DOUBLE', kind: 'number' as const },
        { name: 'end', type: 'DOUBLE', kind: 'number' as const },
        { name: 'kind', type: 'VARCHAR', kind: 'string' as const },
      ];
      const result: AnalysisResult = {
        tables: { waterfall: fromRows(bars as Row[], columns), cost_drivers: drivers, top_loss_makers: lossMakers, by_tier: byTier },
        scalars: {
          gross_margin: bars[0]?.amount ?? 0,
          net_profit: bars[bars.length - 1]?.amount ?? 0,
          loss_makers: nLoss,
        },
        charts: bars.length ? [waterfallChart(bars), tierChart()] : [],
        findings: diagnosticsFindings(bars, toRows(drivers), toRows(byTier), nLoss),
        notes,
      };
      if (options.per_customer) result.tables.customer_profit = zeroMissingCosts(await ctx.db.query(buildCustomerComponentsQuery(s, withName)));
      if (options.group_by) result.tables.by_attribute = await ctx.db.query(buildProfitByAttributeQuery(s, options.group_by));
      if (drivers.rowCount === 0) result.notes.push('No cost to serve is recorded or allocated, so there is nothing to break down by category.');
      return result;
    });
  },
};
