/** Analysis `churn-reasons`: Pareto of churn reasons by customers and by lost value. */
import { tv } from '../../format/typed.ts';
import { finding, text } from '../messages/finding.ts';
import { toRows } from '../../sql/table.ts';
import { hasColumn, hasTable } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import { note, noteFields, type Note } from '../messages/notes.ts';
import type { AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { resolveChurnSource } from './churn-flag.ts';
import {
  buildChurnReasonsQuery,
  buildSummaryChurnReasonsQuery,
  pareto,
  type LostValueSource,
  type ParetoRow,
} from './churn-reasons.ts';
import { churnColumnOptions } from './options.ts';
import { customerColumn } from './sql.ts';
import { table } from './table.ts';

/** The options of `churn-reasons`: the reason, churn and value columns. */
export const churnReasonsOptions = defineOptions([
  {
    name: 'reason_column',
    type: 'string',
    default: 'churn_reason',
    description: 'Customers column with the churn reason or complaint category.',
  },
  ...churnColumnOptions,
  {
    name: 'value_column',
    type: 'string',
    default: '',
    description: 'Customers column with the value lost per customer; empty = revenue in the 12 months before leaving.',
  },
]);

/** Options of the `churn-reasons` analysis, as `run` receives them. */
export type ChurnReasonsOptions = OptionValues<typeof churnReasonsOptions>;

const paretoColumns = {
  rank: 'number',
  reason: 'string',
  customers: 'number',
  lost_value: 'number',
  share: 'number',
  cumulative_share: 'number',
} as const;

/** A Pareto chart: bars of share, a line of cumulative share, on one 0–100% axis. */
function paretoChart(
  id: string,
  title: string,
  data: string,
  rows: ParetoRow[],
  what: string,
): AnalysisResult['charts'][number] {
  return {
    id,
    title,
    subtitle: `Bars: share of ${what}; line: cumulative`,
    data,
    marginBottom: 90,
    x: { label: null, type: 'band', domain: rows.map((r) => r.reason) },
    y: { label: `↑ Share of ${what}`, tickFormat: '.0%', domain: [0, 1], grid: true },
    marks: [
      { type: 'barY', x: 'reason', y: 'share', fill: 'negative', options: { tip: true } },
      {
        type: 'line',
        x: 'reason',
        y: 'cumulative_share',
        stroke: 'currentColor',
        options: { strokeWidth: 2, marker: 'circle' },
      },
      { type: 'ruleY', values: [0.8], options: { strokeDasharray: '4,3' } },
      { type: 'ruleY', values: [0] },
    ],
  };
}

export const churnReasonsAnalysis: AnalysisDefinition<typeof churnReasonsOptions> = {
  id: 'churn-reasons',
  title: 'Why customers leave',
  description:
    'Pareto of churn reasons (or complaint categories) by customers lost and by the value they took with them.',
  requires: ['customers'],
  options: churnReasonsOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    const columns = ctx.profile.tables.customers?.columns ?? [];
    const reasonColumn = columns.find((c) => c.toLowerCase() === o.reason_column.toLowerCase());
    if (!reasonColumn || !hasColumn(ctx.profile, 'customers', reasonColumn)) {
      return {
        tables: {},
        scalars: {},
        charts: [],
        findings: [],
        ...noteFields([note('note.churn_reasons.none', { column: text(o.reason_column) })]),
      };
    }
    const churn = resolveChurnSource(ctx.profile, o.churn_column || undefined);
    const notes: Note[] = [];
    let value: LostValueSource;
    if (o.value_column) value = { kind: 'column', column: customerColumn(ctx.profile, o.value_column, 'value_column') };
    else if (hasTable(ctx.profile, 'transactions')) {
      value = { kind: 'revenue_12m' };
      notes.push(note('note.churn_reasons.lost_value'));
    } else {
      value = { kind: 'none' };
      notes.push(note('note.churn_reasons.no_value'));
    }
    // The summary holds the default reading (summary.lost_customers); any other column reads the raw tables.
    const fromSummary =
      !!ctx.summary && reasonColumn === 'churn_reason' && !o.churn_column && value.kind === 'revenue_12m';
    const rows = toRows(
      await ctx.db.query(
        fromSummary ? buildSummaryChurnReasonsQuery() : buildChurnReasonsQuery({ churn, reasonColumn, value }),
      ),
    );
    const byCustomers = pareto(rows, 'customers');
    const byValue = value.kind === 'none' ? [] : pareto(rows, 'lost_value');
    const findings: Finding[] = [];
    const top = byCustomers[0];
    const lost = byCustomers.reduce((s, r) => s + r.customers, 0);
    if (top)
      findings.push(
        finding(
          'top_reason',
          'churn_reasons.top',
          { reason: text(top.reason), share: tv.percent(top.share, 0), lost: tv.count(lost) },
          'share',
        ),
      );
    const vital = byCustomers.findIndex((r) => r.cumulative_share >= 0.8) + 1;
    if (vital > 0 && byCustomers.length > 2)
      findings.push(
        finding(
          'vital_few',
          'churn_reasons.vital_few',
          { vital: tv.count(vital), reasons: tv.count(byCustomers.length), share: tv.percent(0.8) },
          'vital',
        ),
      );
    const topValue = byValue[0];
    if (topValue && topValue.lost_value > 0) {
      findings.push(
        finding(
          'top_value_reason',
          'churn_reasons.top_value',
          {
            reason: text(topValue.reason),
            share: tv.percent(topValue.share, 0),
            lost: tv.money(
              byValue.reduce((s, r) => s + r.lost_value, 0),
              0,
            ),
          },
          'share',
        ),
      );
    }
    if (rows.length === 0) notes.push(note('note.churn_reasons.no_churn'));
    return {
      tables: { by_customers: table(byCustomers, paretoColumns), by_value: table(byValue, paretoColumns) },
      scalars: {
        customers_lost: lost,
        top_reason: top?.reason ?? null,
        top_reason_share: top?.share ?? null,
        reasons_for_80pct: vital > 0 ? vital : null,
      },
      charts: [
        ...(byCustomers.length
          ? [paretoChart('reasons-by-customers', 'Why customers leave', 'by_customers', byCustomers, 'customers lost')]
          : []),
        ...(byValue.length
          ? [paretoChart('reasons-by-value', 'Which reasons cost the most', 'by_value', byValue, 'value lost')]
          : []),
      ],
      findings,
      ...noteFields(notes),
    };
  },
};
