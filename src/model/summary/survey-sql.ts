/**
 * The survey tables of the customer-base summary (docs/summary.md): what the satisfaction
 * analyses need after a load without going back to `transactions`, built once per dataset version.
 *
 * The definitions are those of the satisfaction analyses' respondent query
 * (analyses/satisfaction/respondents-query.ts) for the default outcome window — the 365 days
 * right after the response (gap 0), followed up to the last transaction date — and for a scale
 * that holds every score of the data (the default, `auto`, detects exactly that). An analysis
 * with another window, another end date, a scale that cuts scores off, or the stated-intent
 * outcome reads the raw tables.
 *
 * Pure: SQL text from the dataset profile, no IO.
 */
import { hasColumn, hasTable, type DatasetProfile } from '../profile.ts';

/** Names of the survey tables (schema-qualified). */
export const surveyTables = {
  /** One row: survey row counts, the score range and declared scale, the follow-up window. */
  surveyInfo: 'summary.survey_info',
  /** One row per surveyed customer: latest answer, latest followed answer and its outcome window. */
  surveyRespondents: 'summary.survey_respondents',
} as const;

/** The outcome window the summary follows every answer over: (date + gap, date + gap + window]. */
export const SURVEY_SUMMARY_WINDOW = { gapDays: 0, windowDays: 365 } as const;

/**
 * Order of a customer's answers, latest first: by date (undated last), then the higher score, and
 * the higher recommend and intent so that two answers of one day with one score still pick the
 * same row every time. The analyses' raw path orders the same way.
 */
export const LATEST_ANSWER_ORDER =
  'survey_date DESC NULLS LAST, satisfaction DESC, recommend DESC NULLS LAST, repurchase_intent DESC NULLS LAST';

const columns = (
  profile: DatasetProfile,
  table: 'surveys' | 'transactions' | 'service_costs' | 'customers',
): string[] => profile.tables[table]?.columns ?? [];
const columnOr = (
  profile: DatasetProfile,
  table: 'surveys' | 'transactions' | 'service_costs' | 'customers',
  column: string,
  type: string,
  alias = '',
) => (columns(profile, table).includes(column) ? `${alias}${column}` : `CAST(NULL AS ${type})`);

/**
 * `summary.survey_info`, one row (none without surveys):
 *
 * | column | meaning |
 * |---|---|
 * | survey_rows | rows of `surveys` |
 * | unscored_rows | rows without a customer id or a satisfaction score |
 * | respondents | customers with an answer (rows of `summary.survey_respondents`) |
 * | undated_only | of them, those with no dated answer |
 * | min_score, max_score | lowest and highest satisfaction score |
 * | declared | most frequent `surveys.scale` value, as text |
 * | declared_count | distinct `surveys.scale` values |
 * | data_end | the last transaction date: how far answers are followed |
 * | gap_days, window_days | the outcome window of `summary.survey_respondents` (0 and 365) |
 *
 * The score range and declared scale are those the analyses' scale detection reads
 * (satisfaction/level-query.ts, `buildScaleQuery`). Reads `summary.survey_respondents`, so it is
 * built after it.
 */
export function buildSurveyInfoSql(profile: DatasetProfile): string {
  if (!hasTable(profile, 'surveys')) {
    return `CREATE OR REPLACE TABLE ${surveyTables.surveyInfo} (survey_rows BIGINT, unscored_rows BIGINT, respondents BIGINT, undated_only BIGINT, min_score INTEGER, max_score INTEGER,
  declared VARCHAR, declared_count BIGINT, data_end DATE, gap_days INTEGER, window_days INTEGER)`;
  }
  const scale = columnOr(profile, 'surveys', 'scale', 'VARCHAR');
  return `CREATE OR REPLACE TABLE ${surveyTables.surveyInfo} AS
SELECT count(*) AS survey_rows, count(*) FILTER (WHERE customer_id IS NULL OR satisfaction IS NULL) AS unscored_rows,
  (SELECT count(*) FROM ${surveyTables.surveyRespondents}) AS respondents,
  (SELECT count(*) FROM ${surveyTables.surveyRespondents} WHERE dated = 0) AS undated_only,
  CAST(min(satisfaction) AS INTEGER) AS min_score, CAST(max(satisfaction) AS INTEGER) AS max_score,
  mode(CAST(${scale} AS VARCHAR)) AS declared, count(DISTINCT ${scale}) AS declared_count,
  (SELECT max(date) FROM transactions) AS data_end,
  CAST(${SURVEY_SUMMARY_WINDOW.gapDays} AS INTEGER) AS gap_days, CAST(${SURVEY_SUMMARY_WINDOW.windowDays} AS INTEGER) AS window_days
FROM surveys`;
}

/**
 * `summary.survey_respondents`, one row per customer with an answer (a customer id and a
 * satisfaction score), in customer_id order:
 *
 * | column | meaning |
 * |---|---|
 * | customer_id | VARCHAR |
 * | dated | answers with a date |
 * | latest_date, latest_satisfaction, latest_recommend, latest_intent | the latest answer (`LATEST_ANSWER_ORDER`) |
 * | tx_lines | `transactions` rows of the customer, any date (0: never bought) |
 * | churn_date | earliest `customers.churn_date` (NULL when none) |
 * | survey_date, satisfaction, recommend, repurchase_intent | the latest dated answer whose outcome window ends by
 * `data_end` (NULL when none) |
 * | tx_after, revenue_after, margin_after, service_after | transaction lines, revenue, revenue − cost and cost to serve
 * in (survey_date, survey_date + 365] |
 * | revenue_before, margin_before, service_before | the same in (survey_date − 365, survey_date] |
 *
 * The window columns are NULL when there is no followed answer. Margin counts a line without a
 * cost at its full revenue and cost to serve only dated `service_costs` rows, as the analyses do.
 */
export function buildSurveyRespondentsSql(profile: DatasetProfile): string {
  if (!hasTable(profile, 'surveys')) {
    return `CREATE OR REPLACE TABLE ${surveyTables.surveyRespondents} (customer_id VARCHAR, dated BIGINT, latest_date DATE, latest_satisfaction INTEGER,
  latest_recommend INTEGER, latest_intent INTEGER, tx_lines BIGINT, churn_date DATE, survey_date DATE, satisfaction INTEGER, recommend INTEGER,
  repurchase_intent INTEGER, tx_after BIGINT, revenue_after DOUBLE, margin_after DOUBLE, service_after DOUBLE, revenue_before DOUBLE,
  margin_before DOUBLE, service_before DOUBLE)`;
  }
  const { gapDays, windowDays } = SURVEY_SUMMARY_WINDOW;
  const cost = columnOr(profile, 'transactions', 'cost', 'DOUBLE', 't.');
  const after = (d: string) => `${d} > b.survey_date + s.gap AND ${d} <= b.survey_date + s.gap + s.win`;
  const before = (d: string) => `${d} > b.survey_date - s.win AND ${d} <= b.survey_date`;
  const followed = (sql: string) => `CASE WHEN b.survey_date IS NULL THEN NULL ELSE ${sql} END`;
  const service =
    hasTable(profile, 'service_costs') && columns(profile, 'service_costs').includes('date')
      ? `SELECT b.customer_id,
    COALESCE(sum(sc.amount) FILTER (WHERE ${after('sc.date')}), 0) AS service_after,
    COALESCE(sum(sc.amount) FILTER (WHERE ${before('sc.date')}), 0) AS service_before
  FROM followed b CROSS JOIN settings s LEFT JOIN service_costs sc ON CAST(sc.customer_id AS VARCHAR) = b.customer_id
  GROUP BY b.customer_id`
      : 'SELECT customer_id, CAST(0 AS DOUBLE) AS service_after, CAST(0 AS DOUBLE) AS service_before FROM followed';
  const churn =
    hasTable(profile, 'customers') && hasColumn(profile, 'customers', 'churn_date')
      ? 'SELECT CAST(customer_id AS VARCHAR) AS customer_id, min(churn_date) AS churn_date FROM customers GROUP BY 1'
      : 'SELECT CAST(NULL AS VARCHAR) AS customer_id, CAST(NULL AS DATE) AS churn_date WHERE FALSE';
  return `CREATE OR REPLACE TABLE ${surveyTables.surveyRespondents} AS
WITH settings AS (SELECT (SELECT max(date) FROM transactions) AS data_end, CAST(${gapDays} AS INTEGER) AS gap, CAST(${windowDays} AS INTEGER) AS win),
responses AS (
  SELECT CAST(v.customer_id AS VARCHAR) AS customer_id, ${columnOr(profile, 'surveys', 'date', 'DATE', 'v.')} AS survey_date,
         CAST(v.satisfaction AS INTEGER) AS satisfaction, CAST(${columnOr(profile, 'surveys', 'recommend', 'INTEGER', 'v.')} AS INTEGER) AS recommend,
         CAST(${columnOr(profile, 'surveys', 'repurchase_intent', 'INTEGER', 'v.')} AS INTEGER) AS repurchase_intent
  FROM surveys v WHERE v.customer_id IS NOT NULL AND v.satisfaction IS NOT NULL
),
latest AS (
  SELECT customer_id, count(survey_date) OVER (PARTITION BY customer_id) AS dated, survey_date AS latest_date, satisfaction AS latest_satisfaction,
         recommend AS latest_recommend, repurchase_intent AS latest_intent
  FROM responses
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY ${LATEST_ANSWER_ORDER}) = 1
),
followed AS (
  SELECT r.customer_id, r.survey_date, r.satisfaction, r.recommend, r.repurchase_intent
  FROM responses r CROSS JOIN settings s
  WHERE r.survey_date IS NOT NULL AND r.survey_date + s.gap + s.win <= s.data_end
  QUALIFY row_number() OVER (PARTITION BY r.customer_id ORDER BY ${LATEST_ANSWER_ORDER}) = 1
),
base AS (SELECT l.*, f.survey_date, f.satisfaction, f.recommend, f.repurchase_intent FROM latest l LEFT JOIN followed f USING (customer_id)),
tx AS (
  SELECT b.customer_id, count(t.customer_id) AS tx_lines,
         ${followed(`count(t.customer_id) FILTER (WHERE ${after('t.date')})`)} AS tx_after,
         ${followed(`COALESCE(sum(t.revenue) FILTER (WHERE ${after('t.date')}), 0)`)} AS revenue_after,
         ${followed(`COALESCE(sum(t.revenue - COALESCE(${cost}, 0)) FILTER (WHERE ${after('t.date')}), 0)`)} AS margin_after,
         ${followed(`COALESCE(sum(t.revenue) FILTER (WHERE ${before('t.date')}), 0)`)} AS revenue_before,
         ${followed(`COALESCE(sum(t.revenue - COALESCE(${cost}, 0)) FILTER (WHERE ${before('t.date')}), 0)`)} AS margin_before
  FROM base b CROSS JOIN settings s LEFT JOIN transactions t ON CAST(t.customer_id AS VARCHAR) = b.customer_id
  GROUP BY b.customer_id, b.survey_date
),
svc AS (
  ${service}
),
churn AS (
  ${churn}
)
SELECT b.customer_id, b.dated, b.latest_date, b.latest_satisfaction, b.latest_recommend, b.latest_intent, x.tx_lines, c.churn_date,
       b.survey_date, b.satisfaction, b.recommend, b.repurchase_intent,
       x.tx_after, x.revenue_after, x.margin_after, v.service_after, x.revenue_before, x.margin_before, v.service_before
FROM base b JOIN tx x USING (customer_id) LEFT JOIN svc v USING (customer_id) LEFT JOIN churn c USING (customer_id)
ORDER BY b.customer_id`;
}
