/**
 * The built-in notebook "Segmenting the customer base" on the sample data: every cell runs, and
 * its inputs (period, measure, thresholds, tier names, loyalty measure, bins, churn drop) reach
 * the analyses they are meant to drive — checked by reading each analysis's own output back.
 * Inputs are changed in sequence and not reset (each reset re-runs the notebook): later checks
 * only read outputs the earlier changes do not affect.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows, type Row } from '../../src/engine/types.ts';
import { cellId, parseNotebook } from '../../src/notebook/format/index.ts';
import { createRuntime, engineEffects, type NotebookRuntime } from '../../src/notebook/runtime/index.ts';

describe('built-in notebook "Segmenting the customer base"', () => {
  let engine: NodeEngine;
  let rt: NotebookRuntime;
  const result = (name: string): AnalysisResult => {
    const out = rt.cell(cellId(name))!.output;
    if (out?.kind !== 'analysis') throw new Error(`${name}: no analysis output (${rt.cell(cellId(name))?.error})`);
    return out.result;
  };
  const table = (name: string, t: string): Row[] => toRows(result(name).tables[t]!);

  beforeAll(async () => {
    engine = await createSampleEngine();
    const nb = parseNotebook(
      await readFile(path.resolve(import.meta.dirname, '../../notebooks/segmenting-the-customer-base.md'), 'utf8'),
    );
    rt = createRuntime(nb, engineEffects(engine));
    await rt.runAll();
    const failed = nb.cells.map((c) => rt.cell(c.id)!).filter((s) => s.status !== 'ok');
    expect(failed.map((s) => `${s.id}: ${s.error}`)).toEqual([]);
  });

  it('runs the five analyses on the default period with consultant-style findings', () => {
    expect(result('ladder').scalars).toMatchObject({
      period_start: '2024-01-01',
      period_end: '2024-12-31',
      measure: 'spend',
      value_measure: 'profit',
    });
    expect(result('ladder').findings[0]!.text).toMatch(
      /^\d+% of customers are diamond or black-gold and earn \d+% of profit \(\d+% of revenue\)\.$/,
    );
    expect(result('rfm').scalars.as_of).toBe('2024-12-31');
    expect(result('rfm').charts.map((c) => c.id)).toEqual(['rfm-count', 'rfm-value']);
    // the scatter is aggregated: at most 30 × 30 dots for 3,000+ customers, every customer in a dot
    const bins = table('matrix', 'bins');
    expect(bins.length).toBeLessThanOrEqual(900);
    expect(bins.reduce((s, b) => s + Number(b.customers), 0)).toBe(result('matrix').scalars.customers);
    expect(Number(result('matrix').scalars.customers)).toBeGreaterThan(bins.length);
    expect(result('moves').scalars).toMatchObject({
      early_start: '2023-01-01',
      early_end: '2023-12-31',
      late_start: '2024-01-01',
      late_end: '2024-12-31',
    });
    // the watch list is the early-warning table, largest value at risk first
    const out = rt.cell(cellId('watch_list'))!.output;
    expect(out?.kind).toBe('sql');
    const watch = out?.kind === 'sql' ? toRows(out.preview) : [];
    expect(watch.length).toBe(
      Math.min(15, Number(result('moves').scalars.full_churn) + Number(result('moves').scalars.partial_churn)),
    );
    const risk = watch.map((r) => Number(r.value_at_risk));
    expect(risk).toEqual([...risk].sort((a, b) => b - a));
  });

  it('the period inputs drive every period-based analysis', async () => {
    await rt.setInput('period_start', '2024-07-01');
    expect(result('ladder').scalars).toMatchObject({ period_start: '2024-07-01', period_end: '2024-12-31' });
    expect(result('matrix').notes.join(' ')).toContain('Period 2024-07-01 to 2024-12-31');
    expect(result('mvc').notes.join(' ')).toContain('period 2024-07-01 to 2024-12-31');
    expect(result('moves').scalars).toMatchObject({
      late_start: '2024-07-01',
      late_end: '2024-12-31',
      early_end: '2024-06-30',
    });
  });

  it('measure, thresholds and tier names reach the ladder and the migration', async () => {
    await rt.setInput('measure', 'profit');
    expect(result('ladder').scalars.measure).toBe('profit');
    expect(result('moves').notes.join(' ')).toMatch(/monthly profit down more than 50%/);

    await rt.setInput('tier_method', 'amounts');
    const bounds = table('ladder', 'tiers').map((t) => t.lower_bound);
    expect(bounds).toEqual([500, 250, 100, 50, 25, null]);
    expect(result('moves').notes.join(' ')).toContain('thresholds (25, 50, 100, 250, 500 per month)');
    await rt.setInput('t_black', 1000);
    expect(table('ladder', 'tiers')[0]!.lower_bound).toBe(1000);
    await rt.setInput('tier_method', 'quantiles');
    expect(table('ladder', 'tiers').reduce((s, t) => s + Number(t.customer_share), 0)).toBeCloseTo(1, 9);

    await rt.setInput('tier_language', 'zh-Hant');
    expect(table('ladder', 'tiers').map((t) => t.tier)).toEqual(['黑金', '鑽石', '白金', '黃金', '翡翠', '水晶']);
    expect(table('moves', 'tiers').map((t) => t.tier)).toEqual(['黑金', '鑽石', '白金', '黃金', '翡翠', '水晶']);
  });

  it('loyalty measure, RFM bins and the churn drop reach their analyses', async () => {
    await rt.setInput('loyalty', 'survey');
    expect(result('matrix').scalars.loyalty_measure).toBe('survey');
    await rt.setInput('bins', 3);
    const grid = table('rfm', 'grid');
    expect(Math.max(...grid.map((c) => Number(c.r_score)))).toBe(3);
    const before = Number(result('moves').scalars.partial_churn);
    await rt.setInput('drop', 0.9);
    expect(Number(result('moves').scalars.partial_churn)).toBeLessThan(before);
  });
});
