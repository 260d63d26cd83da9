/**
 * CLV in the engine: the summary SQL on a hand fixture and on the CDNOW sample (it must reproduce
 * the distributed 39-week summary), the analysis on CDNOW with a holdout (published parameters,
 * the holdout check), and on the built-in sample data with its charts drawn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClvSummaryQuery } from '../../src/analyses/clv/index.ts';
import { renderChartToSvgString } from '../../src/charts/render-node.ts';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';
import { internalPath } from '../../src/engine/internal-files.ts';
import { cellId, parseNotebook } from '../../src/notebook/format/index.ts';
import { createRuntime, engineEffects } from '../../src/notebook/runtime/index.ts';

const datasets = path.resolve(import.meta.dirname, '../fixtures/datasets');

describe('summary SQL on a hand fixture', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    const db = await engine.database();
    db.exec(`CREATE TABLE transactions AS SELECT * FROM (VALUES
      ('A', DATE '2024-01-01', 10.0), ('A', DATE '2024-01-01', 5.0),   -- two orders, one occasion worth 15
      ('A', DATE '2024-01-15', 20.0), ('A', DATE '2024-01-29', 40.0),
      ('A', DATE '2024-02-12', 7.0),                                     -- after the calibration end: holdout
      ('B', DATE '2024-01-08', 30.0), ('B', DATE '2024-01-22', -30.0),  -- a return-only day is no purchase
      ('C', DATE '2024-02-05', 12.0),                                    -- first buys after calibration: left out
      ('D', DATE '2024-01-03', 0.0), ('D', DATE '2024-01-10', 4.0)      -- a free first purchase still counts
    ) AS t(customer_id, date, revenue)`);
  });

  it('counts repeat occasions, recency and T in the chosen unit', async () => {
    const rows = toRows(await engine.query(buildClvSummaryQuery(), ['2024-01-29', '2024-02-26', 7]));
    expect(rows.map((r) => ({ ...r, first_day: undefined }))).toEqual([
      // A: occasions Jan 1 (15), Jan 15 (20), Jan 29 (40) → x = 2, tₓ = 4 weeks, T = 4 weeks, repeat average 30.
      {
        customer_id: 'A',
        frequency: 2,
        recency: 4,
        T: 4,
        monetary_value: 30,
        calibration_revenue: 75,
        holdout_frequency: 1,
        holdout_revenue: 7,
        first_day: undefined,
      },
      {
        customer_id: 'B',
        frequency: 0,
        recency: 0,
        T: 3,
        monetary_value: 0,
        calibration_revenue: 30,
        holdout_frequency: 0,
        holdout_revenue: 0,
        first_day: undefined,
      },
      {
        customer_id: 'D',
        frequency: 1,
        recency: 1,
        T: 26 / 7,
        monetary_value: 4,
        calibration_revenue: 4,
        holdout_frequency: 0,
        holdout_revenue: 0,
        first_day: undefined,
      },
    ]);
  });

  it('days and no holdout', async () => {
    const rows = toRows(await engine.query(buildClvSummaryQuery(), ['2024-01-29', null, 1]));
    expect(rows.find((r) => r.customer_id === 'A')).toMatchObject({
      frequency: 2,
      recency: 28,
      T: 28,
      holdout_frequency: 0,
    });
  });
});

describe('CDNOW 1/10 sample through the engine', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    const db = await engine.database();
    // The file pads its columns with runs of spaces, which DuckDB's sniffer rejects: re-delimit it first.
    const csv = readFileSync(path.join(datasets, 'CDNOW_sample.txt'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.trim().split(/\s+/).join(','))
      .join('\n');
    db.bindings.registerFileBuffer(internalPath('cdnow.csv'), new TextEncoder().encode(csv));
    db.exec(`CREATE TABLE transactions AS
      SELECT CAST(sample_id AS VARCHAR) AS customer_id, strptime(CAST(day AS VARCHAR), '%Y%m%d')::DATE AS date, dollars AS revenue
      FROM read_csv('${internalPath('cdnow.csv')}', header = false,
        columns = {'master_id': 'VARCHAR', 'sample_id': 'INTEGER', 'day': 'INTEGER', 'cds': 'INTEGER', 'dollars': 'DOUBLE'})`);
  });

  it('the summary SQL reproduces the distributed 39-week summary (weeks, to its 2 decimals)', async () => {
    const ours = toRows(await engine.query(buildClvSummaryQuery(), ['1997-09-30', null, 7]));
    const published = readFileSync(path.join(datasets, 'cdnow_customers_summary.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',').map(Number));
    expect(ours.length).toBe(published.length);
    const byId = new Map(ours.map((r) => [Number(r.customer_id), r]));
    for (const [id, f, r, T] of published) {
      const row = byId.get(id!)!;
      expect(row.frequency, `customer ${id}`).toBe(f);
      expect(Math.abs(Number(row.recency) - r!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(Number(row.T) - T!)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('clv-bgnbd with a 39-week holdout: published parameters and the holdout check', async () => {
    const r = await engine.runAnalysis('clv-bgnbd', {
      calibration_end: '1997-09-30',
      holdout_end: '1998-06-30',
      time_unit: 'weeks',
    });
    // Fitted on unrounded recency/T, so the parameters agree with the published ones to their precision.
    expect(Number(r.scalars.r)).toBeCloseTo(0.243, 3);
    expect(Number(r.scalars.alpha)).toBeCloseTo(4.414, 1);
    expect(Number(r.scalars.a)).toBeCloseTo(0.793, 2);
    expect(Number(r.scalars.b)).toBeCloseTo(2.426, 1);
    expect(Number(r.scalars.log_likelihood)).toBeCloseTo(-9582.4, 0);
    expect(Number(r.scalars.p)).toBeCloseTo(6.25, 2);
    expect(Number(r.scalars.q)).toBeCloseTo(3.74, 2);
    expect(Number(r.scalars.gamma)).toBeCloseTo(15.44, 1);
    expect(r.scalars.one_time_buyers).toBe(1411);
    // The aggregate forecast for weeks 40–78 is close, and so is each group of the conditional-expectations check.
    const holdout = toRows(r.tables.holdout!);
    expect(holdout.map((h) => h.calibration_purchases)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(holdout.reduce((s, h) => s + Number(h.customers), 0)).toBe(2357);
    // Weeks 40–78: 1,882 repeat purchases happened; the model, fitted on weeks 1–39 only, expects
    // about 1,653 (12% short, mostly among customers with 1–2 calibration purchases).
    expect(r.scalars.holdout_actual).toBe(1882);
    expect(Number(r.scalars.holdout_expected)).toBeCloseTo(1653.4, 0);
    // More calibration purchases → more holdout purchases, expected and actual alike.
    for (let i = 1; i < holdout.length; i++)
      expect(Number(holdout[i]!.expected)).toBeGreaterThan(Number(holdout[i - 1]!.expected));
    expect(Number(holdout[0]!.actual)).toBeCloseTo(0.2367, 3);
    expect(Number(holdout[0]!.expected)).toBeCloseTo(0.2251, 3);
    const chart = r.charts.find((c) => c.id === 'holdout-check')!;
    const svg = renderChartToSvgString(chart, (name) => (r.tables[name] ? toRows(r.tables[name]) : undefined), {
      width: 800,
    });
    expect(svg).toMatch(/<path/);
    expect(r.notes.join(' ')).toMatch(/one-time buyer/);
  });
});

describe('clv-bgnbd on the sample data', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await createSampleEngine();
  });

  it('scores every customer, lists the top by expected value, and its holdout chart renders', async () => {
    const r = await engine.runAnalysis('clv-bgnbd', {
      calibration_end: '2024-06-30',
      holdout_end: '2024-12-31',
      time_unit: 'weeks',
      top_n: 10,
    });
    const top = toRows(r.tables.customers!);
    expect(top.length).toBe(10);
    for (let i = 1; i < top.length; i++)
      expect(Number(top[i - 1]!.expected_value)).toBeGreaterThanOrEqual(Number(top[i]!.expected_value));
    for (const c of top) expect(Number(c.p_alive)).toBeGreaterThan(0);
    expect(Number(r.scalars.customers)).toBe(Number(r.scalars.one_time_buyers) + Number(r.scalars.repeat_buyers));
    expect(r.charts.map((c) => c.id)).toEqual(['holdout-check', 'p-alive', 'value-concentration', 'new-customer']);
    for (const spec of r.charts) {
      const svg = renderChartToSvgString(spec, (name) => (r.tables[name] ? toRows(r.tables[name]) : undefined), {
        width: 800,
      });
      expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    }
  });

  it('keeps every customer’s scores whole as <cell>_scores for later SQL cells (not capped at top_n), and leaves no staging table behind', async () => {
    const md = [
      '```analysis clv',
      'analysis: clv-bgnbd',
      'options:',
      '  top_n: 5',
      '```',
      '',
      '```sql scored',
      'SELECT count(*) AS n, count(DISTINCT customer_id) AS ids, sum(expected_value) AS value, max(expected_value) AS top FROM clv_scores',
      '```',
      '',
      '```sql first',
      'SELECT customer_id, expected_value FROM clv_scores LIMIT 1',
      '```',
    ].join('\n');
    const rt = createRuntime(parseNotebook(md), engineEffects(engine));
    await rt.runAll();
    const clv = rt.cell(cellId('clv'))!;
    expect(clv.error).toBeUndefined();
    if (clv.output?.kind !== 'analysis') throw new Error('no analysis output');
    const r = clv.output.result;
    expect(clv.output.tables.scores).toBe('clv_scores');
    expect(r.engineTables).toEqual({ scores: { rowCount: r.scalars.customers } });
    const scored = toRows(await engine.query('SELECT * FROM scored'))[0]!;
    expect(Number(scored.n)).toBe(r.scalars.customers);
    expect(Number(scored.ids)).toBe(r.scalars.customers);
    expect(Number(scored.value)).toBeCloseTo(Number(r.scalars.expected_value), 6);
    // Largest expected value first: the same customer and value as the top of the listed table.
    const top = toRows(r.tables.customers!)[0]!;
    expect(toRows(await engine.query('SELECT * FROM first'))[0]).toEqual({
      customer_id: top.customer_id,
      expected_value: top.expected_value,
    });
    expect(
      toRows(
        await engine.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__stage_numeric_%'"),
      )[0]!.n,
    ).toBe(0);
    // Outside a notebook the table is only announced: nothing large leaves the engine.
    const plain = await engine.runAnalysis('clv-bgnbd', { top_n: 6 });
    expect(plain.engineTables).toEqual({ scores: { rowCount: r.scalars.customers } });
  });

  it('reports parameter standard errors, intervals for the totals and E[X(t)] of a new customer', async () => {
    const r = await engine.runAnalysis('clv-bgnbd', {});
    const params = toRows(r.tables.parameters!);
    for (const p of params.filter((row) => row.parameter !== 'log_likelihood'))
      expect(Number(p.standard_error)).toBeGreaterThan(0);
    const [low, value, high] = [
      r.scalars.expected_purchases_low,
      r.scalars.expected_purchases,
      r.scalars.expected_purchases_high,
    ].map(Number);
    expect(low).toBeLessThan(value!);
    expect(high).toBeGreaterThan(value!);
    expect(Number(r.scalars.expected_value_low)).toBeLessThan(Number(r.scalars.expected_value));
    const curve = toRows(r.tables.new_customer!);
    expect(curve.length).toBe(12);
    for (let i = 1; i < curve.length; i++)
      expect(Number(curve[i]!.expected_purchases)).toBeGreaterThan(Number(curve[i - 1]!.expected_purchases));
    expect(Number(r.scalars.new_customer_expected_purchases)).toBe(curve[11]!.expected_purchases);
    expect(r.notes.join(' ')).toMatch(/delta method/);
  });

  it('rejects a holdout without a calibration end, and one that ends before it', async () => {
    await expect(engine.runAnalysis('clv-bgnbd', { holdout_end: '2024-12-31' })).rejects.toThrow(
      /needs calibration_end/,
    );
    await expect(
      engine.runAnalysis('clv-bgnbd', { calibration_end: '2024-06-30', holdout_end: '2024-01-01' }),
    ).rejects.toThrow(/must be after/);
  });
});
