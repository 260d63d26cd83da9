/**
 * MVC / MGC / BZ on prepared data: each customer's value, revenue, cost to serve, peer group and
 * half-period spend, read once per dataset version and period, then groups, potential, headroom
 * and the lists computed in the worker. A change of mvc_share, growable_share,
 * potential_quantile or top_n never goes back to the tables. The same rows as `buildMvcQuery`.
 *
 * The first read of a period scans the raw tables: the trend splits the period at its middle
 * day, which is not a month boundary, so the summary's months cannot give the halves.
 */
import type { Row, SqlConnection } from '../../engine/types.ts';
import type { AnalysisContext } from '../types.ts';
import { quantileCont, sortedValues } from './tier-numerics.ts';

/** One entry per customer active in the period, in customer_id order (DuckDB's). NULL → NaN. */
export interface MvcBase {
  ids: string[];
  peers: string[];
  value: Float64Array;
  revenue: Float64Array;
  serviceCost: Float64Array;
  firstHalf: Float64Array;
  secondHalf: Float64Array;
}

async function readBase(db: SqlConnection, sql: string, params: readonly (string | number)[]): Promise<MvcBase> {
  const t = await db.query(sql, params);
  const col = (name: string): unknown[] => {
    const i = t.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new Error(`missing column ${name}`);
    return t.data[i]!;
  };
  const numbers = (name: string) => Float64Array.from(col(name), (v) => (v === null || v === undefined ? NaN : Number(v)));
  return {
    ids: col('customer_id').map(String),
    peers: col('peer').map(String),
    value: numbers('value'),
    revenue: numbers('revenue'),
    serviceCost: numbers('service_cost'),
    firstHalf: numbers('first_half'),
    secondHalf: numbers('second_half'),
  };
}

/** The base of a period (`sql` with its parameters), kept per dataset version (the last one). */
export async function loadMvcBase(ctx: AnalysisContext, sql: string, params: readonly (string | number)[]): Promise<MvcBase> {
  const read = () => readBase(ctx.db, sql, params);
  if (!ctx.memo) return read();
  const key = JSON.stringify([sql, params]);
  const kept = await ctx.memo('mvc-base', async () => new Map<string, Promise<MvcBase>>());
  let p = kept.get(key);
  if (!p) {
    kept.clear();
    p = read();
    kept.set(key, p);
    p.catch(() => kept.delete(key));
  }
  return p;
}

/** Options that only change the numerics. */
export interface MvcNumericOptions {
  mvcShare: number;
  growableShare: number;
  potentialQuantile: number;
  topN: number;
  /** Whether value is profit (then a negative value is below zero, BZ). */
  profit: boolean;
}

/** Positions sorted by `key` ascending, NaN last; stable, so ties keep the base's customer_id order. */
function order(idx: number[], key: (i: number) => number): number[] {
  return idx.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return x - y;
  });
}

/**
 * The rows of `buildMvcQuery`: for each group (BZ, MGC, MVC, other) its top rows in list order,
 * each carrying the group's totals and n. Follows the SQL step by step: peer potential =
 * quantile_cont of value per peer; value rank (value DESC, customer_id); MVC = value > 0 and rank
 * ≤ ⌈mvc_share × n⌉; BZ = value < 0 (profit only); potential = greatest(value, peer potential)
 * when the second half's spend is at least the first's, else value; MGC = the largest headroom,
 * ranked, ≤ ⌈growable_share × n⌉.
 */
export function mvcRows(b: MvcBase, o: MvcNumericOptions): Row[] {
  const n = b.ids.length;
  const byPeer = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byPeer.get(b.peers[i]!);
    if (list) list.push(i);
    else byPeer.set(b.peers[i]!, [i]);
  }
  const peerPotential = new Float64Array(n);
  for (const members of byPeer.values()) {
    const q = quantileCont(sortedValues(Float64Array.from(members, (i) => b.value[i]!)), o.potentialQuantile);
    for (const i of members) peerPotential[i] = q ?? NaN;
  }
  const all = Array.from({ length: n }, (_, i) => i);
  const valueRank = new Float64Array(n);
  order([...all], (i) => -b.value[i]!).forEach((i, r) => (valueRank[i] = r + 1));
  const mvcCut = Math.ceil(o.mvcShare * n);
  const group: (string | null)[] = new Array(n).fill(null);
  const potential = new Float64Array(n);
  const headroom = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = b.value[i]!;
    if (v > 0 && valueRank[i]! <= mvcCut) group[i] = 'MVC';
    else if (o.profit && v < 0) group[i] = 'BZ';
    const pp = peerPotential[i]!;
    // greatest() skips NULL.
    const up = Number.isNaN(pp) ? v : Number.isNaN(v) ? pp : Math.max(v, pp);
    const potential0 = b.secondHalf[i]! >= b.firstHalf[i]! ? up : v;
    potential[i] = group[i] === null ? potential0 : v;
    headroom[i] = group[i] === null ? potential0 - v : 0;
  }
  const growable = order(all.filter((i) => group[i] === null && potential[i]! - b.value[i]! > 0), (i) => -(potential[i]! - b.value[i]!));
  const mgcCut = Math.ceil(o.growableShare * n);
  growable.forEach((i, r) => {
    if (r + 1 <= mgcCut) group[i] = 'MGC';
  });
  const members = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = group[i] ?? 'other';
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  }
  const rows: Row[] = [];
  for (const g of [...members.keys()].sort()) {
    const idx = members.get(g)!;
    let value = 0;
    let valueN = 0;
    let revenue = 0;
    let revenueN = 0;
    let head = 0;
    let headN = 0;
    for (const i of idx) {
      if (!Number.isNaN(b.value[i]!)) (value += b.value[i]!), valueN++;
      if (!Number.isNaN(b.revenue[i]!)) (revenue += b.revenue[i]!), revenueN++;
      if (!Number.isNaN(headroom[i]!)) (head += headroom[i]!), headN++;
    }
    const key = g === 'MGC' ? (i: number) => -headroom[i]! : g === 'BZ' ? (i: number) => b.value[i]! : (i: number) => -b.value[i]!;
    const nan = (x: number) => (Number.isNaN(x) ? null : x);
    for (const i of order([...idx], key).slice(0, Math.max(o.topN, 1))) {
      rows.push({
        grp: g, customer_id: b.ids[i]!, value: nan(b.value[i]!), revenue: nan(b.revenue[i]!), service_cost: nan(b.serviceCost[i]!), peer: b.peers[i]!,
        peer_potential: nan(peerPotential[i]!), potential: nan(potential[i]!), headroom: nan(headroom[i]!),
        first_half: nan(b.firstHalf[i]!), second_half: nan(b.secondHalf[i]!),
        grp_customers: idx.length, grp_value: valueN ? value : null, grp_revenue: revenueN ? revenue : null, grp_headroom: headN ? head : null, n,
      });
    }
  }
  return rows;
}
