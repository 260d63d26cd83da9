/**
 * The whale curve on real and generated data: the Online Retail revenue Pareto (net of
 * cancellations) checked against an independent computation in JavaScript, and the committed
 * sample data, whose documented generator puts the whale-curve peak between 120% and 200%.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { internalPath } from '../../src/engine/internal-files.ts';

const retailFile = path.resolve(import.meta.dirname, '../fixtures/datasets/online_retail.csv.gz');

/** Splits one CSV line with RFC 4180 quoting ("" inside quotes). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

describe('whale curve on datasets', () => {
  describe('UCI Online Retail', () => {
    let engine: NodeEngine;
    const bytes = readFileSync(retailFile);
    beforeAll(async () => {
      engine = createNodeEngine();
      const db = await engine.database();
      db.bindings.registerFileBuffer(internalPath('online_retail.csv.gz'), new Uint8Array(bytes));
      // Map onto the canonical model: revenue = Quantity × UnitPrice, cancellations (negative
      // quantities on C-invoices) kept so revenue is net; rows without a CustomerID cannot be attributed.
      db.exec(`CREATE OR REPLACE TABLE transactions AS
        SELECT CAST(CustomerID AS VARCHAR) AS customer_id, CAST(InvoiceDate AS DATE) AS date,
          CAST(Quantity AS DOUBLE) * CAST(UnitPrice AS DOUBLE) AS revenue, CAST(NULL AS DOUBLE) AS cost,
          CAST(Quantity AS DOUBLE) AS quantity, CAST(InvoiceNo AS VARCHAR) AS order_id
        FROM read_csv('${internalPath('online_retail.csv.gz')}', compression = 'gzip', header = true,
          types = {'CustomerID': 'VARCHAR', 'InvoiceNo': 'VARCHAR', 'Quantity': 'DOUBLE', 'UnitPrice': 'DOUBLE'})
        WHERE CustomerID IS NOT NULL`);
    });

    it('revenue Pareto: the top 20% of customers’ share of net revenue matches an independent computation', async () => {
      const lines = gunzipSync(bytes).toString('utf8').split(/\r?\n/);
      const header = splitCsv(lines[0]!);
      const [q, p, c] = ['Quantity', 'UnitPrice', 'CustomerID'].map((h) => header.indexOf(h));
      const byCustomer = new Map<string, number>();
      for (let i = 1; i < lines.length; i++) {
        if (!lines[i]) continue;
        const f = splitCsv(lines[i]!);
        const id = f[c!]!;
        if (id === '') continue;
        byCustomer.set(id, (byCustomer.get(id) ?? 0) + Number(f[q!]) * Number(f[p!]));
      }
      const revenues = [...byCustomer.values()].sort((a, b) => b - a);
      expect(revenues.length).toBe(4372);
      const total = revenues.reduce((a, b) => a + b, 0);
      const m = 0.2 * revenues.length; // 874.4 customers: 874 whole ones and 40% of the next
      const top =
        revenues.slice(0, Math.floor(m)).reduce((a, b) => a + b, 0) + (m - Math.floor(m)) * revenues[Math.floor(m)]!;

      const r = await engine.runAnalysis('whale-curve', { margin_source: 'assumed', margin_pct: 0.3 });
      expect(r.scalars.customers).toBe(4372);
      expect(r.scalars.total_revenue).toBeCloseTo(total, 4);
      expect(r.scalars.top_revenue_share).toBeCloseTo(top / total, 9);
      // The famous concentration of this retailer: roughly three quarters of revenue from the top fifth.
      expect(Number(r.scalars.top_revenue_share)).toBeGreaterThan(0.7);
      expect(r.findings[0]!.text).toMatch(
        /^The top 20% of customers bring \d+% of revenue (but|and) \d+% of profit\.$/,
      );
    });
  });

  it('sample data: the whale curve peaks between 120% and 200%', async () => {
    const engine = await createSampleEngine();
    const r = await engine.runAnalysis('whale-curve', {});
    expect(r.scalars.curve_mode).toBe('share');
    expect(Number(r.scalars.peak_share)).toBeGreaterThanOrEqual(1.2);
    expect(Number(r.scalars.peak_share)).toBeLessThanOrEqual(2.0);
    expect(Number(r.scalars.loss_makers)).toBeGreaterThan(0);
  });
});
