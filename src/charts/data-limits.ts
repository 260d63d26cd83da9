/**
 * The bounds of `limits.ts` that depend on the data a chart draws: rows per mark and in all,
 * facet panels, and the bands an `interval` option cuts an extent into. Checked before Plot is
 * called, so an oversized chart fails at once with a message instead of freezing the page.
 */
import type { Row } from '../sql/table.ts';
import { ChartSpecError, markLabel } from './errors.ts';
import { CHART_LIMITS, INTERVAL_MS } from './limits.ts';
import type { ChartSpec, MarkSpec } from './spec.ts';
import { count as counted } from '../format/number.ts';

/** Throws `ChartSpecError` when drawing `spec` over the tables `resolve` returns would exceed a bound. */
export function checkDataLimits(spec: ChartSpec, resolve: (name: string) => Row[] | undefined): void {
  let points = 0;
  spec.marks.forEach((mark, index) => {
    const where = markLabel(index, mark.type);
    const rows = markRows(mark, spec, resolve);
    const count = mark.values?.length ?? rows.length;
    if (count > CHART_LIMITS.markRows) {
      throw new ChartSpecError(
        `${where} would draw ${counted(count)} rows; at most ${counted(CHART_LIMITS.markRows)}: aggregate the data in SQL first`,
      );
    }
    points += count;
    const facets = distinct(rows, mark.fx) * distinct(rows, mark.fy);
    if (facets > CHART_LIMITS.facets) {
      throw new ChartSpecError(
        `${where} would draw ${counted(facets)} facet panels; at most ${CHART_LIMITS.facets}: facet by a column with fewer values`,
      );
    }
    const bands = intervalBands(mark, rows);
    if (bands > CHART_LIMITS.bands) {
      throw new ChartSpecError(
        `${where}: interval ${JSON.stringify(mark.options?.interval)} cuts the data into ${counted(bands)} bands; at most ${counted(CHART_LIMITS.bands)}: use a wider interval`,
      );
    }
  });
  if (points > CHART_LIMITS.points) {
    throw new ChartSpecError(
      `the chart would draw ${counted(points)} rows in all; at most ${counted(CHART_LIMITS.points)}: aggregate the data in SQL first`,
    );
  }
}

/** The rows a mark draws (missing tables are reported later, by the mark builder). */
function markRows(mark: MarkSpec, spec: ChartSpec, resolve: (name: string) => Row[] | undefined): readonly Row[] {
  if (mark.rows !== undefined) return mark.rows;
  const name = mark.data ?? spec.data;
  const rows = name === undefined ? undefined : resolve(name);
  return Array.isArray(rows) ? rows : [];
}

/** Distinct values of a column channel (1 for a constant or an absent channel). */
function distinct(rows: readonly Row[], channel: MarkSpec['fx']): number {
  if (typeof channel !== 'string') return 1;
  const values = new Set<unknown>();
  for (const row of rows) values.add(row[channel] instanceof Date ? row[channel].getTime() : row[channel]);
  return Math.max(1, values.size);
}

/**
 * How many bands the mark's `interval` makes of its extent. `barY`/`rectY`/… bin x and `barX`/…
 * bin y; for other marks either may be binned, so the smaller count is taken (never a false alarm).
 */
function intervalBands(mark: MarkSpec, rows: readonly Row[]): number {
  const interval = mark.options?.interval;
  const step =
    typeof interval === 'number' ? interval : typeof interval === 'string' ? INTERVAL_MS[interval] : undefined;
  if (step === undefined || !(step > 0)) return 0;
  const channels = mark.type.endsWith('Y') ? ['x'] : mark.type.endsWith('X') ? ['y'] : ['x', 'y'];
  let fewest = Infinity;
  for (const channel of channels) {
    const column = mark[channel as 'x' | 'y'];
    if (typeof column !== 'string') continue;
    let min = Infinity;
    let max = -Infinity;
    for (const row of rows) {
      const v = row[column];
      const n = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : NaN;
      if (Number.isFinite(n)) {
        if (n < min) min = n;
        if (n > max) max = n;
      }
    }
    if (max >= min) fewest = Math.min(fewest, (max - min) / step);
  }
  return Number.isFinite(fewest) ? fewest : 0;
}
