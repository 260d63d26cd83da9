/**
 * What the benchmark times. Analyses run with their default options, as a notebook cell with no
 * options would; the plain scan is a yardstick independent of the dataset's size.
 */

/** Loading the four canonical CSV files into tables (the app's `loadCanonicalCsv`). */
export interface LoadCase {
  kind: 'load';
  name: 'csv-load';
  description: string;
}

/** One registered analysis, run through `engine.runAnalysis`. */
export interface AnalysisCase {
  kind: 'analysis';
  name: string;
  /** Registry id of the analysis. */
  analysis: string;
  options: Record<string, unknown>;
  description: string;
}

/** A single SQL statement over a table built (untimed) by `setup`. */
export interface SqlCase {
  kind: 'sql';
  name: string;
  setup: string;
  sql: string;
  description: string;
}

export type BenchCase = LoadCase | AnalysisCase | SqlCase;

/** Every case, in run order (the load comes first: the analyses read its tables). */
export const benchCases: readonly BenchCase[] = [
  { kind: 'load', name: 'csv-load', description: 'CSV load of transactions, customers, service_costs, surveys' },
  {
    kind: 'analysis',
    name: 'whale-curve',
    analysis: 'whale-curve',
    options: {},
    description: 'Whale curve (profitability), default options',
  },
  {
    kind: 'analysis',
    name: 'profit-diagnostics',
    analysis: 'profit-diagnostics',
    options: {},
    description: 'Profit diagnostics (profitability), default options',
  },
  {
    kind: 'analysis',
    name: 'rfm',
    analysis: 'rfm',
    options: {},
    description: 'RFM segments (segmentation), default options',
  },
  {
    kind: 'analysis',
    name: 'tiers',
    analysis: 'tiers',
    options: {},
    description: 'Customer tiers (segmentation), default options',
  },
  {
    kind: 'sql',
    name: 'scan-1m',
    // A deterministic pseudo-random column (multiplicative hash) so both engines scan identical data.
    setup: `CREATE OR REPLACE TABLE bench_scan AS
      SELECT range AS id, range % 1000 AS g, ((range * 2654435761) % 1000003) / 1000003.0 AS x FROM range(1000000)`,
    sql: 'SELECT g, count(*) AS n, sum(x) AS total, avg(x) AS mean, max(id) AS last FROM bench_scan GROUP BY g',
    description: 'Plain scan + GROUP BY over 1M generated rows (1,000 groups)',
  },
];

/** Picks cases by name (`--only a,b`); the CSV load always runs because the analyses need its tables. */
export function selectCases(only: readonly string[] | undefined): BenchCase[] {
  if (!only || only.length === 0) return [...benchCases];
  const unknown = only.filter((n) => !benchCases.some((c) => c.name === n));
  if (unknown.length)
    throw new Error(`unknown case(s) ${unknown.join(', ')}: choose from ${benchCases.map((c) => c.name).join(', ')}`);
  return benchCases.filter((c) => c.kind === 'load' || only.includes(c.name));
}
