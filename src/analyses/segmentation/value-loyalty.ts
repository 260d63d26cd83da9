/**
 * Value × loyalty matrix: customers placed by value (profit when cost data exists, else revenue)
 * and loyalty (tenure, repeat-purchase rate, share of active months, or survey), cut at medians
 * or user-set values, into four cells with their strategies:
 * core (high/high: serve best), stabilise (high value, low loyalty: biggest loss risk),
 * general policies (low value, high loyalty), no special attention (low/low).
 * Dense data is aggregated into a value × loyalty bin grid in SQL, so the scatter never draws 1M dots.
 */
import type { ChartSpec } from '../../charts/spec.ts';
import { fromRows, toRows, type Row } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import { hasColumn, hasTable } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import { tv } from '../../format/typed.ts';
import { clause, finding, term, text } from '../messages/finding.ts';
import { english } from '../messages/localise.ts';
import type { MessageRef } from '../messages/render.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { buildCustomerPeriodCte } from './customer-period.ts';
import { num, ratio, shareOfClause } from './format.ts';
import { keptDataRange, loadCustomerPeriod, vectorsAvailable } from './customer-period-vectors.ts';
import { noDataMessage, periodMonths, resolvePeriod, type Period } from './periods.ts';
import { shareBar, shareBarColumns, shareBarsChart, type ShareBar } from './share-bars.ts';
import { surveyLoyaltyCte } from './survey-loyalty.ts';
import { vlCellRows, vlLoyalty, vlStats, vlValues, type VlCuts } from './value-loyalty-numerics.ts';
import { valueNotes, valueSource, type ValueSource } from './value-source.ts';
import { periodOptions } from './options.ts';

/** Loyalty measures. */
export type LoyaltyMeasure = 'tenure' | 'repeat_rate' | 'active_months' | 'survey';

/** The options of `value-loyalty`: the period, the two measures, their cut-offs and the scatter bins. */
export const valueLoyaltyOptions = defineOptions([
  ...periodOptions,
  {
    name: 'value',
    type: 'enum',
    values: ['auto', 'profit', 'revenue'],
    default: 'auto',
    description: 'Value: profit when cost data exists (auto), or revenue.',
  },
  {
    name: 'loyalty',
    type: 'enum',
    values: ['tenure', 'repeat_rate', 'active_months', 'survey'],
    default: 'active_months',
    description:
      'Loyalty: tenure in months, repeat-purchase rate (orders − 1)/orders, share of months active, or survey (repurchase intent / satisfaction, 0–1).',
  },
  { name: 'value_cutoff', type: 'number', description: 'Value cut-off over the period (default: median).' },
  { name: 'loyalty_cutoff', type: 'number', description: 'Loyalty cut-off (default: median).' },
  {
    name: 'bins',
    type: 'integer',
    min: 2,
    max: 100,
    default: 30,
    description: 'Bins per axis of the aggregated scatter.',
  },
]);

/** Options of the `value-loyalty` analysis, as `run` receives them. */
export type ValueLoyaltyOptions = OptionValues<typeof valueLoyaltyOptions>;

/** The four cells, their labels and strategies (docs/analyses/segmentation.md). */
export const quadrants = [
  {
    cell: 'core',
    label: 'Core: high value, high loyalty',
    strategy: 'Serve best: priority service, recognition, the best offers.',
    high_value: true,
    high_loyalty: true,
  },
  {
    cell: 'stabilise',
    label: 'High value, low loyalty',
    strategy: 'Stabilise: biggest loss risk; win loyalty with contracts, bundles, personal contact.',
    high_value: true,
    high_loyalty: false,
  },
  {
    cell: 'general',
    label: 'Low value, high loyalty',
    strategy: 'Cover with general policies: standard loyalty programme, low-cost service.',
    high_value: false,
    high_loyalty: true,
  },
  {
    cell: 'minimal',
    label: 'Low value, low loyalty',
    strategy: 'No special attention: serve efficiently, do not invest.',
    high_value: false,
    high_loyalty: false,
  },
] as const;

/** SQL expression of the loyalty measure on the customer-period CTE (`cur`) joined to survey scores (`sv`). */
export function loyaltyExpr(l: LoyaltyMeasure): string {
  switch (l) {
    case 'tenure':
      return 'tenure_months';
    case 'repeat_rate':
      return '(orders - 1)::DOUBLE / orders';
    case 'active_months':
      return 'least(1.0, active_months / $3::DOUBLE)';
    case 'survey':
      return 'sv.loyalty';
  }
}

/**
 * Per-customer value and loyalty (CTE `vl`). Survey loyalty = the customer's mean repurchase
 * intent (1–5 → 0–1) when recorded, else mean satisfaction rescaled from its declared scale to 0–1.
 */
function vlCte(
  source: ValueSource,
  value: 'profit' | 'revenue',
  loyalty: LoyaltyMeasure,
  period: Period,
  signupDates: boolean,
): string {
  const survey = loyalty === 'survey' ? `, ${surveyLoyaltyCte()}` : '';
  return `${buildCustomerPeriodCte({ name: 'cur', start: '$1', end: '$2', period, source, signupDates, withProfit: value === 'profit' })}${survey},
vl AS (SELECT cur.customer_id, $3::DOUBLE AS months, ${value} AS value, ${loyaltyExpr(loyalty)} AS loyalty FROM cur${loyalty === 'survey' ? ' LEFT JOIN sv ON sv.customer_id = cur.customer_id' : ''})`;
}

/** Medians and ranges of value and loyalty, over customers with a loyalty value. Parameters: $1 start, $2 end, $3 months. */
export function buildValueLoyaltyStatsQuery(
  source: ValueSource,
  value: 'profit' | 'revenue',
  loyalty: LoyaltyMeasure,
  period: Period,
  signupDates = false,
): string {
  return `WITH ${vlCte(source, value, loyalty, period, signupDates)}
SELECT count(*) AS customers, count(loyalty) AS with_loyalty,
  median(value) FILTER (WHERE loyalty IS NOT NULL) AS value_median, median(loyalty) AS loyalty_median,
  quantile_cont(value, 0.01) FILTER (WHERE loyalty IS NOT NULL) AS value_lo, quantile_cont(value, 0.99) FILTER (WHERE loyalty IS NOT NULL) AS value_hi,
  min(loyalty) AS loyalty_lo, max(loyalty) AS loyalty_hi
FROM vl`;
}

/**
 * Cells and the binned scatter in one pass. Parameters: $1 start, $2 end, $3 months, $4 value cut-off,
 * $5 loyalty cut-off, $6 value bin low, $7 value bin high, $8 loyalty low, $9 loyalty high, $10 bins.
 * Values outside the 1st–99th percentile are clamped into the edge bins. Rows come in a total order
 * (a bin straddling a cut-off is two rows, and `valueLoyaltyBins` colours a tie by the first).
 */
export function buildValueLoyaltyQuery(
  source: ValueSource,
  value: 'profit' | 'revenue',
  loyalty: LoyaltyMeasure,
  period: Period,
  signupDates = false,
): string {
  const bin = (x: string, lo: number, hi: number) =>
    `coalesce(least($10::INTEGER - 1, greatest(0, floor((${x} - $${lo}::DOUBLE) / nullif($${hi}::DOUBLE - $${lo}::DOUBLE, 0) * $10::INTEGER)))::INTEGER, 0)`;
  return `WITH ${vlCte(source, value, loyalty, period, signupDates)},
q AS (SELECT *, value >= $4::DOUBLE AS high_value, loyalty >= $5::DOUBLE AS high_loyalty,
  ${bin('value', 6, 7)} AS vbin, ${bin('loyalty', 8, 9)} AS lbin
  FROM vl WHERE loyalty IS NOT NULL)
SELECT high_value, high_loyalty, vbin, lbin, count(*) AS customers, sum(value) AS value, sum(loyalty) AS loyalty
FROM q GROUP BY high_value, high_loyalty, vbin, lbin ORDER BY vbin, lbin, high_value, high_loyalty`;
}

/** Cell totals from the binned rows (pure): counts, value, shares, average loyalty. */
export function valueLoyaltyCells(rows: readonly Row[]): Row[] {
  const total = rows.reduce((s, r) => s + num(r.customers), 0);
  const totalValue = rows.reduce((s, r) => s + num(r.value), 0);
  return quadrants.map((q) => {
    const rs = rows.filter((r) => r.high_value === q.high_value && r.high_loyalty === q.high_loyalty);
    const customers = rs.reduce((s, r) => s + num(r.customers), 0);
    const value = rs.reduce((s, r) => s + num(r.value), 0);
    return {
      cell: q.cell,
      label: q.label,
      strategy: q.strategy,
      customers,
      customer_share: ratio(customers, total),
      value,
      value_share: ratio(value, totalValue),
      avg_value: ratio(value, customers),
      avg_loyalty: ratio(
        rs.reduce((s, r) => s + num(r.loyalty), 0),
        customers,
      ),
    };
  });
}

/** Binned scatter points (pure): bin centres in value/loyalty units with counts and the cell. */
export function valueLoyaltyBins(
  rows: readonly Row[],
  lo: [number, number],
  hi: [number, number],
  bins: number,
): Row[] {
  const acc = new Map<string, Row>();
  for (const r of rows) {
    const key = `${num(r.vbin)}|${num(r.lbin)}`;
    const cell =
      quadrants.find((q) => q.high_value === r.high_value && q.high_loyalty === r.high_loyalty)?.cell ?? 'minimal';
    const prev = acc.get(key);
    // A bin that straddles a cut-off arrives as two rows; draw one dot coloured by its majority cell.
    if (prev && num(prev.customers) >= num(r.customers)) {
      prev.customers = num(prev.customers) + num(r.customers);
      continue;
    }
    acc.set(key, {
      value: lo[0] + ((num(r.vbin) + 0.5) * (hi[0] - lo[0])) / bins,
      loyalty: lo[1] + ((num(r.lbin) + 0.5) * (hi[1] - lo[1])) / bins,
      customers: num(r.customers) + num(prev?.customers),
      cell,
    });
  }
  return [...acc.values()];
}

/** Findings in a consultant's words. */
export function valueLoyaltyFindings(cells: readonly Row[], valueName: string): Finding[] {
  const c = (id: string) => cells.find((r) => r.cell === id)!;
  const core = c('core');
  const stab = c('stabilise');
  const what = valueName === 'profit' ? 'term.profit' : 'term.revenue';
  const total = cells.reduce((s, r) => s + num(r.value), 0);
  return [
    finding(
      'core',
      'value_loyalty.core',
      {
        customers: tv.percent(num(core.customer_share)),
        value: shareOfClause(num(core.value_share), what, 'term.other_cells', { value: num(core.value), total }),
        share: tv.percent(num(core.value_share)),
      },
      'share',
    ),
    num(stab.customers) === 0
      ? finding('stabilise', 'value_loyalty.stabilise.none', {})
      : total <= 0
        ? finding(
            'stabilise',
            'value_loyalty.stabilise.amount',
            {
              customers: tv.percent(num(stab.customer_share)),
              value: shareOfClause(num(stab.value_share), what, 'term.other_cells', { value: num(stab.value), total }),
            },
            'customers',
          )
        : finding(
            'stabilise',
            'value_loyalty.stabilise',
            {
              customers: tv.percent(num(stab.customer_share)),
              share: tv.percent(num(stab.value_share)),
              what: term(what),
            },
            'share',
          ),
  ];
}

/**
 * The aggregated scatter: one dot per value × loyalty bin (area = customers), the two cut-off
 * lines, and each quadrant's name in its corner of the frame — corners stay clear of the dense
 * middle, where labels placed at quadrant centres would sit on top of the dots.
 */
function scatterChart(valueName: string, loyaltyName: string, vc: number, lc: number): ChartSpec {
  const corner = (label: string, frameAnchor: string, dx: number, dy: number) => ({
    type: 'text' as const,
    rows: [{ label }],
    text: 'label',
    options: { frameAnchor, dx, dy, fontWeight: 'bold', fontSize: 12, fillOpacity: 0.7 },
  });
  return {
    id: 'value-loyalty',
    title: `Value × loyalty (${valueName} vs ${loyaltyName})`,
    subtitle: 'Customers aggregated into bins; dot area = customers; dashed lines = cut-offs',
    data: 'bins',
    x: { label: valueName, grid: true },
    y: { label: loyaltyName, grid: true },
    color: { legend: true, domain: quadrants.map((q) => q.cell) },
    marks: [
      { type: 'dot', x: 'value', y: 'loyalty', r: 'customers', fill: 'cell', options: { fillOpacity: 0.6, tip: true } },
      { type: 'ruleX', values: [vc], options: { strokeDasharray: '4,3' } },
      { type: 'ruleY', values: [lc], options: { strokeDasharray: '4,3' } },
      corner('core ↗', 'top-right', -4, 4),
      corner('stabilise ↘', 'bottom-right', -4, -4),
      corner('↖ general policies', 'top-left', 4, 4),
      corner('↙ no special attention', 'bottom-left', 4, -4),
    ],
  };
}

/** Long-format shares per cell (customers vs value) for the bar chart. */
export function cellShareBars(cells: readonly Row[]): ShareBar[] {
  return cells.flatMap((c) => [
    shareBar(String(c.cell), 'customers', num(c.customer_share)),
    shareBar(String(c.cell), 'value', num(c.value_share)),
  ]);
}

const loyaltyNames: Record<LoyaltyMeasure, string> = {
  tenure: 'tenure (months)',
  repeat_rate: 'repeat-purchase rate',
  active_months: 'share of months active',
  survey: 'survey loyalty (0–1)',
};

/** Stats row and cell rows of the matrix, however they were computed. */
interface VlData {
  stats: Row;
  /** The cell × bin rows for cut-offs and bounds (runs only when the stats allow). */
  rows(cuts: VlCuts): Promise<Row[]>;
}

/** The reference: both queries in SQL on the raw tables. */
async function vlDataSql(
  db: SqlConnection,
  source: ValueSource,
  value: 'profit' | 'revenue',
  loyalty: LoyaltyMeasure,
  period: Period,
  signup: boolean,
): Promise<VlData> {
  const base = [period.start, period.end, periodMonths(period)];
  const stats = toRows(await db.query(buildValueLoyaltyStatsQuery(source, value, loyalty, period, signup), base))[0]!;
  return {
    stats,
    rows: async (c) =>
      toRows(
        await db.query(buildValueLoyaltyQuery(source, value, loyalty, period, signup), [
          ...base,
          c.valueCutoff,
          c.loyaltyCutoff,
          c.lo[0],
          c.hi[0],
          c.lo[1],
          c.hi[1],
          c.bins,
        ]),
      ),
  };
}

/** The same from the per-customer vectors kept for the period (engine context). */
async function vlDataPrepared(
  ctx: AnalysisContext,
  source: ValueSource,
  value: 'profit' | 'revenue',
  loyalty: LoyaltyMeasure,
  period: Period,
  signup: boolean,
): Promise<VlData> {
  const v = await loadCustomerPeriod(ctx, { period, source, signupDates: signup, survey: loyalty === 'survey' });
  const values = vlValues(v, value);
  const loyal = vlLoyalty(v, loyalty, periodMonths(period));
  return { stats: vlStats(values, loyal), rows: async (c) => vlCellRows(values, loyal, c) };
}

/**
 * Runs the matrix. With the engine's context (`memo`, `numeric`) from per-customer vectors kept
 * per dataset version and period; with only a connection in SQL on the raw tables (the reference,
 * tests/engine/segmentation-prepared.test.ts).
 */
export async function runValueLoyalty(ctx: AnalysisContext, o: ValueLoyaltyOptions): Promise<AnalysisResult> {
  const { profile } = ctx;
  const source = valueSource(profile);
  const signup = hasColumn(profile, 'customers', 'signup_date');
  const range = await keptDataRange(ctx);
  const period = resolvePeriod(o.period_start, o.period_end, range);
  const notes: string[] = [];
  const noteRefs: Record<number, MessageRef> = {};
  const value: 'profit' | 'revenue' = o.value === 'revenue' || !source.profit ? 'revenue' : 'profit';
  if (value === 'profit')
    notes.push('Value is profit per customer (revenue − cost − cost to serve) over the period.', ...valueNotes(source));
  else
    notes.push(
      o.value === 'revenue'
        ? 'Value is revenue, as chosen.'
        : 'Value is revenue: the data has no costs, so profit cannot be computed.',
    );
  let loyalty = o.loyalty;
  if (loyalty === 'survey' && !hasTable(profile, 'surveys')) {
    loyalty = 'active_months';
    notes.push('No surveys: loyalty is measured from behaviour (share of months with a purchase) instead.');
  }
  const data = vectorsAvailable(ctx)
    ? await vlDataPrepared(ctx, source, value, loyalty, period, signup)
    : await vlDataSql(ctx.db, source, value, loyalty, period, signup);
  const { stats } = data;
  if (num(stats.customers) === 0) throw new Error(noDataMessage('value-loyalty', period, range));
  if (num(stats.with_loyalty) < num(stats.customers)) {
    const missing = num(stats.customers) - num(stats.with_loyalty);
    const ref = clause('value_loyalty.note.no_answer', { customers: tv.count(missing) }) as MessageRef;
    noteRefs[notes.length] = ref;
    notes.push(english(ref));
  }
  if (num(stats.with_loyalty) === 0)
    throw new Error(
      'value-loyalty: no active customer in the period answered a survey; choose a behavioural loyalty measure',
    );
  const vc = o.value_cutoff ?? num(stats.value_median);
  const lc = o.loyalty_cutoff ?? num(stats.loyalty_median);
  const lo: [number, number] = [num(stats.value_lo), num(stats.loyalty_lo)];
  const hi: [number, number] = [num(stats.value_hi), num(stats.loyalty_hi)];
  const rows = await data.rows({ valueCutoff: vc, loyaltyCutoff: lc, lo, hi, bins: o.bins });
  const cells = valueLoyaltyCells(rows);
  const bins = valueLoyaltyBins(rows, lo, hi, o.bins);
  const shares = cellShareBars(cells);
  // A message, so the note reads in the reader's language (the English is the same sentence).
  const cutoffs = clause('value_loyalty.note.cutoffs', {
    value_how: term(o.value_cutoff === undefined ? 'term.cutoff.median' : 'term.cutoff.set'),
    value: tv.decimal(vc, 2),
    loyalty_how: term(o.loyalty_cutoff === undefined ? 'term.cutoff.median' : 'term.cutoff.set'),
    loyalty: tv.decimal(lc, 2),
    from: text(period.start),
    to: text(period.end),
  }) as MessageRef;
  noteRefs[notes.length] = cutoffs;
  notes.push(english(cutoffs));
  const str = { type: 'VARCHAR', kind: 'string' as const };
  const dbl = { type: 'DOUBLE', kind: 'number' as const };
  const cols = (r: Row | undefined) =>
    Object.keys(r ?? {}).map((name) => ({ name, ...(typeof r?.[name] === 'string' ? str : dbl) }));
  return {
    tables: {
      cells: fromRows(cells, cols(cells[0])),
      bins: fromRows(bins, cols(bins[0])),
      cell_shares: fromRows(shares, shareBarColumns),
    },
    scalars: {
      value_measure: value,
      loyalty_measure: loyalty,
      value_cutoff: vc,
      loyalty_cutoff: lc,
      customers: num(stats.with_loyalty),
      core_share: num(cells[0]?.customer_share),
    },
    charts: [
      scatterChart(value, loyaltyNames[loyalty], vc, lc),
      shareBarsChart({
        id: 'value-loyalty-cells',
        title: `Share of customers vs share of ${value} per cell`,
        data: 'cell_shares',
        bars: shares,
        groups: quadrants.map((q) => q.cell),
        series: ['customers', 'value'],
      }),
    ],
    findings: valueLoyaltyFindings(cells, value),
    notes,
    noteRefs,
  };
}

/** The `value-loyalty` analysis. */
export const valueLoyaltyDefinition: AnalysisDefinition<typeof valueLoyaltyOptions> = {
  id: 'value-loyalty',
  title: 'Value × loyalty matrix',
  description:
    'Four cells — core, stabilise, general policies, no special attention — by value (profit or revenue) and loyalty.',
  requires: ['transactions'],
  options: valueLoyaltyOptions,
  run: (ctx, o) => runValueLoyalty(ctx, o),
};
