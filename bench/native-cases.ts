/**
 * The native side of each case: the statements recorded from the WASM run, replayed on
 * `@duckdb/node-api`. The CSV load reads the same files from disk (the WASM engine reads the
 * bytes registered in its heap; the files are in the OS page cache after the first read).
 */
import path from 'node:path';
import { canonicalCsvPattern } from '../src/engine/load-csv.ts';
import type { BenchCase } from './cases.ts';
import type { BenchDataset } from './dataset.ts';
import { replayOnNative, runNative, type NativeDb } from './native.ts';
import type { RecordedQuery } from './recorded.ts';
import { timeRuns, type Timing } from './stats.ts';

/** Native timing of one case and any row-count disagreement with WASM. */
export interface NativeCaseResult {
  timing: Timing;
  mismatches: string[];
}

/** Maps the engine's registered file names (`canonicalCsvPath(<table>)`) to the dataset's files on disk. */
export function hostPaths(dir: string): (sql: string) => string {
  return (sql) =>
    sql.replace(canonicalCsvPattern(), (_m, table: string) => {
      const file = path.join(dir, `${table}.csv`);
      if (file.includes("'")) throw new Error(`dataset path must not contain a quote: ${file}`);
      return `'${file}'`;
    });
}

/** Times `queries` (recorded on WASM for case `c`) on a native connection: one warm-up, then `repeat` runs. */
export async function runNativeCase(
  db: NativeDb,
  c: BenchCase,
  queries: readonly RecordedQuery[],
  dataset: BenchDataset,
  repeat: number,
): Promise<NativeCaseResult> {
  if (c.kind === 'sql') await runNative(db, c.setup);
  const rewrite = c.kind === 'load' ? hostPaths(dataset.dir) : undefined;
  let mismatches: string[] = [];
  const timing = await timeRuns(
    async () => {
      mismatches = await replayOnNative(db, queries, rewrite);
    },
    repeat,
    1,
  );
  return { timing, mismatches };
}
