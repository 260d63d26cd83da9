/**
 * The `sbg-retention` analysis through the engine: Fader & Hardie (2007)'s retention curve typed
 * into the options, the Telco customers by contract (tenure in months, censored when not churned),
 * the sample's signup and churn dates, and the inputs no model can fit — each either a real result
 * (no NaN, no ∞) or a note saying why there is none, in the reader's language.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localiseNotes } from '../../src/analyses/messages/localise.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { loadData } from '../../src/cli/load-data.ts';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const enc = new TextEncoder();

/** Every number and sentence a reader sees is real. */
function clean(r: AnalysisResult): void {
  const bad = /\bNaN\b|Infinity|∞|undefined/;
  for (const [k, v] of Object.entries(r.scalars)) if (typeof v === 'number') expect(Number.isFinite(v), k).toBe(true);
  for (const f of r.findings) expect(f.text).not.toMatch(bad);
  for (const n of r.notes) expect(n).not.toMatch(bad);
  for (const t of Object.values(r.tables))
    for (const col of t.data) for (const v of col) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
}

async function engineWithCustomers(csv: string): Promise<NodeEngine> {
  const engine = createNodeEngine();
  await engine.loadCanonicalCsv('sbg', [
    { table: 'customers', fileName: 'customers.csv', bytes: enc.encode(csv + '\n') },
  ]);
  return engine;
}

describe('sbg-retention', () => {
  let sample: NodeEngine;
  beforeAll(async () => {
    sample = await createSampleEngine();
  });

  it('reproduces Fader & Hardie (2007) from a retention curve in the options', async () => {
    const r = await sample.runAnalysis('sbg-retention', {
      survivors: [1000, 631, 468, 382, 326, 289, 262, 241],
      tenure_unit: 'year',
      projection_periods: 12,
    });
    clean(r);
    expect(r.scalars.alpha as number).toBeCloseTo(0.704, 3);
    expect(r.scalars.beta as number).toBeCloseTo(1.182, 3);
    expect(r.scalars.log_likelihood as number).toBeCloseTo(-1680.3, 1);
    const survival = toRows(r.tables.survival!);
    expect(survival).toHaveLength(13);
    expect(survival[7]!.actual).toBeCloseTo(0.241, 12);
    expect(survival[12]!.actual).toBeNull();
    expect(r.findings.map((f) => f.id)).toEqual(['survival', 'derl']);
    expect(r.charts.map((c) => c.id)).toEqual(['sbg-survival', 'sbg-retention']);
  });

  it('fits the sample’s customers from signup_date and churn_date, with notes in 简体', async () => {
    const r = await sample.runAnalysis('sbg-retention', {});
    clean(r);
    expect(r.scalars.customers).toBe(4000);
    expect(r.scalars.left as number).toBeGreaterThan(0);
    expect(r.findings[0]!.key).toBe('sbg.survival');
    const zh = localiseNotes(r, { locale: 'zh-Hans' });
    for (const n of zh) expect(n.replace(/signup_date|churn_date/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('fits the Telco customers by contract type', async () => {
    const { engine } = await loadData(path.join(repo, 'tests/notebook/data/telco'));
    const r = await engine.runAnalysis('sbg-retention', {
      tenure_column: 'tenure',
      churn_column: 'Churn',
      segment_column: 'plan',
      value_per_period_column: 'MonthlyCharges',
      projection_periods: 72,
    });
    clean(r);
    const params = toRows(r.tables.parameters!);
    expect(params.map((p) => p.segment)).toEqual(['All customers', 'Month-to-month', 'One year', 'Two year']);
    expect(params.map((p) => p.customers)).toEqual([7043, 3875, 1473, 1695]);
    expect(params.map((p) => p.left)).toEqual([1869, 1655, 166, 48]);
    for (const p of params) expect(p.alpha).not.toBeNull();
    expect(r.scalars.worst_segment).toBe('Month-to-month');
    expect(r.scalars.best_segment).toBe('Two year');
    // Valued contract type by contract type, each with its own model.
    expect(r.scalars.valued_by_segment).toBe(1);
    const value = toRows(r.tables.value!);
    const parts = value.slice(1).reduce((s, v) => s + (v.value as number), 0);
    expect(r.scalars.base_value as number).toBeCloseTo(parts, 6);
    expect(parts).not.toBeCloseTo(value[0]!.value as number, 0);
    // Long contracts leave at one rate for everyone: said, not hidden.
    expect(r.notes.some((n) => n.startsWith('Two year: customers hardly differ'))).toBe(true);
  });

  const header = 'customer_id,signup_date,churn_date';
  const rows = (n: number, churn: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => `C${i},2023-01-15,${churn(i)}`).join('\n');

  const flags = { tenure_column: 'tenure', churn_column: 'churned' };
  const nobody = Array.from({ length: 40 }, (_, i) => `C${i},${1 + (i % 12)},No`).join('\n');
  it.each([
    ['one customer', `${header}\nC1,2023-01-15,2023-06-20`, {}, /too few/],
    ['nobody churned', `customer_id,tenure,churned\n${nobody}`, flags, /nobody has left/],
    [
      'everyone churned in the first month',
      `${header}\n${rows(40, () => '2023-01-30')}`,
      {},
      /everyone left in the first/,
    ],
  ])('%s: no fit, and a note says why', async (_, csv, options, why) => {
    const engine = await engineWithCustomers(csv);
    const r = await engine.runAnalysis('sbg-retention', options);
    clean(r);
    expect(r.scalars.fitted).toBe(0);
    expect(r.findings).toEqual([]);
    expect(r.charts).toEqual([]);
    expect(r.notes.join(' ')).toMatch(why);
  });

  it('everyone churned, at different times: fits', async () => {
    const engine = await engineWithCustomers(
      `${header}\n${rows(60, (i) => `2023-${String(2 + (i % 9)).padStart(2, '0')}-20`)}`,
    );
    const r = await engine.runAnalysis('sbg-retention', {});
    clean(r);
    expect(r.scalars.fitted).toBe(1);
    expect(r.scalars.left).toBe(60);
    // Nobody is left to value.
    expect(r.findings.map((f) => f.id)).toEqual(['survival']);
  });

  it('without customers or churn it does not apply, and says what would make it', async () => {
    const engine = createNodeEngine();
    await engine.loadCanonicalCsv('t', [
      { table: 'transactions', fileName: 't.csv', bytes: enc.encode('customer_id,date,revenue\nA,2024-01-01,5\n') },
    ]);
    expect((await engine.runAnalysis('sbg-retention', {})).notApplicable?.needs).toEqual(['customers']);
    const noChurn = await engineWithCustomers('customer_id,signup_date\nA,2024-01-01\nB,2024-02-01');
    expect((await noChurn.runAnalysis('sbg-retention', {})).notApplicable?.reason).toMatch(/churn_date/);
  });
});
