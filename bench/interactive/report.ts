/** Markdown tables from `InteractiveResults`, for the console and docs/benchmarks.md. Pure. */
import { percentile } from './stats.ts';
import type { InteractiveResults } from './types.ts';

const ms = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);

/** The run's heading line: machine, load average, engines. */
export function interactiveHeading(r: InteractiveResults): string {
  const la = r.machine.loadAverage;
  return (
    `${r.dataset.customers.toLocaleString('en-US')} customers (${(r.dataset.rows.transactions ?? 0).toLocaleString('en-US')} transactions); ` +
    `${r.date.slice(0, 10)}; ${r.machine.cpus} cores; Chromium ${r.machine.chromium}; DuckDB-WASM ${r.duckdbVersion} in the worker, ` +
    `native DuckDB ${r.nativeVersion} (1 thread); 1-minute load average ${la.before.toFixed(1)} at the start, ${la.after.toFixed(1)} at the end ` +
    `(max ${la.max.toFixed(1)}, mean ${la.mean.toFixed(1)}).`
  );
}

/** Option changes: one row per slider with median and p95 in the browser worker. */
export function interactiveTable(r: InteractiveResults): string {
  const lines = [
    '| slider | positions | median ms | p95 ms | max ms | longest frame gap ms | ≤ 100 ms median |',
    '|---|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const c of r.cases) {
    const max = c.runs.length ? Math.max(...c.runs) : null;
    const ok = c.medianMs === null ? '—' : c.medianMs <= 100 ? 'yes' : 'no';
    lines.push(`| ${c.label}${c.errors.length ? ` (${c.errors.length} failed)` : ''} | ${c.runs.length} | ${ms(c.medianMs)} | ${ms(c.p95Ms)} | ${ms(max)} | ${ms(c.longestFrameGapMs)} | ${ok} |`);
  }
  return lines.join('\n');
}

/** Load and first runs, with the native naive whale query beside the whale curve. */
export function firstRunTable(r: InteractiveResults): string {
  const lines = ['| step | browser worker ms | native naive 1-thread ms | ratio |', '|---|---:|---:|---:|'];
  lines.push(`| import of every file (summary included) | ${ms(r.importMs)} | | |`);
  lines.push(`| of which: customer-base summary build | ${ms(r.summaryBuildMs)} | | |`);
  for (const f of r.firstRuns) {
    const native = f.analysis === 'whale-curve' ? r.nativeWhale?.medianMs ?? null : null;
    const ratio = native && !f.error ? `${(f.ms / native).toFixed(2)}×` : '';
    lines.push(`| first ${f.analysis} after load${f.error ? ' (failed)' : ''} | ${ms(f.ms)} | ${ms(native)} | ${ratio} |`);
  }
  return lines.join('\n');
}

/** Median and p95 of a list of runs (null when empty). */
export function caseStats(runs: readonly number[]): { medianMs: number | null; p95Ms: number | null } {
  if (!runs.length) return { medianMs: null, p95Ms: null };
  return { medianMs: percentile(runs, 50), p95Ms: percentile(runs, 95) };
}
