/**
 * The `slides:` key of a notebook's front matter: which findings become Present's slides, in
 * which order, with which chart and speaker notes (docs/notebook-format.md, "Slides"). Pure.
 *
 * ```yaml
 * slides:
 *   - whale.headline                  # a finding: <analysis cell>.<finding id>
 *   - { show: whale.peak, chart: revenue-vs-profit, notes: "Pause here." }
 *   - revenue_chart                   # a chart cell by name
 *   - whatif                          # an analysis cell alone: its first finding
 * ```
 */

/** One slide the author asked for. */
export interface SlidePlanEntry {
  /** `cell` or `cell.finding`, as written. */
  show: string;
  /** Which of the analysis's charts goes on the slide: its id, its 1-based number, or `none`; absent: the first. */
  chart?: string | number;
  /** Speaker notes; absent: the prose around the cell. */
  notes?: string;
}

/** The parsed plan: `null` entries when the notebook has no `slides:` key (the default deck). */
export interface SlidePlan {
  entries: SlidePlanEntry[] | null;
  /** What was wrong with the key, one message per entry, e.g. `slides: entry 2: write a cell or cell.finding`. */
  problems: string[];
}

const REF = /^[A-Za-z_]\w*(\.[A-Za-z_][\w-]*)?$/;

/** Reads the front matter's `slides` value (kept verbatim in `frontMatter.extra`). */
export function parseSlidePlan(value: unknown): SlidePlan {
  if (value === undefined || value === null) return { entries: null, problems: [] };
  if (!Array.isArray(value)) return { entries: null, problems: ['slides: expected a list of findings'] };
  const entries: SlidePlanEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    const where = `slides: entry ${i + 1}`;
    let entry: SlidePlanEntry | null = null;
    if (typeof item === 'string') entry = { show: item.trim() };
    else if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      const unknownKeys = Object.keys(o).filter((k) => k !== 'show' && k !== 'chart' && k !== 'notes');
      if (unknownKeys.length)
        problems.push(`${where}: unknown key ${unknownKeys.join(', ')} (expected show, chart, notes)`);
      if (typeof o.show !== 'string') {
        problems.push(`${where}: missing show: (a cell or cell.finding)`);
        return;
      }
      entry = { show: o.show.trim() };
      if (typeof o.chart === 'string' || typeof o.chart === 'number') entry.chart = o.chart;
      else if (o.chart !== undefined) problems.push(`${where}: chart: expected a chart id, a number or none`);
      if (typeof o.notes === 'string') entry.notes = o.notes.trim();
      else if (o.notes !== undefined) problems.push(`${where}: notes: expected text`);
    }
    if (!entry || !REF.test(entry.show)) {
      problems.push(`${where}: write a cell or cell.finding (e.g. whale.headline)`);
      return;
    }
    if (seen.has(entry.show)) {
      problems.push(`${where}: ${entry.show} is already a slide`);
      return;
    }
    seen.add(entry.show);
    entries.push(entry);
  });
  return { entries, problems };
}
