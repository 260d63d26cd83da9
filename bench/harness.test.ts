import { describe, expect, it } from 'vitest';
import { benchCases, selectCases } from './cases.ts';
import { parseSummary } from './dataset.ts';
import { canonicalCsvPath } from '../src/engine/load-csv.ts';
import { hostPaths } from './native-cases.ts';
import { markdownTable, ms, ratio, type BenchResults } from './report.ts';
import { summarise } from './stats.ts';
import { recordQueries } from './recorded.ts';
import type { Database } from '../src/engine/database.ts';

describe('summarise', () => {
  it.each([
    { runs: [5], median: 5, min: 5, max: 5 },
    { runs: [3, 1, 2], median: 2, min: 1, max: 3 },
    { runs: [10, 40, 20, 30], median: 25, min: 10, max: 40 },
    { runs: [7, 7, 100, 7, 8], median: 7, min: 7, max: 100 },
  ])('$runs → median $median', ({ runs, median, min, max }) => {
    const t = summarise(runs);
    expect([t.median, t.min, t.max]).toEqual([median, min, max]);
    expect(t.runs).toEqual(runs);
  });

  it('refuses an empty list', () => {
    expect(() => summarise([])).toThrow('no timed runs');
  });
});

describe('ms / ratio', () => {
  it.each([
    [0.04, '0.0'],
    [12.345, '12.3'],
    [99.94, '99.9'],
    [100, '100'],
    [1160.4, '1,160'],
  ])('%d ms → %s', (x, text) => expect(ms(x)).toBe(text));

  it('is wasm over native, null without a native timing', () => {
    expect(ratio(summarise([1160]), summarise([890]))).toBeCloseTo(1.3034, 4);
    expect(ratio(summarise([1]), null)).toBeNull();
  });
});

describe('selectCases', () => {
  it('keeps the load first and in front of any selection', () => {
    expect(selectCases(['rfm', 'whale-curve']).map((c) => c.name)).toEqual(['csv-load', 'whale-curve', 'rfm']);
    expect(selectCases(undefined).map((c) => c.name)).toEqual(benchCases.map((c) => c.name));
  });

  it('names the choices for an unknown case', () => {
    expect(() => selectCases(['whale'])).toThrow('unknown case(s) whale: choose from csv-load, whale-curve');
  });
});

describe('hostPaths', () => {
  it('maps registered file names to the dataset folder, leaving other strings alone', () => {
    const rewrite = hostPaths('/data/d-1');
    expect(
      rewrite(`SELECT * FROM read_csv('${canonicalCsvPath('transactions')}', header = true) WHERE x = 'input/x'`),
    ).toBe(`SELECT * FROM read_csv('/data/d-1/transactions.csv', header = true) WHERE x = 'input/x'`);
  });

  it('refuses a folder whose name would break out of the SQL string', () => {
    expect(() => hostPaths("/tmp/o'brien")(`read_csv('${canonicalCsvPath('customers')}')`)).toThrow(
      'must not contain a quote',
    );
  });
});

describe('parseSummary', () => {
  it('reads the row counts the generator prints', () => {
    const out = [
      'sample data: 10 customers, seed 42 → x',
      '  customers.csv              10 rows      0.01 MB',
      '  transactions.csv           93 rows      0.01 MB',
      '  total 0.02 MB in 0.1 s',
    ].join('\n');
    expect(parseSummary(out).rows).toEqual({ customers: 10, transactions: 93 });
  });

  it('fails on output without a transactions line', () => {
    expect(() => parseSummary('oops')).toThrow('unexpected generator output');
  });
});

describe('markdownTable', () => {
  it('prints median (min–max) per engine, the ratio and the statement count', () => {
    const t = (runs: number[]) => summarise(runs);
    const results: BenchResults = {
      date: '2026-01-01T00:00:00Z',
      machine: {
        cpus: 2,
        cpuModel: 'x',
        memoryGb: 8,
        node: 'v20',
        platform: 'linux-x64',
        loadAverage: { before: 1, after: 1 },
      },
      engines: { wasm: 'v1.4.3', native: 'v1.5.5', nativeDefaultThreads: 2 },
      dataset: { customers: 10, seed: 42, rows: { transactions: 93 }, bytes: { transactions: 1000 } },
      repeat: 3,
      cases: [
        {
          name: 'rfm',
          description: '',
          statements: 2,
          wasm: { endToEnd: t([1300, 1270, 1250]), sqlOnly: t([1200]) },
          native1: t([800, 900]),
          nativeDefault: null,
          ratio: 1200 / 850,
          mismatches: [],
        },
      ],
    };
    expect(markdownTable(results).split('\n')[2]).toBe(
      '| rfm | 1,270 (1,250–1,300) | 1,200 (1,200–1,200) | 850 (800–900) | — | 1.41× | 2 |',
    );
  });
});

describe('recordQueries', () => {
  it('logs each outer call with its params and row count, then restores the methods', async () => {
    const calls: string[] = [];
    class Fake {
      async query(sql: string): Promise<{ rowCount: number }> {
        calls.push(sql);
        return { rowCount: sql.length };
      }
      exec(sql: string): void {
        calls.push(sql);
      }
    }
    const db = new Fake();
    const { result, queries } = await recordQueries(db as unknown as Database, ['query', 'exec'], async () => {
      db.exec('SET x = 1');
      await db.query('SELECT 1');
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(queries).toEqual([
      { method: 'exec', sql: 'SET x = 1', params: [], rows: null },
      { method: 'query', sql: 'SELECT 1', params: [], rows: 8 },
    ]);
    expect(calls).toEqual(['SET x = 1', 'SELECT 1']);
    expect(Object.hasOwn(db, 'query') || Object.hasOwn(db, 'exec')).toBe(false);
  });
});
