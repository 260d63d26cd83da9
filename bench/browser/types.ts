/** What the bench page hands back to `run.ts` (structured-clone safe). */
import type { FrameStats } from './frames.ts';

/** One timed call inside the page: `performance.now()` around the Comlink call. */
export interface TimedCall {
  ms: number;
  /** `code: message` of the engine error, or the worker's death, when the call failed. */
  error: string | null;
  frames: FrameStats;
}

/** One CSV file through the import API (`inspectImport` → `importFile` with the suggested mapping). */
export interface ImportTiming {
  fileName: string;
  bytes: number;
  /** Table the suggested mapping picked (the canonical file's stem is expected). */
  suggestedTable: string | null;
  /** Table chosen instead (re-inspected with `table`), when the suggestion was not the file's own table. */
  correctedTo: string | null;
  /** The inspect whose mapping was used (the second one after a correction). */
  inspect: TimedCall;
  import: TimedCall;
  /** Progress callbacks received during `importFile`. */
  progressEvents: number;
  read: number | null;
  imported: number | null;
  rejected: number | null;
  /** Engine-side elapsed time from the import report. */
  engineMs: number | null;
}

/** One registered analysis run with default options. */
export interface AnalysisTiming extends TimedCall {
  id: string;
  /** Row count of each result table. */
  tables: Record<string, number>;
  findings: number;
  charts: number;
  /** The result's headline numbers (compared with the naive reference queries by bench:interactive). */
  scalars?: Record<string, number | string | null>;
}

/** DuckDB's view of its memory after a step. */
export interface MemoryFacts {
  memoryLimit: string;
  /** Sum of `duckdb_memory().memory_usage_bytes`. */
  usedBytes: number;
}
