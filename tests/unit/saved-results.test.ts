import { describe, expect, it } from 'vitest';
import {
  cellsToSave,
  datasetOfKey,
  datasetStamp,
  MAX_SAVED_TOTAL,
  MAX_SAVED_VALUES,
  outputSize,
  resultsKey,
  type ResultsContext,
} from '../../src/app/saved-results.ts';
import { fromRows } from '../../src/engine/types.ts';
import { cellId } from '../../src/notebook/format/index.ts';
import type { CellState } from '../../src/notebook/runtime/index.ts';

const ctx: ResultsContext = {
  dataset: 'sample',
  source: '---\ntitle: t\n---\n\n```sql a\nSELECT 1\n```\n',
  inputs: { margin: 0.3, region: 'north' },
  locale: 'en',
};

/** An ok sql cell whose preview holds `rows` rows of one column. */
function sqlCell(id: string, rows: number, patch: Partial<CellState> = {}): CellState {
  const preview = fromRows(
    Array.from({ length: rows }, (_, i) => ({ x: i })),
    [{ name: 'x', type: 'DOUBLE', kind: 'number' }],
  );
  return {
    id: cellId(id),
    kind: 'sql',
    status: 'ok',
    runs: 1,
    output: { kind: 'sql', table: id, columns: preview.columns, rowCount: rows, preview },
    ...patch,
  };
}

describe('saved results: the key', () => {
  it('is the same for the same context whatever the order of the inputs', () => {
    expect(resultsKey(ctx)).toBe(resultsKey({ ...ctx, inputs: { region: 'north', margin: 0.3 } }));
  });

  it('changes with the data, the notebook text, any input value and the language', () => {
    const base = resultsKey(ctx);
    for (const other of [
      { ...ctx, dataset: 'ds-1@1733600000000' },
      { ...ctx, source: ctx.source.replace('SELECT 1', 'SELECT 2') },
      { ...ctx, inputs: { ...ctx.inputs, margin: 0.31 } },
      { ...ctx, inputs: { margin: 0.3 } },
      { ...ctx, locale: 'zh-Hans' },
    ])
      expect(resultsKey(other)).not.toBe(base);
  });
});

describe('saved results: which data a key is for', () => {
  it('reads the dataset back from a key (deleting a dataset forgets the results computed on it)', () => {
    const stamp = datasetStamp({ id: 'ds-7', createdAt: 1733600000000 });
    expect(stamp).toBe('ds-7@1733600000000');
    expect(datasetOfKey(resultsKey({ ...ctx, dataset: stamp }))).toBe(stamp);
    expect(datasetOfKey(resultsKey(ctx))).toBe('sample');
    expect(datasetOfKey('not json')).toBeNull();
  });
});

describe('saved results: what a finished run saves', () => {
  it('saves finished and not-applicable cells with their outputs', () => {
    const na: CellState = { id: cellId('n'), kind: 'analysis', status: 'na', runs: 1, error: 'no surveys' };
    const cells = [sqlCell('a', 3), sqlCell('b', 10), na];
    // A not-applicable cell without an output has nothing to show from storage.
    expect(cellsToSave(cells).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('saves nothing from a run with a failed, blocked or unfinished cell', () => {
    for (const status of ['error', 'blocked', 'queued', 'running', 'idle'] as const)
      expect(cellsToSave([sqlCell('a', 3), sqlCell('b', 3, { status })])).toEqual([]);
  });

  it('saves nothing while restored outputs are still on screen (they are storage’s own copy)', () => {
    expect(cellsToSave([sqlCell('a', 3), sqlCell('b', 3, { restored: true })])).toEqual([]);
  });

  it('leaves out outputs too large to clone cheaply, and stops at the run’s total', () => {
    expect(outputSize(sqlCell('a', 7).output!)).toBe(7);
    const big = sqlCell('big', MAX_SAVED_VALUES + 1);
    expect(cellsToSave([sqlCell('a', 3), big]).map((c) => c.id)).toEqual(['a']);
    const half = MAX_SAVED_VALUES;
    const many = Array.from({ length: Math.ceil(MAX_SAVED_TOTAL / half) + 1 }, (_, i) => sqlCell(`c${i}`, half));
    const kept = cellsToSave(many);
    expect(kept.length).toBe(Math.floor(MAX_SAVED_TOTAL / half));
    expect(kept.reduce((n, c) => n + outputSize(c.output!), 0)).toBeLessThanOrEqual(MAX_SAVED_TOTAL);
  });
});
