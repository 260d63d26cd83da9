/**
 * Prepared data kept for the dataset version, one variant at a time: `read` runs once per key,
 * and a new key replaces the one kept (each variant holds every customer's values, so a sweep
 * over periods or queries must not keep them all). A failed read is forgotten.
 */
import type { AnalysisContext } from './types.ts';

export async function memoLatest<T>(
  ctx: AnalysisContext,
  name: string,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  if (!ctx.memo) return read();
  const kept = await ctx.memo(name, async () => new Map<string, Promise<T>>());
  let p = kept.get(key);
  if (!p) {
    kept.clear();
    p = read();
    kept.set(key, p);
    p.catch(() => kept.delete(key));
  }
  return p;
}
