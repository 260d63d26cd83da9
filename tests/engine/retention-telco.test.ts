import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFolder, type FolderReport } from '../../src/engine/import/index.ts';
import { nodeFolder } from '../../src/engine/import/node-folder.ts';
import { createNodeEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';
import { cellId, parseNotebook } from '../../src/notebook/format/index.ts';
import { createRuntime, engineEffects } from '../../src/notebook/runtime/index.ts';

/** The CLI's `--data` folder for Telco: a mapping.yaml and a copy of tests/fixtures/datasets/Telco-Customer-Churn.csv. */
const telcoFolder = path.resolve(import.meta.dirname, '../notebook/data/telco');
const services = [
  'PhoneService',
  'MultipleLines',
  'InternetService',
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
];

describe('bundling on the IBM Telco churn sample, imported through the import pipeline (published: 26.5% overall; 42.7% / 11.3% / 2.8% by contract)', () => {
  let engine: NodeEngine;
  let report: FolderReport;
  beforeAll(async () => {
    engine = createNodeEngine();
    // The same path as `npm run notebook -- run … --data tests/notebook/data/telco`: no hand-written SQL.
    report = await importFolder(await engine.database(), nodeFolder(telcoFolder));
  });

  it('imports every Telco row as customers, with the service columns and Churn kept under their own names', async () => {
    expect(report.failed).toEqual([]);
    expect(report.imports.map((i) => [i.table, i.read, i.imported, i.rejected])).toEqual([
      ['customers', 7043, 7043, 0],
    ]);
    const profile = await engine.profile();
    expect(profile.tables.customers?.columns).toEqual(
      expect.arrayContaining(['customer_id', 'plan', 'Churn', 'tenure', ...services]),
    );
  });

  it('reproduces churn by contract through the bundling analysis', async () => {
    const r = await engine.runAnalysis('bundling', { churn_column: 'Churn', service_columns: services });
    const byContract = Object.fromEntries(
      toRows(r.tables.by_contract!).map((x) => [
        x.group,
        [x.customers, x.churned, (x.churn_rate as number).toFixed(3)],
      ]),
    );
    expect(byContract).toEqual({
      'Month-to-month': [3875, 1655, '0.427'],
      'One year': [1473, 166, '0.113'],
      'Two year': [1695, 48, '0.028'],
    });
    // Sorted worst first, so the chart and the finding read from the month-to-month bar down.
    expect(toRows(r.tables.by_contract!).map((x) => x.group)).toEqual(['Month-to-month', 'One year', 'Two year']);
    expect((r.scalars.overall_churn as number).toFixed(3)).toBe('0.265');
    expect(r.scalars['churn_month_to_month']).toBeCloseTo(1655 / 3875, 10);
    expect(r.scalars['churn_two_year']).toBeCloseTo(48 / 1695, 10);
    expect(r.findings.find((f) => f.id === 'contract_effect')?.text).toBe(
      'Month-to-month customers churn at 42.7%, Two year at 2.8%: 15× the rate.',
    );
  });

  it('counts services held (DSL / Fiber optic count, "No internet service" does not) and churn falls with bundling', async () => {
    const r = await engine.runAnalysis('bundling', { churn_column: 'Churn', service_columns: services });
    const groups = toRows(r.tables.by_products!);
    expect(groups.reduce((s, g) => s + (g.customers as number), 0)).toBe(7043);
    expect(groups.map((g) => g.group)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // Independent count from the imported table: customers with exactly one service are phone-only or internet-only.
    const db = await engine.database();
    const oneService = toRows(
      db.querySync(`SELECT count(*) AS n FROM customers WHERE
      (PhoneService = 'Yes')::INT + (MultipleLines = 'Yes')::INT + (InternetService <> 'No')::INT + (OnlineSecurity = 'Yes')::INT
      + (OnlineBackup = 'Yes')::INT + (DeviceProtection = 'Yes')::INT + (TechSupport = 'Yes')::INT + (StreamingTV = 'Yes')::INT
      + (StreamingMovies = 'Yes')::INT = 1`),
    )[0]!.n;
    expect(groups[0]!.customers).toBe(oneService);
    const rate = (k: string) => groups.find((g) => g.group === k)!.churn_rate as number;
    // What the notebook's prose says: churn peaks at three services, then falls to the full bundle.
    const peak = groups.reduce((a, b) => ((b.churn_rate as number) > (a.churn_rate as number) ? b : a));
    expect(peak.group).toBe('3');
    for (const k of [3, 4, 5, 6, 7, 8]) expect(rate(String(k + 1))).toBeLessThan(rate(String(k)));
    expect(rate('9')).toBeLessThan(0.1);
    expect(rate('1')).toBeLessThan(rate('2'));
    expect(r.findings.find((f) => f.id === 'bundling_effect')?.text).toBe(
      'Churn peaks among customers holding 3 products (44.9%) and falls to 5.3% for those holding 9 products; customers holding 1 product churn at 10.9%.',
    );
    expect(r.charts.map((c) => c.id)).toEqual(['churn-by-products', 'churn-by-contract']);
  });

  it('notes that churn reasons are missing in this dataset', async () => {
    const r = await engine.runAnalysis('churn-reasons', { churn_column: 'Churn', value_column: 'MonthlyCharges' });
    expect(r.notes[0]).toMatch(/No churn reasons/);
  });

  it('runs the built-in notebook "Bundling and churn (Telco)" on the imported data', async () => {
    const nb = parseNotebook(
      await readFile(path.resolve(import.meta.dirname, '../../notebooks/bundling-and-churn-telco.md'), 'utf8'),
    );
    expect(nb.frontMatter.dataset).toBe('telco');
    const rt = createRuntime(nb, engineEffects(engine));
    await rt.runAll();
    expect(
      nb.cells
        .map((c) => rt.cell(c.id)!)
        .filter((s) => s.status !== 'ok')
        .map((s) => `${s.id}: ${s.error}`),
    ).toEqual([]);
    const out = rt.cell(cellId('bundling'))!.output;
    expect(out?.kind === 'analysis' && (out.result.scalars.churn_month_to_month as number).toFixed(3)).toBe('0.427');
    expect(out?.kind === 'analysis' && (out.result.scalars.churn_one_year as number).toFixed(3)).toBe('0.113');
    expect(out?.kind === 'analysis' && (out.result.scalars.churn_two_year as number).toFixed(3)).toBe('0.028');
    // Tenure bands: 0–11 months churn most (published: about half of first-year customers leave).
    const byTenure = await engine.query(
      'SELECT tenure_band, customers, round(churn_rate, 3) AS churn FROM by_tenure ORDER BY tenure_band',
    );
    expect(toRows(byTenure).map((x) => x.tenure_band)).toEqual([
      '0–11 months',
      '12–23 months',
      '24–47 months',
      '48+ months',
    ]);
    expect(toRows(byTenure).reduce((s, x) => s + (x.customers as number), 0)).toBe(7043);
    const churns = toRows(byTenure).map((x) => x.churn as number);
    expect([...churns].sort((a, b) => b - a)).toEqual(churns);
  });
});
