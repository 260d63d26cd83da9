/** The JSON `npm run bench:interactive` writes (bench/out/interactive-<N>.json). */
export interface InteractiveResults {
  date: string;
  machine: { cpus: number; cpuModel: string; chromium: string; loadAverage: { before: number; after: number; max: number; mean: number } };
  duckdbVersion: string;
  nativeVersion: string;
  dataset: { customers: number; rows: Record<string, number> };
  /** Import of the dataset's files through the import API, summary build included. */
  importMs: number | null;
  /** Time the customer-base summary took to build inside that import. */
  summaryBuildMs: number | null;
  /** First run of each analysis after the load, default options. */
  firstRuns: { analysis: string; ms: number; error: string | null }[];
  /** The hand-written naive whale query (bench/reference/whale-curve.sql) on native DuckDB, 1 thread. */
  nativeWhale: { medianMs: number; runs: number[] } | null;
  /** One row per slider. */
  cases: { key: string; label: string; analysis: string; runs: number[]; errors: string[]; medianMs: number | null; p95Ms: number | null; longestFrameGapMs: number }[];
  aborted: string | null;
}
