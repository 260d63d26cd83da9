/** The JSON `npm run bench:app` writes (bench/out/app-<N|sample>.json), and the raw page records it is computed from. */

/** One main-thread long task, as `PerformanceObserver({ type: 'longtask' })` reports it (page clock, ms). */
export interface LongTask {
  start: number;
  duration: number;
}

/** One `input` event on a range control (page clock: the event's `timeStamp`). */
export interface InputRecord {
  t: number;
  id: string;
  value: string;
}

/** A chart redraw: a child list change inside a cell's chart (`performance.now()`), and the next animation frame after it. */
export interface ChartRecord {
  cell: string;
  t: number;
  frame: number | null;
}

/** What the page recorded, read back after each drag. */
export interface PageRecords {
  longTasks: LongTask[];
  inputs: InputRecord[];
  charts: ChartRecord[];
}

/** One drag of the margin slider, as computed from the page records. */
export interface DragResult {
  /** Keys pressed (positions moved through). */
  positions: number;
  /** `input` events the slider fired during the drag. */
  inputEvents: number;
  /** First to last input event: how long the drag took (key presses wait for a busy page). */
  dragMs: number;
  /** Long tasks overlapping the drag, from its first input until every cell had settled. */
  longTasks: number;
  longestTaskMs: number | null;
  /** Last input event → last redraw of the chart cell (the whale curve's revenue/profit chart). */
  chartMs: number | null;
  /** Same, to the first animation frame after that redraw (when it can be painted). */
  chartFrameMs: number | null;
  /** Last input event → last redraw of the whale analysis cell's own chart. */
  whaleChartMs: number | null;
  /** Last input event → every cell settled (polled once per frame, so within a frame). */
  settledMs: number;
  /** The margin value at the end of the drag. */
  finalMargin: string | null;
}

/** The JSON file. */
export interface AppResults {
  date: string;
  /** `sample` or the generated dataset's customer count. */
  dataset: { label: string; customers: number | null; rows: Record<string, number> | null };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    os: string;
    node: string;
    chromium: string;
    /** 1-minute load average: every 5 s through the run (`samples`) and summarised. */
    loadAverage: { before: number; after: number; max: number; mean: number; samples: number[] };
  };
  method: { pauseMs: number; positionsPerDrag: number; drags: number; chartCell: string };
  /** Import of the generated CSV files through the app's wizard (null for the sample). */
  importMs: number | null;
  /** Opening the notebook until every cell had run. */
  firstRunMs: number | null;
  /** Long tasks over the whole page life (load, import, first run and drags). */
  wholeRun: { longTasks: number; longestTaskMs: number | null };
  drags: DragResult[];
  aborted: string | null;
}
