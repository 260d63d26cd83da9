/**
 * The summary tables the first runs of the satisfaction analyses, churn-reasons and the profit
 * diagnostics read (docs/summary.md): `summary.survey_respondents`, `summary.survey_info`,
 * `summary.lost_customers`, `summary.customer_ranks` and `summary.service_cost_owners`, on a
 * hand-computed fixture and against direct queries on the raw tables of generated data (1e-9
 * relative); each analysis's summary path against its raw path (which must stay), and the first
 * run with default options reading no raw table it used to scan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { close, sameResult } from './same-result.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows, type Row, type SqlConnection } from '../../src/engine/types.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import { parseOptions } from '../../src/analyses/options.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { renderSampleCsv } from '../../sample-data/src/index.ts';

const enc = new TextEncoder();
type Fixture = Partial<Record<'transactions' | 'customers' | 'service_costs' | 'surveys', string>>;

async function load(engine: NodeEngine, fixture: Fixture): Promise<void> {
  await engine.clearData();
  await engine.loadCanonicalCsv(
    'fixture',
    Object.entries(fixture).map(([table, text]) => ({
      table,
      fileName: `${table}.csv`,
      bytes: enc.encode(text.trim() + '\n'),
    })),
  );
}

const rows = async (engine: NodeEngine, sql: string): Promise<Row[]> => toRows(await engine.query(sql));
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
const days = (rs: Row[]) => rs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, day(v)])));

/** Runs an analysis with the engine's full context (summary, memo), or on the raw tables only. */
async function run(
  engine: NodeEngine,
  id: string,
  raw: Record<string, unknown>,
  withSummary: boolean,
): Promise<AnalysisResult> {
  if (withSummary) return engine.runAnalysis(id, raw);
  const def = getAnalysis(id);
  return def.run({ db: await engine.database(), profile: await engine.profile() }, parseOptions(def.options, raw, id));
}

/** A first run with the engine's context whose every statement is recorded. */
async function statementsOfFirstRun(
  engine: NodeEngine,
  id: string,
  raw: Record<string, unknown> = {},
): Promise<string[]> {
  const db = await engine.database();
  const seen: string[] = [];
  const spy: SqlConnection = { query: (sql, params) => (seen.push(sql), db.query(sql, params)) };
  const memo = new Map<string, unknown>();
  const def = getAnalysis(id);
  await def.run(
    {
      db: spy,
      profile: await engine.profile(),
      summary: (await engine.status()).summary,
      numeric: (sql) => (seen.push(sql), db.numeric(sql)),
      memo: async <T>(k: string, build: () => Promise<T>) =>
        memo.has(k) ? (memo.get(k) as T) : (memo.set(k, await build()), memo.get(k) as T),
    },
    parseOptions(def.options, raw, id),
  );
  return seen;
}

/** The raw tables a statement reads (`FROM t` or `JOIN t`; the summary's are schema-qualified). */
const rawTablesIn = (sql: string) =>
  ['transactions', 'surveys', 'service_costs', 'customers'].filter((t) =>
    new RegExp(`\\b(from|join)\\s+${t}\\b`, 'i').test(sql),
  );

// Hand-computed. Data end (last transaction) 2024-12-31; the summary follows answers over (date, date + 365].
//  a: answered 4 on 2023-05-01 (followed: window ends 2024-04-30) and 5 on 2024-03-15 (too recent);
//     bought 2023-01-10 (100, cost 60), 2023-06-01 (50, no cost), 2024-03-01 (80, cost 50), 2024-12-31 (10, cost 5);
//     costs to serve 15 on 2023-06-10, 5 on 2024-02-01; churned 2024-02-01 ("price").
//  b: two answers of 2 on one day (recommend 3 and 5: the 5 is kept) and an undated 5; bought once; a cost of 7.
// c: one answer too recent to follow (2024-01-02: its window ends 2025-01-01); bought once, 2024-06-01; left without a
// churn date ("moved").
//  d: answered 1 on 2023-07-01, never bought; churned 2023-09-01 with an empty reason.
//  e: an undated answer only; a sale and a return; churned 2023-08-01, no reason; an undated cost of 3.
//  One answer without a customer id, one without a score.
const fixture: Fixture = {
  transactions: `customer_id,date,revenue,cost
a,2023-01-10,100,60
a,2023-06-01,50,
a,2024-03-01,80,50
a,2024-12-31,10,5
b,2023-02-01,200,120
c,2024-06-01,40,30
e,2023-03-01,70,40
e,2023-09-01,-20,-10`,
  customers: `customer_id,churn_date,churn_reason,name
a,2024-02-01, price ,Ann
b,,,Bob
c,,moved,Cy
d,2023-09-01,,Di
e,2023-08-01,,Ed`,
  service_costs: `customer_id,amount,date,category
a,15,2023-06-10,support
a,5,2024-02-01,support
b,7,2023-03-01,call
e,3,,call`,
  surveys: `customer_id,date,satisfaction,recommend,repurchase_intent,scale
a,2023-05-01,4,8,4,1-5
a,2024-03-15,5,10,5,1-5
b,2023-02-15,2,3,2,1-5
b,2023-02-15,2,5,1,1-5
b,,5,9,5,1-5
c,2024-01-02,3,,3,1-5
d,2023-07-01,1,0,1,1-5
e,,4,7,4,1-5
,2023-01-01,5,10,5,1-5
f,2023-01-01,,5,5,1-5`,
};

describe('summary tables for first runs, on a hand-computed fixture', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    await load(engine, fixture);
  }, 60_000);

  it('summary.survey_respondents: latest answer, latest followed answer and its window', async () => {
    const none = {
      survey_date: null,
      satisfaction: null,
      recommend: null,
      repurchase_intent: null,
      tx_after: null,
      revenue_after: null,
      margin_after: null,
      service_after: null,
      revenue_before: null,
      margin_before: null,
      service_before: null,
    };
    expect(days(await rows(engine, 'SELECT * FROM summary.survey_respondents'))).toEqual([
      {
        customer_id: 'a',
        dated: 2,
        latest_date: '2024-03-15',
        latest_satisfaction: 5,
        latest_recommend: 10,
        latest_intent: 5,
        tx_lines: 4,
        churn_date: '2024-02-01',
        survey_date: '2023-05-01',
        satisfaction: 4,
        recommend: 8,
        repurchase_intent: 4,
        // (2023-05-01, 2024-04-30]: 50 without a cost, 80 − 50; costs 15 + 5. Before: 100 − 60.
        tx_after: 2,
        revenue_after: 130,
        margin_after: 80,
        service_after: 20,
        revenue_before: 100,
        margin_before: 40,
        service_before: 0,
      },
      {
        customer_id: 'b',
        dated: 2,
        latest_date: '2023-02-15',
        latest_satisfaction: 2,
        latest_recommend: 5,
        latest_intent: 1,
        tx_lines: 1,
        churn_date: null,
        survey_date: '2023-02-15',
        satisfaction: 2,
        recommend: 5,
        repurchase_intent: 1,
        tx_after: 0,
        revenue_after: 0,
        margin_after: 0,
        service_after: 7,
        revenue_before: 200,
        margin_before: 80,
        service_before: 0,
      },
      {
        customer_id: 'c',
        dated: 1,
        latest_date: '2024-01-02',
        latest_satisfaction: 3,
        latest_recommend: null,
        latest_intent: 3,
        tx_lines: 1,
        churn_date: null,
        ...none,
      },
      {
        customer_id: 'd',
        dated: 1,
        latest_date: '2023-07-01',
        latest_satisfaction: 1,
        latest_recommend: 0,
        latest_intent: 1,
        tx_lines: 0,
        churn_date: '2023-09-01',
        survey_date: '2023-07-01',
        satisfaction: 1,
        recommend: 0,
        repurchase_intent: 1,
        tx_after: 0,
        revenue_after: 0,
        margin_after: 0,
        service_after: 0,
        revenue_before: 0,
        margin_before: 0,
        service_before: 0,
      },
      {
        customer_id: 'e',
        dated: 0,
        latest_date: null,
        latest_satisfaction: 4,
        latest_recommend: 7,
        latest_intent: 4,
        tx_lines: 2,
        churn_date: '2023-08-01',
        ...none,
      },
    ]);
  });

  it('summary.survey_info: row counts, score range, declared scale and the window', async () => {
    expect(days(await rows(engine, 'SELECT * FROM summary.survey_info'))).toEqual([
      {
        survey_rows: 10,
        unscored_rows: 2,
        respondents: 5,
        undated_only: 1,
        min_score: 1,
        max_score: 5,
        declared: '1-5',
        declared_count: 1,
        data_end: '2024-12-31',
        gap_days: 0,
        window_days: 365,
      },
    ]);
  });

  it('summary.lost_customers: churn date or stated reason, and the 12 months of revenue before leaving', async () => {
    expect(days(await rows(engine, 'SELECT * FROM summary.lost_customers'))).toEqual([
      // (2023-02-01, 2024-02-01]: the 50 of 2023-06-01.
      { customer_id: 'a', churn_date: '2024-02-01', reason: 'price', revenue_12m: 50 },
      // No churn date: the 12 months up to the last purchase.
      { customer_id: 'c', churn_date: null, reason: 'moved', revenue_12m: 40 },
      { customer_id: 'd', churn_date: '2023-09-01', reason: '(not stated)', revenue_12m: null },
      // The return of 2023-09-01 falls after leaving.
      { customer_id: 'e', churn_date: '2023-08-01', reason: '(not stated)', revenue_12m: 70 },
    ]);
  });

  it('summary.customer_ranks and summary.service_cost_owners line up row by row with what they complete', async () => {
    // Revenue: a 240, b 200, e 50, c 40 (d neither bought nor cost anything).
    expect(
      await rows(
        engine,
        'SELECT c.customer_id, r.customer_id AS ranked, r.revenue_rank FROM summary.customers c POSITIONAL JOIN summary.customer_ranks r',
      ),
    ).toEqual([
      { customer_id: 'a', ranked: 'a', revenue_rank: 1 },
      { customer_id: 'b', ranked: 'b', revenue_rank: 2 },
      { customer_id: 'c', ranked: 'c', revenue_rank: 4 },
      { customer_id: 'e', ranked: 'e', revenue_rank: 3 },
    ]);
    expect(
      await rows(
        engine,
        'SELECT s.customer_id, s.category, s.amount, o.* FROM summary.service_costs s POSITIONAL JOIN summary.service_cost_owners o',
      ),
    ).toEqual([
      {
        customer_id: 'a',
        category: 'support',
        amount: 20,
        revenue: 240,
        recorded_cost: 115,
        revenue_without_cost: 50,
        service_cost: 20,
      },
      {
        customer_id: 'b',
        category: 'call',
        amount: 7,
        revenue: 200,
        recorded_cost: 120,
        revenue_without_cost: 0,
        service_cost: 7,
      },
      {
        customer_id: 'e',
        category: 'call',
        amount: 3,
        revenue: 50,
        recorded_cost: 30,
        revenue_without_cost: 0,
        service_cost: 3,
      },
    ]);
  });

  it.each([
    ['word-of-mouth', {}],
    ['churn-reasons', {}],
    ['profit-diagnostics', {}],
    // More tiers than customers: every customer its own tier, as NTILE does.
    ['profit-diagnostics', { tiers: 7, top_n: 1, per_customer: true }],
    ['profit-diagnostics', { margin_source: 'assumed', margin_pct: 0.3 }],
  ] as [string, Record<string, unknown>][])(
    '%s %j: same result from the summary as from the raw tables',
    async (id, options) => {
      sameResult(await run(engine, id, options, true), await run(engine, id, options, false), { strict: true });
    },
  );
});

describe('summary tables for first runs = direct queries on generated data', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    const files = renderSampleCsv({ customers: 3000, seed: 11 });
    await engine.loadCanonicalCsv(
      'generated',
      Object.entries(files).map(([table, text]) => ({ table, fileName: `${table}.csv`, bytes: enc.encode(text) })),
    );
  }, 120_000);

  it('summary.survey_respondents equals a direct per-customer query on surveys, transactions, service costs and customers', async () => {
    const direct = await rows(
      engine,
      `WITH e AS (SELECT max(date) AS data_end FROM transactions),
r AS (SELECT customer_id, date, satisfaction, recommend, repurchase_intent FROM surveys WHERE customer_id IS NOT NULL AND satisfaction IS NOT NULL),
latest AS (SELECT customer_id, date, satisfaction, recommend, repurchase_intent FROM r
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY date DESC NULLS LAST, satisfaction DESC, recommend DESC NULLS LAST, repurchase_intent DESC NULLS LAST) = 1),
followed AS (SELECT customer_id, date, satisfaction, recommend, repurchase_intent FROM r, e WHERE date + 365 <= data_end
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY date DESC, satisfaction DESC, recommend DESC NULLS LAST, repurchase_intent DESC NULLS LAST) = 1)
SELECT l.customer_id, (SELECT count(date) FROM r WHERE r.customer_id = l.customer_id) AS dated,
  l.date AS latest_date, l.satisfaction AS latest_satisfaction, l.recommend AS latest_recommend, l.repurchase_intent AS latest_intent,
  (SELECT count(*) FROM transactions t WHERE t.customer_id = l.customer_id) AS tx_lines,
  (SELECT min(churn_date) FROM customers c WHERE c.customer_id = l.customer_id) AS churn_date,
  f.date AS survey_date, f.satisfaction, f.recommend, f.repurchase_intent,
  CASE WHEN f.date IS NOT NULL THEN (SELECT count(*) FROM transactions t WHERE t.customer_id = l.customer_id AND t.date > f.date AND t.date <= f.date + 365) END AS tx_after,
  CASE WHEN f.date IS NOT NULL THEN (SELECT coalesce(sum(revenue), 0) FROM transactions t WHERE t.customer_id = l.customer_id AND t.date > f.date AND t.date <= f.date + 365) END AS revenue_after,
  CASE WHEN f.date IS NOT NULL THEN (SELECT coalesce(sum(revenue - coalesce(cost, 0)), 0) FROM transactions t WHERE t.customer_id = l.customer_id AND t.date > f.date AND t.date <= f.date + 365) END AS margin_after,
  CASE WHEN f.date IS NOT NULL THEN (SELECT coalesce(sum(amount), 0) FROM service_costs s WHERE s.customer_id = l.customer_id AND s.date > f.date AND s.date <= f.date + 365) END AS service_after,
  CASE WHEN f.date IS NOT NULL THEN (SELECT coalesce(sum(revenue), 0) FROM transactions t WHERE t.customer_id = l.customer_id AND t.date > f.date - 365 AND t.date <= f.date) END AS revenue_before,
  CASE WHEN f.date IS NOT NULL THEN (SELECT coalesce(sum(revenue - coalesce(cost, 0)), 0) FROM transactions t WHERE t.customer_id = l.customer_id AND t.date > f.date - 365 AND t.date <= f.date) END AS margin_before,
  CASE WHEN f.date IS NOT NULL THEN (SELECT coalesce(sum(amount), 0) FROM service_costs s WHERE s.customer_id = l.customer_id AND s.date > f.date - 365 AND s.date <= f.date) END AS service_before
FROM latest l LEFT JOIN followed f USING (customer_id)
ORDER BY l.customer_id`,
    );
    const summary = await rows(engine, 'SELECT * FROM summary.survey_respondents');
    expect(summary.length).toBeGreaterThan(1500);
    expect(summary.filter((r) => r.survey_date !== null).length).toBeGreaterThan(500);
    close(summary, direct, 'survey_respondents');
    const info = await rows(
      engine,
      `SELECT count(*) AS survey_rows, count(*) FILTER (WHERE customer_id IS NULL OR satisfaction IS NULL) AS unscored_rows,
  (SELECT count(DISTINCT customer_id) FROM surveys WHERE satisfaction IS NOT NULL) AS respondents,
  (SELECT count(*) FROM (SELECT customer_id FROM surveys WHERE customer_id IS NOT NULL AND satisfaction IS NOT NULL GROUP BY 1 HAVING count(date) = 0)) AS undated_only,
  min(satisfaction) AS min_score, max(satisfaction) AS max_score, mode(scale) AS declared, count(DISTINCT scale) AS declared_count,
  (SELECT max(date) FROM transactions) AS data_end, 0 AS gap_days, 365 AS window_days FROM surveys`,
    );
    close(await rows(engine, 'SELECT * FROM summary.survey_info'), info, 'survey_info');
  });

  it('summary.lost_customers equals a direct query on customers and transactions', async () => {
    const direct = await rows(
      engine,
      `SELECT c.customer_id, c.churn_date, coalesce(nullif(trim(c.churn_reason), ''), '(not stated)') AS reason,
  (SELECT sum(t.revenue) FROM transactions t WHERE t.customer_id = c.customer_id
     AND t.date <= coalesce(c.churn_date, (SELECT max(date) FROM transactions m WHERE m.customer_id = c.customer_id))
     AND t.date > coalesce(c.churn_date, (SELECT max(date) FROM transactions m WHERE m.customer_id = c.customer_id)) - 365) AS revenue_12m
FROM customers c WHERE c.customer_id IS NOT NULL AND (c.churn_date IS NOT NULL OR nullif(trim(c.churn_reason), '') IS NOT NULL)
ORDER BY c.customer_id`,
    );
    const summary = await rows(engine, 'SELECT * FROM summary.lost_customers');
    expect(summary.length).toBeGreaterThan(500);
    close(summary, direct, 'lost_customers');
  });

  it('summary.customer_ranks and summary.service_cost_owners equal the rank and the join by customer', async () => {
    close(
      await rows(
        engine,
        'SELECT c.customer_id, r.customer_id AS ranked, r.revenue_rank FROM summary.customers c POSITIONAL JOIN summary.customer_ranks r',
      ),
      await rows(
        engine,
        `SELECT customer_id, customer_id AS ranked, row_number() OVER (ORDER BY revenue DESC, customer_id) AS revenue_rank FROM summary.customers ORDER BY customer_id`,
      ),
      'customer_ranks',
    );
    const owners = await rows(
      engine,
      'SELECT s.customer_id, s.category, o.* FROM summary.service_costs s POSITIONAL JOIN summary.service_cost_owners o',
    );
    expect(owners.length).toBeGreaterThan(2000);
    close(
      owners,
      await rows(
        engine,
        `SELECT s.customer_id, s.category, c.revenue, c.recorded_cost, c.revenue_without_cost, c.service_cost
FROM summary.service_costs s JOIN summary.customers c USING (customer_id) ORDER BY s.customer_id, s.category`,
      ),
      'service_cost_owners',
    );
  });

  it.each([
    ['satisfaction-loyalty', {}],
    ['satisfaction-loyalty', { segment: 'region' }],
    ['satisfaction-loyalty', { outcome: 'repurchased', min_n: 5 }],
    ['satisfaction-loyalty', { outcome: 'wallet_kept', wallet_kept_min: 0.5 }],
    ['satisfaction-loyalty', { data_end: '2024-12-31' }],
    ['loyalty-quadrant', {}],
    ['loyalty-quadrant', { satisfied_from: 3, hostage_limit: 7, segment: 'plan' }],
    ['satisfaction-what-if', { move_share: 0.3 }],
    ['word-of-mouth', {}],
    ['churn-reasons', {}],
    ['profit-diagnostics', {}],
    ['profit-diagnostics', { margin_pct: 0.3, top_n: 40, tiers: 7 }],
    ['profit-diagnostics', { margin_source: 'assumed', margin_pct: 0.42, per_customer: true, group_by: 'region' }],
  ] as [string, Record<string, unknown>][])(
    '%s %j: same result from the summary as from the raw tables',
    async (id, options) => {
      sameResult(await run(engine, id, options, true), await run(engine, id, options, false), { strict: true });
    },
  );

  it.each([
    ['satisfaction-loyalty', ['surveys', 'transactions', 'service_costs', 'customers']],
    ['loyalty-quadrant', ['surveys', 'transactions', 'service_costs', 'customers']],
    ['word-of-mouth', ['surveys', 'transactions', 'service_costs', 'customers']],
    ['churn-reasons', ['surveys', 'transactions', 'service_costs', 'customers']],
    // Only the names of the worst loss-makers come from `customers`.
    ['profit-diagnostics', ['surveys', 'transactions', 'service_costs']],
  ] as [string, string[]][])('%s: the first run with default options reads none of %j', async (id, tables) => {
    const statements = await statementsOfFirstRun(engine, id);
    expect(statements.length).toBeGreaterThan(0);
    for (const sql of statements)
      expect(
        rawTablesIn(sql).filter((t) => tables.includes(t)),
        sql,
      ).toEqual([]);
  });

  it('a saved dataset reopened with its summary keeps the row-by-row pairs lined up and gives the same first runs', async () => {
    const saved = await engine.exportDatabase();
    const reopened = createNodeEngine();
    await reopened.loadDatabase('saved', saved.bytes.slice(), 'dataset.duckdb');
    // The stored summary is trusted (not rebuilt), and read through the views over the saved file.
    expect((await reopened.status()).summary?.buildMs).toBe(0);
    expect(
      await rows(
        reopened,
        `SELECT count(*) AS off FROM summary.customers c POSITIONAL JOIN summary.customer_ranks r WHERE c.customer_id IS DISTINCT FROM r.customer_id`,
      ),
    ).toEqual([{ off: 0 }]);
    close(
      await rows(
        reopened,
        'SELECT s.customer_id, s.category, o.* FROM summary.service_costs s POSITIONAL JOIN summary.service_cost_owners o',
      ),
      await rows(
        reopened,
        `SELECT s.customer_id, s.category, c.revenue, c.recorded_cost, c.revenue_without_cost, c.service_cost
FROM summary.service_costs s JOIN summary.customers c USING (customer_id) ORDER BY s.customer_id, s.category`,
      ),
      'service_cost_owners after reopening',
    );
    for (const id of ['profit-diagnostics', 'satisfaction-loyalty', 'word-of-mouth', 'churn-reasons']) {
      sameResult(await reopened.runAnalysis(id, {}), await engine.runAnalysis(id, {}), { strict: true });
    }
  }, 120_000);

  it('options the summary does not hold read the raw tables (and still agree with them)', async () => {
    for (const [id, options] of [
      ['satisfaction-loyalty', { window_days: 180 }],
      ['satisfaction-loyalty', { outcome: 'stated_intent' }],
      ['churn-reasons', { value_column: 'acquisition_cost' }],
      ['profit-diagnostics', { cost_per_order: 2 }],
    ] as [string, Record<string, unknown>][]) {
      const statements = await statementsOfFirstRun(engine, id, options);
      expect(
        statements.some((sql) => rawTablesIn(sql).length > 0),
        `${id} ${JSON.stringify(options)}`,
      ).toBe(true);
      sameResult(await run(engine, id, options, true), await run(engine, id, options, false), { strict: true });
    }
  });
});
