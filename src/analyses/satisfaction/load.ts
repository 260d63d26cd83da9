/**
 * The thin engine step shared by the satisfaction analyses: check what data exists, resolve the
 * scale, run the level and accounting queries, and say in plain words what was excluded.
 * Missing data is never a throw: the caller gets `missing` notes and returns them as the result.
 */
import { toRows, type Row } from '../../sql/table.ts';
import { hasColumn, hasTable } from '../../model/profile.ts';
import { surveyTables } from '../../model/summary/index.ts';
import type { AnalysisContext } from '../types.ts';
import { poolSegments, toLevelRows, type LevelRow } from './level-rows.ts';
import { buildAccountingQuery, buildLevelQuery, buildScaleQuery } from './level-query.ts';
import type { SatisfactionOptions } from './options.ts';
import type { RespondentsParams } from './respondents-query.ts';
import { detectScale, scaleOf, type SatisfactionScale } from './scale.ts';
import { tv } from '../../format/typed.ts';
import { findingsEn } from '../messages/en.ts';
import { list, term, text } from '../messages/finding.ts';
import { note, type Note } from '../messages/notes.ts';
import type { MessageRef } from '../messages/render.ts';

/** Everything the analyses build on. */
export interface SatisfactionData {
  scale: SatisfactionScale;
  /** Plain description of the loyalty outcome, e.g. "retained (bought in the 365 days after…)". */
  outcomeText: MessageRef;
  /** Level rows per segment (segment "All" when no segment option). */
  rows: LevelRow[];
  /** Level rows pooled over segments. */
  pooled: LevelRow[];
  segmentColumn: string | null;
  params: RespondentsParams;
  accounting: Accounting;
  notes: Note[];
}

/** Row accounting (`buildAccountingQuery` or the summary's survey facts, and the level rows). */
export interface Accounting {
  survey_rows: number;
  out_of_scale: number;
  respondents: number;
  undated_only: number;
  usable: number;
  no_transactions: number;
  no_outcome: number;
  with_outcome: number;
  censored: number;
  data_end: string | null;
}

/** Either the data, or the notes explaining what is missing. */
export type LoadResult = { ok: true; data: SatisfactionData } | { ok: false; notes: Note[]; needs?: string[] };

/** What a missing survey table means, and what to bring. */
export const MISSING_SURVEYS_NOTE: string = findingsEn['note.sat.missing_surveys'];

/** Digits a threshold such as 0.5 or 0.75 is written with (as the user set it). */
const decimals = (v: number): number => (Number.isInteger(v) ? 0 : Number.isInteger(v * 10) ? 1 : 2);

function outcomeText(o: SatisfactionOptions): MessageRef {
  const p = {
    gap: tv.count(o.gap_days),
    window: tv.count(o.window_days),
    min: tv.decimal(o.wallet_kept_min, decimals(o.wallet_kept_min)),
    intent: tv.decimal(o.intent_min, decimals(o.intent_min)),
  };
  return note(`note.sat.outcome.${o.outcome}`, p);
}

/**
 * Runs the shared queries. `requireOutcome` false keeps every respondent (word of mouth). The
 * result depends on the data and the options that define respondents and outcomes only, so it is
 * kept per dataset version: the four satisfaction analyses share it, and a what-if slider
 * (share lifted, value per loyal customer) recomputes without touching the raw tables.
 */
export async function loadSatisfaction(
  ctx: AnalysisContext,
  o: SatisfactionOptions,
  requireOutcome = true,
): Promise<LoadResult> {
  const load = () => readSatisfaction(ctx, o, requireOutcome);
  if (!ctx.memo) return load();
  const key = [
    o.outcome,
    o.gap_days,
    o.window_days,
    o.data_end ?? null,
    o.scale,
    o.wallet_kept_min,
    o.intent_min,
    o.segment ?? null,
    requireOutcome,
  ];
  return structuredClone(await ctx.memo(`satisfaction:${JSON.stringify(key)}`, load));
}

/**
 * The survey facts of the customer-base summary (`summary.survey_info`), or null when there is no
 * current summary or it holds no survey rows.
 */
async function readSurveyInfo(ctx: AnalysisContext): Promise<Row | null> {
  if (!ctx.summary) return null;
  const row = toRows(
    await ctx.db.query(
      `SELECT survey_rows, unscored_rows, respondents, undated_only, min_score, max_score, declared, declared_count,
       strftime(data_end, '%Y-%m-%d') AS data_end, gap_days, window_days FROM ${surveyTables.surveyInfo}`,
    ),
  )[0];
  return row && Number(row.survey_rows) > 0 ? row : null;
}

/**
 * Whether the summary's respondents are those these options ask for: the scale keeps every score
 * (nothing is dropped as out of scale), and either no outcome is needed (word of mouth) or the
 * outcome is behavioural and followed over the summary's window up to its end date.
 */
function summaryHolds(info: Row, p: RespondentsParams): boolean {
  const keepsEveryScore =
    info.min_score == null || (Number(info.min_score) >= p.scaleLow && Number(info.max_score) <= p.scaleHigh);
  if (!keepsEveryScore) return false;
  if (!p.requireOutcome) return true;
  return (
    p.outcome !== 'stated_intent' &&
    p.gapDays === Number(info.gap_days) &&
    p.windowDays === Number(info.window_days) &&
    (p.dataEnd === null || p.dataEnd === info.data_end)
  );
}

async function readSatisfaction(
  ctx: AnalysisContext,
  o: SatisfactionOptions,
  requireOutcome: boolean,
): Promise<LoadResult> {
  const { profile, db } = ctx;
  if (!hasTable(profile, 'surveys') || !hasColumn(profile, 'surveys', 'satisfaction'))
    return { ok: false, notes: [note('note.sat.missing_surveys')], needs: ['surveys'] };
  const behavioural = o.outcome !== 'stated_intent';
  if (requireOutcome && behavioural && !hasTable(profile, 'transactions')) {
    return {
      ok: false,
      notes: [note('note.sat.no_transactions', { outcome: term(`outcome.${o.outcome}`) })],
    };
  }
  if (requireOutcome && behavioural && !hasColumn(profile, 'surveys', 'date')) {
    return {
      ok: false,
      notes: [note('note.sat.no_dates', { outcome: term(`outcome.${o.outcome}`) })],
    };
  }
  if (requireOutcome && !behavioural && !hasColumn(profile, 'surveys', 'repurchase_intent')) {
    return {
      ok: false,
      notes: [note('note.sat.no_intent')],
    };
  }
  const notes: Note[] = [];
  // The summary keeps the scale detection's figures too, so a first run reads no raw table.
  const info = await readSurveyInfo(ctx);

  let scale: SatisfactionScale | null;
  if (o.scale !== 'auto') scale = scaleOf(o.scale);
  else {
    const s = info ?? toRows(await db.query(buildScaleQuery()))[0] ?? {};
    const declared = s.declared == null ? null : String(s.declared);
    try {
      scale = detectScale(
        s.min_score == null ? null : Number(s.min_score),
        s.max_score == null ? null : Number(s.max_score),
        declared,
      );
    } catch {
      scale = detectScale(
        s.min_score == null ? null : Number(s.min_score),
        s.max_score == null ? null : Number(s.max_score),
      );
      notes.push(note('note.sat.unknown_scale', { declared: text(JSON.stringify(declared)) }));
    }
    if (Number(s.declared_count ?? 0) > 1)
      notes.push(
        note('note.sat.mixed_scales', {
          scales: tv.count(Number(s.declared_count)),
          declared: text(String(declared)),
        }),
      );
    if (!scale)
      return {
        ok: false,
        notes: [note('note.sat.no_scale', { min: text(String(s.min_score)), max: text(String(s.max_score)) })],
      };
    notes.push(note(declared ? 'note.sat.scale.declared' : 'note.sat.scale.detected', { scale: text(scale.id) }));
  }

  let segmentColumn: string | null = null;
  if (o.segment) {
    const cols = profile.tables.customers?.columns ?? [];
    if (!hasTable(profile, 'customers')) notes.push(note('note.sat.no_customers', { segment: text(o.segment) }));
    else if (!cols.includes(o.segment))
      notes.push(
        note('note.sat.no_segment', {
          segment: text(o.segment),
          columns: list(
            cols.map((c) => text(c)),
            'and',
          ),
        }),
      );
    else segmentColumn = o.segment;
  }

  const params: RespondentsParams = {
    outcome: o.outcome,
    gapDays: o.gap_days,
    windowDays: o.window_days,
    dataEnd: o.data_end ?? null,
    scaleLow: scale.low,
    scaleHigh: scale.high,
    walletKeptMin: o.wallet_kept_min,
    intentMin: o.intent_min,
    segmentColumn,
    hasCustomers: hasTable(profile, 'customers'),
    hasTransactions: hasTable(profile, 'transactions'),
    hasChurnDate: hasColumn(profile, 'customers', 'churn_date'),
    hasServiceCosts: hasTable(profile, 'service_costs'),
    requireOutcome,
  };
  params.fromSummary = info !== null && summaryHolds(info, params);
  const level = buildLevelQuery(params);
  const rows = toLevelRows(toRows(await db.query(level.sql, level.params)));
  // Survey rows, respondents and the data end: from the summary's facts, or one pass over the surveys.
  let a: Row;
  if (params.fromSummary && info) {
    a = {
      survey_rows: info.survey_rows ?? 0,
      out_of_scale: info.unscored_rows ?? 0,
      respondents: info.respondents ?? 0,
      undated_only: info.undated_only ?? 0,
      data_end: params.dataEnd ?? info.data_end ?? null,
    };
  } else {
    const acct = buildAccountingQuery(params);
    a = toRows(await db.query(acct.sql, acct.params))[0] ?? {};
  }
  const num = (k: string) => Number(a[k] ?? 0);
  // The rest is what the level rows add up to.
  const sum = (k: 'respondents' | 'n' | 'no_transactions') => rows.reduce((t, r) => t + r[k], 0);
  const accounting: Accounting = {
    survey_rows: num('survey_rows'),
    out_of_scale: num('out_of_scale'),
    respondents: num('respondents'),
    undated_only: num('undated_only'),
    usable: sum('respondents'),
    no_transactions: sum('no_transactions'),
    no_outcome: sum('respondents') - sum('n'),
    with_outcome: sum('n'),
    censored: 0,
    data_end: a.data_end == null ? null : String(a.data_end),
  };
  if (requireOutcome && behavioural)
    accounting.censored = Math.max(0, accounting.respondents - accounting.undated_only - accounting.usable);

  notes.push(note('note.sat.outcome', { outcome: outcomeText(o) }));
  const rowsRead = {
    rows: tv.count(accounting.survey_rows),
    customers: tv.count(accounting.respondents),
    usable: tv.count(accounting.usable),
  };
  notes.push(
    requireOutcome
      ? note('note.sat.rows.outcome', { ...rowsRead, with_outcome: tv.count(accounting.with_outcome) })
      : note('note.sat.rows', rowsRead),
  );
  if (accounting.out_of_scale > 0)
    notes.push(note('note.sat.out_of_scale', { rows: tv.count(accounting.out_of_scale), scale: text(scale.id) }));
  if (accounting.censored > 0) {
    notes.push(
      accounting.data_end
        ? note('note.sat.censored', { customers: tv.count(accounting.censored), end: tv.date(accounting.data_end) })
        : note('note.sat.censored.last', { customers: tv.count(accounting.censored) }),
    );
  }
  if (requireOutcome && behavioural && accounting.undated_only > 0)
    notes.push(note('note.sat.undated', { customers: tv.count(accounting.undated_only) }));
  if (behavioural && accounting.no_transactions > 0) {
    notes.push(
      note(requireOutcome ? 'note.sat.no_purchases.curve' : 'note.sat.no_purchases', {
        customers: tv.count(accounting.no_transactions),
      }),
    );
  }
  if (requireOutcome && o.outcome === 'wallet_kept' && accounting.no_outcome - accounting.no_transactions > 0) {
    notes.push(
      note('note.sat.no_wallet', {
        customers: tv.count(accounting.no_outcome - accounting.no_transactions),
        window: tv.count(o.window_days),
      }),
    );
  }
  if (params.hasServiceCosts && !hasColumn(profile, 'service_costs', 'date'))
    notes.push(note('note.sat.undated_costs'));
  if (!hasColumn(profile, 'transactions', 'cost')) notes.push(note('note.sat.no_cost'));
  notes.push(note('note.sat.at_stake', { window: tv.count(o.window_days) }));

  return {
    ok: true,
    data: {
      scale,
      outcomeText: outcomeText(o),
      rows,
      pooled: poolSegments(rows),
      segmentColumn,
      params,
      accounting,
      notes,
    },
  };
}
