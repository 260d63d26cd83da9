/**
 * The calendar quarters a scorecard can measure: complete quarters only (a quarter counts when
 * the data starts on or before its first month and ends on or after its last day, so a partial
 * first or last quarter never reads as a collapse). Pure.
 */

/** A calendar quarter: its first day, the first day after it, and its year and number. */
export interface Quarter {
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** First day of the next quarter, `YYYY-MM-DD` (exclusive end). */
  end: string;
  year: number;
  q: number;
}

const iso = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;

function quarterAt(y: number, q: number): Quarter {
  const ny = q === 4 ? y + 1 : y;
  const nq = q === 4 ? 1 : q + 1;
  return { start: iso(y, (q - 1) * 3), end: iso(ny, (nq - 1) * 3), year: y, q };
}

/**
 * The complete quarters between `first` and `last` (dates of the first and last transaction,
 * `YYYY-MM-DD`), oldest first, at most `max` of them (the latest). A quarter is complete when it
 * starts in or after the month of `first` and `last` is its last day or later.
 */
export function completeQuarters(first: string, last: string, max: number): Quarter[] {
  const [fy, fm] = first.split('-').map(Number) as [number, number];
  const firstMonth = iso(fy, fm - 1);
  const [ly, lm, ld] = last.split('-').map(Number) as [number, number, number];
  // The quarter containing the day after `last` is the first one not complete.
  const next = new Date(Date.UTC(ly, lm - 1, ld + 1));
  let y = next.getUTCFullYear();
  let q = Math.floor(next.getUTCMonth() / 3) + 1;
  const out: Quarter[] = [];
  for (;;) {
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
    const quarter = quarterAt(y, q);
    if (quarter.start < firstMonth || out.length >= max) break;
    out.unshift(quarter);
  }
  return out;
}

/** The quarter before `q`. */
export function previousQuarter(q: Quarter): Quarter {
  return q.q === 1 ? quarterAt(q.year - 1, 4) : quarterAt(q.year, q.q - 1);
}
