// loadCanonicalCsv with names that need quoting: the table name comes from the caller (a saved
// dataset's table), the extra column names from the file's header.
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/node.ts';
import { quoteIdent } from '../../src/sql/quote.ts';

describe('loadCanonicalCsv quotes every name it writes into SQL', () => {
  it.each([
    ['a non-canonical table with a quote in its name', 'notes "2024"', 'id,note\n1,hello\n', ['id', 'note']],
    ['a table name that tries to end the statement', 'x" AS SELECT 1; --', 'id,note\n1,hello\n', ['id', 'note']],
    [
      'a canonical table with an extra column holding a quote',
      'customers',
      'customer_id,"say ""hi"""\nc1,yes\n',
      ['customer_id', 'say "hi"'],
    ],
  ])('%s', async (_name, table, csv, columns) => {
    const engine = createNodeEngine();
    await engine.loadCanonicalCsv('t', [{ table, fileName: 'f.csv', bytes: new TextEncoder().encode(csv) }]);
    const rows = await engine.query(`SELECT * FROM ${quoteIdent(table)}`);
    expect(rows.columns.map((c) => c.name).filter((n) => columns.includes(n))).toEqual(columns);
    expect(rows.rowCount).toBe(1);
  });
});
