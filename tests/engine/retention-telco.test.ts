import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';
import { cellId, parseNotebook } from '../../src/notebook/format/index.ts';
import { createRuntime, engineEffects } from '../../src/notebook/runtime/index.ts';

const telcoCsv = path.resolve(import.meta.dirname, '../../../shared/datasets/Telco-Customer-Churn.csv');
const services = ['PhoneService', 'MultipleLines', 'InternetService', 'OnlineSecurity', 'OnlineBackup', 'DeviceProtection', 'TechSupport', 'StreamingTV', 'StreamingMovies'];

describe('bundling on the IBM Telco churn sample (published: 26.5% overall; 42.7% / 11.3% / 2.8% by contract)', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = createNodeEngine();
    const db = await engine.database();
    db.bindings.registerFileBuffer('telco.csv', new Uint8Array(await readFile(telcoCsv)));
    // Until the import wizard exists: map customerID → customer_id, Contract → plan, Churn=Yes → churn_date, keep the service columns.
    db.exec(`CREATE TABLE customers AS SELECT customerID AS customer_id, Contract AS plan,
      CASE WHEN Churn = 'Yes' THEN DATE '2024-01-31' END AS churn_date, CAST(NULL AS VARCHAR) AS churn_reason,
      ${services.join(', ')}, Churn, MonthlyCharges, tenure
      FROM read_csv('telco.csv', header = true, all_varchar = true)`);
  });

  it.each([
    ['churn_date', ''],
    ['a Yes/No column', 'Churn'],
  ])('reproduces churn by contract with churn from %s', async (_how, churnColumn) => {
    const r = await engine.runAnalysis('bundling', { churn_column: churnColumn, service_columns: services });
    const byContract = Object.fromEntries(toRows(r.tables.by_contract!).map((x) => [x.group, [x.customers, (x.churn_rate as number).toFixed(3)]]));
    expect(byContract).toEqual({ 'Month-to-month': [3875, '0.427'], 'One year': [1473, '0.113'], 'Two year': [1695, '0.028'] });
    expect((r.scalars.overall_churn as number).toFixed(3)).toBe('0.265');
    expect(r.scalars['churn_month_to_month']).toBeCloseTo(1655 / 3875, 10);
  });

  it('counts services held (DSL / Fiber optic count, "No internet service" does not) and churn falls with bundling', async () => {
    const r = await engine.runAnalysis('bundling', { churn_column: 'Churn', service_columns: services });
    const groups = toRows(r.tables.by_products!);
    expect(groups.reduce((s, g) => s + (g.customers as number), 0)).toBe(7043);
    expect(groups.map((g) => g.group)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // Independent count from the raw file: customers with exactly one service are phone-only or internet-only.
    const db = await engine.database();
    const oneService = toRows(db.querySync(`SELECT count(*) AS n FROM customers WHERE
      (PhoneService = 'Yes')::INT + (MultipleLines = 'Yes')::INT + (InternetService <> 'No')::INT + (OnlineSecurity = 'Yes')::INT
      + (OnlineBackup = 'Yes')::INT + (DeviceProtection = 'Yes')::INT + (TechSupport = 'Yes')::INT + (StreamingTV = 'Yes')::INT
      + (StreamingMovies = 'Yes')::INT = 1`))[0]!.n;
    expect(groups[0]!.customers).toBe(oneService);
    const rate = (k: string) => groups.find((g) => g.group === k)!.churn_rate as number;
    // The full bundle keeps customers far better than a bare line.
    expect(rate('9')).toBeLessThan(0.1);
    expect(rate('8')).toBeLessThan(rate('4'));
    expect(r.findings.map((f) => f.id)).toContain('contract_effect');
  });

  it('notes that churn reasons are missing in this dataset', async () => {
    const r = await engine.runAnalysis('churn-reasons', { churn_column: 'Churn', value_column: 'MonthlyCharges' });
    expect(r.notes[0]).toMatch(/No churn reasons/);
  });

  it('runs the built-in notebook "Bundling and churn (Telco)"', async () => {
    const nb = parseNotebook(await readFile(path.resolve(import.meta.dirname, '../../notebooks/bundling-and-churn-telco.md'), 'utf8'));
    expect(nb.frontMatter.dataset).toBe('telco');
    const rt = createRuntime(nb, engineEffects(engine));
    await rt.runAll();
    expect(nb.cells.map((c) => rt.cell(c.id)!).filter((s) => s.status !== 'ok').map((s) => `${s.id}: ${s.error}`)).toEqual([]);
    const out = rt.cell(cellId('bundling'))!.output;
    expect(out?.kind === 'analysis' && (out.result.scalars.churn_two_year as number).toFixed(3)).toBe('0.028');
    expect(rt.cell(cellId('by_tenure'))!.rowCount).toBe(4);
  });
});
