/**
 * The `clv-bgbb` analysis through the engine: opportunities counted per calendar period from
 * transactions, the histories (x, tₓ, n) grouped in SQL equal to the ones counted by hand, the fit
 * on them equal to the model's own fit, and the inputs no model can fit — each a real result (no
 * NaN) or a note saying why, in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { fitBgBb } from '../../src/analyses/clv/index.ts';
import { localiseNotes } from '../../src/analyses/messages/localise.ts';
import type { AnalysisResult } from '../../src/analyses/types.ts';
import { createNodeEngine, createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';

const enc = new TextEncoder();

async function engineWith(csv: string): Promise<NodeEngine> {
  const engine = createNodeEngine();
  await engine.loadCanonicalCsv('g', [{ table: 'transactions', fileName: 't.csv', bytes: enc.encode(csv + '\n') }]);
  return engine;
}

function clean(r: AnalysisResult): void {
  for (const [k, v] of Object.entries(r.scalars)) if (typeof v === 'number') expect(Number.isFinite(v), k).toBe(true);
  for (const t of Object.values(r.tables))
    for (const col of t.data) for (const v of col) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  for (const text of [...r.notes, ...r.findings.map((f) => f.text)]) expect(text).not.toMatch(/NaN|Infinity|undefined/);
}

/** Yearly gifts: donor i gives in her first year 2015 and then in the years `years(i)`. */
function gifts(n: number, years: (i: number) => number[]): string {
  const lines = ['customer_id,date,revenue'];
  for (let i = 0; i < n; i++)
    for (const y of [2015, ...years(i)]) lines.push(`D${i},${y}-0${1 + (i % 9)}-15,${10 + (i % 7)}`);
  return lines.join('\n');
}

describe('clv-bgbb', () => {
  it('counts one opportunity per year after the first and fits the histories it counted', async () => {
    // Donors 0..59 give in a pattern over 2016–2021 (six opportunities); a second gift in one year counts once.
    const pattern = (i: number) =>
      [2016, 2017, 2018, 2019, 2020, 2021].filter((_, k) => (i * (k + 3)) % 5 < 2 + (k % 2));
    const csv = gifts(60, pattern) + '\nD0,2016-11-30,5';
    const engine = await engineWith(csv);
    const r = await engine.runAnalysis('clv-bgbb', {});
    clean(r);
    const histories = toRows(r.tables.histories!);
    expect(histories.reduce((s, h) => s + (h.customers as number), 0)).toBe(60);
    for (const h of histories) expect(h.opportunities).toBe(6);
    // The same histories counted by hand.
    const byHand = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const ys = pattern(i);
      const key = `${ys.length},${ys.length ? Math.max(...ys) - 2015 : 0}`;
      byHand.set(key, (byHand.get(key) ?? 0) + 1);
    }
    expect(new Map(histories.map((h) => [`${h.transactions},${h.last_opportunity}`, h.customers]))).toEqual(byHand);
    const fit = fitBgBb({
      x: Float64Array.from(histories, (h) => h.transactions as number),
      tx: Float64Array.from(histories, (h) => h.last_opportunity as number),
      n: Float64Array.from(histories, (h) => h.opportunities as number),
      count: Float64Array.from(histories, (h) => h.customers as number),
    });
    expect(r.scalars.log_likelihood).toBeCloseTo(fit.logLikelihood, 8);
    expect(r.findings.map((f) => f.key)).toEqual(['bgbb.expected']);
    for (const h of histories) {
      expect(h.p_alive as number).toBeGreaterThan(0);
      expect(h.p_alive as number).toBeLessThanOrEqual(1);
    }
  });

  it('runs on the sample by quarter with notes in 繁體', async () => {
    const engine = await createSampleEngine();
    const r = await engine.runAnalysis('clv-bgbb', { opportunity: 'quarter' });
    clean(r);
    expect(r.scalars.fitted).toBe(1);
    for (const n of localiseNotes(r, { locale: 'zh-Hant' })) expect(n).not.toMatch(/[A-Za-z]{3,}/);
  });

  it.each([
    ['one customer', gifts(1, () => [2016, 2018]), /too few/],
    ['all one-time buyers', gifts(40, () => []) + '\nNEW,2021-05-01,5', /Nobody transacted again/],
    ['nobody has had a second year', gifts(40, () => []).replaceAll('2015-', '2021-'), /Nobody (has had|transacted)/],
  ])('%s: no fit, and a note says why', async (_, csv, why) => {
    const engine = await engineWith(csv);
    const r = await engine.runAnalysis('clv-bgbb', {});
    clean(r);
    expect(r.scalars.fitted).toBe(0);
    expect(r.findings).toEqual([]);
    expect(r.notes.join(' ')).toMatch(why);
  });
});
