/**
 * RFM: recency, frequency and monetary scores per customer, and named segments from the R × F
 * grid (Hughes 1994, "Strategic Database Marketing"). Scores are quantile bins computed in SQL:
 * score = min(bins, 1 + ⌊bins × percent_rank⌋), so tied customers always share a score
 * (one-time buyers all get F = 1) and the highest score holds the most recent / most frequent /
 * biggest spenders.
 */
import type { ChartSpec } from '../../charts/spec.ts';
import { fromRows, toRows, type Row } from '../../sql/table.ts';
import { defineOptions } from '../options.ts';
import { tv } from '../../format/typed.ts';
import { clause, finding, term, text } from '../messages/finding.ts';
import type { FindingKey } from '../messages/catalogs.ts';
import { english } from '../messages/localise.ts';
import type { MessageRef } from '../messages/render.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { buildCustomerPeriodCte } from './customer-period.ts';
import { keptDataRange, vectorsAvailable } from './customer-period-vectors.ts';
import { loadRfmVectors, rfmGroupedRows } from './rfm-numerics.ts';
import { num, ratio } from './format.ts';
import { noDataMessage, type Period } from './periods.ts';
import { parseSegmentMap, segmentOf, type SegmentRule } from './segment-map.ts';
import { valueNotes, valueSource, type ValueSource } from './value-source.ts';

/** Unit recency is expressed in. */
export type TimeUnit = 'day' | 'week' | 'month';

const unitDays: Record<TimeUnit, number> = { day: 1, week: 7, month: 30.4375 };

/** The options of `rfm`: the dates, the recency unit, the bins, the monetary value and the segment map. */
export const rfmOptions = defineOptions([
  { name: 'as_of', type: 'date', description: 'Date recency is measured from (default: the last transaction date).' },
  { name: 'since', type: 'date', description: 'First day of purchases counted (default: all history).' },
  {
    name: 'time_unit',
    type: 'enum',
    values: ['day', 'week', 'month'],
    default: 'day',
    description: 'Unit recency is reported in.',
  },
  { name: 'bins', type: 'integer', min: 2, max: 10, default: 5, description: 'Number of score bins (5 = quintiles).' },
  {
    name: 'monetary',
    type: 'enum',
    values: ['spend', 'profit'],
    default: 'spend',
    description: 'Monetary value: total spend or total profit.',
  },
  {
    name: 'segment_map',
    type: 'record',
    description: 'Segment map: { name: { r: [lo, hi], f: [lo, hi] } } on a 1–5 scale, first match wins.',
  },
]);

/** Options of the `rfm` analysis, as `run` receives them. */
export type RfmOptions = OptionValues<typeof rfmOptions>;

/**
 * The scored grid, one SQL pass: GROUPING SETS over (r_score, f_score) and (m_score).
 * Parameters: $1 as-of date, $2 first day, $3 bins.
 */
export function buildRfmQuery(source: ValueSource, monetary: 'spend' | 'profit', period: Period): string {
  const m = monetary === 'profit' && source.profit ? 'profit' : 'revenue';
  const score = (order: string) =>
    `least($3::INTEGER, 1 + floor($3::INTEGER * percent_rank() OVER (ORDER BY ${order})))::INTEGER`;
  return `WITH ${buildCustomerPeriodCte({ name: 'cur', start: '$2', end: '$1', period, source, withProfit: m === 'profit' })},
c AS (SELECT customer_id, date_diff('day', last_date, $1::DATE) AS recency_days, orders AS frequency, ${m} AS monetary FROM cur),
s AS (SELECT *, ${score('recency_days DESC')} AS r_score, ${score('frequency')} AS f_score, ${score('monetary')} AS m_score FROM c)
SELECT r_score, f_score, m_score, count(*) AS customers, sum(monetary) AS monetary, sum(recency_days) AS recency_days,
  sum(frequency) AS frequency, min(recency_days) AS min_recency, max(recency_days) AS max_recency,
  min(frequency) AS min_frequency, max(frequency) AS max_frequency, min(monetary) AS min_monetary, max(monetary) AS max_monetary,
  sum(m_score) AS m_score_sum
FROM s GROUP BY GROUPING SETS ((r_score, f_score), (m_score)) ORDER BY r_score, f_score, m_score`;
}

/** One R × F cell. */
export interface RfmCell extends Row {
  r_score: number;
  f_score: number;
  segment: string;
  customers: number;
  monetary: number;
  avg_monetary: number;
  avg_m_score: number;
}

/** One named segment. */
export interface RfmSegment extends Row {
  segment: string;
  customers: number;
  customer_share: number;
  monetary: number;
  monetary_share: number;
  avg_recency: number;
  avg_frequency: number;
  avg_monetary: number;
}

/** Grid cells and segment totals from the grouped rows (pure). */
export function rfmTables(
  rows: readonly Row[],
  bins: number,
  map: readonly SegmentRule[],
  unit: TimeUnit,
): { grid: RfmCell[]; segments: RfmSegment[] } {
  const cells = rows.filter((r) => r.r_score !== null && r.f_score !== null);
  const grid = cells.map((r): RfmCell => {
    const customers = num(r.customers);
    return {
      r_score: num(r.r_score),
      f_score: num(r.f_score),
      segment: segmentOf(num(r.r_score), num(r.f_score), bins, map),
      customers,
      monetary: num(r.monetary),
      avg_monetary: ratio(num(r.monetary), customers),
      avg_m_score: ratio(num(r.m_score_sum), customers),
    };
  });
  const total = grid.reduce((s, c) => s + c.customers, 0);
  const totalM = grid.reduce((s, c) => s + c.monetary, 0);
  const acc = new Map<string, { customers: number; monetary: number; recency: number; frequency: number }>();
  for (const r of cells) {
    const seg = segmentOf(num(r.r_score), num(r.f_score), bins, map);
    const a = acc.get(seg) ?? { customers: 0, monetary: 0, recency: 0, frequency: 0 };
    a.customers += num(r.customers);
    a.monetary += num(r.monetary);
    a.recency += num(r.recency_days);
    a.frequency += num(r.frequency);
    acc.set(seg, a);
  }
  const order = [...map.map((m) => m.segment), 'other'];
  const segments = [...acc.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([segment, a]): RfmSegment => ({
      segment,
      customers: a.customers,
      customer_share: ratio(a.customers, total),
      monetary: a.monetary,
      monetary_share: ratio(a.monetary, totalM),
      avg_recency: ratio(a.recency, a.customers) / unitDays[unit],
      avg_frequency: ratio(a.frequency, a.customers),
      avg_monetary: ratio(a.monetary, a.customers),
    }));
  return { grid, segments };
}

/** What each score means: recency/frequency/monetary ranges per score (pure). */
export function rfmScoreTable(rows: readonly Row[], bins: number, unit: TimeUnit): Row[] {
  const out: Row[] = [];
  for (let s = 1; s <= bins; s++) {
    const rs = rows.filter((r) => r.r_score === s && r.f_score !== null);
    const fs = rows.filter((r) => r.f_score === s && r.r_score !== null);
    const ms = rows.find((r) => r.m_score === s && r.r_score === null);
    const min = (xs: Row[], k: string) => (xs.length ? Math.min(...xs.map((r) => num(r[k]))) : null);
    const max = (xs: Row[], k: string) => (xs.length ? Math.max(...xs.map((r) => num(r[k]))) : null);
    const d = (v: number | null) => (v === null ? null : v / unitDays[unit]);
    out.push({
      score: s,
      recency_from: d(min(rs, 'min_recency')),
      recency_to: d(max(rs, 'max_recency')),
      frequency_from: min(fs, 'min_frequency'),
      frequency_to: max(fs, 'max_frequency'),
      monetary_from: ms ? num(ms.min_monetary) : null,
      monetary_to: ms ? num(ms.max_monetary) : null,
      customers_m: ms ? num(ms.customers) : 0,
    });
  }
  return out;
}

/** Findings: what champions and the at-risk groups represent. */
export function rfmFindings(
  segments: readonly RfmSegment[],
  measure: string,
  grid: readonly Pick<RfmCell, 'r_score' | 'customers'>[] = [],
): Finding[] {
  const get = (name: string) => segments.find((s) => s.segment === name);
  const what = term(measure === 'profit' ? 'term.profit' : 'term.revenue');
  const out: Finding[] = [];
  // Tied customers share the lowest score, so when every customer last bought equally recently
  // they all score R = 1 and would all be called "lost": say recency cannot separate them instead.
  const customers = grid.reduce((s, c) => s + c.customers, 0);
  if (customers > 0 && new Set(grid.filter((c) => c.customers > 0).map((c) => c.r_score)).size === 1) {
    out.push(finding('no_recency_spread', 'rfm.no_recency_spread', { customers: tv.count(customers) }));
    return out;
  }
  const champ = get('champions');
  if (champ)
    out.push(
      finding(
        'champions',
        'rfm.champions',
        { customers: tv.percent(champ.customer_share), share: tv.percent(champ.monetary_share), what },
        'share',
      ),
    );
  const risk = [get('at risk'), get("can't lose")].filter((s): s is RfmSegment => !!s);
  if (risk.length) {
    const n = risk.reduce((s, r) => s + r.customers, 0);
    const share = risk.reduce((s, r) => s + r.monetary_share, 0);
    out.push(finding('at_risk', 'rfm.at_risk', { customers: tv.count(n), share: tv.percent(share), what }, 'share'));
  }
  const lost = get('lost');
  if (lost) out.push(finding('lost', 'rfm.lost', { share: tv.percent(lost.customer_share) }, 'share'));
  return out;
}

/**
 * Heatmaps of the R × F grid: customers per cell, and monetary value per cell. Each cell also
 * names its segment (small, under the number) so the map can be read off the chart.
 */
export function rfmCharts(bins: number, measure: string): ChartSpec[] {
  const domain = Array.from({ length: bins }, (_, i) => i + 1);
  const base = (id: string, title: string, fill: string, fmt: string): ChartSpec => ({
    id,
    title,
    subtitle: 'Small print = the segment the cell belongs to',
    data: 'grid',
    height: 60 + 64 * bins,
    x: { label: 'Recency score (5 = most recent) →', type: 'band', domain },
    y: { label: '↑ Frequency score', type: 'band', domain, reverse: true },
    color: { scheme: 'blues', legend: true, label: title, tickFormat: fmt },
    marks: [
      { type: 'cell', x: 'r_score', y: 'f_score', fill, options: { inset: 1, tip: true } },
      { type: 'text', x: 'r_score', y: 'f_score', text: fill, textFormat: fmt, options: { fontSize: 12, dy: -6 } },
      { type: 'text', x: 'r_score', y: 'f_score', text: 'segment', options: { fontSize: 9, dy: 9 } },
    ],
  });
  return [
    base('rfm-count', 'Customers per R × F cell', 'customers', ',d'),
    base('rfm-value', `Total ${measure} per R × F cell`, 'monetary', '.3s'),
  ];
}

/**
 * The grouped grid of a period: in the engine from the per-customer inputs kept per dataset
 * version (bins are numerics then), else the one SQL pass on the raw tables (the reference).
 */
async function rfmRows(ctx: AnalysisContext, source: ValueSource, o: RfmOptions, period: Period): Promise<Row[]> {
  if (vectorsAvailable(ctx)) {
    const measure = o.monetary === 'profit' && source.profit ? 'profit' : 'revenue';
    return rfmGroupedRows(await loadRfmVectors(ctx, source, measure, period), o.bins);
  }
  return toRows(await ctx.db.query(buildRfmQuery(source, o.monetary, period), [period.end, period.start, o.bins]));
}

/** Runs RFM: in the engine from prepared inputs, or with only `db` and `profile` on the raw tables. */
export async function runRfm(ctx: AnalysisContext, source: ValueSource, o: RfmOptions): Promise<AnalysisResult> {
  const range = await keptDataRange(ctx);
  const asOf = o.as_of ?? range.last;
  const since = o.since ?? range.first;
  const period: Period = { start: since, end: asOf };
  if (asOf < since) throw new Error(`rfm: as_of (${asOf}) is before since (${since})`);
  const map = parseSegmentMap(o.segment_map);
  const rows = await rfmRows(ctx, source, o, period);
  if (rows.length === 0) throw new Error(noDataMessage('rfm', period, range));
  const { grid, segments } = rfmTables(rows, o.bins, map, o.time_unit);
  const measure = o.monetary === 'profit' && source.profit ? 'profit' : 'revenue';
  const str = { type: 'VARCHAR', kind: 'string' as const };
  const dbl = { type: 'DOUBLE', kind: 'number' as const };
  const cols = (r: Row | undefined) =>
    Object.keys(r ?? {}).map((name) => ({ name, ...(name === 'segment' ? str : dbl) }));
  const scores = rfmScoreTable(rows, o.bins, o.time_unit);
  const recencyNote = clause('rfm.note.recency', {
    unit: term(`term.unit.${o.time_unit}s` as FindingKey),
    as_of: text(String(asOf)),
    since: text(String(since)),
    measure: term(measure === 'profit' ? 'term.profit' : 'term.revenue'),
  }) as MessageRef;
  const scoresNote = clause('rfm.note.scores', { bins: tv.count(o.bins) }) as MessageRef;
  return {
    tables: {
      segments: fromRows(segments, cols(segments[0])),
      grid: fromRows(grid, cols(grid[0])),
      scores: fromRows(scores, cols(scores[0])),
      segment_map: fromRows(
        map.map((m) => ({ segment: m.segment, r_from: m.r[0], r_to: m.r[1], f_from: m.f[0], f_to: m.f[1] })),
        cols({ segment: '', r_from: 0, r_to: 0, f_from: 0, f_to: 0 }),
      ),
    },
    scalars: {
      customers: grid.reduce((s, c) => s + c.customers, 0),
      as_of: asOf,
      champions_share: segments.find((s) => s.segment === 'champions')?.customer_share ?? 0,
    },
    charts: rfmCharts(o.bins, measure),
    findings: rfmFindings(segments, measure, grid),
    // The two notes with numbers are messages, so they read in the reader's language.
    notes: [english(recencyNote), english(scoresNote), ...(o.monetary === 'profit' ? valueNotes(source) : [])],
    noteRefs: { 0: recencyNote, 1: scoresNote },
  };
}

/** The `rfm` analysis. */
export const rfmDefinition: AnalysisDefinition<typeof rfmOptions> = {
  id: 'rfm',
  title: 'RFM segments',
  description: 'Recency, frequency and monetary scores (quintiles by default) and named segments from the R × F grid.',
  requires: ['transactions'],
  options: rfmOptions,
  run: (ctx, o) => runRfm(ctx, valueSource(ctx.profile), o),
};
