/**
 * Customers who break even exactly are not loss-makers, on every path. Their profit is a
 * difference of decimal amounts held in doubles (29.54 − 21.96 − 7.58 = −1.8e-15 in binary), so
 * before profit was rounded to the micro-unit (src/sql/money.ts) some of them counted as
 * loss-makers or below-zero customers, and which ones depended on the order of the additions: at
 * 1M generated customers the summary path and native DuckDB differed by 15 loss-makers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';
import { parseOptions } from '../../src/analyses/options.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { roundMoney } from '../../src/sql/money.ts';

const enc = new TextEncoder();

// Six customers whose revenue exactly pays for the cost of goods and the cost to serve (amounts
// found breaking even in generated data; in doubles the differences come out as ±1e-15 or 0),
// two clear loss-makers and two profitable customers. Dates span a year, so the default periods hold.
const transactions = `customer_id,date,revenue,cost,order_id
Z1,2024-01-05,100.00,80.00,o1
Z1,2024-06-05,45.54,34.57,o2
Z2,2024-02-01,38.75,19.56,o3
Z3,2024-03-01,1.85,1.48,o4
Z4,2024-04-01,29.54,21.96,o5
Z5,2024-05-01,25.69,20.00,o6
Z6,2024-07-01,116.13,87.83,o7
L1,2024-08-01,10.00,9.00,o8
L2,2024-09-01,20.00,25.00,o9
P1,2024-10-01,500.00,200.00,o10
P2,2024-12-31,300.00,100.00,o11`;
const serviceCosts = `customer_id,amount,date,category
Z1,30.97,2024-06-10,support
Z2,10.10,2024-02-03,support
Z2,9.09,2024-02-04,returns
Z3,0.37,2024-03-02,support
Z4,7.58,2024-04-02,support
Z5,5.69,2024-05-02,support
Z6,28.30,2024-07-02,support
L1,5.00,2024-08-02,support
P1,10.00,2024-10-02,support`;

let engine: NodeEngine;
beforeAll(async () => {
  engine = createNodeEngine();
  await engine.loadCanonicalCsv('break-even', [
    { table: 'transactions', fileName: 'transactions.csv', bytes: enc.encode(transactions + '\n') },
    { table: 'service_costs', fileName: 'service_costs.csv', bytes: enc.encode(serviceCosts + '\n') },
  ]);
}, 60_000);

/** The analysis with the engine's context (summary, kept arrays), or on the raw tables only. */
async function run(id: string, raw: Record<string, unknown>, withSummary: boolean): Promise<AnalysisResult> {
  if (withSummary) return engine.runAnalysis(id, raw);
  const def = getAnalysis(id);
  return def.run({ db: await engine.database(), profile: await engine.profile() }, parseOptions(def.options, raw, id));
}

describe('break-even customers', () => {
  it('the doubles really are off zero without rounding, and round to exactly zero', () => {
    expect(29.54 - 21.96 - 7.58).not.toBe(0);
    expect(roundMoney(29.54 - 21.96 - 7.58)).toBe(0);
    expect(roundMoney(-1e-15) < 0).toBe(false);
    expect(roundMoney(-2.0000005)).toBe(-2.000001);
    expect(roundMoney(NaN)).toBeNaN();
  });

  it('rounds as DuckDB rounds, bit for bit', async () => {
    const xs = [
      0.1 + 0.2,
      145.54 - 114.57 - 30.97,
      -12.3456785,
      2.5e-7,
      -2.5e-7,
      1234567.8912345,
      -987654.3210005,
      1e9 + 0.1234565,
    ];
    const got = toRows(
      await engine.query(
        `SELECT round(x, 6) AS r FROM (SELECT unnest([${xs.map((x) => x.toString()).join(', ')}]::DOUBLE[]) AS x)`,
      ),
    );
    // + 0 turns −0 into 0: DuckDB keeps the sign of a negative amount that rounds to zero.
    expect(got.map((r) => Number(r.r) + 0)).toEqual(xs.map((x) => roundMoney(x) + 0));
  });

  for (const withSummary of [true, false]) {
    const path = withSummary ? 'summary' : 'raw tables';
    it(`whale curve counts exactly two loss-makers (${path})`, async () => {
      const r = await run('whale-curve', { margin_source: 'cost' }, withSummary);
      expect(r.scalars.loss_makers).toBe(2);
      expect(r.scalars.customers).toBe(10);
    });
    it(`profit diagnostics count exactly two loss-makers (${path})`, async () => {
      const r = await run('profit-diagnostics', { margin_source: 'cost' }, withSummary);
      expect(r.scalars.loss_makers).toBe(2);
    });
    it(`MVC / MGC / BZ puts exactly the two loss-makers below zero (${path})`, async () => {
      const r = await run('mvc-mgc-bz', { period_start: '2024-01-01', period_end: '2024-12-31' }, withSummary);
      expect(r.scalars.bz_customers).toBe(2);
    });
  }
});
