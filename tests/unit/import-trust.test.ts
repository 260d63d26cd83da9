// Detection a user can trust (issue 14, point 3): which table a file is, column types that survive a
// few bad values, separators decided by most values, Excel serial dates, repeated header names.
import { describe, expect, it } from 'vitest';
import { profiledColumn } from '../../src/engine/import/inspect.ts';
import { extraOf, isDateName, nameScore, suggestMapping, type ProfiledColumn } from '../../src/engine/import/roles.ts';
import { sniffCsv } from '../../src/engine/import/sniff-csv.ts';
import { duplicateHeadersWarning, uniqueHeaders } from '../../src/engine/import/text-columns.ts';
import {
  isExcelSerial,
  majorityDateFormat,
  majorityNumberFormat,
  MOSTLY,
  parseNumber,
  profileColumn,
} from '../../src/engine/import/value-formats.ts';

const cols = (spec: Record<string, readonly string[]>): ProfiledColumn[] =>
  Object.entries(spec).map(([name, values]) => profiledColumn(name, values, {}));
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_x, i) => f(i));
const days = (n: number) => times(n, (i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')}`);

describe('which table a file is', () => {
  const costCategories = ['support_call', 'field_visit', 'return', 'discount', 'bad_debt', 'dispute'];
  it.each<[string, Record<string, readonly string[]>, string]>([
    [
      'English cost events',
      {
        customer_id: ['C1', 'C2', 'C3'],
        date: days(3),
        category: costCategories.slice(0, 3),
        amount: ['12.5', '40', '8'],
      },
      'service_costs',
    ],
    [
      '简体 cost events',
      {
        客户编号: ['C1', 'C2', 'C3'],
        发生日期: days(3),
        成本类别: ['客服来电', '上门服务', '退货'],
        金额: ['12.5', '40', '8'],
      },
      'service_costs',
    ],
    [
      '繁體 cost events',
      {
        客戶編號: ['C1', 'C2', 'C3'],
        發生日期: days(3),
        成本類別: ['客服電話', '上門服務', '退貨'],
        金額: ['12.5', '40', '8'],
      },
      'service_costs',
    ],
    // The header alone says "cost category", whatever the values are.
    [
      '简体 cost header, coded categories',
      { 客户编号: ['C1', 'C2'], 发生日期: days(2), 成本类别: ['A01', 'B07'], 金额: ['12.5', '40'] },
      'service_costs',
    ],
    [
      'English survey',
      { customer_id: ['C1', 'C2'], response_date: days(2), satisfaction: ['4', '5'], recommend: ['9', '10'] },
      'surveys',
    ],
    [
      '简体 survey',
      { 客户编号: ['C1', 'C2'], 调查日期: days(2), 满意度: ['4', '5'], 推荐意愿: ['9', '10'], 复购意愿: ['3', '4'] },
      'surveys',
    ],
    [
      '繁體 survey',
      { 客戶編號: ['C1', 'C2'], 填寫日期: days(2), 滿意度: ['4', '5'], 推薦意願: ['9', '10'] },
      'surveys',
    ],
    // Same headers as the English cost events, but the categories are products: purchases.
    [
      'sales with product categories',
      {
        customer_id: ['C1', 'C2', 'C3'],
        date: days(3),
        category: ['Books', 'Garden', 'Toys'],
        amount: ['12.5', '40', '8'],
      },
      'transactions',
    ],
    ['a plain sales export', { customer_id: ['C1', 'C2'], date: days(2), amount: ['12.5', '40'] }, 'transactions'],
    [
      'a transactions export with a COGS column',
      { customer_id: ['C1', 'C2'], date: days(2), revenue: ['12.5', '40'], cost: ['3', '9'] },
      'transactions',
    ],
    [
      'customers with a signup date',
      { customer_id: ['C1', 'C2'], signup_date: days(2), region: ['North', 'South'], plan: ['gold', 'basic'] },
      'customers',
    ],
  ])('%s → %s', (_name, spec, table) => {
    const s = suggestMapping(cols(spec));
    expect(s.mapping.table).toBe(table);
    expect(s.missing).toEqual([]);
  });

  it('maps the cost file columns onto service_costs roles', () => {
    const s = suggestMapping(cols({ 客户编号: ['C1'], 发生日期: days(1), 成本类别: ['退货'], 金额: ['12.5'] }));
    expect(
      Object.fromEntries(Object.entries(s.mapping.columns).map(([k, v]) => [k, 'source' in v ? v.source : ''])),
    ).toEqual({ customer_id: '客户编号', date: '发生日期', category: '成本类别', amount: '金额' });
  });

  it('the old rule (all required + most optional) would pick transactions: the scores say why not', () => {
    const columns = cols({
      customer_id: ['C1', 'C2'],
      date: days(2),
      category: ['support_call', 'bad_debt'],
      amount: ['12.5', '40'],
    });
    const tx = suggestMapping(columns, 'transactions');
    const sc = suggestMapping(columns, 'service_costs');
    // Both explain all four columns; the cost categories tip it.
    expect(tx.missing).toEqual([]);
    expect(sc.score).toBeGreaterThan(tx.score);
  });

  it('reads header typos one edit away, but not real words', () => {
    expect(nameScore('Custmer ID', ['customerid'])).toBe(0.6);
    expect(nameScore('Reveune', ['revenue'])).toBe(0.6);
    expect(nameScore('Contact', ['contract'])).toBe(0);
    expect(nameScore('Cat', ['cost'])).toBe(0);
    const s = suggestMapping(cols({ 'Custmer ID': ['C1', 'C2'], 'Orderdate ': days(2), Reveune: ['10', '20'] }));
    expect(s.mapping.table).toBe('transactions');
    expect(s.missing).toEqual([]);
  });
});

describe('a few bad values do not change a column type', () => {
  it(`one odd amount among 100 keeps the column numeric; the odd one is counted as invalid`, () => {
    const values = times(100, (i) => (i === 50 ? '12.5.3' : `${10 + i}.5`));
    const p = profileColumn(values);
    expect(p).toMatchObject({ type: 'number', invalid: 1 });
    expect(parseNumber('12.5.3', p.number!)).toBeNull();
  });

  it('23% of dates in another format: the majority format wins, the rest are invalid', () => {
    const values = times(100, (i) => (i < 23 ? `15/03/2024` : `2024-02-${String((i % 28) + 1).padStart(2, '0')}`));
    const p = profileColumn(values);
    expect(p.type).toBe('date');
    expect(p.date!.patterns[0]).toBe('%Y-%m-%d');
    expect(p.invalid).toBe(23);
  });

  it(`below ${MOSTLY * 100}% the column is text`, () => {
    const values = times(100, (i) => (i < 30 ? 'n/a' : String(i)));
    expect(profileColumn(values).type).toBe('text');
    expect(profileColumn(times(100, (i) => (i < 25 ? 'n/a' : String(i)))).type).toBe('number');
  });

  it('day-first wins over month-first when most values say so', () => {
    const values = [...times(9, (i) => `${13 + i}/03/2024`), '03/25/2024', '01/02/2024'];
    const m = majorityDateFormat(values)!;
    expect(m.format.patterns[0]).toBe('%d/%m/%Y');
    expect(m.fits).toBe(10);
  });

  it('an unmapped column with bad values stays text (it must not reject rows nobody asked for)', () => {
    const [c] = cols({ note: times(10, (i) => (i === 3 ? 'x' : String(i))) });
    expect(c!.profile.type).toBe('number');
    expect(extraOf(c!).type).toBe('VARCHAR');
    const [clean] = cols({ score: times(10, String) });
    expect(extraOf(clean!).type).toBe('DOUBLE');
  });

  it('the wizard is told how many sampled values will be rejected', () => {
    const s = suggestMapping(
      cols({
        customer_id: times(20, (i) => `C${i}`),
        date: days(20),
        amount: times(20, (i) => (i === 4 ? 'twelve' : String(i))),
      }),
    );
    expect(s.mapping.table).toBe('transactions');
    expect(s.notes.join(' ')).toMatch(/amount \(revenue\): 1 of 20 sampled values are not numbers/);
  });
});

describe('separators are decided by most values', () => {
  it('40 × 1,234.50 and one 1 234: comma thousands, and the odd one still parses', () => {
    const values = [...times(40, () => '1,234.50'), '1 234'];
    const f = majorityNumberFormat(values);
    expect(f).toEqual({ decimal: '.', thousands: ',', currency: null });
    expect(values.map((v) => parseNumber(v, f))).toEqual([...Array<number>(40).fill(1234.5), 1234]);
  });

  it('40 × 1.234,50 and one 1,234.50: decimal comma; the odd one is not read as 1.2345', () => {
    const values = [...times(40, () => '1.234,50'), '1,234.50'];
    const f = majorityNumberFormat(values);
    expect(f).toMatchObject({ decimal: ',', thousands: '.' });
    expect(parseNumber('1,234.50', f)).toBeNull();
    expect(profileColumn(values)).toMatchObject({ type: 'number', invalid: 1 });
  });

  it('values that could be either follow the file: 1.234 in a decimal-comma file is 1234', () => {
    const f = majorityNumberFormat(['1.234', '5.678', '12'], { decimal: ',' });
    expect(f).toMatchObject({ decimal: ',', thousands: '.' });
    expect(parseNumber('1.234', f)).toBe(1234);
    expect(majorityNumberFormat(['1,234', '12.5'])).toMatchObject({ decimal: '.', thousands: ',' });
    expect(majorityNumberFormat(['1.234', '5.5'])).toMatchObject({ decimal: '.', thousands: '' });
  });

  it('the CSV sniffer also counts votes, not the last value seen', () => {
    const text = ['id;amount', ...times(40, (i) => `${i};"1,234.50"`), '41;1 234'].join('\n');
    expect(sniffCsv(text, true)).toMatchObject({ delimiter: ';', decimal: '.', thousands: ',' });
  });
});

describe('Excel serial dates', () => {
  it.each([
    ['45292', true],
    ['45292.5', true],
    ['29221', true],
    ['29220', false],
    ['73050', true],
    ['73051', false],
    ['4529', false],
  ])('%s in range: %s', (v, ok) => expect(isExcelSerial(v)).toBe(ok));

  it('are dates in a column named like a date, numbers otherwise', () => {
    const serials = times(30, (i) => String(45292 + i));
    expect(isDateName('InvoiceDate')).toBe(true);
    expect(isDateName('发生日期')).toBe(true);
    expect(profileColumn(serials, {}, { dateName: true })).toMatchObject({ type: 'date', date: { excelSerial: true } });
    expect(profileColumn(serials).type).toBe('number');
  });

  it('mix with text dates (an XLSX column of date cells and plain numbers)', () => {
    const values = [...days(20), ...times(10, (i) => String(45292 + i))];
    const p = profileColumn(values, {}, { dateName: true });
    expect(p).toMatchObject({ type: 'date', invalid: 0, date: { patterns: ['%Y-%m-%d'], excelSerial: true } });
  });
});

describe('repeated header names', () => {
  it('are made unique (without case, as DuckDB compares names) and named in a warning', () => {
    const raw = ['id', 'note', 'Note', 'note', ''];
    const unique = uniqueHeaders(raw);
    expect(unique).toEqual(['id', 'note', 'Note_2', 'note_3', 'column4']);
    expect(duplicateHeadersWarning(raw, unique)).toMatch(/“Note” → Note_2, “note” → note_3/);
    expect(duplicateHeadersWarning(['a', 'b'], ['a', 'b'])).toBeNull();
  });

  it('do not turn the header line into data', () => {
    expect(sniffCsv('customer_id,date,note,note\nC1,2024-01-05,a,b\n', true).header).toBe(true);
  });
});
