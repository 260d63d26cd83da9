/**
 * Runs the two customer-equity queries (periods, then segments) on a connection. Shared by the
 * `customer-equity`, `retention-what-if` and `leaky-bucket` analyses, which all start from the
 * observed base: customers, retention, margin and new customers per segment.
 */
import { toRows, type Row } from '../../sql/table.ts';
import type { AnalysisContext } from '../types.ts';
import { buildEquityPeriodsQuery, buildSegmentEquityQuery, parseSegmentBy } from './customer-equity.ts';
import { periodLabel } from './cohort-retention.ts';
import { tv } from '../../format/typed.ts';
import { term, text } from '../messages/finding.ts';
import { note, type Note } from '../messages/notes.ts';
import { marginNote, type PeriodUnit } from './sql.ts';

/** What `loadSegmentEquity` found. `rows` is empty (and `notes` say why) when the data is too short. */
export interface LoadedBase {
  rows: Row[];
  /**
   * The period actually compared: the one asked for, or a shorter one when the data does not hold
   * two complete periods of that length (the notes say so).
   */
  period: PeriodUnit;
  /** Labels of the two periods compared, e.g. `2023` → `2024`. */
  prevLabel: string;
  lastLabel: string;
  notes: Note[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Loads segment rows for the last two complete periods. The base depends on the data and these
 * three options only, so it is kept per dataset version: moving a what-if slider (uplift, cost,
 * discount rate, horizon) recomputes from it without touching the transactions.
 */
export async function loadSegmentEquity(
  ctx: AnalysisContext,
  o: { period: PeriodUnit; segmentBy: string; marginPct: number },
): Promise<LoadedBase> {
  const load = () => readSegmentEquity(ctx, o);
  if (!ctx.memo) return load();
  // A private copy each time: callers extend the notes.
  return structuredClone(
    await ctx.memo(`segment-equity:${JSON.stringify([o.period, o.segmentBy, o.marginPct])}`, load),
  );
}

const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

/** How many `used` periods make one `asked` period (4 quarters a year): horizons keep their length in time. */
export function periodsPer(asked: PeriodUnit, used: PeriodUnit): number {
  return MONTHS[asked] / MONTHS[used];
}

/** Shorter periods to fall back to, in order, when the data holds fewer than two of the one asked for. */
const SHORTER: Record<PeriodUnit, PeriodUnit[]> = { year: ['quarter', 'month'], quarter: ['month'], month: [] };

/** The last two complete periods of the data, or null when it holds fewer than two. */
async function completePeriods(
  ctx: AnalysisContext,
  period: PeriodUnit,
): Promise<{ pPrev: Date; pLast: Date; pEnd: Date; first: Date } | null> {
  const [bounds] = toRows(await ctx.db.query(buildEquityPeriodsQuery(period)));
  const pPrev = bounds?.p_prev as Date | null | undefined;
  const pLast = bounds?.p_last as Date | null | undefined;
  const pEnd = bounds?.p_end as Date | null | undefined;
  const first = bounds?.first_date as Date | null | undefined;
  if (!pPrev || !pLast || !pEnd || !first || first.getTime() >= pLast.getTime()) return null;
  return { pPrev, pLast, pEnd, first };
}

async function readSegmentEquity(
  ctx: AnalysisContext,
  o: { period: PeriodUnit; segmentBy: string; marginPct: number },
): Promise<LoadedBase> {
  const notes: Note[] = [];
  const segmentBy = parseSegmentBy(ctx.profile, o.segmentBy);
  // The data decides when it is shorter than two of the periods asked for (13 months of data hold
  // no two complete years, but four complete quarters): a shorter period, said in the notes.
  let period = o.period;
  let found = await completePeriods(ctx, period);
  for (const shorter of SHORTER[o.period]) {
    if (found) break;
    period = shorter;
    found = await completePeriods(ctx, period);
  }
  if (!found) {
    notes.push(
      note(o.period === 'month' ? 'note.retention.too_short.month' : 'note.retention.too_short', {
        period: term(`term.periods.${o.period}`),
      }),
    );
    return { rows: [], period: o.period, prevLabel: '', lastLabel: '', notes };
  }
  const { pPrev, pLast, pEnd, first } = found;
  if (period !== o.period)
    notes.push(
      note('note.retention.shorter_period', {
        asked: term(`term.periods.${o.period}`),
        used: term(`term.periods.${period}`),
        prev: text(periodLabel(pPrev, period)),
        last: text(periodLabel(pLast, period)),
        asked_one: term(`term.period.${o.period}`),
        n: tv.count(periodsPer(o.period, period)),
      }),
    );
  if (first.getTime() > pPrev.getTime())
    notes.push(
      note('note.retention.partial_first', {
        prev: text(periodLabel(pPrev, period)),
        period: term(`term.period.${period}`),
      }),
    );
  const sql = buildSegmentEquityQuery({ profile: ctx.profile, period, segmentBy });
  const rows = toRows(await ctx.db.query(sql, [iso(pPrev), iso(pLast), iso(pEnd), o.marginPct]));
  const mn = marginNote(ctx.profile, o.marginPct);
  if (mn) notes.push(mn);
  if (segmentBy.kind === 'spend_tier') notes.push(note('note.retention.spend_tiers'));
  return { rows, period, prevLabel: periodLabel(pPrev, period), lastLabel: periodLabel(pLast, period), notes };
}
