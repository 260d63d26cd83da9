import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  columns,
  csvField,
  customerId,
  defaultSampleOptions,
  generateSampleData,
  monthlyChurnProbability,
  renderSampleCsv,
  Rng,
  sampleFiles,
  trueAnnualRetention,
} from '../../sample-data/src/index.ts';
import { writeSampleData } from '../../sample-data/src/write.ts';

const defaultDir = path.resolve(import.meta.dirname, '../../sample-data/default');

describe('Rng samplers (seeded, so these moments are fixed numbers, checked against theory)', () => {
  const n = 40_000;
  const mean = (f: (r: Rng) => number, seed = 1) => {
    const r = new Rng(seed);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = f(r);
      s += x;
      s2 += x * x;
    }
    return { mean: s / n, variance: s2 / n - (s / n) ** 2 };
  };
  it.each([
    { name: 'uniform', f: (r: Rng) => r.next(), mean: 0.5, variance: 1 / 12 },
    { name: 'normal(2, 3)', f: (r: Rng) => r.normal(2, 3), mean: 2, variance: 9 },
    { name: 'gamma(2.5, 4)', f: (r: Rng) => r.gamma(2.5, 4), mean: 10, variance: 40 },
    { name: 'gamma(0.5, 2)', f: (r: Rng) => r.gamma(0.5, 2), mean: 1, variance: 2 },
    { name: 'poisson(3.5)', f: (r: Rng) => r.poisson(3.5), mean: 3.5, variance: 3.5 },
    { name: 'poisson(50)', f: (r: Rng) => r.poisson(50), mean: 50, variance: 50 },
    { name: 'bernoulli(0.3)', f: (r: Rng) => Number(r.bernoulli(0.3)), mean: 0.3, variance: 0.21 },
    // lognormal(0, 0.5): mean e^{σ²/2} = 1.1331, variance (e^{σ²} − 1)e^{σ²} = 0.3647
    { name: 'lognormal(0, 0.5)', f: (r: Rng) => r.lognormal(0, 0.5), mean: 1.1331, variance: 0.3647 },
    { name: 'lognormalMean(40, 1)', f: (r: Rng) => r.lognormalMean(40, 1), mean: 40, variance: 40 * 40 * (Math.E - 1) },
  ])('$name has the right mean and variance', ({ f, mean: m, variance: v }) => {
    const got = mean(f);
    expect(Math.abs(got.mean - m)).toBeLessThan(0.03 * Math.max(1, m));
    expect(Math.abs(got.variance - v) / v).toBeLessThan(0.1);
  });

  it('gives the same stream for the same seed and a different one for another seed', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(new Rng(seed)),
      );
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
  });

  it('rejects impossible parameters', () => {
    expect(() => new Rng(1).gamma(0, 1)).toThrow(/invalid gamma/);
    expect(() => new Rng(1).poisson(-1)).toThrow(/invalid poisson/);
  });
});

describe('the true satisfaction → retention function', () => {
  it.each([
    // R(s) = 0.55 + 0.03(s − 1) + 0.33 / (1 + e^{−5(s − 4.5)})
    { s: 1, r: 0.55 + 0.33 / (1 + Math.exp(17.5)) },
    { s: 3, r: 0.61 + 0.33 / (1 + Math.exp(7.5)) },
    { s: 4, r: 0.64 + 0.33 / (1 + Math.exp(2.5)) },
    { s: 5, r: 0.67 + 0.33 / (1 + Math.exp(-2.5)) },
  ])('R($s) = $r', ({ s, r }) => expect(trueAnnualRetention(s)).toBeCloseTo(r, 12));

  it('is flat from 2 to 4 and steep from 4 to 5', () => {
    const step = (a: number, b: number) => trueAnnualRetention(b) - trueAnnualRetention(a);
    expect(step(4, 5)).toBeGreaterThan(0.3);
    expect(step(2, 4)).toBeLessThan(0.1);
    expect(step(4, 5)).toBeGreaterThan(4 * step(3, 4));
  });

  it('compounds monthly to exactly R(s) in the reference market and faster where competition is fierce', () => {
    for (const s of [1, 2, 3, 4, 5]) {
      expect((1 - monthlyChurnProbability(s, 1)) ** 12).toBeCloseTo(trueAnnualRetention(s), 12);
      expect((1 - monthlyChurnProbability(s, 1.3)) ** 12).toBeCloseTo(trueAnnualRetention(s) ** 1.3, 12);
    }
  });

  it('rejects satisfaction outside 1..5', () => {
    expect(() => trueAnnualRetention(0)).toThrow(/invalid satisfaction: 0/);
    expect(() => trueAnnualRetention(Number.NaN)).toThrow(/invalid satisfaction/);
  });
});

describe('CSV output', () => {
  it.each([
    { v: null, out: '' },
    { v: 12.5, out: '12.5' },
    { v: 'plain', out: 'plain' },
    { v: 'a,b', out: '"a,b"' },
    { v: 'say "hi"', out: '"say ""hi"""' },
  ])('writes $v as $out', ({ v, out }) => expect(csvField(v)).toBe(out));

  it('writes exactly the canonical headers, ISO dates and C-numbered ids', () => {
    const csv = renderSampleCsv({ customers: 30, seed: 3 });
    for (const f of sampleFiles) expect(csv[f].split('\n')[0]).toBe(columns[f].join(','));
    expect(columns.customers.join(',')).toBe(
      'customer_id,name,signup_date,region,channel,plan,segment,acquisition_cost,churn_date,churn_reason',
    );
    expect(columns.transactions.join(',')).toBe(
      'customer_id,date,revenue,cost,quantity,order_id,product,category,channel',
    );
    expect(columns.service_costs.join(',')).toBe('customer_id,amount,date,category');
    expect(columns.surveys.join(',')).toBe('customer_id,satisfaction,date,scale,recommend,repurchase_intent');
    const tx = csv.transactions.trim().split('\n').slice(1);
    expect(tx.length).toBeGreaterThan(30);
    for (const line of tx)
      expect(line).toMatch(
        /^C\d{6},\d{4}-\d{2}-\d{2},\d+(\.\d+)?,\d+(\.\d+)?,\d+,O\d{6}-\d{3},[A-Z]{3}-\d{2},[a-z]+,(online|store|app)$/,
      );
    expect(customerId(122)).toBe('C000123');
  });
});

describe('determinism', () => {
  it('same seed → byte-identical files; another seed → different files', () => {
    const a = renderSampleCsv({ customers: 150, seed: 5 });
    expect(renderSampleCsv({ customers: 150, seed: 5 })).toEqual(a);
    const b = renderSampleCsv({ customers: 150, seed: 6 });
    for (const f of sampleFiles) expect(b[f]).not.toBe(a[f]);
  });

  it('customer i is the same whatever the dataset size (each customer has its own stream)', () => {
    const small = [...generateSampleData({ customers: 20, seed: 11 })];
    const large = [...generateSampleData({ customers: 60, seed: 11 })];
    expect(large.slice(0, 20)).toEqual(small);
  });

  it('the committed sample-data/default is exactly what the generator makes with its defaults', () => {
    const csv = renderSampleCsv(defaultSampleOptions);
    for (const f of sampleFiles) {
      const committed = readFileSync(path.join(defaultDir, `${f}.csv`), 'utf8');
      // A mismatch means the model changed without `npm run sample-data` (or the file was edited by hand).
      expect(committed.length, `${f}.csv length`).toBe(csv[f].length);
      expect(committed === csv[f], `${f}.csv content`).toBe(true);
    }
  });

  it('the streaming writer writes the same bytes and counts the rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sample-data-'));
    try {
      const summary = await writeSampleData(dir, { customers: 120, seed: 8 });
      const csv = renderSampleCsv({ customers: 120, seed: 8 });
      for (const f of sampleFiles) {
        const text = readFileSync(path.join(dir, `${f}.csv`), 'utf8');
        expect(text).toBe(csv[f]);
        expect(summary.rows[f]).toBe(text.trim().split('\n').length - 1);
        expect(summary.bytes[f]).toBe(Buffer.byteLength(text));
      }
      expect(summary.rows.customers).toBe(120);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad size or seed', () => {
    expect(() => [...generateSampleData({ customers: -1 })]).toThrow(/invalid customer count: -1/);
    expect(() => [...generateSampleData({ seed: 1.5 })]).toThrow(/invalid seed: 1.5/);
  });
});
