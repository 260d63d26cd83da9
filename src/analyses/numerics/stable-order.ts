/**
 * Stable ordering of a million numbers in tens of milliseconds.
 *
 * Written by hand because no maintained library does this exact job: we need the permutation
 * (not the sorted values), stability (ties keep index order, which is customer-id order and so
 * reproduces SQL's `ORDER BY value, customer_id`), and speed at 1M rows. A comparator sort of an
 * index array costs ~300–400 ms there; this LSD radix sort over the IEEE-754 bit patterns takes
 * at most four counting passes of 16 bits, and is stable by construction
 * (timings: docs/benchmarks.md).
 */

const RADIX_BITS = 16;
const BUCKETS = 1 << RADIX_BITS;
const MASK = BUCKETS - 1;

/**
 * Indices `0…n−1` ordered by `values` ascending (or descending), ties in index order.
 * NaN is not allowed (filter it out first); −0 and +0 are equal.
 */
export function stableOrder(values: Float64Array, direction: 'ascending' | 'descending' = 'ascending'): Uint32Array {
  const n = values.length;
  // Sortable keys: flip the sign bit of non-negative numbers and every bit of negative ones, so
  // unsigned comparison of (hi, lo) orders the numbers. Descending sorts −x ascending.
  const bits = new Float64Array(n);
  const sign = direction === 'descending' ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new Error(`stableOrder: NaN at index ${i}`);
    bits[i] = v === 0 ? 0 : sign * v;
  }
  const words = new Uint32Array(bits.buffer);
  // Little-endian: words[2i] is the low half, words[2i + 1] the high half.
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!;
    const l = words[2 * i]!;
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  // Keys travel with the indices, so every pass reads sequentially (random reads of a key by
  // index made each pass ~4× slower at 1M rows).
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let keyLo = lo;
  let keyHi = hi;
  let nextOrder = new Uint32Array(n);
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  for (const [high, shift] of [[false, 0], [false, RADIX_BITS], [true, 0], [true, RADIX_BITS]] as const) {
    const word = high ? keyHi : keyLo;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(word[i]! >>> shift) & MASK]!++;
    // A digit every key shares moves nothing: skip the pass (common for the high bits).
    if (n === 0 || counts[(word[0]! >>> shift) & MASK] === n) continue;
    let total = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]!;
      counts[b] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(word[i]! >>> shift) & MASK]!++;
      nextOrder[at] = order[i]!;
      nextLo[at] = keyLo[i]!;
      nextHi[at] = keyHi[i]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [keyLo, nextLo] = [nextLo, keyLo];
    [keyHi, nextHi] = [nextHi, keyHi];
  }
  return order;
}
