/**
 * Segmentation on real data nobody on this project wrote:
 * - UCI Online Retail (Chen, Sain & Guo 2012): revenue = Quantity × UnitPrice, rows without a
 *   CustomerID dropped (they cannot be attributed), cancellations kept so revenue is net;
 * - CDNOW master (Fader, Hardie & Lee 2005): one cohort who first bought in Q1 1997.
 * Checks are consistency checks a user would notice: counts that must agree across analyses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows, type Row } from '../../src/engine/types.ts';
import { internalPath } from '../../src/engine/internal-files.ts';

const datasets = path.resolve(import.meta.dirname, '../fixtures/datasets');
const rows = (t: { tables: Record<string, Parameters<typeof toRows>[0]> }, name: string): Row[] =>
  toRows(t.tables[name]!);
const sum = (rs: Row[], k: string) => rs.reduce((s, r) => s + Number(r[k]), 0);

describe('segmentation on UCI Online Retail', () => {
  let engine: NodeEngine;
  const distinct = async (from: string, to: string) =>
    Number(
      (
        await engine.query(
          'SELECT count(DISTINCT customer_id) FROM transactions WHERE date BETWEEN $1::DATE AND $2::DATE',
          [from, to],
        )
      ).data[0]![0],
    );

  beforeAll(async () => {
    engine = createNodeEngine();
    const db = await engine.database();
    db.bindings.registerFileBuffer(
      internalPath('online_retail.csv.gz'),
      new Uint8Array(readFileSync(path.join(datasets, 'online_retail.csv.gz'))),
    );
    // The 135,080 rows without a CustomerID are dropped here, explicitly: no customer to grade.
    db.exec(`CREATE OR REPLACE TABLE transactions AS
      SELECT CAST(CustomerID AS VARCHAR) AS customer_id, CAST(InvoiceDate AS DATE) AS date,
        Quantity * UnitPrice AS revenue, CAST(NULL AS DOUBLE) AS cost, CAST(Quantity AS DOUBLE) AS quantity,
        CAST(InvoiceNo AS VARCHAR) AS order_id
      FROM read_csv('${internalPath('online_retail.csv.gz')}', compression = 'gzip', header = true,
        types = {'CustomerID': 'VARCHAR', 'InvoiceNo': 'VARCHAR', 'Quantity': 'DOUBLE', 'UnitPrice': 'DOUBLE'})
      WHERE CustomerID IS NOT NULL`);
  });

  it('tiers partition the customers of 2011-H1 and shares sum to 1; value is revenue (no costs)', async () => {
    const r = await engine.runAnalysis('tiers', { period_start: '2011-01-01', period_end: '2011-06-30' });
    const t = rows(r, 'tiers');
    expect(t.map((x) => x.tier)).toEqual(['black-gold', 'diamond', 'platinum', 'gold', 'jade', 'crystal']);
    expect(sum(t, 'customers')).toBe(await distinct('2011-01-01', '2011-06-30'));
    expect(sum(t, 'customer_share')).toBeCloseTo(1, 12);
    expect(sum(t, 'revenue_share')).toBeCloseTo(1, 12);
    // the 10% of customers in the top two tiers (7% + 3%) earn well over a third of revenue: heavy tail
    expect(Number(t[0]!.revenue_share) + Number(t[1]!.revenue_share)).toBeGreaterThan(0.35);
    expect(t.every((x) => x.profit === null)).toBe(true);
    expect(r.findings[0]!.text).toMatch(
      /^\d+(\.\d)?% of customers are diamond or black-gold and earn \d+% of revenue\.$/,
    );
  });

  it('RFM over all history grades all 4,372 customers; champions outspend the lost', async () => {
    const r = await engine.runAnalysis('rfm', { time_unit: 'month' });
    expect(r.scalars.customers).toBe(4372);
    expect(r.scalars.as_of).toBe('2011-12-09');
    const segs = rows(r, 'segments');
    expect(sum(segs, 'customers')).toBe(4372);
    const seg = (n: string) => segs.find((s) => s.segment === n)!;
    expect(Number(seg('champions').avg_monetary)).toBeGreaterThan(5 * Number(seg('lost').avg_monetary));
    expect(Number(seg('champions').avg_recency)).toBeLessThan(Number(seg('lost').avg_recency));
  });

  it('migration 2010-H2 → 2011-H1: rows add up to the earlier tiers, columns to the later customers', async () => {
    const periods = {
      early_start: '2010-07-01',
      early_end: '2010-12-31',
      late_start: '2011-01-01',
      late_end: '2011-06-30',
    };
    const m = await engine.runAnalysis('migration', periods);
    const early = rows(
      await engine.runAnalysis('tiers', { period_start: '2010-07-01', period_end: '2010-12-31' }),
      'tiers',
    );
    const matrix = rows(m, 'matrix');
    for (const t of early)
      expect(
        sum(
          matrix.filter((c) => c.from_tier === t.tier),
          'customers',
        ),
      ).toBe(t.customers);
    // the data starts on 2010-12-01, so the earlier period holds December 2010 only
    expect(sum(early, 'customers')).toBe(await distinct('2010-12-01', '2010-12-31'));
    expect(
      sum(
        matrix.filter((c) => c.to_tier !== 'gone'),
        'customers',
      ),
    ).toBe(await distinct('2011-01-01', '2011-06-30'));
    const warn = rows(m, 'early_warning');
    expect(warn.length).toBe(Number(m.scalars.full_churn) + Number(m.scalars.partial_churn));
    expect(warn.length).toBeGreaterThan(0);
    expect(warn.every((w) => (w.status === 'full') === (w.to_tier === 'gone'))).toBe(true);
    expect(warn.filter((w) => w.status === 'partial').every((w) => Number(w.change) < -0.5)).toBe(true);
  });
});

describe('segmentation on CDNOW (one Q1-1997 cohort)', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    // Whitespace-separated: customer_id, YYYYMMDD, number of CDs, dollar value; header line first.
    const text = readFileSync(path.join(datasets, 'CDNOW_master.txt'), 'utf8');
    const out = ['customer_id,date,revenue,quantity'];
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 4) continue;
      const d = f[1]!;
      out.push(`${f[0]},${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)},${f[3]},${f[2]}`);
    }
    engine = createNodeEngine();
    await engine.loadCanonicalCsv('cdnow', [
      { table: 'transactions', fileName: 'CDNOW_master.txt', bytes: new TextEncoder().encode(out.join('\n') + '\n') },
    ]);
  });

  it('RFM grades all 23,570 customers', async () => {
    const r = await engine.runAnalysis('rfm', { time_unit: 'week', as_of: '1998-06-30' });
    expect(r.scalars.customers).toBe(23570);
    expect(sum(rows(r, 'grid'), 'customers')).toBe(23570);
  });

  it('migration 1997-H1 → 1997-H2: nobody is new (one acquisition cohort) and most are gone', async () => {
    const m = await engine.runAnalysis('migration', {
      early_start: '1997-01-01',
      early_end: '1997-06-30',
      late_start: '1997-07-01',
      late_end: '1997-12-31',
    });
    const matrix = rows(m, 'matrix');
    expect(
      sum(
        matrix.filter((c) => c.from_tier === 'new'),
        'customers',
      ),
    ).toBe(0);
    expect(
      sum(
        matrix.filter((c) => c.from_tier !== 'new'),
        'customers',
      ),
    ).toBe(23570);
    expect(
      sum(
        matrix.filter((c) => c.to_tier === 'gone'),
        'customers',
      ) / 23570,
    ).toBeGreaterThan(0.5);
    const tiers = rows(
      await engine.runAnalysis('tiers', { period_start: '1997-07-01', period_end: '1997-12-31' }),
      'tiers',
    );
    expect(
      sum(
        matrix.filter((c) => c.to_tier !== 'gone'),
        'customers',
      ),
    ).toBe(sum(tiers, 'customers'));
  });
});
