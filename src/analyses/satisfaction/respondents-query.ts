/**
 * The respondent table every satisfaction analysis starts from: one row per surveyed customer,
 * their latest usable response, their loyalty outcome, and what they are worth.
 *
 * Rules (docs/analyses/satisfaction.md):
 * - Responses outside the scale, or without a customer id, are dropped (counted in the notes).
 * - Behavioural outcomes (retained, repurchased, wallet_kept) need a dated response whose outcome
 *   window (date + gap, date + gap + window] ends on or before `data_end`; later responses are
 *   censored — we cannot yet know whether those customers stayed. Of the usable responses the
 *   latest per customer is kept: the most recent opinion we can still check against behaviour.
 * - stated_intent needs no window: the latest response with a repurchase intent is kept.
 * - Value is measured over the `window` days up to the response (the run-rate at stake) and
 *   over the outcome window (what a kept customer brought): revenue, and profit = revenue − cost
 *   − dated service costs (cost to serve; docs/analyses/profitability.md).
 * - A respondent with no transaction at all has no behavioural outcome (usually an id that does
 *   not match the transactions, or a prospect): `loyal` is NULL and the notes count them.
 * - Word of mouth (`requireOutcome` false) reads the answers only: every respondent's latest
 *   answer and whether they ever bought; no outcome and no value figures (loyal NULL, money 0).
 *
 * Two sources give the same respondents: the raw tables (any options), and the customer-base
 * summary (`summary.survey_respondents`, model/summary/survey-sql.ts) when it holds what the
 * options ask for: the summary's window (gap 0, 365 days, up to the last transaction date) or
 * no outcome at all, a scale that keeps every score, and a behavioural outcome (`load.ts` decides).
 *
 * Values are bound as $1…$7; only validated identifiers (the segment column) enter the SQL text.
 */
import type { SqlParam } from '../../sql/connection.ts';
import { LATEST_ANSWER_ORDER, surveyTables } from '../../model/summary/index.ts';
import { quoteIdent } from '../../sql/quote.ts';
import type { OutcomeId } from './options.ts';

/** A SQL text with its bound parameters. */
export interface BoundQuery {
  sql: string;
  params: SqlParam[];
}

/** What the respondent query needs to know. */
export interface RespondentsParams {
  outcome: OutcomeId;
  gapDays: number;
  windowDays: number;
  /** YYYY-MM-DD, or null for the last transaction date. */
  dataEnd: string | null;
  scaleLow: number;
  scaleHigh: number;
  walletKeptMin: number;
  intentMin: number;
  /** Customers column for segments (already checked to exist), or null for one segment "All". */
  segmentColumn: string | null;
  hasCustomers: boolean;
  /**
   * false when the dataset has surveys only: stated intent and word of mouth still run, every
   * respondent then counts as having no transactions.
   */
  hasTransactions: boolean;
  hasChurnDate: boolean;
  hasServiceCosts: boolean;
  /**
   * false: keep the latest in-scale response of every respondent whatever its outcome window
   * (word of mouth needs no outcome, so nothing is censored).
   */
  requireOutcome: boolean;
  /** Read `summary.survey_respondents` instead of the raw tables (only where it holds these options). */
  fromSummary?: boolean;
}

/** Column name as a quoted identifier; rejects anything that is not a plain column name. */
export function quoteColumn(name: string): string {
  if (!/^[\p{L}_][\p{L}\p{N}_ ]{0,63}$/u.test(name)) throw new Error(`invalid column name: ${JSON.stringify(name)}`);
  return quoteIdent(name);
}

const behavioural = (o: OutcomeId) => o !== 'stated_intent';

/** Parameters in `$n` order for every query built on `respondentsCtes`. */
export function respondentsParams(p: RespondentsParams): SqlParam[] {
  return [p.dataEnd, p.gapDays, p.windowDays, p.scaleLow, p.scaleHigh, p.walletKeptMin, p.intentMin];
}

/** Number of parameters `respondentsCtes` binds; later builders number theirs after it. */
export const respondentsParamCount = 7;

/**
 * The loyalty outcome over alias `l` (the answer: ref_date, repurchase_intent), `x` (its
 * transaction figures, by default) and `c` (churn_date, by default).
 */
function loyalExpr(outcome: OutcomeId, x = 'x', c = 'c'): string {
  switch (outcome) {
    case 'retained':
      return `CASE WHEN ${x}.tx_all = 0 THEN NULL WHEN ${x}.tx_after > 0 AND NOT COALESCE(${c}.churn_date <= l.ref_date + s.gap + s.win, FALSE) THEN 1 ELSE 0 END`;
    case 'repurchased':
      return `CASE WHEN ${x}.tx_all = 0 THEN NULL WHEN ${x}.tx_after > 0 THEN 1 ELSE 0 END`;
    case 'wallet_kept':
      return `CASE WHEN ${x}.tx_all = 0 OR ${x}.revenue_before <= 0 THEN NULL WHEN ${x}.revenue_after >= s.wallet_min * ${x}.revenue_before THEN 1 ELSE 0 END`;
    case 'stated_intent':
      return 'CASE WHEN l.repurchase_intent IS NULL THEN NULL WHEN l.repurchase_intent >= s.intent_min THEN 1 ELSE 0 END';
  }
}

/** The segment of a respondent: the customers column, '(unknown)' without a row, 'All' without the option. */
function segmentSql(p: RespondentsParams): { expr: string; fallback: string } {
  return {
    expr:
      p.segmentColumn && p.hasCustomers ? `CAST(${quoteColumn(p.segmentColumn)} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)',
    fallback: p.segmentColumn ? "'(unknown)'" : "'All'",
  };
}

/**
 * The `WITH …` clauses (no trailing comma) defining `settings` and `respondents` (from the raw
 * tables also `tx_src`, `responses`, `latest`, `tx`, `svc` and `cust`). Append
 * `SELECT … FROM respondents` to use it.
 */
export function respondentsCtes(p: RespondentsParams): string {
  return p.fromSummary ? summaryRespondentsCtes(p) : rawRespondentsCtes(p);
}

/**
 * The `WITH …` clauses every raw query starts from: `tx_src`, `settings` (with the resolved
 * `data_end`) and `responses` (in-scale answers with a customer id). The row accounting needs
 * no more than these.
 */
export function answerCtes(p: RespondentsParams): string {
  const transactions = p.hasTransactions
    ? 'SELECT customer_id, date, revenue, cost FROM transactions'
    : 'SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS DATE) AS date, CAST(NULL AS DOUBLE) AS revenue, CAST(NULL AS DOUBLE) AS cost WHERE FALSE';
  return `WITH tx_src AS (
  ${transactions}
),
settings AS (
  SELECT COALESCE(CAST($1 AS DATE), (SELECT max(date) FROM tx_src)) AS data_end,
         CAST($2 AS INTEGER) AS gap, CAST($3 AS INTEGER) AS win,
         CAST($4 AS INTEGER) AS lo, CAST($5 AS INTEGER) AS hi,
         CAST($6 AS DOUBLE) AS wallet_min, CAST($7 AS INTEGER) AS intent_min
),
responses AS (
  SELECT CAST(v.customer_id AS VARCHAR) AS customer_id, v.date AS survey_date, CAST(v.satisfaction AS INTEGER) AS satisfaction,
         CAST(v.recommend AS INTEGER) AS recommend, CAST(v.repurchase_intent AS INTEGER) AS repurchase_intent
  FROM surveys v CROSS JOIN settings s
  WHERE v.customer_id IS NOT NULL AND v.satisfaction BETWEEN s.lo AND s.hi
)`;
}

function rawRespondentsCtes(p: RespondentsParams): string {
  const answersOnly = !p.requireOutcome;
  const usableWhere = answersOnly
    ? 'TRUE'
    : behavioural(p.outcome)
      ? 'r.survey_date IS NOT NULL AND r.survey_date + s.gap + s.win <= s.data_end'
      : 'r.repurchase_intent IS NOT NULL';
  const { expr: segment, fallback } = segmentSql(p);
  const customers = p.hasCustomers
    ? `SELECT CAST(customer_id AS VARCHAR) AS customer_id, any_value(${segment}) AS segment,
              ${p.hasChurnDate ? 'min(churn_date)' : 'CAST(NULL AS DATE)'} AS churn_date
       FROM customers GROUP BY 1`
    : 'SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS VARCHAR) AS segment, CAST(NULL AS DATE) AS churn_date WHERE FALSE';
  const service =
    p.hasServiceCosts && !answersOnly
      ? `SELECT l.customer_id,
              COALESCE(sum(sc.amount) FILTER (WHERE sc.date > l.ref_date + s.gap AND sc.date <= l.ref_date + s.gap + s.win), 0) AS service_after,
              COALESCE(sum(sc.amount) FILTER (WHERE sc.date > l.ref_date - s.win AND sc.date <= l.ref_date), 0) AS service_before
       FROM latest l CROSS JOIN settings s LEFT JOIN service_costs sc ON CAST(sc.customer_id AS VARCHAR) = l.customer_id
       GROUP BY l.customer_id`
      : 'SELECT customer_id, CAST(0 AS DOUBLE) AS service_after, CAST(0 AS DOUBLE) AS service_before FROM latest';
  const after = 't.date > l.ref_date + s.gap AND t.date <= l.ref_date + s.gap + s.win';
  const before = 't.date > l.ref_date - s.win AND t.date <= l.ref_date';
  return `${answerCtes(p)},
latest AS MATERIALIZED (
  SELECT r.*, COALESCE(r.survey_date, s.data_end) AS ref_date
  FROM responses r CROSS JOIN settings s
  WHERE ${usableWhere}
  QUALIFY row_number() OVER (PARTITION BY r.customer_id ORDER BY ${LATEST_ANSWER_ORDER}) = 1
),
tx AS (
  SELECT l.customer_id,
         count(t.customer_id) AS tx_all,
         ${
           answersOnly
             ? `0 AS tx_after, CAST(0 AS DOUBLE) AS revenue_after, CAST(0 AS DOUBLE) AS margin_after,
         CAST(0 AS DOUBLE) AS revenue_before, CAST(0 AS DOUBLE) AS margin_before`
             : `count(t.customer_id) FILTER (WHERE ${after}) AS tx_after,
         COALESCE(sum(t.revenue) FILTER (WHERE ${after}), 0) AS revenue_after,
         COALESCE(sum(t.revenue - COALESCE(t.cost, 0)) FILTER (WHERE ${after}), 0) AS margin_after,
         COALESCE(sum(t.revenue) FILTER (WHERE ${before}), 0) AS revenue_before,
         COALESCE(sum(t.revenue - COALESCE(t.cost, 0)) FILTER (WHERE ${before}), 0) AS margin_before`
         }
  FROM latest l CROSS JOIN settings s LEFT JOIN tx_src t ON CAST(t.customer_id AS VARCHAR) = l.customer_id
  GROUP BY l.customer_id
),
svc AS (
  ${service}
),
cust AS (
  ${customers}
),
respondents AS MATERIALIZED (
  SELECT l.customer_id, COALESCE(c.segment, ${fallback}) AS segment,
         l.satisfaction, l.recommend, l.repurchase_intent, l.survey_date,
         ${answersOnly ? 'CAST(NULL AS INTEGER)' : loyalExpr(p.outcome)} AS loyal,
         x.tx_all, x.revenue_before, x.margin_before - v.service_before AS profit_before,
         x.revenue_after, x.margin_after - v.service_after AS profit_after
  FROM latest l CROSS JOIN settings s
  JOIN tx x USING (customer_id)
  JOIN svc v USING (customer_id)
  LEFT JOIN cust c ON c.customer_id = l.customer_id
)`;
}

/**
 * The same CTEs read from the summary: `settings` and `respondents` (no `tx_src`, `responses` or
 * `latest`: the row accounting comes from `summary.survey_info`). Valid only where the summary
 * holds the options (see the file comment); `$1`…`$7` as in the raw form. `respondents` is a
 * projection of one table, so it is streamed, not materialised.
 */
function summaryRespondentsCtes(p: RespondentsParams): string {
  const answersOnly = !p.requireOutcome;
  const { expr: segment, fallback } = segmentSql(p);
  const t = surveyTables.surveyRespondents;
  // One row per respondent in the analyses' column names: the latest answer (word of mouth) or the
  // latest followed answer with its window figures.
  const answers = answersOnly
    ? `SELECT customer_id, latest_date AS survey_date, latest_satisfaction AS satisfaction, latest_recommend AS recommend,
         latest_intent AS repurchase_intent, tx_lines AS tx_all
       FROM ${t}`
    : `SELECT customer_id, survey_date, survey_date AS ref_date, satisfaction, recommend, repurchase_intent, churn_date, tx_lines AS tx_all,
         tx_after, revenue_after, margin_after, service_after, revenue_before, margin_before, service_before
       FROM ${t} WHERE survey_date IS NOT NULL`;
  const figures = answersOnly
    ? 'CAST(NULL AS INTEGER) AS loyal, l.tx_all, CAST(0 AS DOUBLE) AS revenue_before, CAST(0 AS DOUBLE) AS profit_before, CAST(0 AS DOUBLE) AS revenue_after, CAST(0 AS DOUBLE) AS profit_after'
    : `${loyalExpr(p.outcome, 'l', 'l')} AS loyal, l.tx_all, l.revenue_before, l.margin_before - l.service_before AS profit_before,
         l.revenue_after, l.margin_after - l.service_after AS profit_after`;
  const cust =
    p.segmentColumn && p.hasCustomers
      ? `SELECT CAST(customer_id AS VARCHAR) AS customer_id, any_value(${segment}) AS segment FROM customers GROUP BY 1`
      : 'SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS VARCHAR) AS segment WHERE FALSE';
  return `WITH settings AS (
  SELECT COALESCE(CAST($1 AS DATE), i.data_end) AS data_end,
         CAST($2 AS INTEGER) AS gap, CAST($3 AS INTEGER) AS win,
         CAST($4 AS INTEGER) AS lo, CAST($5 AS INTEGER) AS hi,
         CAST($6 AS DOUBLE) AS wallet_min, CAST($7 AS INTEGER) AS intent_min
  FROM ${surveyTables.surveyInfo} i
),
cust AS (
  ${cust}
),
respondents AS (
  SELECT l.customer_id, COALESCE(c.segment, ${fallback}) AS segment,
         l.satisfaction, l.recommend, l.repurchase_intent, l.survey_date,
         ${figures}
  FROM (${answers}) l CROSS JOIN settings s
  LEFT JOIN cust c ON c.customer_id = l.customer_id
)`;
}
