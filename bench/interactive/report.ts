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
    lines.push(
      `| ${c.label}${c.errors.length ? ` (${c.errors.length} failed)` : ''} | ${c.runs.length} | ${ms(c.medianMs)} | ${ms(c.p95Ms)} | ${ms(max)} | ${ms(c.longestFrameGapMs)} | ${ok} |`,
    );
  }
  return lines.join('\n');
}

/** Browser first run ÷ native naive median, or null when either side is missing or failed. */
export function firstRunRatio(
  browserMs: number | null | undefined,
  nativeMs: number | null | undefined,
): number | null {
  if (browserMs === null || browserMs === undefined || nativeMs === null || nativeMs === undefined || !(nativeMs > 0))
    return null;
  return browserMs / nativeMs;
}

/** A ratio with two decimals, or two significant digits below 0.1 (so 0.004 does not read 0.00). */
export function ratioText(ratio: number): string {
  return ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2);
}

/** One analysis's first run beside its naive reference. */
export interface FirstRunRow {
  analysis: string;
  browserMs: number | null;
  nativeMs: number | null;
  ratio: number | null;
  /** true: same headline numbers; false: they differ; null: not compared (no reference, or a side failed). */
  sameHeadline: boolean | null;
  note: string;
}

/** Pairs every first run with its native reference (by analysis id). */
export function firstRunRows(r: InteractiveResults): FirstRunRow[] {
  const native = new Map(r.native.map((n) => [n.analysis, n]));
  return r.firstRuns.map((f) => {
    const n = native.get(f.analysis);
    const browserMs = f.error ? null : f.ms;
    const nativeMs = n && !n.error ? n.medianMs : null;
    const note = f.error ? 'browser run failed' : !n ? 'no reference query' : n.error ? 'reference query failed' : '';
    const compared = browserMs !== null && nativeMs !== null;
    return {
      analysis: f.analysis,
      browserMs,
      nativeMs,
      ratio: firstRunRatio(browserMs, nativeMs),
      sameHeadline: compared ? n!.mismatches.length === 0 : null,
      note,
    };
  });
}

/** Load and first runs: browser worker, native naive reference, ratio, and whether both gave the same headline numbers. */
export function firstRunTable(r: InteractiveResults): string {
  const lines = [
    '| step | browser worker ms | native naive 1-thread ms | ratio browser ÷ native | same headline numbers |',
    '|---|---:|---:|---:|:---:|',
  ];
  lines.push(`| import of every file (summary included) | ${ms(r.importMs)} | ${ms(r.nativeLoadMs)} ¹ | | |`);
  lines.push(`| of which: customer-base summary build | ${ms(r.summaryBuildMs)} | | | |`);
  for (const row of firstRunRows(r)) {
    const same = row.sameHeadline === null ? '' : row.sameHeadline ? 'yes' : '**no**';
    const ratio = row.ratio === null ? '' : `${ratioText(row.ratio)}×`;
    lines.push(
      `| first ${row.analysis} after load${row.note ? ` (${row.note})` : ''} | ${ms(row.browserMs)} | ${ms(row.nativeMs)} | ${ratio} | ${same} |`,
    );
  }
  return lines.join('\n');
}

/** One sentence under the table: how many analyses beat their naive reference, and which did not. */
export function ratioSummary(r: InteractiveResults): string {
  const rows = firstRunRows(r).filter((x) => x.ratio !== null);
  if (!rows.length) return 'No analysis had both a browser first run and a native reference.';
  const slow = rows.filter((x) => x.ratio! >= 1).sort((a, b) => b.ratio! - a.ratio!);
  const differ = firstRunRows(r)
    .filter((x) => x.sameHeadline === false)
    .map((x) => x.analysis);
  const parts = [
    `Ratio below 1 for ${rows.length - slow.length} of ${rows.length} analyses` +
      (slow.length
        ? `; at or above 1: ${slow.map((x) => `${x.analysis} (${ratioText(x.ratio!)}×)`).join(', ')}.`
        : '.'),
  ];
  if (differ.length) parts.push(`Headline numbers differ from the reference for: ${differ.join(', ')}.`);
  parts.push(
    '¹ Native: `read_csv` of the four files into tables, not the import path; not part of any ratio. ' +
      'Native figures are the median of three timed runs after one warm-up; browser figures are one run each, the first after the load.',
  );
  return parts.join(' ');
}

/** The whole generated section: heading, first runs beside the naive references, sliders. */
export function interactiveSection(r: InteractiveResults): string {
  return [interactiveHeading(r), '', firstRunTable(r), '', ratioSummary(r), '', interactiveTable(r)].join('\n');
}

/** Median and p95 of a list of runs (null when empty). */
export function caseStats(runs: readonly number[]): { medianMs: number | null; p95Ms: number | null } {
  if (!runs.length) return { medianMs: null, p95Ms: null };
  return { medianMs: percentile(runs, 50), p95Ms: percentile(runs, 95) };
}
