import { describe, expect, it } from 'vitest';
import { agree, counted } from '../../src/engine/import/counts.ts';
import { defaultRules, type ImportMapping } from '../../src/engine/import/mapping.ts';
import { buildWarningQueries, duplicatesWarning } from '../../src/engine/import/warnings.ts';

const mapping: ImportMapping = {
  table: 'transactions',
  columns: {
    customer_id: { source: 'id' },
    date: { source: 'd' },
    revenue: { source: 'r' },
    quantity: { source: 'q' },
    order_id: { source: 'o' },
    channel: { source: 'c' },
  },
  extras: [{ source: 'TotalCharges', name: 'TotalCharges', type: 'DOUBLE' }],
};
const queries = buildWarningQueries('transactions', mapping, defaultRules, '2024-06-30');
const message = (code: string, n: number, column?: string) =>
  code === 'duplicates'
    ? duplicatesWarning(n).message
    : queries.find((q) => q.code === code && (column === undefined || q.column === column))!.message(n);

describe('warning messages agree with their count', () => {
  it.each([
    [
      'duplicates',
      undefined,
      1,
      '1 row is an exact duplicate of an earlier row (kept; remove it in the source if it is a double entry).',
    ],
    [
      'duplicates',
      undefined,
      5268,
      '5,268 rows are exact duplicates of an earlier row (kept; remove them in the source if they are double entries).',
    ],
    ['negative_amounts', undefined, 1, '1 row has a negative revenue (refunds or credits).'],
    ['negative_amounts', undefined, 8905, '8,905 rows have a negative revenue (refunds or credits).'],
    ['returns', undefined, 1, '1 row has a negative quantity and was kept as a return.'],
    ['returns', undefined, 2, '2 rows have a negative quantity and were kept as returns.'],
    ['cancellations', undefined, 1, '1 row is a cancellation (order id starting with C) and was kept.'],
    ['cancellations', undefined, 9288, '9,288 rows are cancellations (order id starting with C) and were kept.'],
    ['future_dates', undefined, 1, '1 row has a date in the future.'],
    ['future_dates', undefined, 3, '3 rows have a date in the future.'],
    ['blanks', 'channel', 1, '1 row has a blank channel (imported as empty).'],
    ['blanks', 'TotalCharges', 11, '11 rows have a blank TotalCharges (imported as empty).'],
    ['blanks', 'TotalCharges', 135080, '135,080 rows have a blank TotalCharges (imported as empty).'],
  ])('%s %s × %i', (code, column, n, expected) => {
    expect(message(code, n, column)).toBe(expected);
  });

  it('counts nouns and verbs', () => {
    expect([counted(0, 'row'), counted(1, 'row'), counted(1234, 'character'), counted(2, 'entry', 'entries')]).toEqual([
      '0 rows',
      '1 row',
      '1,234 characters',
      '2 entries',
    ]);
    expect([agree(1, 'has', 'have'), agree(0, 'has', 'have'), agree(7, 'is', 'are')]).toEqual(['has', 'have', 'are']);
  });
});
