/** A memo table keyed by customer history, for per-history caching of model scores. */
/**
 * A map keyed by a customer history (x, T, tₓ), through nested number maps: no string key to build
 * per customer, which matters at a million customers. Keys compare as numbers (SameValueZero).
 */
export class HistoryMap<V> {
  private readonly byX = new Map<number, Map<number, Map<number, V>>>();

  /** The value stored for (x, T, recency), made and stored by `make` the first time. */
  get(x: number, T: number, recency: number, make: () => V): V {
    let byT = this.byX.get(x);
    if (!byT) this.byX.set(x, (byT = new Map<number, Map<number, V>>()));
    let byR = byT.get(T);
    if (!byR) byT.set(T, (byR = new Map<number, V>()));
    let v = byR.get(recency);
    if (v === undefined) byR.set(recency, (v = make()));
    return v;
  }
}
