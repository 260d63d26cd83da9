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
import { count } from '../../format/number.ts';

/** Everything the analyses build on. */
export interface SatisfactionData {
  scale: SatisfactionScale;
  /** Plain description of the loyalty outcome, e.g. "retained (bought in the 365 days after…)". */
  outcomeText: string;
  /** Level rows per segment (segment "All" when no segment option). */
  rows: LevelRow[];
  /** Level rows pooled over segments. */
  pooled: LevelRow[];
  segmentColumn: string | null;
  params: RespondentsParams;
  accounting: Accounting;
  notes: string[];
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
export type LoadResult = { ok: true; data: SatisfactionData } | { ok: false; notes: string[]; needs?: string[] };

/** What a missing survey table means, and what to bring. */
export const MISSING_SURVEYS_NOTE =
  'No survey responses in this dataset, so the satisfaction–loyalty analyses cannot run. They need a `surveys` table with ' +
  'customer_id and satisfaction (a score on 1–5, 1–7, 1–10 or 0–10), ideally with the response date (to follow what each ' +
  'customer did afterwards in `transactions`), plus optional recommend (0–10) for word of mouth and repurchase_intent (1–5) ' +
  'for stated intent. Map your survey export onto `surveys` in the import wizard, using the same customer ids as the transactions.';

function outcomeText(o: SatisfactionOptions): string {
  const win = `(survey date + ${o.gap_days}, + ${o.window_days} days]`;
  switch (o.outcome) {
    case 'retained':
      return `retained: bought at least once in ${win} and not churned by its end`;
    case 'repurchased':
      return `repurchased: bought at least once in ${win}`;
    case 'wallet_kept':
      return `kept share of wallet: spend in ${win} ≥ ${o.wallet_kept_min} × spend in the ${o.window_days} days up to the survey`;
    case 'stated_intent':
      return `stated intent: repurchase intent ≥ ${o.intent_min} on 1–5`;
  }
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
    return { ok: false, notes: [MISSING_SURVEYS_NOTE], needs: ['surveys'] };
  const behavioural = o.outcome !== 'stated_intent';
  if (requireOutcome && behavioural && !hasTable(profile, 'transactions')) {
    return {
      ok: false,
      notes: [
        `The ${o.outcome} outcome follows customers in \`transactions\`, and there are none. Load transactions, or use outcome: stated_intent.`,
      ],
    };
  }
  if (requireOutcome && behavioural && !hasColumn(profile, 'surveys', 'date')) {
    return {
      ok: false,
      notes: [
        `The survey responses have no date, so what customers did afterwards cannot be followed (outcome ${o.outcome}). Map the response date, or use outcome: stated_intent if the survey asked about repurchase intent.`,
      ],
    };
  }
  if (requireOutcome && !behavioural && !hasColumn(profile, 'surveys', 'repurchase_intent')) {
    return {
      ok: false,
      notes: [
        'The stated_intent outcome needs `surveys.repurchase_intent` (1–5), which this dataset does not have. Use a behavioural outcome (retained, repurchased, wallet_kept) instead.',
      ],
    };
  }
  const notes: string[] = [];
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
      notes.push(
        `surveys.scale holds ${JSON.stringify(declared)}, which is not a known scale; the scale was detected from the scores instead.`,
      );
    }
    if (Number(s.declared_count ?? 0) > 1)
      notes.push(
        `surveys.scale mixes ${String(s.declared_count)} scales; the most frequent (${declared}) is used and scores outside it are dropped. Set the scale option to choose.`,
      );
    if (!scale)
      return {
        ok: false,
        notes: [
          `Satisfaction scores run from ${String(s.min_score)} to ${String(s.max_score)}, which fits none of the supported scales (1–5, 1–7, 1–10, 0–10). Set the scale option or fix the scores.`,
        ],
      };
    notes.push(`Scale ${scale.id} (${declared ? 'declared in surveys.scale' : 'detected from the scores'}).`);
  }

  let segmentColumn: string | null = null;
  if (o.segment) {
    const cols = profile.tables.customers?.columns ?? [];
    if (!hasTable(profile, 'customers'))
      notes.push(`No customers table, so there is no "${o.segment}" to compare curves by; showing one curve.`);
    else if (!cols.includes(o.segment))
      notes.push(`customers has no column "${o.segment}" (it has ${cols.join(', ')}); showing one curve.`);
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

  notes.push(
    `Loyalty outcome — ${outcomeText(o)}. Several responses per customer: the latest one whose outcome can be observed is used.`,
  );
  notes.push(
    `${count(accounting.survey_rows)} survey rows from ${count(accounting.respondents)} customers; ${count(accounting.usable)} with a usable response${requireOutcome ? `, ${count(accounting.with_outcome)} with a loyalty outcome` : ''}.`,
  );
  if (accounting.out_of_scale > 0)
    notes.push(
      `${accounting.out_of_scale} survey rows have no customer id or a score outside ${scale.id} and were dropped.`,
    );
  if (accounting.censored > 0) {
    notes.push(
      `${accounting.censored} respondents answered too recently: their outcome window ends after the data (${accounting.data_end ?? 'last transaction'}), so whether they stayed is not yet known (censored) and they are excluded.`,
    );
  }
  if (requireOutcome && behavioural && accounting.undated_only > 0)
    notes.push(`${accounting.undated_only} respondents have no dated response and cannot be followed; excluded.`);
  if (behavioural && accounting.no_transactions > 0) {
    notes.push(
      `${accounting.no_transactions} respondents have no transactions at all — usually survey ids that do not match the transaction ids, or prospects who never bought. They have no loyalty outcome${requireOutcome ? ' and are left out of the curve' : ''}; check the id mapping.`,
    );
  }
  if (requireOutcome && o.outcome === 'wallet_kept' && accounting.no_outcome - accounting.no_transactions > 0) {
    notes.push(
      `${accounting.no_outcome - accounting.no_transactions} respondents spent nothing in the ${o.window_days} days before the survey, so there is no wallet share to keep; excluded.`,
    );
  }
  if (params.hasServiceCosts && !hasColumn(profile, 'service_costs', 'date'))
    notes.push(
      'service_costs has no dates, so cost to serve cannot be placed in time: profit here is gross margin only.',
    );
  if (!hasColumn(profile, 'transactions', 'cost'))
    notes.push('transactions has no cost: profit is revenue less cost to serve.');
  notes.push(
    `Revenue and profit are each customer's in the ${o.window_days} days up to the survey (what is at stake); profit = revenue − cost − cost to serve.`,
  );

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
