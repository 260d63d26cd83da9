// How result tables show and export columns (src/ui/table): one format per column chosen from its
// kind, one width per column for header and rows, and downloads that keep every value typed and
// never write a formula.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fromRows, type ColumnInfo } from '../../src/sql/table.ts';
import { columnFormats, MAX_WIDTH, MIN_WIDTH } from '../../src/ui/table/column-format.ts';
import { fileStem, sheetName, tableToXlsx } from '../../src/ui/table/export.ts';

const col = (name: string, type: string, kind: ColumnInfo['kind'] = 'number'): ColumnInfo => ({ name, type, kind });

describe('column formats', () => {
  it.each<[string, ColumnInfo, (number | null)[], string[]]>([
    ['a count is grouped, whole', col('orders', 'BIGINT'), [1234567, 3, null], ['1,234,567', '3', '∅']],
    ['an identifier or a year is not grouped', col('year', 'INTEGER'), [2024, 1999], ['2024', '1999']],
    [
      'a share is a percent with one decimal',
      col('profit_share', 'DOUBLE'),
      [1.384, 0.0046, -0.2],
      ['138.4%', '0.5%', '−20.0%'],
    ],
    [
      'large amounts are whole units',
      col('revenue', 'DOUBLE'),
      [5360.560000000001, 12000.5, 999.5],
      ['5,361', '12,001', '1,000'],
    ],
    ['amounts from 1 up keep two decimals', col('avg_order', 'DOUBLE'), [12.5, 250.456], ['12.50', '250.46']],
    ['small values keep three significant digits', col('p', 'DOUBLE'), [0.01234, 0.05], ['0.0123', '0.0500']],
    [
      'never exponent notation',
      col('big', 'DOUBLE'),
      [1.294e21, 2.5e21],
      ['1,294,000,000,000,000,000,000', '2,500,000,000,000,000,000,000'],
    ],
  ])('%s', (_name, column, values, expected) => {
    const [format] = columnFormats(
      [column],
      fromRows(
        values.map((v) => ({ [column.name]: v })),
        [column],
      ),
    );
    expect(values.map((v) => format!.format(v))).toEqual(expected);
    expect(format!.align).toBe('right');
  });

  it('text and dates are left-aligned; dates read as ISO', () => {
    const columns = [col('name', 'VARCHAR', 'string'), col('day', 'DATE', 'date')];
    const formats = columnFormats(columns, fromRows([{ name: 'Ann', day: new Date('2024-03-01T00:00:00Z') }], columns));
    expect(formats.map((f) => f.align)).toEqual(['left', 'left']);
    expect(formats[1]!.format(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
  });

  it('a header shown in the reader’s language sets the width, not the SQL name under it', () => {
    const columns = [col('n', 'INTEGER')];
    const table = fromRows([{ n: 1 }], columns);
    const [plain] = columnFormats(columns, table);
    const [labelled] = columnFormats(columns, table, undefined, ['每单位成本保住的价值']);
    expect(labelled!.width).toBeGreaterThan(plain!.width);
  });

  it('widths follow the widest of header and values, within bounds', () => {
    const columns = [
      col('x', 'INTEGER'),
      col('a_very_long_column_name_for_a_small_number', 'INTEGER'),
      col('note', 'VARCHAR', 'string'),
    ];
    const formats = columnFormats(
      columns,
      fromRows([{ x: 1, a_very_long_column_name_for_a_small_number: 2, note: 'word '.repeat(200) }], columns),
    );
    expect(formats[0]!.width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(formats[0]!.width).toBeLessThan(80);
    expect(formats[1]!.width).toBeGreaterThan(250);
    expect(formats[2]!.width).toBe(MAX_WIDTH);
  });
});

describe('Excel download', () => {
  it('writes typed cells, a bold frozen header and no formula, even for text that looks like one', async () => {
    const columns = [
      col('customer_id', 'VARCHAR', 'string'),
      col('revenue', 'DOUBLE'),
      col('day', 'DATE', 'date'),
      col('vip', 'BOOLEAN', 'boolean'),
    ];
    const table = fromRows(
      [
        {
          customer_id: '=HYPERLINK("http://x","y")',
          revenue: 5360.56,
          day: new Date('2024-01-31T00:00:00Z'),
          vip: true,
        },
        { customer_id: 'C2', revenue: null, day: null, vip: false },
      ],
      columns,
    );
    const zip = await JSZip.loadAsync(await (await tableToXlsx(table, 'top/loss:makers')).arrayBuffer());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    const book = await zip.file('xl/workbook.xml')!.async('string');
    expect(sheet).not.toMatch(/<f>/);
    expect(strings).toContain("'=HYPERLINK(");
    expect(sheet).toContain('<v>5360.56</v>');
    expect((sheet.match(/<row /g) ?? []).length).toBe(3);
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"/);
    expect(book).toContain('name="top_loss_makers"');
  });

  it('names files and sheets safely', () => {
    expect(fileStem('diagnostics top/loss')).toBe('diagnostics_top_loss');
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
  });
});
