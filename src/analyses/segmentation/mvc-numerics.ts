/**
 * MVC / MGC / BZ on prepared data: each customer's value, revenue, cost to serve, peer group and
 * half-period spend, read once per dataset version and period, then groups, potential, headroom
 * and the lists computed in the worker. A change of mvc_share, growable_share,
 * potential_quantile or top_n never goes back to the tables. The same rows as `buildMvcQuery`.
 *
 * In the engine the base is read as typed arrays: for a whole-month period in one pass over the
 * summary (period-summary.ts; the month holding the middle day is read from `transactions`),
 * otherwise by the raw SQL with each customer's `ix` joined on; ids are looked up for the
 * customers the lists show.
 */
import type { NumericTable, Row } from '../../sql/table.ts';
import type { SqlConnection } from '../../sql/connection.ts';
import { summaryTables } from '../../model/summary/index.ts';
import type { AnalysisContext } from '../types.ts';
import { customerIds, ixOrder, ordered } from './customer-ids.ts';
import type { PeerColumn } from './mvc-mgc-bz.ts';
import { peerCodesCte } from './period-summary.ts';
import { quantileCont, sortedValues } from './tier-numerics.ts';
import { memoLatest } from '../memo-latest.ts';

/**
 * One entry per customer active in the period, in customer_id order (DuckDB's). NULL → NaN.
 * Customers carry their ids (read with only a connection) or their `ix` in
 * `summary.customer_history` (read in the engine; ids looked up for listed customers).
 */
export interface MvcBase {
  n: number;
  ids?: string[];
  ix?: Float64Array;
  peers: string[];
  value: Float64Array;
  revenue: Float64Array;
  serviceCost: Float64Array;
  firstHalf: Float64Array;
  secondHalf: Float64Array;
}

async function readBaseRows(db: SqlConnection, sql: string, params: readonly (string | number)[]): Promise<MvcBase> {
  const t = await db.query(sql, params);
  const col = (name: string): unknown[] => {
    const i = t.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new Error(`missing column ${name}`);
    return t.data[i]!;
  };
  const numbers = (name: string) =>
    Float64Array.from(col(name), (v) => (v === null || v === undefined ? NaN : Number(v)));
  const ids = col('customer_id').map(String);
  return {
    n: ids.length,
    ids,
    peers: col('peer').map(String),
    value: numbers('value'),
    revenue: numbers('revenue'),
    serviceCost: numbers('service_cost'),
    firstHalf: numbers('first_half'),
    secondHalf: numbers('second_half'),
  };
}

/** The engine's read: `sql` returns ix, value, revenue, service_cost, peer (a code into `labels`), first_half, second_half as DOUBLEs. */
export function mvcBaseFromNumeric(t: NumericTable, labels: readonly string[]): MvcBase {
  const order = ixOrder(t.columns.ix ?? new Float64Array(0));
  const codes = ordered(t, 'peer', order);
  const peers = Array.from(codes, (k) => {
    const label = labels[k];
    if (label === undefined) throw new Error(`no peer label for code ${k}`);
    return label;
  });
  return {
    n: order.length,
    ix: ordered(t, 'ix', order),
    peers,
    value: ordered(t, 'value', order),
    revenue: ordered(t, 'revenue', order),
    serviceCost: ordered(t, 'service_cost', order),
    firstHalf: ordered(t, 'first_half', order),
    secondHalf: ordered(t, 'second_half', order),
  };
}

/** How the base of a period is read: raw SQL with parameters (only a connection), or a numeric query and its peer labels (the engine). */
export type MvcBaseRead =
  | { kind: 'rows'; sql: string; params: readonly (string | number)[] }
  | { kind: 'numeric'; sql: string; labels: () => Promise<string[]> };

/** The base of a period, kept per dataset version (the last one). */
export async function loadMvcBase(ctx: AnalysisContext, read: MvcBaseRead): Promise<MvcBase> {
  const key = JSON.stringify(read.kind === 'rows' ? [read.sql, read.params] : [read.sql]);
  return memoLatest(ctx, 'mvc-base', key, async () => {
    if (read.kind === 'rows') return readBaseRows(ctx.db, read.sql, read.params);
    if (!ctx.numeric) throw new Error('the numeric MVC base needs ctx.numeric');
    const t = await ctx.numeric(read.sql);
    return mvcBaseFromNumeric(t, await read.labels());
  });
}

/** Puts the listed customers' ids into rows of `mvcRows` (their `base_index`), looking them up by `ix` when the base has no ids. */
export async function withIds(ctx: AnalysisContext, b: MvcBase, rows: Row[]): Promise<Row[]> {
  if (b.ids) return rows;
  const ix = b.ix!;
  const byIx = await customerIds(
    ctx,
    rows.map((r) => ix[Number(r.base_index)]!),
  );
  return rows.map((r) => ({ ...r, customer_id: byIx.get(ix[Number(r.base_index)]!)! }));
}

/**
 * The raw base SQL (`buildMvcBaseQuery` with its dates inlined) with `ix` joined on and peers as
 * codes (`peerCodesCte`), every column a DOUBLE: the engine's read when the period cuts a month.
 */
export function mvcRawNumericQuery(baseSql: string, peerColumn: PeerColumn): string {
  const nan = `CAST('NaN' AS DOUBLE)`;
  return `WITH b AS (${baseSql}),
${peerCodesCte(peerColumn)}
SELECT CAST(h.ix AS DOUBLE) AS ix, coalesce(b.value, ${nan}) AS value, coalesce(b.revenue, ${nan}) AS revenue,
  coalesce(CAST(b.service_cost AS DOUBLE), ${nan}) AS service_cost, CAST(codes.code AS DOUBLE) AS peer,
  coalesce(b.first_half, ${nan}) AS first_half, coalesce(b.second_half, ${nan}) AS second_half
FROM b JOIN ${summaryTables.customerHistory} h ON h.customer_id = b.customer_id JOIN codes ON codes.peer = b.peer`;
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
export function firstK(idx: ArrayLike<number>, key: (i: number) => number, k: number): number[] {
  if (k <= 0 || idx.length === 0) return [];
  const keys = new Float64Array(idx.length);
  for (let j = 0; j < idx.length; j++) keys[j] = key(idx[j]!);
  const cut = k >= idx.length ? NaN : kthSmallest(keys, k);
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
 * The k-th smallest of `keys` (1-based), NaN when fewer than k are numbers: the value a typed-array
 * sort puts at k − 1 (up to the sign of a zero, which every caller compares as equal), found by
 * selection (Hoare partitions around a median of three) instead of sorting everything.
 */
export function kthSmallest(keys: Float64Array, k: number): number {
  const a = new Float64Array(keys.length);
  let m = 0;
  for (let j = 0; j < keys.length; j++) if (!Number.isNaN(keys[j]!)) a[m++] = keys[j]!;
  if (k < 1 || k > m) return NaN;
  const target = k - 1;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[target]!;
}

/**
 * The members of `firstK(idx, key, k)` — the same entries of `idx`, in `idx`'s own order, not
 * ranked — for callers that only need to know who is among the first k (MVC, MGC). `keys[j]` is
 * the key of `idx[j]`. Everything below the k-th key is in; of the entries tied with it, the
 * first in `idx` order (NaN keys come last, as NULLS LAST). Linear: a selection finds the k-th key
 * and a large k costs no sort.
 */
export function firstKMembers(idx: ArrayLike<number>, keys: Float64Array, k: number): number[] {
  const m = idx.length;
  if (k <= 0 || m === 0) return [];
  if (k >= m) return Array.from(idx);
  const cut = kthSmallest(keys, k);
  const out: number[] = [];
  if (Number.isNaN(cut)) {
    let nanLeft = k;
    for (let j = 0; j < m; j++) if (!Number.isNaN(keys[j]!)) nanLeft--;
    for (let j = 0; j < m; j++) {
      if (!Number.isNaN(keys[j]!)) out.push(idx[j]!);
      else if (nanLeft > 0) {
        out.push(idx[j]!);
        nanLeft--;
      }
    }
    return out;
  }
  let tiesLeft = k;
  for (let j = 0; j < m; j++) if (keys[j]! < cut) tiesLeft--;
  for (let j = 0; j < m; j++) {
    const x = keys[j]!;
    // -0 and 0 tie, as firstK's comparator (x − y) has it.
    if (x < cut) out.push(idx[j]!);
    else if (x === cut && tiesLeft > 0) {
      out.push(idx[j]!);
      tiesLeft--;
    }
  }
  return out;
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
  const n = b.n;
  const peers = peerGroups(b);
  const peerPotential = new Float64Array(n);
  for (let p = 0; p < peers.members.length; p++) {
    const q = quantileCont(peers.sorted[p]!, o.potentialQuantile);
    for (const i of peers.members[p]!) peerPotential[i] = q ?? NaN;
  }
  // value_rank ≤ ⌈mvc_share × n⌉ ⟺ among the first that many by (value DESC, customer_id).
  const topByValue = new Uint8Array(n);
  for (const i of firstKMembers(peers.all, peers.negValue, Math.ceil(o.mvcShare * n))) topByValue[i] = 1;
  const group = new Uint8Array(n); // OTHER, MVC, BZ, MGC
  const potential = new Float64Array(n);
  const headroom = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = b.value[i]!;
    if (v > 0 && topByValue[i]) group[i] = MVC;
    else if (o.profit && v < 0) group[i] = BZ;
    const pp = peerPotential[i]!;
    // greatest() skips NULL.
    const up = Number.isNaN(pp) ? v : Number.isNaN(v) ? pp : Math.max(v, pp);
    const potential0 = b.secondHalf[i]! >= b.firstHalf[i]! ? up : v;
    potential[i] = group[i] === OTHER ? potential0 : v;
    headroom[i] = group[i] === OTHER ? potential0 - v : 0;
  }
  const growable = new Int32Array(n);
  const growth = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const g = potential[i]! - b.value[i]!;
    if (group[i] === OTHER && g > 0) {
      growable[m] = i;
      growth[m++] = -g;
    }
  }
  for (const i of firstKMembers(growable.subarray(0, m), growth.subarray(0, m), Math.ceil(o.growableShare * n)))
    group[i] = MGC;
  const sizes = new Int32Array(GROUP_NAMES.length);
  for (let i = 0; i < n; i++) sizes[group[i]!]!++;
  const members = Array.from(sizes, (size) => new Int32Array(size));
  sizes.fill(0);
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    members[g]![sizes[g]!++] = i;
  }
  const rows: Row[] = [];
  // Groups in name order (BZ, MGC, MVC, other), as the SQL's ORDER BY grp; empty ones have no rows.
  for (const code of GROUP_ORDER) {
    const g = GROUP_NAMES[code]!;
    const idx = members[code]!;
    if (!idx.length) continue;
    let value = 0;
    let valueN = 0;
    let revenue = 0;
    let revenueN = 0;
    let head = 0;
    let headN = 0;
    for (const i of idx) {
      if (!Number.isNaN(b.value[i]!)) {
        value += b.value[i]!;
        valueN++;
      }
      if (!Number.isNaN(b.revenue[i]!)) {
        revenue += b.revenue[i]!;
        revenueN++;
      }
      if (!Number.isNaN(headroom[i]!)) {
        head += headroom[i]!;
        headN++;
      }
    }
    const key =
      g === 'MGC'
        ? (i: number) => -headroom[i]!
        : g === 'BZ'
          ? (i: number) => b.value[i]!
          : (i: number) => -b.value[i]!;
    const nan = (x: number) => (Number.isNaN(x) ? null : x);
    for (const i of firstK(idx, key, Math.max(o.topN, 1))) {
      rows.push({
        grp: g,
        customer_id: b.ids ? b.ids[i]! : null,
        base_index: i,
        value: nan(b.value[i]!),
        revenue: nan(b.revenue[i]!),
        service_cost: nan(b.serviceCost[i]!),
        peer: b.peers[i]!,
        peer_potential: nan(peerPotential[i]!),
        potential: nan(potential[i]!),
        headroom: nan(headroom[i]!),
        first_half: nan(b.firstHalf[i]!),
        second_half: nan(b.secondHalf[i]!),
        grp_customers: idx.length,
        grp_value: valueN ? value : null,
        grp_revenue: revenueN ? revenue : null,
        grp_headroom: headN ? head : null,
        n,
      });
    }
  }
  return rows;
}

const OTHER = 0;
const MVC = 1;
const BZ = 2;
const MGC = 3;
const GROUP_NAMES = ['other', 'MVC', 'BZ', 'MGC'] as const;
/** The codes in name order: BZ, MGC, MVC, other. */
const GROUP_ORDER = GROUP_NAMES.map((name, code) => ({ name, code }))
  .sort((x, y) => (x.name < y.name ? -1 : 1))
  .map((g) => g.code);

/** What `mvcRows` derives from a base whatever the options: peer groups with their sorted values, and value keys. */
interface PeerGroups {
  /** Customers of each peer group, ascending. */
  members: Int32Array[];
  /** Each group's values, sorted (for the potential quantile). */
  sorted: Float64Array[];
  all: Int32Array;
  negValue: Float64Array;
}

/** Kept beside the base it comes from (a WeakMap: it goes when the base does), so an option change reuses it. */
const peerGroupsByBase = new WeakMap<MvcBase, PeerGroups>();

function peerGroups(b: MvcBase): PeerGroups {
  let g = peerGroupsByBase.get(b);
  if (g) return g;
  const byPeer = new Map<string, number[]>();
  for (let i = 0; i < b.n; i++) {
    const list = byPeer.get(b.peers[i]!);
    if (list) list.push(i);
    else byPeer.set(b.peers[i]!, [i]);
  }
  const members = [...byPeer.values()].map((m) => Int32Array.from(m));
  const all = new Int32Array(b.n);
  const negValue = new Float64Array(b.n);
  for (let i = 0; i < b.n; i++) {
    all[i] = i;
    negValue[i] = -b.value[i]!;
  }
  const sorted = members.map((m) => {
    const v = new Float64Array(m.length);
    for (let j = 0; j < m.length; j++) v[j] = b.value[m[j]!]!;
    return sortedValues(v);
  });
  g = { members, sorted, all, negValue };
  peerGroupsByBase.set(b, g);
  return g;
}
