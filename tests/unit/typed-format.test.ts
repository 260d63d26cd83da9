/**
 * Typed values (src/format/typed.ts): every kind in every locale, the compact forms a headline
 * uses (991.9k / 99.2万 / 99.2萬), currency, and the edges — huge, tiny, negative, NaN — where a
 * person must never see scientific notation. Also the exact decimals CSV exports write.
 */
import { describe, expect, it } from 'vitest';
import { exactDecimal } from '../../src/format/exact.ts';
import { formatTyped, tv, type FormatOptions, type TypedValue } from '../../src/format/typed.ts';
import { csvField } from '../../src/engine/csv-field.ts';

const en = (v: TypedValue, o: FormatOptions = {}) => formatTyped(v, { ...o, locale: 'en' });
const hans = (v: TypedValue, o: FormatOptions = {}) => formatTyped(v, { ...o, locale: 'zh-Hans' });
const hant = (v: TypedValue, o: FormatOptions = {}) => formatTyped(v, { ...o, locale: 'zh-Hant' });
const yuan = { symbol: '¥', code: 'CNY' };

describe('counts', () => {
  it('groups below 100,000 and goes compact from there, per locale', () => {
    expect(en(tv.count(5268))).toBe('5,268');
    expect(en(tv.count(99_999))).toBe('99,999');
    expect(en(tv.count(991_912))).toBe('991.9k');
    expect(en(tv.count(1_294_123))).toBe('1.29M');
    expect(en(tv.count(12_345_678))).toBe('12.3M');
    expect(en(tv.count(3.4e9))).toBe('3.40B');
    expect(hans(tv.count(991_912))).toBe('99.2万');
    expect(hans(tv.count(129_412_300))).toBe('1.29亿');
    expect(hant(tv.count(991_912))).toBe('99.2萬');
    expect(hant(tv.count(129_412_300))).toBe('1.29億');
    expect(hans(tv.count(12_345_678))).toBe('1,235万');
  });
  it('rounds up into the next unit instead of writing 1000.0k', () => {
    expect(en(tv.count(999_960))).toBe('1.00M');
    expect(hans(tv.count(99_999_600))).toBe('1.00亿');
  });
  it('writes full numbers when asked (tables, exports)', () => {
    expect(en(tv.count(1_294_123), { full: true })).toBe('1,294,123');
  });
  it('rounds to whole units and signs changes', () => {
    expect(en(tv.count(2.6))).toBe('3');
    expect(en(tv.count(-1200))).toBe('−1,200');
    expect(en(tv.count(40, true))).toBe('+40');
    expect(en(tv.count(-0.2))).toBe('0');
  });
});

describe('money', () => {
  it('has no currency unless one is chosen', () => {
    expect(en(tv.money(397_292))).toBe('397.3k');
    expect(en(tv.money(1234.4))).toBe('1,234');
    expect(en(tv.money(-12.345))).toBe('−12.35');
  });
  it('writes the chosen currency before the amount, after the sign', () => {
    expect(en(tv.money(397_292), { currency: { symbol: '$', code: 'USD' } })).toBe('$397.3k');
    expect(hans(tv.money(991_912), { currency: yuan })).toBe('¥99.2万');
    expect(hans(tv.money(-5000), { currency: yuan })).toBe('−¥5,000');
    expect(en(tv.money(250), { currency: { symbol: '', code: 'CHF' } })).toBe('CHF\u00a0250');
  });
  it('keeps explicit decimals', () => {
    expect(en(tv.money(1234.5678, 2))).toBe('1,234.57');
  });
});

describe('percentages, points and ratios', () => {
  it('writes shares as percentages with one decimal below 10%', () => {
    expect(en(tv.percent(1.384))).toBe('138%');
    expect(en(tv.percent(0.046))).toBe('4.6%');
    expect(en(tv.percent(0.05))).toBe('5%');
    expect(en(tv.percent(0.427, 1))).toBe('42.7%');
    expect(en(tv.percent(-0.6))).toBe('−60%');
    expect(en(tv.percent(0.25, 0, true))).toBe('+25%');
    expect(hans(tv.percent(1.14))).toBe('114%');
  });
  it('writes a ratio as a multiple, never as a percentage', () => {
    expect(en(tv.ratio(3.79))).toBe('3.8×');
    expect(hans(tv.ratio(3.79))).toBe('3.8 倍');
    expect(hant(tv.ratio(2, 0))).toBe('2 倍');
  });
  it('writes percentage points per locale', () => {
    expect(en(tv.pp(0.12))).toBe('12 points');
    expect(en(tv.pp(0.01))).toBe('1 point');
    expect(hans(tv.pp(0.032, 1))).toBe('3.2 个百分点');
    expect(hant(tv.pp(0.032, 1))).toBe('3.2 個百分點');
    expect(en(tv.pp(-0.05, 0, true))).toBe('−5 points');
  });
});

describe('durations, dates and decimals', () => {
  it('names the unit, singular or plural, per locale', () => {
    expect(en(tv.duration(1, 'month'))).toBe('1 month');
    expect(en(tv.duration(90, 'day'))).toBe('90 days');
    expect(en(tv.duration(1.5, 'year'))).toBe('1.5 years');
    expect(hans(tv.duration(6, 'month'))).toBe('6 个月');
    expect(hant(tv.duration(2, 'week'))).toBe('2 週');
  });
  it('writes dates per locale, in UTC', () => {
    expect(en(tv.date('2024-06-30'))).toBe('Jun 30, 2024');
    expect(hans(tv.date('2024-06-30'))).toBe('2024年6月30日');
    expect(hant(tv.date('2024-06'))).toBe('2024年6月');
    expect(en(tv.date(Date.UTC(2023, 0, 1)))).toBe('Jan 1, 2023');
    expect(en(tv.date('not a date'))).toBe('n/a');
  });
  it('writes decimals with the asked digits', () => {
    expect(en(tv.decimal(1234.5678, 2))).toBe('1,234.57');
    expect(en(tv.decimal(0.4, 0))).toBe('0');
  });
});

describe('edges: nothing a person reads is in exponent notation', () => {
  const kinds = [
    tv.count,
    (x: number) => tv.money(x),
    (x: number) => tv.percent(x),
    (x: number) => tv.ratio(x, 2),
    (x: number) => tv.decimal(x, 3),
    (x: number) => tv.pp(x),
  ];
  it.each([1e21, 1.5e300, -7e25, 1e-7, -3e-12, 123456789012345])('%s in every kind and locale', (x) => {
    for (const make of kinds) {
      for (const f of [en, hans, hant]) {
        const text = f(make(x));
        expect(text).not.toMatch(/\de[+-]?\d/i);
        expect(text).not.toMatch(/Infinity|NaN/);
      }
    }
  });
  it('says n/a for what is not a number, in the reader language', () => {
    for (const v of [
      tv.count(Number.NaN),
      tv.money(null),
      tv.percent(Number.POSITIVE_INFINITY),
      tv.ratio(Number.NaN),
    ]) {
      expect(en(v)).toBe('n/a');
      expect(hans(v)).toBe('不适用');
      expect(hant(v)).toBe('不適用');
    }
  });
  it('writes huge amounts with the largest unit', () => {
    expect(en(tv.money(2.5e15))).toBe('2,500T');
    expect(hans(tv.money(2.5e15))).toBe('2,500万亿');
  });
});

describe('exact decimals for CSV', () => {
  it('drops float noise and keeps every real digit', () => {
    expect(exactDecimal(5360.560000000001)).toBe('5360.56');
    expect(exactDecimal(0.1 + 0.2)).toBe('0.3');
    expect(exactDecimal(-1234.5)).toBe('-1234.5');
    expect(exactDecimal(1 / 3)).toBe('0.333333333333333');
    expect(exactDecimal(0)).toBe('0');
  });
  it('never writes exponents', () => {
    expect(exactDecimal(1e21)).toBe('1000000000000000000000');
    expect(exactDecimal(1.5e-7)).toBe('0.00000015');
    expect(exactDecimal(-2.25e-10)).toBe('-0.000000000225');
  });
  it('keeps integers exact, however long', () => {
    expect(exactDecimal(9007199254740991)).toBe('9007199254740991');
  });
  it('is what a CSV cell holds', () => {
    expect(csvField(5360.560000000001)).toBe('5360.56');
    expect(csvField(Number.NaN)).toBe('NaN');
  });
});
