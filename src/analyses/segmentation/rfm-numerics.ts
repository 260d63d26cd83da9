/**
 * RFM on typed arrays: the per-customer recency, frequency and monetary value of a period read
 * once per dataset version (from the summary's months when they cover the period exactly), then
 * scores and the grouped grid computed in the worker, so a change of bins, segment map or time
 * unit never goes back to the tables. The same rows as `buildRfmQuery` (rfm.ts) returns.
 */
import type { Row } from '../../sql/table.ts';
import { sqlDate } from '../../sql/literals.ts';
import type { AnalysisContext } from '../types.ts';
import { buildCustomerPeriodCte } from './customer-period.ts';
import { monthsCover, readsDatedCosts } from './customer-period-months.ts';
import type { Period } from './periods.ts';
import type { ValueSource } from './value-source.ts';

/** One entry per customer active in the period (no particular order); NULL → NaN. */
export interface RfmVectors {
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
}

/** SQL of the per-customer RFM inputs for `ctx.numeric` (dates inlined, validated). */
export function buildRfmVectorsQuery(
  source: ValueSource,
  measure: 'revenue' | 'profit',
  period: Period,
  fromSummary: boolean,
): string {
  const start = sqlDate(period.start, 'since');
  const end = sqlDate(period.end, 'as_of');
  const cte = buildCustomerPeriodCte({
    name: 'cur',
    start,
    end,
    period,
    source,
    withProfit: measure === 'profit',
    fromSummary,
  });
  return `WITH ${cte}\nSELECT date_diff('day', last_date, ${end}::DATE) AS recency_days, orders AS frequency, ${measure} AS monetary FROM cur`;
}

/** Most (period, measure) inputs kept at once. */
const KEEP = 2;

/** The inputs of a period and measure, kept per dataset version (needs `ctx.memo` and `ctx.numeric`). */
export async function loadRfmVectors(
  ctx: AnalysisContext,
  source: ValueSource,
  measure: 'revenue' | 'profit',
  period: Period,
): Promise<RfmVectors> {
  const read = async (): Promise<RfmVectors> => {
    if (!ctx.numeric) throw new Error('rfm vectors need ctx.numeric');
    const fromSummary = monthsCover(ctx.summary, period, { datedCosts: readsDatedCosts(source, measure === 'profit') });
    const t = await ctx.numeric(buildRfmVectorsQuery(source, measure, period, fromSummary));
    const col = (name: string): Float64Array => {
      const c = t.columns[name];
      if (!c) throw new Error(`missing column ${name}`);
      return c;
    };
    return { recencyDays: col('recency_days'), frequency: col('frequency'), monetary: col('monetary') };
  };
  if (!ctx.memo) return read();
  const kept = await ctx.memo('rfm-vectors', async () => new Map<string, Promise<RfmVectors>>());
  const key = JSON.stringify([period.start, period.end, measure]);
  let p = kept.get(key);
  if (p) {
    kept.delete(key);
    kept.set(key, p);
    return p;
  }
  p = read();
  kept.set(key, p);
  p.catch(() => kept.delete(key));
  while (kept.size > KEEP) kept.delete(kept.keys().next().value!);
  return p;
}

/** First index in ascending `sorted` whose value is ≥ x (or > x with `strict`). */
function bound(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid]! <= x : sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The SQL score `least(bins, 1 + floor(bins × percent_rank() OVER (ORDER BY x [DESC])))` per
 * customer. percent_rank = (rank − 1) / (n − 1), 0 for a single row (DuckDB's definition), where
 * rank − 1 is the number of rows strictly before x in the order; NULL (NaN) sorts last in either
 * direction (DuckDB's default NULLS LAST) and NULLs are peers of one another.
 */
export function rfmScores(values: Float64Array, bins: number, descending: boolean): Uint8Array {
  const n = values.length;
  let m = 0;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!)) sorted[m++] = values[i]!;
  const s = sorted.subarray(0, m).sort();
  const out = new Uint8Array(n);
  const denom = n - 1;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const before = Number.isNaN(x) ? m : descending ? m - bound(s, x, true) : bound(s, x, false);
    const pr = denom > 0 ? before / denom : 0;
    out[i] = Math.min(bins, 1 + Math.floor(bins * pr));
  }
  return out;
}

/** Running aggregate of one group of the grid. */
interface Acc {
  customers: number;
  monetary: number;
  monetaryN: number;
  recency: number;
  frequency: number;
  minR: number;
  maxR: number;
  minF: number;
  maxF: number;
  minM: number;
  maxM: number;
  mScore: number;
}

const acc = (): Acc => ({
  customers: 0,
  monetary: 0,
  monetaryN: 0,
  recency: 0,
  frequency: 0,
  minR: Infinity,
  maxR: -Infinity,
  minF: Infinity,
  maxF: -Infinity,
  minM: Infinity,
  maxM: -Infinity,
  mScore: 0,
});

function add(a: Acc, r: number, f: number, m: number, ms: number): void {
  a.customers += 1;
  a.recency += r;
  a.frequency += f;
  a.mScore += ms;
  if (r < a.minR) a.minR = r;
  if (r > a.maxR) a.maxR = r;
  if (f < a.minF) a.minF = f;
  if (f > a.maxF) a.maxF = f;
  if (!Number.isNaN(m)) {
    a.monetary += m;
    a.monetaryN += 1;
    if (m < a.minM) a.minM = m;
    if (m > a.maxM) a.maxM = m;
  }
}

function row(r: number | null, f: number | null, m: number | null, a: Acc): Row {
  const some = a.monetaryN > 0;
  return {
    r_score: r,
    f_score: f,
    m_score: m,
    customers: a.customers,
    monetary: some ? a.monetary : null,
    recency_days: a.recency,
    frequency: a.frequency,
    min_recency: a.minR,
    max_recency: a.maxR,
    min_frequency: a.minF,
    max_frequency: a.maxF,
    min_monetary: some ? a.minM : null,
    max_monetary: some ? a.maxM : null,
    m_score_sum: a.mScore,
  };
}

/**
 * The rows of `buildRfmQuery`: GROUPING SETS ((r_score, f_score), (m_score)) with the same
 * aggregates, in its order (r, f ascending, then the m rows). Recency and frequency are never
 * NULL for an active customer; monetary NULLs are skipped as `sum`/`min`/`max` skip them.
 */
export function rfmGroupedRows(v: RfmVectors, bins: number): Row[] {
  const r = rfmScores(v.recencyDays, bins, true);
  const f = rfmScores(v.frequency, bins, false);
  const ms = rfmScores(v.monetary, bins, false);
  const grid = new Map<number, Acc>();
  const mGroups = new Map<number, Acc>();
  for (let i = 0; i < r.length; i++) {
    const key = r[i]! * 256 + f[i]!;
    let g = grid.get(key);
    if (!g) grid.set(key, (g = acc()));
    add(g, v.recencyDays[i]!, v.frequency[i]!, v.monetary[i]!, ms[i]!);
    let h = mGroups.get(ms[i]!);
    if (!h) mGroups.set(ms[i]!, (h = acc()));
    add(h, v.recencyDays[i]!, v.frequency[i]!, v.monetary[i]!, ms[i]!);
  }
  const rows: Row[] = [...grid.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, a]) => row(Math.floor(k / 256), k % 256, null, a));
  for (const [k, a] of [...mGroups.entries()].sort((x, y) => x[0] - y[0])) rows.push(row(null, null, k, a));
  return rows;
}
