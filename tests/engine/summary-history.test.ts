/**
 * `summary.customer_history` (docs/summary.md) and the CLV inputs read from it: the table on a
 * hand-computed fixture (purchase days as BG/NBD counts them: a return-only day and a day of NULL
 * revenue are not purchases, a $0 day is; first line, signup), against direct queries on the raw
 * tables on generated data, and `clv-bgnbd` in the engine (inputs from the summary, or from the
 * raw SQL with `ix` when a holdout cuts the data) against the raw path (`def.run({ db, profile })`).
 * Money is summed exactly on both sides (`purchaseMoney`), so everything is compared exactly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readClvInputs } from '../../src/analyses/clv/clv-inputs.ts';
import { sortedHistories } from '../../src/analyses/clv/clv-model.ts';
import { buildClvSummaryQuery } from '../../src/analyses/clv/summary-query.ts';
import { parseOptions } from '../../src/analyses/options.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import type { AnalysisContext } from '../../src/analyses/types.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows, type Row } from '../../src/engine/types.ts';
import { renderSampleCsv } from '../../sample-data/src/index.ts';

const enc = new TextEncoder();
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

async function load(engine: NodeEngine, files: Record<string, string>): Promise<void> {
  await engine.clearData();
  await engine.loadCanonicalCsv(
    'fixture',
    Object.entries(files).map(([table, text]) => ({
      table,
      fileName: `${table}.csv`,
      bytes: enc.encode(text.trim() + '\n'),
    })),
  );
}

/** The engine's analysis context (summary, typed arrays, memo), as `runAnalysis` builds it. */
async function engineContext(engine: NodeEngine): Promise<AnalysisContext> {
  const db = await engine.database();
  const memo = new Map<string, Promise<unknown>>();
  return {
    db,
    profile: await engine.profile(),
    summary: (await engine.status()).summary,
    numeric: (sql) => db.numeric(sql),
    memo: <T>(k: string, build: () => Promise<T>) => {
      if (!memo.has(k)) memo.set(k, build());
      return memo.get(k) as Promise<T>;
    },
  };
}

describe('summary.customer_history on a hand fixture', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    await load(engine, {
      transactions: `customer_id,date,revenue,order_id
a,2024-01-05,10,o1
a,2024-01-05,-3,o1r
a,2024-01-20,,o2
a,2024-02-10,20,o3
a,2024-02-10,5,o4
a,2024-03-01,-8,o5
b,2023-12-31,-4,o6
b,2024-01-02,0,o7
c,2024-02-29,100,o8
d,2024-03-03,,o9
,2024-01-01,50,o10`,
      customers: `customer_id,signup_date
a,2023-06-01
a,2023-05-01
c,2024-03-01
z,2020-01-01`,
    });
  });

  it('has the hand-computed rows', async () => {
    const rows = toRows(await engine.query('SELECT * FROM summary.customer_history ORDER BY ix')).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, day(v)])),
    );
    expect(rows).toEqual([
      // a: 01-05 nets 7 (a sale and a return: a purchase day), 01-20 only a NULL revenue (a line, not a
      // purchase), 02-10 two sales (one day), 03-01 a return only (a line, not a purchase).
      {
        ix: 0,
        customer_id: 'a',
        first_date: '2024-01-05',
        last_date: '2024-03-01',
        signup: '2023-05-01',
        purchase_days: 2,
        first_purchase: '2024-01-05',
        last_purchase: '2024-02-10',
        purchase_revenue: 32,
        repeat_revenue: 25,
        first_day_revenue: 7,
      },
      // b: first line a return, then a $0 purchase (it counts, as in CDNOW).
      {
        ix: 1,
        customer_id: 'b',
        first_date: '2023-12-31',
        last_date: '2024-01-02',
        signup: null,
        purchase_days: 1,
        first_purchase: '2024-01-02',
        last_purchase: '2024-01-02',
        purchase_revenue: 0,
        repeat_revenue: 0,
        first_day_revenue: 0,
      },
      {
        ix: 2,
        customer_id: 'c',
        first_date: '2024-02-29',
        last_date: '2024-02-29',
        signup: '2024-03-01',
        purchase_days: 1,
        first_purchase: '2024-02-29',
        last_purchase: '2024-02-29',
        purchase_revenue: 100,
        repeat_revenue: 0,
        first_day_revenue: 100,
      },
      // d: only a line without revenue: a customer (tenure, periods) but no purchase day.
      {
        ix: 3,
        customer_id: 'd',
        first_date: '2024-03-03',
        last_date: '2024-03-03',
        signup: null,
        purchase_days: 0,
        first_purchase: null,
        last_purchase: null,
        purchase_revenue: null,
        repeat_revenue: null,
        first_day_revenue: null,
      },
    ]);
    // The same customers as the monthly table.
    expect(
      toRows(await engine.query('SELECT DISTINCT customer_id FROM summary.customer_months ORDER BY 1')).map(
        (r) => r.customer_id,
      ),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives the CLV inputs of the raw SQL (all data, days and weeks)', async () => {
    const ctx = await engineContext(engine);
    for (const unit of [1, 7]) {
      const { columns: c, histories, path } = await readClvInputs(ctx, '2024-03-01', null, unit);
      expect(path).toBe('summary');
      const raw = toRows(await engine.query(buildClvSummaryQuery(), ['2024-03-01', null, unit]));
      const customers = Array.from({ length: c.n }, (_, i) => ({
        customer_id: raw[c.ix![i]!]?.customer_id,
        frequency: c.frequency[i],
        recency: c.recency[i],
        T: c.T[i],
        monetary_value: c.monetary_value[i],
        calibration_revenue: c.calibration_revenue[i],
        holdout_frequency: c.holdout_frequency[i],
        holdout_revenue: c.holdout_revenue[i],
      }));
      expect(customers).toEqual(
        raw.map((r) => ({
          customer_id: r.customer_id,
          frequency: r.frequency,
          recency: r.recency,
          T: r.T,
          monetary_value: r.monetary_value,
          calibration_revenue: r.calibration_revenue,
          holdout_frequency: 0,
          holdout_revenue: 0,
        })),
      );
      // The distinct histories the SQL grouped are those of the customers, with their counts, in (x, tₓ, T) order.
      expect(histories).toEqual(sortedHistories(c));
    }
    // A calibration end before the last purchase day reads the raw SQL (with ix).
    expect((await readClvInputs(ctx, '2024-02-15', '2024-03-01', 7)).path).toBe('raw+ix');
  });
});

describe('summary.customer_history = direct queries on generated data', () => {
  let engine: NodeEngine;
  let rows: Row[];
  beforeAll(async () => {
    engine = createNodeEngine();
    await load(engine, renderSampleCsv({ customers: 3000, seed: 11 }));
    rows = toRows(await engine.query('SELECT * FROM summary.customer_history ORDER BY ix'));
  }, 120_000);

  it('one row per customer with a line, in customer_id order, ix = position', async () => {
    const direct = toRows(
      await engine.query(`SELECT CAST(customer_id AS VARCHAR) AS customer_id, min(date) AS first_date, max(date) AS last_date
      FROM transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL GROUP BY 1 ORDER BY 1`),
    );
    expect(rows.map((r) => r.ix)).toEqual(rows.map((_, i) => i));
    expect(rows.map((r) => [r.customer_id, day(r.first_date), day(r.last_date)])).toEqual(
      direct.map((r) => [r.customer_id, day(r.first_date), day(r.last_date)]),
    );
    const signup = new Map(
      toRows(await engine.query('SELECT customer_id, min(signup_date) AS s FROM customers GROUP BY 1')).map((r) => [
        r.customer_id,
        day(r.s),
      ]),
    );
    expect(rows.map((r) => day(r.signup))).toEqual(rows.map((r) => signup.get(r.customer_id) ?? null));
  });

  it('purchase days, dates and revenue equal the CLV summary SQL on the raw lines, exactly', async () => {
    const last = String(
      day(
        toRows(
          await engine.query(
            'SELECT max(date) AS d FROM transactions WHERE customer_id IS NOT NULL AND revenue IS NOT NULL',
          ),
        )[0]!.d,
      ),
    );
    const raw = toRows(await engine.query(buildClvSummaryQuery(), [last, null, 1]));
    const byId = new Map(rows.map((r) => [r.customer_id, r]));
    expect(raw.length).toBe(rows.filter((r) => Number(r.purchase_days) > 0).length);
    for (const r of raw) {
      const h = byId.get(r.customer_id)!;
      expect(Number(h.purchase_days) - 1, String(r.customer_id)).toBe(r.frequency);
      expect(day(h.first_purchase)).toBe(day(r.first_day));
      expect((Date.parse(String(day(h.last_purchase))) - Date.parse(String(day(h.first_purchase)))) / 86_400_000).toBe(
        r.recency,
      );
      expect(h.purchase_revenue, `${r.customer_id} calibration revenue`).toBe(r.calibration_revenue);
      expect(
        Number(r.frequency) > 0 ? Number(h.repeat_revenue) / Number(r.frequency) : 0,
        `${r.customer_id} monetary value`,
      ).toBe(r.monetary_value);
    }
  });

  it('clv-bgnbd in the engine = the raw path, exactly: defaults (inputs from the summary) and a holdout (raw SQL with ix)', async () => {
    const def = getAnalysis('clv-bgnbd');
    for (const options of [
      { top_n: 30 },
      { calibration_end: '2024-06-30', holdout_end: '2024-12-31', time_unit: 'days', top_n: 5 },
    ]) {
      const { engineTables, ...engineRun } = await engine.runAnalysis('clv-bgnbd', options);
      const rawRun = await def.run(
        { db: await engine.database(), profile: await engine.profile() },
        parseOptions(def.options, options, 'clv-bgnbd'),
      );
      expect(engineRun).toEqual(rawRun);
      // Only the engine keeps every customer's scores as a table (the raw path has nowhere to stage them).
      expect(engineTables).toEqual({ scores: { rowCount: rawRun.scalars.customers } });
    }
  }, 120_000);
});
