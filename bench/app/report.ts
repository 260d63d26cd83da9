/**
 * Pure helpers of `npm run bench:app`: the figures of one drag from the page's raw records, the
 * median/max summary, the Markdown printed and written into docs/benchmarks.md, and the
 * replacement of that generated section. No I/O, so they are unit-tested (report.test.ts).
 */
import type { AppResults, DragResult, PageRecords } from './types.ts';

/** The targets of issue 12 point 7: no main-thread task over 50 ms, the chart updated within 150 ms. */
export const TARGET = { longTaskMs: 50, chartMs: 150 } as const;

/** Median (mean of the middle two for an even count) and max; nulls for no values. */
export function medianMax(values: readonly number[]): { median: number | null; max: number | null } {
  if (!values.length) return { median: null, max: null };
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, max: s.at(-1)! };
}

/**
 * One drag's figures. `from` is the page time just before its first key press, `settledAt` the
 * page time every cell was seen settled; `inputId` the slider's element id and `chartCell` the
 * chart cell's id. A chart redraw counts only after the last input: the runtime drops superseded
 * runs, so a redraw after it can only show the last position's result.
 */
export function dragFigures(
  rec: PageRecords,
  w: { from: number; settledAt: number; inputId: string; chartCell: string; whaleCell: string; positions: number },
): DragResult {
  const inputs = rec.inputs.filter((i) => i.id === w.inputId && i.t >= w.from && i.t <= w.settledAt);
  const last = inputs.at(-1);
  const tasks = rec.longTasks.filter((l) => l.start + l.duration > w.from && l.start < w.settledAt);
  const lastRedraw = (cell: string) =>
    rec.charts
      .filter((c) => c.cell === cell && last !== undefined && c.t > last.t && c.t <= w.settledAt + 1_000)
      .at(-1);
  const chart = lastRedraw(w.chartCell);
  const whale = lastRedraw(w.whaleCell);
  return {
    positions: w.positions,
    inputEvents: inputs.length,
    dragMs: last ? last.t - inputs[0]!.t : 0,
    longTasks: tasks.length,
    longestTaskMs: tasks.length ? Math.max(...tasks.map((l) => l.duration)) : null,
    chartMs: chart && last ? chart.t - last.t : null,
    chartFrameMs: chart?.frame != null && last ? chart.frame - last.t : null,
    whaleChartMs: whale && last ? whale.t - last.t : null,
    settledMs: last ? w.settledAt - last.t : 0,
    finalMargin: last?.value ?? null,
  };
}

const ms = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);

/** The run's heading: dataset, machine, Chromium, load average. */
export function appHeading(r: AppResults): string {
  const la = r.machine.loadAverage;
  const data =
    r.dataset.customers === null
      ? 'the built-in sample'
      : `${r.dataset.customers.toLocaleString('en-US')} customers (${(r.dataset.rows?.transactions ?? 0).toLocaleString('en-US')} transactions) imported through the wizard in ${ms(r.importMs)} ms`;
  return (
    `**${r.dataset.label}**: ${data}; ${r.date.slice(0, 10)}; ${r.machine.cpus} cores (${r.machine.cpuModel}); Chromium ${r.machine.chromium}; ` +
    `${r.method.drags} drags of ${r.method.positionsPerDrag} arrow-key steps, ${r.method.pauseMs} ms apart; ` +
    `1-minute load average ${la.before.toFixed(1)} at the start, ${la.after.toFixed(1)} at the end (max ${la.max.toFixed(1)}, mean ${la.mean.toFixed(1)}).`
  );
}

/** One row per drag, then median and max, then the verdict against the targets. */
export function appTable(r: AppResults): string {
  const lines = [
    '| drag | input events | drag ms | long tasks > 50 ms | longest task ms | last input → chart redrawn ms | → next frame ms | → whale cell chart ms | → every cell settled ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  r.drags.forEach((d, i) =>
    lines.push(
      `| ${i + 1} (to ${d.finalMargin ?? '?'}) | ${d.inputEvents} | ${ms(d.dragMs)} | ${d.longTasks} | ${ms(d.longestTaskMs)} | ${ms(d.chartMs)} | ${ms(d.chartFrameMs)} | ${ms(d.whaleChartMs)} | ${ms(d.settledMs)} |`,
    ),
  );
  const col = (f: (d: DragResult) => number | null) => medianMax(r.drags.map(f).filter((v): v is number => v !== null));
  const cols = [
    (d: DragResult) => d.longTasks,
    (d: DragResult) => d.longestTaskMs,
    (d: DragResult) => d.chartMs,
    (d: DragResult) => d.chartFrameMs,
    (d: DragResult) => d.whaleChartMs,
    (d: DragResult) => d.settledMs,
  ];
  const stats = cols.map(col);
  const cell = (v: number | null, i: number) => (i === 0 ? String(v ?? '—') : ms(v));
  lines.push(`| **median** | | | ${stats.map((s, i) => cell(s.median, i)).join(' | ')} |`);
  lines.push(`| **max** | | | ${stats.map((s, i) => cell(s.max, i)).join(' | ')} |`);
  const tasks = r.drags.reduce((n, d) => n + d.longTasks, 0);
  const chart = stats[2]!;
  const whole = r.wholeRun;
  lines.push(
    '',
    `No main-thread task over ${TARGET.longTaskMs} ms during the drags: **${tasks === 0 ? 'yes' : `no (${tasks}, longest ${ms(stats[1]!.max)} ms)`}**. ` +
      `Chart redrawn within ${TARGET.chartMs} ms of the last input: **${chart.max === null ? 'not measured' : chart.max <= TARGET.chartMs ? 'yes, every drag' : chart.median !== null && chart.median <= TARGET.chartMs ? 'median yes, max no' : 'no'}**. ` +
      `Whole page life (load${r.importMs === null ? '' : ', import'}, first run ${ms(r.firstRunMs)} ms, drags): ${whole.longTasks} long tasks, longest ${ms(whole.longestTaskMs)} ms.`,
  );
  return lines.join('\n');
}

/** The docs/benchmarks.md markers of one dataset's generated section. */
export function markers(label: string, command: string): { begin: string; end: string } {
  return {
    begin: `<!-- bench:app:${label}:begin (generated by ${command}) -->`,
    end: `<!-- bench:app:${label}:end -->`,
  };
}

/** Replaces the section between the markers of `label` (any generator note on the begin marker), or appends it. */
export function replaceAppSection(doc: string, label: string, command: string, body: string): string {
  const { begin, end } = markers(label, command);
  const block = `${begin}\n${body.trim()}\n${end}`;
  const from = doc.indexOf(`<!-- bench:app:${label}:begin`);
  const to = doc.indexOf(end);
  if (from >= 0 && to > from) return doc.slice(0, from) + block + doc.slice(to + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
