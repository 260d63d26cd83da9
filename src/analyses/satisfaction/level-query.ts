/**
 * Respondents aggregated by segment × satisfaction level: everything the curve, zones, quadrant,
 * word of mouth, value at stake and what-if need, in one small table (≤ segments × 11 rows).
 */
import {
  answerCtes,
  respondentsCtes,
  respondentsParams,
  type BoundQuery,
  type RespondentsParams,
} from './respondents-query.ts';

/**
 * Columns: segment, satisfaction, respondents, n (with an outcome), loyal, recommend_n,
 * promoters (recommend 9–10), detractors (0–6), no_transactions, revenue/profit before the
 * survey split by loyal vs not (for the quadrant), and profit_after_loyal (what kept customers
 * brought in the outcome window; values the what-if).
 */
export function buildLevelQuery(p: RespondentsParams): BoundQuery {
  // Word of mouth (no outcome): only the answer counts; the outcome and money columns are all
  // zero there, and `toLevelRows` reads a missing column as zero.
  if (!p.requireOutcome) {
    const sql = `${respondentsCtes(p)}
SELECT segment, satisfaction,
       count(*) AS respondents,
       count(recommend) AS recommend_n,
       count(*) FILTER (WHERE recommend >= 9) AS promoters,
       count(*) FILTER (WHERE recommend <= 6) AS detractors,
       count(*) FILTER (WHERE tx_all = 0) AS no_transactions
FROM respondents
GROUP BY segment, satisfaction
ORDER BY segment, satisfaction`;
    return { sql, params: respondentsParams(p) };
  }
  const sql = `${respondentsCtes(p)}
SELECT segment, satisfaction,
       count(*) AS respondents,
       count(loyal) AS n,
       COALESCE(sum(loyal), 0) AS loyal,
       count(recommend) AS recommend_n,
       count(*) FILTER (WHERE recommend >= 9) AS promoters,
       count(*) FILTER (WHERE recommend <= 6) AS detractors,
       count(*) FILTER (WHERE tx_all = 0) AS no_transactions,
       COALESCE(sum(revenue_before), 0) AS revenue,
       COALESCE(sum(profit_before), 0) AS profit,
       COALESCE(sum(revenue_before) FILTER (WHERE loyal = 1), 0) AS revenue_loyal,
       COALESCE(sum(profit_before) FILTER (WHERE loyal = 1), 0) AS profit_loyal,
       COALESCE(sum(revenue_before) FILTER (WHERE loyal = 0), 0) AS revenue_not_loyal,
       COALESCE(sum(profit_before) FILTER (WHERE loyal = 0), 0) AS profit_not_loyal,
       COALESCE(sum(profit_after) FILTER (WHERE loyal = 1), 0) AS profit_after_loyal
FROM respondents
GROUP BY segment, satisfaction
ORDER BY segment, satisfaction`;
  return { sql, params: respondentsParams(p) };
}

/**
 * Row accounting for the notes, the part the level rows do not give: survey rows read, rows
 * outside the scale (or without a customer id), respondents, those with no dated answer, and the
 * resolved data end. How many respondents were used, lack transactions or an outcome is summed
 * from the level rows (`load.ts`). Reads the surveys only (and the last transaction date).
 */
export function buildAccountingQuery(p: RespondentsParams): BoundQuery {
  const sql = `${answerCtes(p)}
SELECT a.survey_rows, a.out_of_scale, b.respondents, b.undated_only, strftime(s.data_end, '%Y-%m-%d') AS data_end
FROM (SELECT count(*) AS survey_rows,
             count(*) FILTER (WHERE v.customer_id IS NULL OR v.satisfaction IS NULL OR v.satisfaction NOT BETWEEN s.lo AND s.hi) AS out_of_scale
      FROM surveys v CROSS JOIN settings s) a,
     (SELECT count(*) AS respondents, count(*) FILTER (WHERE dated = 0) AS undated_only
      FROM (SELECT customer_id, count(survey_date) AS dated FROM responses GROUP BY customer_id)) b,
     settings s`;
  return { sql, params: respondentsParams(p) };
}

/**
 * The hostages: loyal (by the outcome) but not satisfied (below `satisfiedFrom`), most valuable
 * first. They stay because leaving is hard, not because they like us: when the barrier falls
 * (a contract ends, a competitor arrives) they go. $8 = satisfied-from level, $9 = row limit.
 */
export function buildHostagesQuery(p: RespondentsParams, satisfiedFrom: number, limit: number): BoundQuery {
  const sql = `${respondentsCtes(p)}
SELECT customer_id, segment, satisfaction, recommend, strftime(survey_date, '%Y-%m-%d') AS survey_date,
       revenue_before AS revenue, profit_before AS profit
FROM respondents
WHERE loyal = 1 AND satisfaction < CAST($8 AS INTEGER)
ORDER BY profit_before DESC, revenue_before DESC, customer_id
LIMIT CAST($9 AS INTEGER)`;
  return { sql, params: [...respondentsParams(p), satisfiedFrom, limit] };
}

/** Min/max score and the most frequent declared scale, for scale detection (`summary.survey_info` keeps the same four). */
export function buildScaleQuery(): string {
  return `SELECT min(satisfaction) AS min_score, max(satisfaction) AS max_score,
       mode(CAST(scale AS VARCHAR)) AS declared, count(DISTINCT scale) AS declared_count
FROM surveys`;
}
