/**
 * MVC / MGC / BZ on prepared data: each customer's value, revenue, cost to serve, peer group and
 * half-period spend, read once per dataset version and period, then groups, potential, headroom
 * and the lists computed in the worker. A change of mvc_share, growable_share,
 * potential_quantile or top_n never goes back to the tables. The same rows as `buildMvcQuery`.
 *
 * The first read of a period scans the raw tables: the trend splits the period at its middle
 * day, which is not a month boundary, so the summary's months cannot give the halves.
 */
import type { Row } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import type { AnalysisContext } from '../types.ts';
import { quantileCont, sortedValues } from './tier-numerics.ts';
import { memoLatest } from '../memo-latest.ts';

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
  return memoLatest(ctx, 'mvc-base', JSON.stringify([sql, params]), () => readBase(ctx.db, sql, params));
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

/**
 * The first `k` of `idx` in the order (key ascending, NaN last, then `idx`'s own order), sorted
 * so: SQL's `ORDER BY key NULLS LAST, customer_id` on a base in customer_id order. Written by
 * hand to keep option changes fast: the k-th key is found with a typed-array sort (no comparator),
 * and only the customers up to it (k plus ties) go through the stable comparator sort.
 */
export function firstK(idx: readonly number[], key: (i: number) => number, k: number): number[] {
  if (k <= 0 || idx.length === 0) return [];
  const keys = Float64Array.from(idx, key);
  const cut = k >= idx.length ? NaN : keys.slice().sort()[k - 1]!;
  const pos: number[] = [];
  for (let j = 0; j < idx.length; j++) if (Number.isNaN(cut) || keys[j]! <= cut) pos.push(j);
  pos.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return x - y;
  });
  return pos.slice(0, k).map((j) => idx[j]!);
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
  // value_rank ≤ ⌈mvc_share × n⌉ ⟺ among the first that many by (value DESC, customer_id).
  const topByValue = new Uint8Array(n);
  for (const i of firstK(all, (i) => -b.value[i]!, Math.ceil(o.mvcShare * n))) topByValue[i] = 1;
  const group: (string | null)[] = new Array(n).fill(null);
  const potential = new Float64Array(n);
  const headroom = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = b.value[i]!;
    if (v > 0 && topByValue[i]) group[i] = 'MVC';
    else if (o.profit && v < 0) group[i] = 'BZ';
    const pp = peerPotential[i]!;
    // greatest() skips NULL.
    const up = Number.isNaN(pp) ? v : Number.isNaN(v) ? pp : Math.max(v, pp);
    const potential0 = b.secondHalf[i]! >= b.firstHalf[i]! ? up : v;
    potential[i] = group[i] === null ? potential0 : v;
    headroom[i] = group[i] === null ? potential0 - v : 0;
  }
  const growable = all.filter((i) => group[i] === null && potential[i]! - b.value[i]! > 0);
  for (const i of firstK(growable, (i) => -(potential[i]! - b.value[i]!), Math.ceil(o.growableShare * n))) group[i] = 'MGC';
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
    for (const i of firstK(idx, key, Math.max(o.topN, 1))) {
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
