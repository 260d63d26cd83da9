import { describe, expect, it } from 'vitest';
import { sniffCsv, splitLine } from '../../src/engine/import/sniff-csv.ts';
import {
  detectDateFormat,
  detectNumberFormat,
  parseNumber,
  profileColumn,
  swapDayMonth,
} from '../../src/engine/import/value-formats.ts';

describe('sniffCsv', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n4,5,6\n', { delimiter: ',', header: true, decimal: '.' }],
    ['semicolon + decimal comma', 'Kunde;Betrag\nK1;12,50\nK2;3,75\n', { delimiter: ';', header: true, decimal: ',' }],
    ['tab', 'id\tamount\n1\t2.5\n2\t3\n', { delimiter: '\t', header: true }],
    ['pipe', 'id|amount\n1|2\n2|3\n', { delimiter: '|' }],
    [
      'whitespace-aligned (CDNOW)',
      ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n',
      { delimiter: 'whitespace', header: true },
    ],
    [
      'no header (numbers in line 1)',
      '00001 19970101 1 11.77\n00002 19970112 1 12.00\n',
      { delimiter: 'whitespace', header: false },
    ],
    [
      'quoted commas and thousands',
      'id,amount\n1,"1,234.50"\n2,"2,000.00"\n',
      { delimiter: ',', decimal: '.', thousands: ',' },
    ],
    ['European thousands', 'id;amount\n1;1.234,50\n2;2.000,00\n', { delimiter: ';', decimal: ',', thousands: '.' }],
  ])('%s', (_name, text, expected) => {
    expect(sniffCsv(text, true)).toMatchObject(expected);
  });

  it('applies overrides over detection', () => {
    expect(sniffCsv('a,b\n1,2\n', true, { delimiter: ';', header: false })).toMatchObject({
      delimiter: ';',
      header: false,
    });
  });

  it('ignores a last line cut off by the head', () => {
    expect(sniffCsv('a;b\n1;2\n3;4\n5', false).delimiter).toBe(';');
  });

  it('splits quoted fields with doubled quotes', () => {
    expect(splitLine('1,"a ""b"", c",x', ',')).toEqual(['1', 'a "b", c', 'x']);
  });
});

describe('detectDateFormat', () => {
  it.each([
    [['2024-01-05', '2024-12-31'], '%Y-%m-%d', false, false],
    [['2010-12-01 08:26:00', '2011-01-02 17:05:00'], '%Y-%m-%d', false, true],
    [['19970101', '19980630'], '%Y%m%d', false, false],
    [['25/12/2024', '01/02/2024'], '%d/%m/%Y', false, false],
    [['12/25/2024', '02/01/2024'], '%m/%d/%Y', false, false],
    [['01/02/2024', '03/04/2024'], '%d/%m/%Y', true, false],
    [['05.01.2024 10:30', '13.01.2024 11:00'], '%d.%m.%Y', false, true],
    [['2024/1/5', '2024/12/31'], '%Y/%m/%d', false, false],
    [['2024年1月5日', '2024年12月31日'], '%Y年%m月%d日', false, false],
  ])('%j → %s (ambiguous %s, time %s)', (values, pattern, ambiguous, hasTime) => {
    expect(detectDateFormat(values)).toMatchObject({ ambiguous, hasTime });
    expect(detectDateFormat(values)!.patterns[0]).toBe(pattern);
  });

  it.each([[['2024-01-05', 'soon']], [['12345678']], [['13/13/2024']], [['abc']]])(
    '%j is not one date format',
    (values) => {
      expect(detectDateFormat(values)).toBeNull();
    },
  );

  it('swaps day and month for the "which is it?" answer', () => {
    expect(swapDayMonth({ patterns: ['%d/%m/%Y', '%d/%m/%Y %H:%M'], ambiguous: true, hasTime: true }).patterns).toEqual(
      ['%m/%d/%Y', '%m/%d/%Y %H:%M'],
    );
  });
});

describe('number formats', () => {
  it.each([
    [['1,234.50', '88.00'], { decimal: '.', thousands: ',', currency: null }],
    [['1.234,50', '88,00'], { decimal: ',', thousands: '.', currency: null }],
    [['12,5', '3,75'], { decimal: ',', thousands: '', currency: null }],
    [['¥1,234.50', '¥88'], { decimal: '.', thousands: ',', currency: '¥' }],
    [['NT$1,234.50', 'NT$-30.00'], { decimal: '.', thousands: ',', currency: 'NT$' }],
    [['HK$12', 'HK$3.5'], { decimal: '.', thousands: '', currency: 'HK$' }],
    [['1.234,50 €', '-15,25 €'], { decimal: ',', thousands: '.', currency: '€' }],
    [['£5', '(£3.20)'], { decimal: '.', thousands: '', currency: '£' }],
  ])('%j → %j', (values, format) => {
    expect(detectNumberFormat(values)).toEqual(format);
  });

  it.each([
    ['1,234.50', { decimal: '.', thousands: ',', currency: null }, 1234.5],
    ['1.234,50 €', { decimal: ',', thousands: '.', currency: '€' }, 1234.5],
    ['(12.50)', { decimal: '.', thousands: '', currency: null }, -12.5],
    ['NT$-30.00', { decimal: '.', thousands: ',', currency: 'NT$' }, -30],
    ['abc', { decimal: '.', thousands: '', currency: null }, null],
  ] as const)('parseNumber(%s) = %s', (v, f, x) => {
    expect(parseNumber(v, { ...f })).toBe(x);
  });

  it('rejects non-numbers', () => {
    expect(detectNumberFormat(['12', 'twelve'])).toBeNull();
  });
});

describe('profileColumn', () => {
  it.each([
    [['1', '2', '', null], 'number', true, 2],
    [['29.85', ' ', '1889.5'], 'number', false, 1],
    [['Yes', 'No'], 'boolean', false, 0],
    [['7590-VHVEG', '5575-GNVDE'], 'text', false, 0],
    [['19970101', '19970112'], 'date', false, 0],
    [['', null], 'empty', false, 2],
  ] as const)('%j → %s', (values, type, integer, blanks) => {
    const p = profileColumn(values);
    expect(p.type).toBe(type);
    expect(p.blanks).toBe(blanks);
    if (type === 'number') expect(p.integer).toBe(integer);
  });
});
