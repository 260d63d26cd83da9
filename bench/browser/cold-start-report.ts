/** The cold-start runs as a Markdown table (pure). */
import { fmtMs } from './report.ts';

/** Milliseconds from navigation start to each milestone of one reload (absent: never seen). */
export interface ColdStartRun {
  run: number;
  /** The notebook's cells are on the page. */
  cellsShown?: number;
  /** A cell was shown as "Not run" before the engine was ready (it was about to run). */
  idleBeforeReady?: number;
  engineReady?: number;
  /** The sample's tables are in the data panel. */
  sampleLoaded?: number;
  firstCellRunning?: number;
  /** The first chart on the page, saved by the last visit or computed. */
  firstChart?: number;
  /** The first chart shown from the last visit's saved results (before this visit's run). */
  savedChart?: number;
  /** The first chart this visit's engine computed. */
  computedChart?: number;
}

const cell = (x: number | undefined) => (x === undefined ? '—' : fmtMs(x));

/** One row per reload, then the median of each column. */
export function coldStartTable(runs: readonly ColdStartRun[]): string {
  const cols: [keyof ColdStartRun, string][] = [
    ['cellsShown', 'cells shown'],
    ['engineReady', 'engine ready'],
    ['sampleLoaded', 'sample loaded'],
    ['firstCellRunning', 'first cell running'],
    ['firstChart', '**first chart**'],
    ['savedChart', 'saved chart shown'],
    ['computedChart', 'first chart computed'],
    ['idleBeforeReady', '"Not run" shown while starting'],
  ];
  const lines = [
    `| reload | ${cols.map(([, h]) => `${h} ms`).join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
  ];
  for (const r of runs) lines.push(`| ${r.run} | ${cols.map(([k]) => cell(r[k])).join(' | ')} |`);
  const median = (k: keyof ColdStartRun) => {
    const xs = runs
      .map((r) => r[k])
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => a - b);
    return xs.length ? xs[Math.floor((xs.length - 1) / 2)] : undefined;
  };
  lines.push(`| median | ${cols.map(([k]) => cell(median(k))).join(' | ')} |`);
  return lines.join('\n');
}
