/** The pure report helpers of `npm run bench:interactive`: pairing, ratios, tables. No timing. */
import { describe, expect, it } from 'vitest';
import {
  caseStats,
  firstRunRatio,
  firstRunRows,
  firstRunTable,
  interactiveTable,
  ratioSummary,
  ratioText,
} from './report.ts';
import type { InteractiveResults } from './types.ts';

function results(over: Partial<InteractiveResults> = {}): InteractiveResults {
  return {
    date: '2026-12-07T10:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'x', chromium: '1', loadAverage: { before: 1, after: 2, max: 3, mean: 2 } },
    duckdbVersion: 'v1.4.3',
    nativeVersion: 'v1.5.5',
    dataset: { customers: 100, rows: { transactions: 1000 } },
    importMs: 5000,
    summaryBuildMs: 800,
    firstRuns: [
      { analysis: 'whale-curve', ms: 300, error: null },
      { analysis: 'tiers', ms: 900, error: null },
      { analysis: 'margin-multiple', ms: 2, error: null },
      { analysis: 'rfm', ms: 0, error: 'boom' },
    ],
    nativeLoadMs: 3000,
    native: [
      { analysis: 'whale-curve', medianMs: 600, runs: [500, 600, 700], error: null, headline: {}, mismatches: [] },
      {
        analysis: 'tiers',
        medianMs: 450,
        runs: [450, 450, 460],
        error: null,
        headline: {},
        mismatches: ['customers: 1 vs 2'],
      },
      { analysis: 'rfm', medianMs: 100, runs: [100, 100, 100], error: null, headline: {}, mismatches: [] },
    ],
    cases: [],
    aborted: null,
    ...over,
  };
}

describe('bench:interactive report', () => {
  it('divides the browser first run by the native median, and only when both exist', () => {
    expect(firstRunRatio(300, 600)).toBe(0.5);
    expect(firstRunRatio(null, 600)).toBeNull();
    expect(firstRunRatio(300, null)).toBeNull();
    expect(firstRunRatio(300, 0)).toBeNull();
    expect([ratioText(1.764), ratioText(0.1), ratioText(0.0034)]).toEqual(['1.76', '0.10', '0.0034']);
  });

  it('pairs each first run with its reference and says why a row has no ratio', () => {
    expect(firstRunRows(results()).map((r) => [r.analysis, r.ratio, r.sameHeadline, r.note])).toEqual([
      ['whale-curve', 0.5, true, ''],
      ['tiers', 2, false, ''],
      ['margin-multiple', null, null, 'no reference query'],
      ['rfm', null, null, 'browser run failed'],
    ]);
  });

  it('writes the first-run table with the import, the summary build and one row per analysis', () => {
    const table = firstRunTable(results()).split('\n');
    expect(table[2]).toBe('| import of every file (summary included) | 5,000 | 3,000 ¹ | | |');
    expect(table[3]).toBe('| of which: customer-base summary build | 800 | | | |');
    expect(table[4]).toBe('| first whale-curve after load | 300 | 600 | 0.50× | yes |');
    expect(table[5]).toBe('| first tiers after load | 900 | 450 | 2.00× | **no** |');
    expect(table[6]).toBe('| first margin-multiple after load (no reference query) | 2.0 | — |  |  |');
  });

  it('names the analyses at or above 1 and those whose headline numbers differ', () => {
    const s = ratioSummary(results());
    expect(s).toContain('Ratio below 1 for 1 of 2 analyses; at or above 1: tiers (2.00×).');
    expect(s).toContain('Headline numbers differ from the reference for: tiers.');
    expect(ratioSummary(results({ firstRuns: [], native: [] }))).toBe(
      'No analysis had both a browser first run and a native reference.',
    );
  });

  it('keeps the slider table and its statistics', () => {
    expect(caseStats([])).toEqual({ medianMs: null, p95Ms: null });
    expect(caseStats([3, 1, 2])).toEqual({ medianMs: 2, p95Ms: 3 });
    const t = interactiveTable(
      results({
        cases: [
          {
            key: 'k',
            label: 'whale',
            analysis: 'whale-curve',
            runs: [10, 20, 150],
            errors: [],
            medianMs: 20,
            p95Ms: 150,
            longestFrameGapMs: 16,
          },
        ],
      }),
    );
    expect(t.split('\n')[2]).toBe('| whale | 3 | 20.0 | 150 | 150 | 16.0 | yes |');
  });
});
