/**
 * The customer-asset scorecard (analysis `scorecard`, notebook customer-asset-scorecard): its
 * figures on a hand-computed fixture, from the summary and from the raw tables alike; on the
 * sample, each figure equal to the explaining analysis's own number for the same quarter; on the
 * transactions-only UCI Online Retail data, the criteria it cannot show say what data would.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scorecardAnalysis } from '../../src/analyses/scorecard/scorecard-analysis.ts';
import type { AnalysisResult, Finding } from '../../src/analyses/types.ts';
import { renderFinding } from '../../src/analyses/messages/finding.ts';
import { loadData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { sameResult } from './same-result.ts';

const enc = new TextEncoder();
const byId = (r: AnalysisResult) => Object.fromEntries(r.findings.map((f) => [f.id, f])) as Record<string, Finding>;
const trendOf = (f: Finding | undefined) => f?.trend?.map((p) => p.value.value);

async function load(engine: NodeEngine, fixture: Record<string, string>): Promise<void> {
  for (const t of ['transactions', 'customers', 'service_costs', 'surveys'])
    await engine.query(`DROP TABLE IF EXISTS ${t}`);
  await engine.loadCanonicalCsv(
    'fixture',
    Object.entries(fixture).map(([table, text]) => ({
      table,
      fileName: `${table}.csv`,
      bytes: enc.encode(text.trim() + '\n'),
    })),
  );
}

// Two complete quarters. Profit (revenue − recorded cost − cost to serve):
// Q1 2024: a 400, b 200, c −50, d 100, e 10 (all first purchases).
// Q2 2024: a 100 (spent 300 after 1,000: slipping), b 300, c −80, f 200 − 30 = 170 (new), g −20 (a cost only).
const fixture = {
  transactions: `customer_id,date,revenue,cost
a,2024-01-10,1000,600
b,2024-02-05,500,300
c,2024-03-01,100,150
d,2024-03-20,200,100
e,2024-02-10,50,40
a,2024-04-10,300,200
b,2024-05-01,600,300
c,2024-06-30,100,180
f,2024-05-15,400,200`,
  service_costs: `customer_id,amount,date,category
f,30,2024-06-01,support_call
g,20,2024-04-02,support_call`,
  surveys: `customer_id,satisfaction,date,recommend
a,5,2024-03-01,10
b,4,2024-05-01,7
c,2,2024-06-01,3`,
};

describe('scorecard on a hand-computed fixture', () => {
  let engine: NodeEngine;
  let r: AnalysisResult;
  beforeAll(async () => {
    engine = createNodeEngine();
    await load(engine, fixture);
    r = await engine.runAnalysis('scorecard', {});
  }, 120_000);

  it('scores the last complete quarter, with the quarter before in each trend', () => {
    const f = byId(r);
    expect(r.scalars.quarter).toBe('2024-Q2');
    // Top 20% of 5 customers = the best one: a (400 of 660) in Q1, b (300 of 470) in Q2.
    expect(trendOf(f.core_share)).toEqual([400 / 660, 300 / 470]);
    // Loss-makers: c in Q1 (50); c and the cost-only g in Q2 (80 + 20).
    expect(trendOf(f.loss_drag)).toEqual([50, 100]);
    // Loyalty: nobody had bought before Q1; a, b, c of the 4 Q2 buyers had.
    expect(trendOf(f.loyalty)).toEqual([0, 0.75]);
    // Retention: 3 (a, b, c) of Q1's 5 buyers bought in Q2; Q1 has no quarter before it in the data.
    expect(trendOf(f.retention)).toEqual([null, 0.6]);
    // CLV: margin per Q2 buyer (100 + 300 − 80 + 170) / 4 = 122.5, × r / (1 + i − r) at i = 1.1^¼ − 1.
    const i = 1.1 ** 0.25 - 1;
    const clv = (122.5 * 0.6) / (1 + i - 0.6);
    expect(f.clv!.value).toBeCloseTo(clv, 9);
    expect(f.equity!.value).toBeCloseTo(4 * clv, 9);
    // Value at risk: a was Q1's core (top 20%) and spent less than half in Q2; it had earned 400.
    expect(trendOf(f.value_at_risk)).toEqual([null, 400]);
    expect(f.value_at_risk!.text).toBe(
      'Value at risk: 1 of Q1 2024’s top-20% customers spent less than half as much in Q2 2024; they had earned 400 of profit in Q1 2024.',
    );
    // Surveys of the 12 months to each quarter's end: Q1 {a: 5}; Q2 {a: 5, b: 4, c: 2}, top two scores = 4–5.
    expect(trendOf(f.satisfaction)).toEqual([1, 2 / 3]);
    // Net promoters: a (10) promotes, b (7) is passive, c (3) detracts.
    expect(trendOf(f.word_of_mouth)).toEqual([1, 0]);
    expect(f.core_share!.text).toBe(
      'Core customers: the top 20% earned 64% of Q2 2024’s profit (+3 points on the quarter before).',
    );
    expect(f.loss_drag!.text).toBe(
      'Loss-makers: 2 customers lost 100 in Q2 2024, profit the others earned and they gave away (+100% on the quarter before).',
    );
  });

  it('links every criterion to the notebook that explains it, in the catalogue order', () => {
    expect(r.findings.map((f) => [f.id, f.explainedBy])).toEqual([
      ['satisfaction', 'satisfied-is-not-loyal'],
      ['loyalty', 'satisfied-is-not-loyal'],
      ['retention', 'retention-what-if'],
      ['clv', 'retention-what-if'],
      ['word_of_mouth', 'satisfied-is-not-loyal'],
      ['equity', 'retention-what-if'],
      ['core_share', 'who-really-makes-the-profit'],
      ['loss_drag', 'who-really-makes-the-profit'],
      ['value_at_risk', 'segmenting-the-customer-base'],
    ]);
  });

  it('gives the same figures from the raw tables as from the summary', async () => {
    const raw = await scorecardAnalysis.run(
      { db: await engine.database(), profile: await engine.profile() },
      { quarters: 4, margin_pct: 0.35, discount_rate: 0.1 },
    );
    sameResult(raw, r, { strict: true });
  });

  it('writes the tiles in Chinese with the same numbers', () => {
    const f = byId(r);
    expect(renderFinding(f.core_share!, { locale: 'zh-Hans' }).text).toBe(
      '核心客户：前 20% 的客户贡献了 2024 年第 2 季度 64% 的利润（较上一季度 +3 个百分点）。',
    );
    expect(renderFinding(f.retention!, { locale: 'zh-Hant' }).headline).toBe('60%');
  });

  it('says what data would show a criterion it cannot show (no surveys, a single quarter)', async () => {
    // Q1 only, complete to its last day (e's zero line on 31 March).
    await load(engine, { transactions: `${fixture.transactions.split('\na,2024-04-10')[0]!}\ne,2024-03-31,0,0` });
    const short = byId(await engine.runAnalysis('scorecard', {}));
    expect(short.satisfaction!.text).toBe(
      'Satisfaction cannot be shown: the data has no dated survey answers. A surveys table (customer, date, satisfaction score) would show it.',
    );
    expect(short.satisfaction!.headline).toBeUndefined();
    expect(short.retention!.text).toBe(
      'Retention cannot be shown for Q1 2024: it compares each quarter with the one before, and the data starts too late. A longer purchase history would show it.',
    );
    expect(short.core_share!.value).toBe(400 / 660);
    await load(engine, { transactions: 'customer_id,date,revenue\na,2024-01-10,10\na,2024-02-10,10' });
    const none = await engine.runAnalysis('scorecard', {});
    expect(none.findings).toHaveLength(9);
    expect(none.findings.every((f) => f.key === 'scorecard.na.no_quarter')).toBe(true);
  });
});

describe('scorecard on the sample: each figure is its explaining analysis’s own number', () => {
  let engine: NodeEngine;
  let f: Record<string, Finding>;
  beforeAll(async () => {
    engine = (await loadData()).engine;
    f = byId(await engine.runAnalysis('scorecard', {}));
  }, 300_000);

  it('the last complete quarter is Q4 2024, with four quarters of trend', () => {
    expect(f.core_share!.trend!.map((p) => p.period)).toHaveLength(4);
    expect(f.retention!.trend!.every((p) => typeof p.value.value === 'number')).toBe(true);
  });

  it('the top 20%’s share of profit and the loss-makers’ loss are the whale curve’s for Q4 2024', async () => {
    const whale = await engine.runAnalysis('whale-curve', { from: '2024-10-01', to: '2024-12-31' });
    expect(f.core_share!.value).toBeCloseTo(whale.scalars.top_share as number, 9);
    expect(f.loss_drag!.value).toBeCloseTo(whale.scalars.total_loss as number, 6);
    const q3 = await engine.runAnalysis('whale-curve', { from: '2024-07-01', to: '2024-09-30' });
    expect(f.core_share!.trend!.at(-2)!.value.value).toBeCloseTo(q3.scalars.top_share as number, 9);
  });

  it('retention and CLV are customer equity’s for the last two complete quarters', async () => {
    const equity = await engine.runAnalysis('customer-equity', { period: 'quarter' });
    expect(equity.scalars.period_to).toBe('2024-Q4');
    expect(f.retention!.value).toBeCloseTo(equity.scalars.retention as number, 12);
    expect(f.clv!.value).toBeCloseTo(equity.scalars.clv as number, 6);
  });
});

describe('scorecard on transactions only (UCI Online Retail, 2010-12-01 … 2011-12-09)', () => {
  it('scores the complete quarters of 2011, marks what it cannot show, and the notebook runs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'caw-scorecard-'));
    copyFileSync(
      path.resolve(import.meta.dirname, '../fixtures/datasets/online_retail.csv.gz'),
      path.join(dir, 'online_retail.csv.gz'),
    );
    const data = await loadData(dir);
    const run = await runNotebookFile(
      path.resolve(import.meta.dirname, '../../notebooks/customer-asset-scorecard.md'),
      { data },
    );
    expect(run.errors).toEqual([]);
    const state = run.states.find((s) => s.id === 'scorecard')!;
    expect(state.status).toBe('ok');
    const out = state.output as { kind: 'analysis'; result: AnalysisResult };
    const f = byId(out.result);
    // December 2010 alone is not a complete quarter, nor is December 2011 up to the 9th.
    expect(
      f.core_share!.trend!.map(
        (p) =>
          renderFinding(
            { ...f.core_share!, params: { ...f.core_share!.params, period: p.period } },
            { locale: 'en' },
          ).text.match(/Q\d 2011/)![0],
      ),
    ).toEqual(['Q1 2011', 'Q2 2011', 'Q3 2011']);
    expect(out.result.scalars.quarter).toBe('2011-Q3');
    for (const id of ['satisfaction', 'word_of_mouth']) {
      expect(f[id]!.headline, id).toBeUndefined();
      expect(f[id]!.text).toMatch(
        /cannot be shown: the data has no dated survey answers\. A surveys table .* would show it\./,
      );
    }
    for (const id of ['loyalty', 'retention', 'clv', 'equity', 'core_share', 'loss_drag', 'value_at_risk'])
      expect(typeof f[id]!.value, id).toBe('number');
    // The first quarter has no complete quarter before it: its retention point is a gap, not a fall.
    expect(trendOf(f.retention)![0]).toBeNull();
    expect(out.result.notes).toEqual(['The data holds 3 complete quarters; the trends show those.']);
  }, 300_000);
});
