/**
 * Runs the two customer-equity queries (periods, then segments) on a connection. Shared by the
 * `customer-equity`, `retention-what-if` and `leaky-bucket` analyses, which all start from the
 * observed base: customers, retention, margin and new customers per segment.
 */
import { toRows, type Row } from '../../sql/table.ts';
import type { AnalysisContext } from '../types.ts';
import { buildEquityPeriodsQuery, buildSegmentEquityQuery, parseSegmentBy } from './customer-equity.ts';
import { periodLabel } from './cohort-retention.ts';
import { marginNote, type PeriodUnit } from './sql.ts';

/** What `loadSegmentEquity` found. `rows` is empty (and `notes` say why) when the data is too short. */
export interface LoadedBase {
  rows: Row[];
  /** Labels of the two periods compared, e.g. `2023` → `2024`. */
  prevLabel: string;
  lastLabel: string;
  notes: string[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Loads segment rows for the last two complete periods. The base depends on the data and these
 * three options only, so it is kept per dataset version: moving a what-if slider (uplift, cost,
 * discount rate, horizon) recomputes from it without touching the transactions.
 */
export async function loadSegmentEquity(ctx: AnalysisContext, o: { period: PeriodUnit; segmentBy: string; marginPct: number }): Promise<LoadedBase> {
  const load = () => readSegmentEquity(ctx, o);
  if (!ctx.memo) return load();
  // A private copy each time: callers extend the notes.
  return structuredClone(await ctx.memo(`segment-equity:${JSON.stringify([o.period, o.segmentBy, o.marginPct])}`, load));
}

async function readSegmentEquity(ctx: AnalysisContext, o: { period: PeriodUnit; segmentBy: string; marginPct: number }): Promise<LoadedBase> {
  const notes: string[] = [];
  const segmentBy = parseSegmentBy(ctx.profile, o.segmentBy);
  const [bounds] = toRows(await ctx.db.query(buildEquityPeriodsQuery(o.period)));
  const pPrev = bounds?.p_prev as Date | null | undefined;
  const pLast = bounds?.p_last as Date | null | undefined;
  const pEnd = bounds?.p_end as Date | null | undefined;
  const first = bounds?.first_date as Date | null | undefined;
  if (!pPrev || !pLast || !pEnd || !first || first.getTime() >= pLast.getTime()) {
    notes.push(`Retention needs two complete ${o.period}s of transactions; the data has fewer. Try a shorter period (option period).`);
    return { rows: [], prevLabel: '', lastLabel: '', notes };
  }
  if (first.getTime() > pPrev.getTime()) notes.push(`The data starts inside ${periodLabel(pPrev, o.period)}, so that ${o.period} is partial and retention is understated.`);
  const sql = buildSegmentEquityQuery({ profile: ctx.profile, period: o.period, segmentBy });
  const rows = toRows(await ctx.db.query(sql, [iso(pPrev), iso(pLast), iso(pEnd), o.marginPct]));
  const mn = marginNote(ctx.profile, o.marginPct);
  if (mn) notes.push(mn);
  if (segmentBy.kind === 'spend_tier') notes.push('Spend tiers are set within each period: retention follows customers by their tier in the earlier period; margin and counts use the later one.');
  return { rows, prevLabel: periodLabel(pPrev, o.period), lastLabel: periodLabel(pLast, o.period), notes };
}
