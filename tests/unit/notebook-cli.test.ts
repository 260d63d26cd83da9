import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import { jsonReport } from '../../src/cli/json-report.ts';
import { fromRows } from '../../src/engine/types.ts';
import { cellId, parseNotebook } from '../../src/notebook/format/index.ts';
import type { CellState } from '../../src/notebook/runtime/index.ts';

describe('CLI arguments', () => {
  it.each([
    [['run', 'a.md'], { command: 'run', notebook: 'a.md' }],
    [
      ['run', 'a.md', '--data', 'd', '--json', '-', '--html', 'o.html'],
      { command: 'run', notebook: 'a.md', data: 'd', json: '-', html: 'o.html' },
    ],
    [['run', '--json=out.json', 'a.md'], { command: 'run', notebook: 'a.md', json: 'out.json' }],
  ])('%j', (argv, expected) => expect(parseArgs(argv)).toEqual(expected));

  it.each([
    [[], 'missing command'],
    [['render', 'a.md'], 'unknown command "render" (expected run)'],
    [['run'], 'missing <notebook.md>'],
    [['run', 'a.md', '--json'], '--json needs a value'],
    [['run', 'a.md', '--csv', 'x'], 'unknown option --csv'],
    [['run', 'a.md', 'b.md'], 'unexpected argument "b.md" (one notebook per run)'],
  ])('%j → %s', (argv, message) => expect(() => parseArgs(argv)).toThrow(message));
});

describe('reports', () => {
  it('writes the JSON shape: blocked cells are errors, dates are ISO, analysis findings listed', () => {
    const nb = parseNotebook(
      '---\ntitle: T\nextra: 1\n---\n\n```sql a\nSELECT 1\n```\n\n```sql b\nSELECT * FROM a\n```\n',
    );
    const table = fromRows(
      [{ d: new Date('2024-01-05T00:00:00Z'), t: new Date('2024-01-05T10:00:00Z'), x: Number.NaN }],
      [
        { name: 'd', type: 'DATE', kind: 'date' },
        { name: 't', type: 'TIMESTAMP', kind: 'date' },
        { name: 'x', type: 'DOUBLE', kind: 'number' },
      ],
    );
    const states: CellState[] = [
      {
        id: cellId('a'),
        kind: 'sql',
        status: 'ok',
        runs: 1,
        rowCount: 1,
        output: { kind: 'sql', table: 'a', columns: table.columns, rowCount: 1, preview: table },
      },
      { id: cellId('b'), kind: 'sql', status: 'blocked', runs: 0, error: 'waiting on a, which failed' },
    ];
    expect(jsonReport(nb, states)).toEqual({
      notebook: { title: 'T', description: '', language: 'en', dataset: 'sample', extra: 1 },
      cells: [
        {
          id: 'a',
          kind: 'sql',
          status: 'ok',
          result: {
            columns: [
              { name: 'd', type: 'DATE' },
              { name: 't', type: 'TIMESTAMP' },
              { name: 'x', type: 'DOUBLE' },
            ],
            rowCount: 1,
            rows: [{ d: '2024-01-05', t: '2024-01-05T10:00:00.000Z', x: null }],
          },
          findings: [],
        },
        { id: 'b', kind: 'sql', status: 'error', error: 'waiting on a, which failed', findings: [] },
      ],
    });
  });
});
