/**
 * Issue 14, point 4: customer ids that differ only by Unicode normalisation are one customer.
 * "José" typed as é (U+00E9) and as e + a combining acute accent (U+0065 U+0301), as macOS and
 * some web forms write it, look identical; the import stores every id in composed form (NFC)
 * and says how many rows it rewrote.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import { importFile, inspectFile } from '../../src/engine/import/index.ts';
import { createNodeEngine } from '../../src/engine/node.ts';
import { toRows } from '../../src/engine/types.ts';

let db: Database;
beforeAll(async () => {
  db = await createNodeEngine().database();
});

const composed = 'Jos\u00e9';
const decomposed = 'Jose\u0301';
const csv = [
  'customer_id,date,revenue',
  `${composed},2024-01-05,10`,
  `${decomposed},2024-02-05,20`,
  `${decomposed},2024-03-05,5`,
  'Zoë,2024-03-06,7',
  `Zoe\u0308,2024-03-07,3`,
].join('\n');

describe('customer ids in two Unicode forms', () => {
  it('imports them as one customer each, in composed form, with a warning counting the rewritten rows', async () => {
    const source = { name: 'ids.csv', data: new TextEncoder().encode(csv + '\n') };
    const info = await inspectFile(db, source);
    expect(info.suggestion.mapping.table).toBe('transactions');
    const report = await importFile(db, source, { mapping: info.suggestion.mapping });
    expect(report).toMatchObject({ read: 5, imported: 5, rejected: 0 });
    const ids = toRows(
      db.querySync(
        'SELECT customer_id, count(*) AS n, sum(revenue) AS revenue FROM transactions GROUP BY 1 ORDER BY 1',
      ),
    );
    expect(ids).toEqual([
      { customer_id: composed, n: 3, revenue: 35 },
      { customer_id: 'Zoë', n: 2, revenue: 10 },
    ]);
    const w = report.warnings.find((x) => x.code === 'unicode_ids');
    expect(w?.count).toBe(3);
    expect(w?.message).toMatch(/3 rows have a customer id written with combining accents/);
  });

  it('says nothing when every id is already composed', async () => {
    const source = {
      name: 'plain.csv',
      data: new TextEncoder().encode(
        ['customer_id,date,revenue', 'C1,2024-01-05,10', `${composed},2024-01-06,4`].join('\n') + '\n',
      ),
    };
    const info = await inspectFile(db, source);
    const report = await importFile(db, source, { mapping: info.suggestion.mapping });
    expect(report.warnings.find((x) => x.code === 'unicode_ids')).toBeUndefined();
  });
});
