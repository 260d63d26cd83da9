/**
 * Timing summaries. A benchmark reports the median of its timed runs (robust to one slow run
 * from a GC pause or the OS) with the min and max beside it so the spread stays visible.
 */

/** Median, min and max of a set of timings, in milliseconds. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  /** Every timed run, in order. */
  runs: number[];
}

/** Summarises timed runs; throws on an empty list (a case that never ran has no timing). */
export function summarise(runs: readonly number[]): Timing {
  if (runs.length === 0) throw new Error('summarise: no timed runs');
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: [...runs] };
}

/** Wall-clock milliseconds of one awaited call. */
export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs `fn` `warmup` times untimed, then `repeat` times timed. */
export async function timeRuns(fn: () => Promise<unknown>, repeat: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) runs.push(await timeOnce(fn));
  return summarise(runs);
}
