/**
 * Tier migration between two periods, and the early-warning list of slipping core customers
 * (full churn: no purchase in the later period; partial churn: still buying, but much less).
 * Customers are re-graded each period because value and loyalty move; the transition matrix
 * shows who moved up, down, arrived (`new`) and left (`gone`).
 */
import { chartTexts, msg } from '../messages/chart-words.ts';
import type { MessageParam, MessageRef } from '../messages/render.ts';
import { english } from '../messages/localise.ts';
import type { ChartSpec } from '../../charts/spec.ts';
import { fromRows, toRows, type ColumnInfo, type Row } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import { defineOptions } from '../options.ts';
import { money } from '../../format/number.ts';
import { tv } from '../../format/typed.ts';
import { clause, finding, list, term, text } from '../messages/finding.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { keptDataRange, vectorsAvailable } from './customer-period-vectors.ts';
import {
  coreCount,
  earlyValues,
  earlyWarningRows,
  flagEarlyWarning,
  gradeMigration,
  listedIds,
  loadMigrationBase,
  migrationMatrixRows,
} from './migration-numerics.ts';
import { quantileThresholds } from './tier-numerics.ts';
import { num, ratio } from './format.ts';
import { buildCoreCountQuery, buildEarlyWarningQuery, buildMigrationMatrixQuery } from './migration-sql.ts';
import {
  addDays,
  checkPeriod,
  periodMessage,
  noDataMessage,
  periodMonths,
  windowEndingOn,
  type DataRange,
  type Period,
} from './periods.ts';
import { resolveThresholds, type TierMethod, type TierSqlParams } from './tier-assign.ts';
import { checkThresholds, tierNames, tierQuantiles } from './tier-names.ts';
import { tierOptionSpecs } from './options.ts';
import { measureMessage, resolveMeasure, valueNotes, valueSource } from './value-source.ts';
import { notApplicable } from '../not-applicable.ts';

/** Row label for customers with no activity in the earlier period. */
export const NEW = 'new';
/** Column label for customers with no activity in the later period. */
export const GONE = 'gone';

/** The options of `migration`: two periods, the tier ladder, and the early-warning list. */
export const migrationOptions = defineOptions([
  {
    name: 'early_start',
    type: 'date',
    description: 'First day of the earlier period (default: the 12 months before the later period).',
  },
  {
    name: 'early_end',
    type: 'date',
    description: 'Last day of the earlier period (default: the day before the later period).',
  },
  {
    name: 'late_start',
    type: 'date',
    description: 'First day of the later period (default: 12 months before late_end).',
  },
  { name: 'late_end', type: 'date', description: 'Last day of the later period (default: the last transaction date).' },
  {
    name: 'months',
    type: 'integer',
    min: 1,
    max: 120,
    default: 12,
    description: 'Length of each default period in months.',
  },
  ...tierOptionSpecs,
  {
    name: 'core_tiers',
    type: 'integer',
    min: 1,
    max: 20,
    default: 2,
    description: 'How many top tiers are core customers for the early-warning list.',
  },
  {
    name: 'drop',
    type: 'number',
    min: 0,
    max: 1,
    default: 0.5,
    description: 'Partial churn: monthly value down by more than this share of the customer’s own earlier level.',
  },
  {
    name: 'limit',
    type: 'integer',
    min: 1,
    max: 1000000,
    default: 500,
    description: 'Most rows in the early-warning list (ranked by value at risk).',
  },
]);

/** Options of the `migration` analysis, as `run` receives them. */
export type MigrationOptions = OptionValues<typeof migrationOptions>;

/** The two periods: user dates, or the last `months` months to the data's end vs the `months` before. */
export function migrationPeriods(
  o: Pick<MigrationOptions, 'early_start' | 'early_end' | 'late_start' | 'late_end' | 'months'>,
  range: DataRange,
): { early: Period; late: Period } {
  const lateEnd = o.late_end ?? range.last;
  const late = checkPeriod(
    { start: o.late_start ?? windowEndingOn(lateEnd, o.months).start, end: lateEnd },
    'later period',
  );
  const earlyEnd = o.early_end ?? addDays(late.start, -1);
  const early = checkPeriod(
    { start: o.early_start ?? windowEndingOn(earlyEnd, o.months).start, end: earlyEnd },
    'earlier period',
  );
  return { early, late };
}

/** One cell of the transition matrix. */
export interface MigrationCell extends Row {
  from_tier: string;
  to_tier: string;
  from_order: number;
  to_order: number;
  customers: number;
  early_value: number;
  late_value: number;
  /** later − earlier value: what the move gained or cost (a whole loss for `gone`, a whole gain for `new`). */
  value_change: number;
  /** Share of the row (earlier tier, or new) that ended in this column. */
  row_share: number;
  /** −1 down / 0 same / 1 up; null for new and gone. */
  direction: number | null;
}

/**
 * The full matrix (pure): every (from, to) pair including `new` rows and `gone` columns, zeros
 * filled; order 0 = new/gone, then tiers from lowest (1) to highest.
 */
export function migrationMatrix(rows: readonly Row[], names: readonly string[]): MigrationCell[] {
  const key = (f: unknown, t: unknown) => `${f === null ? 'n' : num(f)}|${t === null ? 'g' : num(t)}`;
  const byKey = new Map(rows.map((r) => [key(r.from_tier, r.to_tier), r]));
  const rowTotal = new Map<string, number>();
  for (const r of rows) {
    const f = r.from_tier === null ? 'n' : String(num(r.from_tier));
    rowTotal.set(f, (rowTotal.get(f) ?? 0) + num(r.customers));
  }
  const tiers: (number | null)[] = [null, ...names.map((_, i) => i)];
  const out: MigrationCell[] = [];
  for (const f of tiers) {
    for (const t of tiers) {
      if (f === null && t === null) continue;
      const r = byKey.get(key(f, t));
      const customers = num(r?.customers);
      out.push({
        from_tier: f === null ? NEW : names[f]!,
        to_tier: t === null ? GONE : names[t]!,
        from_order: f === null ? 0 : f + 1,
        to_order: t === null ? 0 : t + 1,
        customers,
        early_value: num(r?.early_value),
        late_value: num(r?.late_value),
        value_change: num(r?.late_value) - num(r?.early_value),
        row_share: ratio(customers, rowTotal.get(f === null ? 'n' : String(f)) ?? 0),
        direction: f === null || t === null ? null : Math.sign(t - f),
      });
    }
  }
  return out;
}

/** Per-tier counts in each period and where the earlier tier's customers went (pure). */
export function migrationTierSummary(matrix: readonly MigrationCell[], names: readonly string[]): Row[] {
  return names
    .map((tier) => {
      const from = matrix.filter((c) => c.from_tier === tier);
      const to = matrix.filter((c) => c.to_tier === tier);
      const early = from.reduce((s, c) => s + c.customers, 0);
      const sum = (d: number | null) =>
        from.filter((c) => c.direction === d && c.to_tier !== GONE).reduce((s, c) => s + c.customers, 0);
      return {
        tier,
        early_customers: early,
        late_customers: to.reduce((s, c) => s + c.customers, 0),
        stayed: sum(0),
        moved_up: sum(1),
        moved_down: sum(-1),
        gone: from.find((c) => c.to_tier === GONE)?.customers ?? 0,
        new: matrix.find((c) => c.from_tier === NEW && c.to_tier === tier)?.customers ?? 0,
      };
    })
    .reverse();
}

/** Findings on movement and on the early-warning list (pure). */
export function migrationFindings(
  matrix: readonly MigrationCell[],
  warn: { core: number; full: number; partial: number; atRisk: number; drop: number; coreNames: string[] },
): Finding[] {
  const early = matrix.filter((c) => c.from_tier !== NEW);
  const total = early.reduce((s, c) => s + c.customers, 0);
  const share = (pred: (c: MigrationCell) => boolean) =>
    ratio(
      early.filter(pred).reduce((s, c) => s + c.customers, 0),
      total,
    );
  const newCount = matrix.filter((c) => c.from_tier === NEW).reduce((s, c) => s + c.customers, 0);
  return [
    finding(
      'movement',
      'migration.movement',
      {
        total: tv.count(total),
        up: tv.percent(share((c) => c.direction === 1)),
        down: tv.percent(share((c) => c.direction === -1)),
        gone: tv.percent(share((c) => c.to_tier === GONE)),
        arrived: tv.count(newCount),
      },
      'gone',
    ),
    warn.core === 0
      ? finding('early_warning', 'migration.no_core', {}, undefined, warn.atRisk)
      : finding(
          'early_warning',
          'migration.early_warning',
          {
            core: tv.count(warn.core),
            names: list(warn.coreNames.map(text)),
            full: tv.percent(ratio(warn.full, warn.core)),
            partial: tv.percent(ratio(warn.partial, warn.core)),
            drop: tv.percent(warn.drop),
            at_risk: tv.money(warn.atRisk, 0),
          },
          'at_risk',
        ),
  ];
}

/** Heat matrices over the transition table: customers (fill = share of the row) and the value each move gained or cost. */
function matrixCharts(
  names: readonly string[],
  sub: MessageRef,
  measure: 'revenue' | 'profit' | 'orders',
  texts: ReturnType<typeof chartTexts>,
): ChartSpec[] {
  const what = term(measure === 'orders' ? 'term.orders' : `term.${measure}`);
  const axes = {
    height: 360,
    marginLeft: 90,
    x: { label: 'Later period tier', type: 'band' as const, domain: [GONE, ...names] },
    y: { label: 'Earlier period tier', type: 'band' as const, domain: [...names].reverse().concat(NEW) },
  };
  return [
    {
      id: 'migration-matrix',
      title: 'Tier migration: where each tier’s customers went',
      subtitle: texts.of('migration-matrix').set('subtitle', msg('migration.chart.matrix.subtitle', { sub })),
      data: 'matrix',
      ...axes,
      color: { scheme: 'blues', legend: true, label: 'Share of row', tickFormat: '.0%' },
      marks: [
        { type: 'cell', x: 'to_tier', y: 'from_tier', fill: 'row_share', options: { inset: 1, tip: true } },
        { type: 'text', x: 'to_tier', y: 'from_tier', text: 'customers', textFormat: ',d', options: { fontSize: 10 } },
      ],
    },
    {
      id: 'migration-value',
      title: texts.of('migration-value').set('title', msg('migration.chart.value.title', { what })),
      subtitle: texts.of('migration-value').set('subtitle', msg('migration.chart.value.subtitle', { sub })),
      data: 'matrix',
      ...axes,
      color: {
        type: 'diverging',
        scheme: 'rdbu',
        legend: true,
        label: texts.of('migration-value').set('color', msg('migration.chart.value.color', { what })),
        tickFormat: '.2s',
      },
      marks: [
        { type: 'cell', x: 'to_tier', y: 'from_tier', fill: 'value_change', options: { inset: 1, tip: true } },
        {
          type: 'text',
          x: 'to_tier',
          y: 'from_tier',
          text: 'value_change',
          textFormat: '.2s',
          options: { fontSize: 10 },
        },
      ],
    },
  ];
}

const cols = (r: Row | undefined, strings: readonly string[]): ColumnInfo[] =>
  Object.keys(r ?? {}).map((name) =>
    strings.includes(name)
      ? { name, type: 'VARCHAR', kind: 'string' }
      : name === 'last_purchase'
        ? { name, type: 'DATE', kind: 'date' }
        : { name, type: 'DOUBLE', kind: 'number' },
  );

/** What `runMigration` needs from either path: thresholds, transition rows, early-warning rows and the core count. */
interface MigrationRows {
  thresholds: number[];
  rows: Row[];
  warnRows: Row[];
  core: () => Promise<number>;
}

/** The raw-table path: the SQL of migration-sql.ts (the reference). */
async function migrationRowsSql(
  db: SqlConnection,
  params: TierSqlParams,
  t: { method: TierMethod; quantiles: number[]; amounts: number[] },
  periods: { early: Period; late: Period },
  range: DataRange,
  coreMin: number,
  o: MigrationOptions,
): Promise<MigrationRows> {
  const { early, late } = periods;
  const thresholds = await resolveThresholds(db, { ...params, ...t }, early, range, 'migration', 'earlier period');
  const k = thresholds.length;
  const base = [early.start, early.end, periodMonths(early), late.start, late.end, periodMonths(late), ...thresholds];
  const rows = toRows(await db.query(buildMigrationMatrixQuery(params, periods, k), base));
  if (!rows.some((r) => r.to_tier !== null)) throw new Error(noDataMessage('migration', late, range, 'later period'));
  const warnRows = toRows(
    await db.query(buildEarlyWarningQuery(params, periods, k), [...base, coreMin, o.drop, o.limit]),
  );
  return {
    thresholds,
    rows,
    warnRows,
    core: async () => num((await db.query(buildCoreCountQuery(params, periods, k), [...base, coreMin])).data[0]?.[0]),
  };
}

/** The engine's path: numerics on the per-customer base kept per dataset version (migration-numerics.ts). */
async function migrationRowsPrepared(
  ctx: AnalysisContext,
  params: TierSqlParams,
  t: { method: TierMethod; quantiles: number[]; amounts: number[] },
  periods: { early: Period; late: Period },
  range: DataRange,
  coreMin: number,
  o: MigrationOptions,
): Promise<MigrationRows> {
  const { early, late } = periods;
  const b = await loadMigrationBase(ctx, params.source, params.measure, periods);
  const em = periodMonths(early);
  const values = earlyValues(b, em);
  if (values.length === 0) throw new Error(noDataMessage('migration', early, range, 'earlier period'));
  const thresholds = t.method === 'amounts' ? [...t.amounts] : quantileThresholds(values, t.quantiles);
  const g = gradeMigration(b, thresholds, em, periodMonths(late));
  const rows = migrationMatrixRows(b, g);
  if (!rows.some((r) => r.to_tier !== null)) throw new Error(noDataMessage('migration', late, range, 'later period'));
  const flags = flagEarlyWarning(b, g, coreMin, o.drop, o.limit);
  const warnRows = earlyWarningRows(b, g, flags, await listedIds(ctx, b, flags.listed));
  return { thresholds, rows, warnRows, core: async () => coreCount(g, coreMin) };
}

/** Runs migration and early warning: in the engine from prepared data, or with only `db` and `profile` on the raw tables. */
export async function runMigration(
  ctx: AnalysisContext,
  source: ReturnType<typeof valueSource>,
  o: MigrationOptions,
): Promise<AnalysisResult> {
  const range = await keptDataRange(ctx);
  const { early, late } = migrationPeriods(o, range);
  // With the default periods (the data's last 12 months and the 12 before), data that starts after
  // the earlier period has nothing to compare: the analysis does not apply. Periods the user chose
  // and the data misses stay an error: the user asked for them.
  const defaultEarly = o.early_start === undefined && o.early_end === undefined;
  if (defaultEarly && range.first > early.end) {
    return notApplicable(
      `Migration compares the customers' tiers in two periods of ${o.months} months; the data runs from ${range.first} to ${range.last}, so there is no earlier period before ${late.start} to compare with. It needs transactions from at least ${o.months} months before the last one, or shorter periods (option months).`,
    );
  }
  const { measure, notes: mNotes } = resolveMeasure(o.measure, source);
  const names = tierNames(o.tier_names, o.language);
  if (o.core_tiers < 1 || o.core_tiers > names.length)
    throw new Error(`invalid core_tiers: ${o.core_tiers} (between 1 and ${names.length})`);
  const params: TierSqlParams = { source, measure };
  const quantiles = o.method === 'quantiles' ? tierQuantiles(names.length, o.quantiles) : [];
  const amounts = o.method === 'amounts' ? checkThresholds(names.length, o.thresholds ?? []) : [];
  const coreMin = names.length - o.core_tiers;
  const t = { method: o.method, quantiles, amounts };
  const got = vectorsAvailable(ctx)
    ? await migrationRowsPrepared(ctx, params, t, { early, late }, range, coreMin, o)
    : await migrationRowsSql(ctx.db, params, t, { early, late }, range, coreMin, o);
  const { thresholds, rows } = got;
  const matrix = migrationMatrix(rows, names);
  const warnRows = got.warnRows.map((r): Row => ({
    ...r,
    from_tier: names[num(r.from_tier)] ?? null,
    to_tier: r.to_tier === null ? GONE : (names[num(r.to_tier)] ?? null),
  }));
  const core = warnRows.length ? num(warnRows[0]!.core_customers) : await got.core();
  const first = warnRows[0];
  const warn = {
    core,
    full: num(first?.full_count),
    partial: num(first?.partial_count),
    atRisk: num(first?.total_at_risk),
    drop: o.drop,
    coreNames: names.slice(coreMin),
  };
  const warnList = warnRows.map((r) => ({
    customer_id: r.customer_id ?? null,
    status: r.status ?? null,
    from_tier: r.from_tier ?? null,
    to_tier: r.to_tier ?? null,
    early_monthly: r.early_monthly ?? null,
    late_monthly: r.late_monthly ?? null,
    change: r.change ?? null,
    last_purchase: r.last_purchase ?? null,
    value_at_risk: r.value_at_risk ?? null,
  }));
  const tierSummary = migrationTierSummary(matrix, names);
  const sub = msg('migration.chart.sub', {
    early: periodMessage(early),
    late: periodMessage(late),
    measure: measureMessage(measure),
  });
  const texts = chartTexts();
  return {
    tables: {
      matrix: fromRows(matrix, cols(matrix[0], ['from_tier', 'to_tier'])),
      tiers: fromRows(tierSummary, cols(tierSummary[0], ['tier'])),
      early_warning: fromRows(
        warnList,
        cols(
          {
            customer_id: '',
            status: '',
            from_tier: '',
            to_tier: '',
            early_monthly: 0,
            late_monthly: 0,
            change: 0,
            last_purchase: null,
            value_at_risk: 0,
          },
          ['customer_id', 'status', 'from_tier', 'to_tier'],
        ),
      ),
    },
    scalars: {
      early_start: early.start,
      early_end: early.end,
      late_start: late.start,
      late_end: late.end,
      core_customers: core,
      full_churn: warn.full,
      partial_churn: warn.partial,
      value_at_risk: warn.atRisk,
    },
    charts: matrixCharts(names, sub, measure === 'spend' ? 'revenue' : measure, texts),
    chartText: texts.chartText,
    findings: migrationFindings(matrix, warn),
    ...migrationNotes(
      [...mNotes, ...(measure === 'profit' ? valueNotes(source) : [])],
      [
        clause('migration.note.thresholds', { thresholds: text(thresholds.map((t) => money(t, 0)).join(', ')) }),
        clause('note.migration.new_gone'),
        clause('migration.note.early_warning', {
          names: list(names.slice(coreMin).map(text)),
          measure: term(measure === 'spend' ? 'term.spend' : measure === 'profit' ? 'term.profit' : 'term.orders'),
          drop: tv.percent(o.drop),
          tail:
            warnList.length < warn.full + warn.partial
              ? clause('migration.note.list_top', {
                  shown: tv.count(warnList.length),
                  total: tv.count(warn.full + warn.partial),
                })
              : clause('common.empty'),
        }),
      ],
    ),
  };
}

/** Notes: fixed sentences (found in the catalogue by their English), then messages with numbers. */
function migrationNotes(fixed: string[], refs: MessageParam[]): Pick<AnalysisResult, 'notes' | 'noteRefs'> {
  const noteRefs: Record<number, MessageRef> = {};
  refs.forEach((r, i) => (noteRefs[fixed.length + i] = r as MessageRef));
  return { notes: [...fixed, ...refs.map((r) => english(r as MessageRef))], noteRefs };
}

/** The `migration` analysis. */
export const migrationDefinition: AnalysisDefinition<typeof migrationOptions> = {
  id: 'migration',
  title: 'Tier migration and early warning',
  description:
    'Tier transition matrix between two periods (with new and gone) and the early-warning list of core customers who churned fully or partially.',
  requires: ['transactions'],
  options: migrationOptions,
  run: (ctx, o) => runMigration(ctx, valueSource(ctx.profile), o),
};
