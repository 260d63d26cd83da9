// `run --data`: a data file that cannot be imported fails the run (exit 1) and is named once.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLine } from '../../src/cli/load-data.ts';
import { runCommand } from '../../src/cli/run.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');

describe('fileLine names the file once', () => {
  it.each([
    ['a.csv', 'a.csv (line 3): ragged row. Fix it.', 'a.csv (line 3): ragged row. Fix it.'],
    ['a.csv', 'not mapped: no column found for customer_id', 'a.csv: not mapped: no column found for customer_id'],
    ['a.csv', 'data.csv: something', 'a.csv: data.csv: something'],
  ])('%s + %s', (file, message, line) => expect(fileLine(file, message)).toBe(line));
});

describe('run --data: a file whose import failed fails the run, one that fits no table does not', () => {
  it.each<[string, Record<string, string>, number, RegExp | null]>([
    // case, files beside a good transactions.csv, exit code, what stderr names
    [
      'every row rejected',
      {
        'mapping.yaml':
          'files:\n  costs.csv:\n    table: service_costs\n    columns:\n      customer_id: customer_id\n      amount: amount\n',
        'costs.csv': 'customer_id,amount\nc1,x\nc2,y\n',
      },
      1,
      /costs\.csv: none of the 2 rows could be imported onto service_costs \(2 non-numeric value for amount\)/,
    ],
    [
      'mapping.yaml names a column the file lacks',
      {
        'mapping.yaml':
          'files:\n  costs.csv:\n    table: service_costs\n    columns:\n      customer_id: customer_id\n      amount: cost_amount\n',
        'costs.csv': 'customer_id,amount\nc1,5\n',
      },
      1,
      /costs\.csv: mapping\.yaml does not fit this file: amount is mapped to cost_amount, which is not a column of the file/,
    ],
    [
      'named after a table it cannot fill',
      { 'surveys.csv': 'customer_id,satisfaction\n,4\n,5\n' },
      1,
      /surveys\.csv: it is named after surveys but no column was found for customer_id \(columns without any value: customer_id\)/,
    ],
    ['a file that fits no table is loaded as it is', { 'notes.csv': 'foo,bar\n1,2\n' }, 0, null],
  ])('%s', async (_name, files, code, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-data-'));
    writeFileSync(path.join(dir, 'transactions.csv'), 'customer_id,date,revenue\nc1,2024-01-05,100\n');
    for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
    const nb = path.join(dir, 'nb.md');
    writeFileSync(nb, '```sql n\nSELECT count(*) AS n FROM transactions\n```\n');
    let stderr = '';
    const exit = await runCommand(
      { command: 'run', notebook: nb, data: dir },
      { stdout: () => undefined, stderr: (s) => (stderr += s) },
    );
    expect(exit).toBe(code);
    if (message) expect(stderr).toMatch(message);
  });
});

describe('run --data with a file that cannot be imported', () => {
  it.each<[string, string[], number]>([
    // case, extra fixture files beside a good transactions.csv, exit code
    ['all files import: exit 0', [], 0],
    ['an empty file: exit 1', ['empty.csv'], 1],
    ['a ragged file: exit 1', ['ragged.csv'], 1],
  ])('%s', async (_name, extra, code) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-data-'));
    writeFileSync(path.join(dir, 'transactions.csv'), 'customer_id,date,revenue\nc1,2024-01-05,100\n');
    for (const f of extra) copyFileSync(path.join(fixtures, f), path.join(dir, f));
    const nb = path.join(dir, 'nb.md');
    writeFileSync(nb, '```sql n\nSELECT count(*) AS n FROM transactions\n```\n');
    let stderr = '';
    const exit = await runCommand(
      { command: 'run', notebook: nb, data: dir },
      { stdout: () => undefined, stderr: (s) => (stderr += s) },
    );
    expect(exit).toBe(code);
    for (const f of extra) {
      const lines = stderr.split('\n').filter((l) => l.includes(f));
      expect(lines).toHaveLength(1);
      expect(lines[0]!.split(f).length - 1).toBe(1);
    }
  });
});
