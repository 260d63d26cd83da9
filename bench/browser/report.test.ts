import { describe, expect, it } from 'vitest';
import { browserTable, fmtMs, replaceSection, type BrowserResults } from './report.ts';

const frames = { frames: 10, longestGapMs: 40, gapsOver100ms: 0, fps: 20 };

describe('fmtMs', () => {
  it.each([
    [12.345, '12.3'],
    [99.94, '99.9'],
    [100, '100'],
    [12345.6, '12,346'],
  ])('%d → %s', (x, want) => expect(fmtMs(x)).toBe(want));
});

describe('browserTable', () => {
  it('lists import steps, the total and each analysis, with failures spelled out', () => {
    const r = {
      import: {
        files: [
          {
            fileName: 'customers.csv',
            bytes: 1,
            suggestedTable: 'customers',
            correctedTo: null,
            inspect: { ms: 50, error: null, frames },
            import: { ms: 1500, error: null, frames },
            progressEvents: 3,
            read: 1000,
            imported: 1000,
            rejected: 0,
            engineMs: 1400,
          },
        ],
        commit: { ms: 20, error: null, frames },
        totalMs: 1600,
      },
      analyses: [
        { id: 'rfm', ms: 2000, error: null, frames, tables: { segments: 8, grid: 25 }, findings: 3, charts: 1 },
        { id: 'tiers', ms: 10, error: 'fatal: Out of Memory | heap', frames, tables: {}, findings: 0, charts: 0 },
      ],
    } as unknown as BrowserResults;
    expect(browserTable(r).split('\n')).toEqual([
      '| step | browser worker ms | longest main-thread frame gap ms | main-thread fps | result | status |',
      '|---|---:|---:|---:|---|---|',
      '| inspect customers.csv | 50.0 | 40.0 | 20 | → customers | ok |',
      '| import customers.csv | 1,500 | 40.0 | 20 | 1,000 rows (0 rejected) | ok |',
      '| commitImport | 20.0 | 40.0 | 20 |  | ok |',
      '| **import total** | 1,600 | | | | |',
      '| rfm | 2,000 | 40.0 | 20 | 2 tables, 33 rows | ok |',
      '| tiers | 10.0 | 40.0 | 20 |  | **failed**: fatal: Out of Memory \\| heap |',
    ]);
  });

  it('names a corrected suggestion and lists the saved-dataset load with its tables', () => {
    const r = {
      import: {
        files: [
          {
            fileName: 'service_costs.csv',
            bytes: 1,
            suggestedTable: 'transactions',
            correctedTo: 'service_costs',
            inspect: { ms: 60, error: null, frames },
            import: { ms: 0, error: 'x', frames },
            progressEvents: 0,
            read: null,
            imported: null,
            rejected: null,
            engineMs: null,
          },
        ],
        commit: { ms: 20, error: null, frames },
        totalMs: 80,
      },
      saved: { load: { ms: 30000, error: null, frames }, totalMs: 30000 },
      tables: { customers: 1000, transactions: 9000 },
      analyses: [],
    } as unknown as BrowserResults;
    const lines = browserTable(r).split('\n');
    expect(lines[2]).toBe(
      '| inspect service_costs.csv | 60.0 | 40.0 | 20 | suggested transactions; chose service_costs | ok |',
    );
    expect(lines.at(-1)).toBe(
      '| loadDataset (4 files) | 30,000 | 40.0 | 20 | customers 1,000, transactions 9,000 | ok |',
    );
  });
});

describe('browserTable, reopen run', () => {
  it('lists the load, the save as a database file, the fresh worker and the reopen with the tables', () => {
    const call = (ms: number) => ({ ms, error: null, frames });
    const r = {
      saved: { load: call(13_000), totalMs: 13_000 },
      reopen: { export: call(5_000), write: call(900), fileBytes: 300 * 2 ** 20, start: call(400), open: call(1_500) },
      tables: { customers: 1000 },
      analyses: [],
    } as unknown as BrowserResults;
    expect(browserTable(r).split('\n').slice(2)).toEqual([
      '| loadDataset (4 files) | 13,000 | 40.0 | 20 |  | ok |',
      '| exportDatabase (save as a database file) | 5,000 | 40.0 | 20 | 300 MB | ok |',
      '| write the file to OPFS | 900 | 40.0 | 20 |  | ok |',
      '| fresh engine worker (as after a reload) | 400 | 40.0 | 20 |  | ok |',
      '| **loadDatabase from OPFS (reopen)** | 1,500 | 40.0 | 20 | customers 1,000 | ok |',
    ]);
  });
});

describe('replaceSection', () => {
  const open = '<!-- bench:browser reopen-1000 -->';
  const close = '<!-- /bench:browser reopen-1000 -->';
  it.each([
    ['appends a section the document lacks', '# Doc\n', `# Doc\n\n${open}\nnew\n${close}\n`],
    ['replaces the section, leaving the rest', `a\n${open}\nold\n${close}\nb\n`, `a\n${open}\nnew\n${close}\nb\n`],
  ])('%s', (_what, doc, want) => expect(replaceSection(doc, 'reopen-1000', '\nnew\n')).toBe(want));
});
