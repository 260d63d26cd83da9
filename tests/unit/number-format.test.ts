/**
 * Numbers in findings, by kind (src/format/number.ts): the cases the profitability, segmentation
 * and retention findings were written against, and what none of them may print.
 */
import { describe, expect, it } from 'vitest';
import { count, decimal, money, multiple, percent } from '../../src/format/number.ts';

describe('percent', () => {
  it.each([
    [1.384, '138%'],
    [0.2, '20%'],
    [0.61, '61%'],
    [1.04, '104%'],
    [-0.41, '−41%'],
    [0, '0%'],
    // One decimal below 10%, so a small share does not read as a round one; none when it is .0.
    [0.046, '4.6%'],
    [-0.058, '−5.8%'],
    [0.0049, '0.5%'],
    [0.05, '5%'],
    [0.0996, '10%'],
    // Not nothing, though too small to show; and no minus on a zero.
    [-0.0001, '0.0%'],
    [Number.NaN, 'n/a'],
    [null, 'n/a'],
  ])('percent(%s) = %s', (x, want) => expect(percent(x)).toBe(want));

  it.each([
    [0.427, 1, '42.7%'],
    [0.4, 1, '40.0%'],
    [0.028, 1, '2.8%'],
    [0.423, 0, '42%'],
    [-0.1, 0, '−10%'],
    [0.04567, 2, '4.57%'],
  ])('percent(%s, %s) = %s', (x, digits, want) => expect(percent(x, digits)).toBe(want));
});

describe('money', () => {
  it.each([
    [1234567.8, '1,234,568'],
    [-12.345, '−12.35'],
    [550, '550'],
    [-0.001, '0.00'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('money(%s) = %s', (x, want) => expect(money(x)).toBe(want));

  it.each([
    [1234567.8, 0, '1,234,568'],
    [-1234.5, 0, '−1,235'],
    [12.3, 2, '12.30'],
  ])('money(%s, %s) = %s', (x, digits, want) => expect(money(x, digits)).toBe(want));
});

describe('counts, multiples, decimals', () => {
  it('groups counts and agrees the noun', () => {
    expect(count(5268)).toBe('5,268');
    expect(count(1, 'customer')).toBe('1 customer');
    expect(count(2, 'customer')).toBe('2 customers');
  });

  it('writes multiples with ×, and decimals with exactly the digits asked', () => {
    expect(multiple(3.42, 1)).toBe('3.4×');
    expect(multiple(15.2, 0)).toBe('15×');
    expect(decimal(1234.5678, 2)).toBe('1,234.57');
    expect(decimal(-0.004, 2)).toBe('0.00');
  });
});

describe('never exponent notation', () => {
  // toFixed and String switch to it from 1e21 up and below 1e-6; findings must stay readable.
  const values = [1e21, 1.5e25, -3e22, 1e-7, -4e-9, 123456789012345680000];
  it.each(values)('%s', (x) => {
    for (const text of [percent(x), percent(x, 1), money(x), money(x, 2), count(x), multiple(x, 1), decimal(x, 3)])
      expect(text).not.toMatch(/e[+-]?\d/i);
  });
});
