/** The JSON `npm run bench:interactive` writes (bench/out/interactive-<N>.json). */
export interface InteractiveResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    chromium: string;
    loadAverage: { before: number; after: number; max: number; mean: number };
  };
  duckdbVersion: string;
  nativeVersion: string;
  dataset: { customers: number; rows: Record<string, number> };
  /** Import of the dataset's files through the import API, summary build included. */
  importMs: number | null;
  /** Time the customer-base summary took to build inside that import. */
  summaryBuildMs: number | null;
  /** First run of each analysis after the load, default options, in the browser worker. */
  firstRuns: FirstRun[];
  /** Native DuckDB's load of the four CSV files (not part of any ratio). */
  nativeLoadMs: number | null;
  /** The hand-written naive reference query of each analysis (bench/reference/<analysis>.sql) on native DuckDB, 1 thread. */
  native: NativeReference[];
  /** One row per slider. */
  cases: {
    key: string;
    label: string;
    analysis: string;
    runs: number[];
    errors: string[];
    medianMs: number | null;
    p95Ms: number | null;
    longestFrameGapMs: number;
  }[];
  aborted: string | null;
}

/** One analysis's first run after the load in the browser worker. */
export interface FirstRun {
  analysis: string;
  ms: number;
  error: string | null;
  longestFrameGapMs?: number;
  /** The result's headline numbers, to check the naive reference against. */
  scalars?: Record<string, number | string | null>;
}

/** One naive reference query on native DuckDB: one warm-up, then the timed runs. */
export interface NativeReference {
  analysis: string;
  /** Median of `runs` (null when the query failed). */
  medianMs: number | null;
  runs: number[];
  error: string | null;
  /** Its headline numbers (the query's single row). */
  headline: Record<string, number | string | null>;
  /** Headline numbers that differ from the browser's first run (name: reference vs analysis); empty when they agree. */
  mismatches: string[];
}
