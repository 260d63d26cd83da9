import { describe, expect, it } from 'vitest';
import { buildChecks, buildMappedQuery } from '../../src/engine/import/build-import-sql.ts';
import {
  columnSignature,
  defaultRules,
  findSavedMapping,
  validateMapping,
  type ImportMapping,
} from '../../src/engine/import/mapping.ts';
import { rejectsToCsv } from '../../src/engine/import/report.ts';
import { nameScore, suggestMapping, type ProfiledColumn } from '../../src/engine/import/roles.ts';
import { normaliseRoleName } from '../../src/engine/import/role-names.ts';
import { profileColumn } from '../../src/engine/import/value-formats.ts';

const cols = (spec: Record<string, string[]>): ProfiledColumn[] =>
  Object.entries(spec).map(([name, values]) => ({ name, profile: profileColumn(values) }));

describe('role suggestion', () => {
  it.each([
    ['Customer ID', 'customerid'],
    ['customer_id', 'customerid'],
    ['客戶 編號', '客戶編號'],
    ['ＩＤ', 'id'],
  ])('normalises %s → %s', (h, n) => expect(normaliseRoleName(h)).toBe(n));

  it('scores exact names 1 and contained names 0.7', () => {
    expect(nameScore('InvoiceDate', ['invoicedate'])).toBe(1);
    expect(nameScore('Net Revenue EUR', ['revenue'])).toBe(0.7);
    expect(nameScore('Churn', ['churnreason'])).toBe(0);
  });

  it.each([
    [
      'simplified',
      {
        客户编号: ['C1', 'C2'],
        交易日期: ['2024-01-05', '2024-01-06'],
        金额: ['¥1,234.50', '¥88'],
        地区: ['北京', '上海'],
      },
      { customer_id: '客户编号', date: '交易日期', revenue: '金额' },
    ],
    [
      'traditional',
      {
        客戶編號: ['C1', 'C2'],
        日期: ['2024/01/05', '2024/01/06'],
        金額: ['NT$1,234.50', 'NT$88'],
        數量: ['1', '2'],
        訂單號: ['A1', 'A2'],
      },
      { customer_id: '客戶編號', date: '日期', revenue: '金額', quantity: '數量', order_id: '訂單號' },
    ],
    [
      'English export',
      { 'Customer ID': ['c1'], 'Order Date': ['2024-01-05'], Amount: ['12.5'], Cost: ['3'], Channel: ['web'] },
      { customer_id: 'Customer ID', date: 'Order Date', revenue: 'Amount', cost: 'Cost', channel: 'Channel' },
    ],
    [
      'date found from data only',
      { client: ['c1'], when_bought: ['19970101'], sales: ['3'] },
      { customer_id: 'client', date: 'when_bought', revenue: 'sales' },
    ],
  ])('%s headers map onto transactions', (_n, spec, expected) => {
    const s = suggestMapping(cols(spec));
    expect(s.mapping.table).toBe('transactions');
    expect(s.missing).toEqual([]);
    expect(
      Object.fromEntries(Object.entries(s.mapping.columns).map(([k, m]) => [k, 'source' in m ? m.source : 'derived'])),
    ).toEqual(expected);
  });

  it('derives revenue = quantity × unit price when there is no amount column (Online Retail)', () => {
    const s = suggestMapping(
      cols({
        InvoiceNo: ['536365'],
        Quantity: ['6'],
        InvoiceDate: ['2010-12-01 08:26:00'],
        UnitPrice: ['2.55'],
        CustomerID: ['17850'],
      }),
    );
    expect(s.mapping.columns.revenue).toMatchObject({ multiply: [{ source: 'Quantity' }, { source: 'UnitPrice' }] });
    expect(s.notes[0]).toMatch(/Quantity × UnitPrice/);
  });

  it('picks customers for a file with ids and attributes but no dates, and surveys for satisfaction', () => {
    expect(
      suggestMapping(cols({ customerID: ['7590-VHVEG'], Contract: ['One year'], Churn: ['No'] })).mapping,
    ).toMatchObject({
      table: 'customers',
      columns: { customer_id: { source: 'customerID' }, plan: { source: 'Contract' } },
    });
    expect(suggestMapping(cols({ 客户编号: ['c1'], 满意度: ['5'], 日期: ['2024-01-01'] })).mapping.table).toBe(
      'surveys',
    );
  });

  it('says what is missing when a required column cannot be found', () => {
    expect(suggestMapping(cols({ foo: ['x'], bar: ['1'] }), 'transactions').missing).toEqual([
      'customer_id',
      'date',
      'revenue',
    ]);
  });

  it('flags ambiguous day/month dates for the user to confirm', () => {
    expect(suggestMapping(cols({ customer: ['c1'], date: ['01/02/2024'], amount: ['1'] })).notes.join()).toMatch(
      /day-first or month-first/,
    );
  });
});

describe('saved mappings by column signature', () => {
  const mapping: ImportMapping = {
    table: 'transactions',
    columns: { customer_id: { source: 'CustomerID' }, date: { source: 'Date' }, revenue: { source: 'Amount' } },
    extras: [],
  };
  it('is stable under case and whitespace and changes with the columns', () => {
    expect(columnSignature(['CustomerID', ' Date', 'Amount'])).toBe(
      columnSignature(['customerid', 'date  ', 'AMOUNT']),
    );
    expect(columnSignature(['CustomerID', 'Date', 'Amount'])).not.toBe(
      columnSignature(['CustomerID', 'Amount', 'Date']),
    );
    expect(columnSignature(['a', 'b'])).toMatch(/^2-[0-9a-f]{8}$/);
  });
  it('re-applies a saved mapping to a file with the same columns only', () => {
    const saved = [{ signature: columnSignature(['CustomerID', 'Date', 'Amount']), mapping, rules: defaultRules }];
    expect(findSavedMapping(saved, ['customerid', 'date', 'amount'])).toBeNull(); // names must still exist exactly
    expect(findSavedMapping(saved, ['CustomerID', 'Date', 'Amount'])?.mapping).toBe(mapping);
    expect(findSavedMapping(saved, ['CustomerID', 'Date'])).toBeNull();
  });
  it('validates a mapping against the header', () => {
    expect(validateMapping(mapping, ['CustomerID', 'Date'], ['customer_id', 'date', 'revenue'])).toEqual([
      'revenue is mapped to Amount, which is not a column of the file',
    ]);
    expect(validateMapping({ ...mapping, columns: {} }, ['x'], ['customer_id'])).toEqual([
      'required column customer_id is not mapped',
    ]);
  });
});

describe('validation SQL', () => {
  const mapping: ImportMapping = {
    table: 'transactions',
    columns: {
      customer_id: { source: 'Cust"ID' },
      date: { source: 'D' },
      revenue: { multiply: [{ source: 'Q' }, { source: 'P' }] },
      quantity: { source: 'Q' },
      order_id: { source: 'Inv' },
    },
    extras: [],
  };
  it('orders checks: missing values, then parse errors, then rules', () => {
    const checks = buildChecks(mapping, {
      ...defaultRules,
      missingCustomerId: 'drop',
      cancellations: 'exclude',
      negativeQuantity: 'reject',
    });
    expect(checks.map((c) => `${c.kind}:${c.reason}`)).toEqual([
      'rule:missing customer id (dropped by rule)',
      'error:missing date',
      'error:missing revenue',
      'error:missing revenue',
      'error:unparseable date for date',
      'error:non-numeric value for revenue',
      'error:non-numeric value for revenue',
      'error:non-numeric value for quantity',
      'rule:cancellation (excluded by rule)',
      'rule:negative quantity (rejected by rule)',
    ]);
  });
  it('quotes identifiers from the file', () => {
    const sql = buildMappedQuery('stg', ['Cust"ID'], 'target', mapping, buildChecks(mapping, defaultRules));
    expect(sql).toContain('"Cust""ID"');
    expect(sql).toContain('hash("Cust""ID")');
  });
});

describe('rejectsToCsv', () => {
  it('writes RFC 4180 CSV', () => {
    const csv = rejectsToCsv({
      columns: [
        { name: 'row', type: 'BIGINT', kind: 'number' },
        { name: 'reason', type: 'VARCHAR', kind: 'string' },
        { name: 'value', type: 'VARCHAR', kind: 'string' },
      ],
      rowCount: 2,
      data: [
        [3, 7],
        ['unparseable date', 'non-numeric value'],
        ['1,5', 'say "hi"'],
      ],
    });
    expect(csv).toBe('row,reason,value\r\n3,unparseable date,"1,5"\r\n7,non-numeric value,"say ""hi"""\r\n');
  });
});
