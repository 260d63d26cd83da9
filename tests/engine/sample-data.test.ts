/**
 * The phenomena the sample data exists to show, measured with real DuckDB-WASM on the committed
 * default dataset and on a second seed (so they come from the model, not from one lucky draw).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, readCanonicalFolder, sampleFolder, type NodeEngine } from '../../src/engine/node.ts';
import type { DataFile } from '../../src/engine/api.ts';
import { renderSampleCsv, sampleFiles, trueAnnualRetention } from '../../sample-data/src/index.ts';

/** One number from a query. */
async function scalar(engine: NodeEngine, sql: string): Promise<number> {
  const t = await engine.query(sql);
  return Number(t.data[0]![0]);
}

const profitSql = `
  WITH m AS (SELECT customer_id, sum(revenue - cost) AS margin, sum(revenue) AS revenue FROM transactions GROUP BY 1),
  s AS (SELECT customer_id, sum(amount) AS cts FROM service_costs GROUP BY 1)
  SELECT c.customer_id, coalesce(m.margin, 0) - coalesce(s.cts, 0) AS profit, coalesce(m.revenue, 0) AS revenue
  FROM customers c LEFT JOIN m USING (customer_id) LEFT JOIN s USING (customer_id)`;

/** 1-year retention after a 2023 survey, by satisfaction answer. */
async function retentionBySatisfaction(engine: NodeEngine): Promise<Map<number, { n: number; retained: number }>> {
  const t = await engine.query(`
    SELECT s.satisfaction, count(*) AS n,
      avg(CASE WHEN c.churn_date IS NULL OR c.churn_date > s.date + 365 THEN 1 ELSE 0 END) AS retained
    FROM surveys s JOIN customers c USING (customer_id)
    WHERE s.date <= DATE '2023-12-31' GROUP BY 1 ORDER BY 1`);
  return new Map(t.data[0]!.map((s, i) => [Number(s), { n: Number(t.data[1]![i]), retained: Number(t.data[2]![i]) }]));
}

/** The key phenomena as numbers. */
async function measure(engine: NodeEngine) {
  const lossShare = await scalar(engine, `SELECT avg((profit < 0)::INT) FROM (${profitSql})`);
  const whalePeak = await scalar(
    engine,
    `SELECT max(cum) / any_value(total) FROM (
       SELECT sum(profit) OVER (ORDER BY profit DESC, customer_id ROWS UNBOUNDED PRECEDING) AS cum, sum(profit) OVER () AS total FROM (${profitSql}))`,
  );
  const top20Revenue = await scalar(
    engine,
    `SELECT sum(revenue) FILTER (WHERE rk <= 0.2 * n) / sum(revenue) FROM (
       SELECT revenue, row_number() OVER (ORDER BY revenue DESC, customer_id) AS rk, count(*) OVER () AS n FROM (${profitSql}))`,
  );
  const partialChurners = await scalar(
    engine,
    `SELECT count(*) FROM (
       SELECT t.customer_id, sum(revenue) FILTER (WHERE year(date) = 2023) AS y23, sum(revenue) FILTER (WHERE year(date) = 2024) AS y24
       FROM transactions t JOIN customers c USING (customer_id) WHERE c.churn_date IS NULL GROUP BY 1)
     WHERE y23 > 0 AND y24 > 0 AND y24 < 0.5 * y23`,
  );
  const quintileMoves = await scalar(
    engine,
    `WITH y AS (
       SELECT customer_id, sum(revenue) FILTER (WHERE year(date) = 2023) AS y23, sum(revenue) FILTER (WHERE year(date) = 2024) AS y24
       FROM transactions GROUP BY 1),
     q AS (SELECT ntile(5) OVER (ORDER BY y23, customer_id) AS q23, ntile(5) OVER (ORDER BY y24, customer_id) AS q24 FROM y WHERE y23 > 0 AND y24 > 0)
     SELECT avg((q23 <> q24)::INT) FROM q`,
  );
  return {
    lossShare,
    whalePeak,
    top20Revenue,
    partialChurners,
    quintileMoves,
    retention: await retentionBySatisfaction(engine),
  };
}

/** The assertions both datasets must satisfy. */
function expectKeyPhenomena(m: Awaited<ReturnType<typeof measure>>): void {
  expect(m.lossShare).toBeGreaterThanOrEqual(0.15);
  expect(m.lossShare).toBeLessThanOrEqual(0.35);
  expect(m.whalePeak).toBeGreaterThanOrEqual(1.2);
  expect(m.whalePeak).toBeLessThanOrEqual(2.0);
  expect(m.top20Revenue).toBeGreaterThanOrEqual(0.6);
  expect(m.top20Revenue).toBeLessThanOrEqual(0.85);
  expect(m.partialChurners).toBeGreaterThanOrEqual(100);
  // Tiers move (drift, partial churn, tenure) but value is a persistent trait, so not at random (random = 80 %).
  expect(m.quintileMoves).toBeGreaterThanOrEqual(0.15);
  expect(m.quintileMoves).toBeLessThanOrEqual(0.7);
  const r = (s: number) => m.retention.get(s)!.retained;
  for (const s of [3, 4, 5]) expect(m.retention.get(s)!.n).toBeGreaterThan(200);
  // Completely satisfied customers are far more loyal than merely satisfied ones; 3 → 4 matters little.
  expect(r(5) - r(4)).toBeGreaterThan(0.15);
  expect(r(5) - r(4)).toBeGreaterThan(r(4) - r(3) + 0.08);
  // The estimate recovers the true function (state changes between survey and churn blur it a little).
  for (const s of [3, 4, 5]) expect(Math.abs(r(s) - trueAnnualRetention(s))).toBeLessThan(0.1);
}

// One DuckDB-WASM instance for the file (start-up is the slow part); each describe loads its dataset.
let engine: NodeEngine;
beforeAll(() => {
  engine = createNodeEngine();
});

describe('committed default sample dataset (DuckDB-WASM)', () => {
  beforeAll(async () => {
    await engine.loadCanonicalCsv('sample', await readCanonicalFolder(sampleFolder));
  });

  it('shows loss-makers, a whale curve above 100 %, Pareto revenue, partial churn, tier migration and the 4→5 loyalty jump', async () => {
    expectKeyPhenomena(await measure(engine));
  });

  it('has every canonical table with its rows, and every customer_id exists in customers', async () => {
    const tables = await engine.listTables();
    for (const name of sampleFiles) expect(tables.find((t) => t.name === name)?.rowCount).toBeGreaterThan(1000);
    for (const name of ['transactions', 'service_costs', 'surveys']) {
      expect(
        await scalar(engine, `SELECT count(*) FROM ${name} x ANTI JOIN customers c USING (customer_id)`),
        name,
      ).toBe(0);
    }
    expect(await scalar(engine, 'SELECT count(*) - count(DISTINCT customer_id) FROM customers')).toBe(0);
  });

  it('fully churned customers have a churn date and reason and no activity on or after it', async () => {
    const churned = await scalar(engine, 'SELECT count(*) FROM customers WHERE churn_date IS NOT NULL');
    expect(churned).toBeGreaterThan(400);
    expect(
      await scalar(engine, 'SELECT count(*) FROM customers WHERE (churn_date IS NULL) <> (churn_reason IS NULL)'),
    ).toBe(0);
    expect(await scalar(engine, 'SELECT count(DISTINCT churn_reason) FROM customers')).toBe(5);
    for (const name of ['transactions', 'service_costs', 'surveys']) {
      const after = await scalar(
        engine,
        `SELECT count(*) FROM ${name} x JOIN customers c USING (customer_id) WHERE x.date >= c.churn_date`,
      );
      expect(after, name).toBe(0);
    }
  });

  it('covers 2023–2024 with customers who signed up earlier and still buy', async () => {
    const t = await engine.query('SELECT min(date), max(date) FROM transactions');
    expect(t.data.map((c) => c[0])).toEqual([new Date('2023-01-01T00:00:00Z'), new Date('2024-12-31T00:00:00Z')]);
    const early = await scalar(
      engine,
      "SELECT count(DISTINCT customer_id) FROM transactions JOIN customers USING (customer_id) WHERE signup_date < DATE '2023-01-01'",
    );
    expect(early).toBeGreaterThan(1000);
    expect(await scalar(engine, "SELECT min(signup_date) < DATE '2021-02-01' FROM customers")).toBe(1);
    expect(
      await scalar(
        engine,
        'SELECT count(*) FROM transactions x JOIN customers c USING (customer_id) WHERE x.date < c.signup_date',
      ),
    ).toBe(0);
  });

  it('has all six cost-to-serve categories, positive amounts and acquisition costs', async () => {
    const t = await engine.query('SELECT category FROM service_costs GROUP BY 1 ORDER BY 1');
    expect(t.data[0]).toEqual(['bad_debt', 'discount', 'dispute', 'field_visit', 'return', 'support_call']);
    expect(await scalar(engine, 'SELECT min(amount) > 0 FROM service_costs')).toBe(1);
    expect(
      await scalar(engine, 'SELECT min(acquisition_cost) > 0 AND count(acquisition_cost) = count(*) FROM customers'),
    ).toBe(1);
  });

  it('has surveys on a 1–5 scale that not everyone answers and some answer twice', async () => {
    expect(
      await scalar(
        engine,
        "SELECT count(*) FROM surveys WHERE scale <> '1-5' OR satisfaction NOT BETWEEN 1 AND 5 OR recommend NOT BETWEEN 0 AND 10 OR repurchase_intent NOT BETWEEN 1 AND 5",
      ),
    ).toBe(0);
    const respondents = await scalar(engine, 'SELECT count(DISTINCT customer_id) FROM surveys');
    expect(respondents).toBeLessThan(0.8 * (await scalar(engine, 'SELECT count(*) FROM customers')));
    expect(
      await scalar(engine, 'SELECT count(*) FROM (SELECT customer_id FROM surveys GROUP BY 1 HAVING count(*) >= 2)'),
    ).toBeGreaterThan(300);
  });

  it('makes competitive regions churn more than calm ones', async () => {
    const t = await engine.query(
      "SELECT region, avg((churn_date IS NOT NULL)::INT) AS churn FROM customers WHERE region IN ('North', 'East') GROUP BY 1 ORDER BY 1",
    );
    const [east, north] = t.data[1]!.map(Number) as [number, number];
    expect(east - north).toBeGreaterThan(0.08);
  });
});

describe('a second seed (the phenomena come from the model)', () => {
  beforeAll(async () => {
    const csv = renderSampleCsv({ customers: 4000, seed: 7 });
    const enc = new TextEncoder();
    const files: DataFile[] = sampleFiles.map((f) => ({ table: f, fileName: `${f}.csv`, bytes: enc.encode(csv[f]) }));
    // Replaces the default tables (CREATE OR REPLACE) in the same engine.
    await engine.loadCanonicalCsv('seed7', files);
  });

  it('satisfies the same key properties', async () => {
    expectKeyPhenomena(await measure(engine));
  });
});
