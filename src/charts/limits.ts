/**
 * Upper bounds on what a chart may ask Observable Plot to draw. A spec is untrusted (a notebook
 * anyone may have written) and Plot draws synchronously on the UI thread: `x: { ticks: 100000000 }`
 * or `width: 10000000` makes it build millions of ticks and the tab never comes back, and the app
 * reopens the last notebook at start-up. Each bound is far above any useful chart (a slide is
 * 1280 px wide; a readable axis has tens of ticks) and low enough that drawing stays under a second.
 */
export const CHART_LIMITS = {
  /** `ticks` of any scale. */
  ticks: 100,
  /** `width` and `height` in px. */
  size: 4000,
  /** Each margin in px. */
  margin: 1000,
  /** Marks in one chart. */
  marks: 50,
  /** Entries of an inline list: `rows`, `values`, a scale's `domain` or `range`. */
  list: 10_000,
  /** Rows one mark draws (the notebook runtime hands charts at most 100,000 rows of a table). */
  markRows: 100_000,
  /** Rows all marks of a chart draw together. */
  points: 500_000,
  /** Facet panels (distinct fx values × distinct fy values). */
  facets: 100,
  /** Bands a numeric or time `interval` option cuts a mark's extent into. */
  bands: 10_000,
} as const;

/** Milliseconds of each named time interval (months and years at their shortest, to err high on counts). */
export const INTERVAL_MS: Record<string, number> = {
  millisecond: 1,
  second: 1e3,
  minute: 6e4,
  hour: 3.6e6,
  day: 8.64e7,
  week: 6.048e8,
  monday: 6.048e8,
  sunday: 6.048e8,
  month: 28 * 8.64e7,
  quarter: 89 * 8.64e7,
  half: 181 * 8.64e7,
  year: 365 * 8.64e7,
};
