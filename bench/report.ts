/**
 * The results document (JSON) and its Markdown table. Pure: no IO, so it is unit-tested.
 */
import type { Timing } from './stats.ts';

/** One row of the results. */
export interface CaseResult {
  name: string;
  description: string;
  /** Statements the case sends to DuckDB (more than one: native is the sum of them). */
  statements: number;
  wasm: { endToEnd: Timing; sqlOnly: Timing };
  native1: Timing | null;
  nativeDefault: Timing | null;
  /** wasm SQL-only median / native 1-thread median. */
  ratio: number | null;
  /** Statements whose row counts differed between WASM and native (should be empty). */
  mismatches: string[];
}

/** Everything a run writes to JSON. */
export interface BenchResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    /** 1-minute load average at the start and end of the run: above the core count, other work competed. */
    loadAverage: { before: number; after: number };
  };
  engines: { wasm: string; native: string; nativeDefaultThreads: number };
  dataset: { customers: number; seed: number; rows: Record<string, number>; bytes: Record<string, number> };
  repeat: number;
  cases: CaseResult[];
}

/** Milliseconds for a table cell: one decimal under 100 ms, whole numbers with thousands separators above. */
export function ms(x: number): string {
  return x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
}

function cell(t: Timing | null): string {
  return t ? `${ms(t.median)} (${ms(t.min)}–${ms(t.max)})` : '—';
}

/** Median/ratio, or `—` when either side is missing. */
export function ratio(wasm: Timing, native: Timing | null): number | null {
  return native && native.median > 0 ? wasm.median / native.median : null;
}

/** The Markdown table: median (min–max) per engine, and the WASM/native-1-thread ratio on the same statements. */
export function markdownTable(results: BenchResults): string {
  const lines = [
    '| query | wasm median ms (end to end) | wasm SQL-only ms | native 1-thread ms | native default ms | ratio (wasm SQL / native 1t) | statements |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of results.cases) {
    lines.push(
      `| ${c.name} | ${cell(c.wasm.endToEnd)} | ${cell(c.wasm.sqlOnly)} | ${cell(c.native1)} | ${cell(c.nativeDefault)} | ${c.ratio === null ? '—' : c.ratio.toFixed(2) + '×'} | ${c.statements} |`,
    );
  }
  return lines.join('\n');
}

/** The caption printed under the table: what each column measures. */
export function tableNotes(results: BenchResults): string {
  const r = results.dataset.rows;
  return [
    `Dataset: ${results.dataset.customers.toLocaleString('en-US')} customers (seed ${results.dataset.seed}): ` +
      Object.entries(r)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
        .join(', ') +
      ` rows. Medians of ${results.repeat} runs, (min–max).`,
    `WASM: DuckDB ${results.engines.wasm} (DuckDB-WASM blocking build, our engine). Native: DuckDB ${results.engines.native} (@duckdb/node-api), 1 thread and default (${results.engines.nativeDefaultThreads} threads).`,
    `Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}; 1-minute load average ${results.machine.loadAverage.before.toFixed(1)} before, ${results.machine.loadAverage.after.toFixed(1)} after.`,
    'End to end = the app-level call (loadCanonicalCsv incl. the table listing; runAnalysis incl. the dataset profile and the numerics in JS).',
    'SQL-only and native = the sum of the statements that call sent to DuckDB, recorded on WASM and replayed one by one; where "statements" > 1 the figure is that sum.',
  ].join('\n');
}
