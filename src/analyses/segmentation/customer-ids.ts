/**
 * Customer ids by `ix`, the customer's position in customer_id order in the summary's
 * `summary.customer_history` (docs/summary.md). Analyses that read per-customer results as typed
 * arrays carry `ix` instead of the id (strings do not cross as typed arrays, and converting a
 * million of them cell by cell costs seconds); the few ids a result lists are looked up here, and
 * kept per dataset version so a later option change that lists the same customers asks nothing.
 * `ixOrder` puts such a result into customer_id order, which ties are broken by.
 */
import type { NumericTable } from '../../sql/table.ts';
import { summaryTables } from '../../model/summary/index.ts';
import type { AnalysisContext } from '../types.ts';

/** At most this many ids per lookup statement (the `IN` list is SQL text). */
const CHUNK = 5000;

/** Ids already looked up in this dataset version. */
async function keptIds(ctx: AnalysisContext): Promise<Map<number, string>> {
  return ctx.memo ? ctx.memo('customer-ids-by-ix', async () => new Map<number, string>()) : new Map();
}

/** The ids of the customers at positions `ix` (whole numbers from the summary), as a map ix → id. */
export async function customerIds(ctx: AnalysisContext, ix: Iterable<number>): Promise<Map<number, string>> {
  const kept = await keptIds(ctx);
  const missing = [...new Set(ix)].filter((i) => !kept.has(i));
  for (let at = 0; at < missing.length; at += CHUNK) {
    const part = missing.slice(at, at + CHUNK);
    if (!part.every((i) => Number.isInteger(i) && i >= 0)) throw new Error('customer index must be a whole number ≥ 0');
    const t = await ctx.db.query(
      `SELECT ix, customer_id FROM ${summaryTables.customerHistory} WHERE ix IN (${part.join(', ')})`,
    );
    const ixs = t.data[0] ?? [];
    const ids = t.data[1] ?? [];
    for (let r = 0; r < ixs.length; r++) kept.set(Number(ixs[r]), String(ids[r]));
  }
  const out = new Map<number, string>();
  for (const i of ix) {
    const id = kept.get(i);
    if (id === undefined) throw new Error(`no customer at index ${i} in ${summaryTables.customerHistory}`);
    out.set(i, id);
  }
  return out;
}

/**
 * Puts the rows of a per-customer numeric result into `ix` (= customer_id) order: the order of
 * `ix` values, by a scatter over their range (no comparison sort). Returns row numbers.
 */
export function ixOrder(ix: Float64Array): Int32Array {
  let max = -1;
  for (let r = 0; r < ix.length; r++) if (ix[r]! > max) max = ix[r]!;
  const at = new Int32Array(max + 1).fill(-1);
  for (let r = 0; r < ix.length; r++) {
    const k = ix[r]!;
    if (!Number.isInteger(k) || k < 0 || at[k] !== -1) throw new Error(`invalid customer index ${k}`);
    at[k] = r;
  }
  const order = new Int32Array(ix.length);
  let n = 0;
  for (let k = 0; k <= max; k++) if (at[k]! >= 0) order[n++] = at[k]!;
  return order;
}

/** A numeric column, its rows taken in `order`. */
export function ordered(t: NumericTable, name: string, order: Int32Array): Float64Array {
  const c = t.columns[name];
  if (!c) throw new Error(`missing column ${name}`);
  return gather(c, order);
}

function gather(c: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = c[order[i]!]!;
  return out;
}
