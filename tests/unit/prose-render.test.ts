// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderProse } from '../../src/ui/notebook/prose.ts';

describe('renderProse keeps its renders by text and values', () => {
  it('renders the same text and values to the same HTML, and new values to new HTML', () => {
    const source = 'The top 20% earn **{whale.top_share:.0%}** of profit.';
    const a = renderProse(source, { 'whale.top_share': 1.14 });
    expect(a).toContain('114%');
    expect(renderProse(source, { 'whale.top_share': 1.14 })).toBe(a);
    expect(renderProse(source, { 'whale.top_share': 1.2 })).toContain('120%');
    expect(renderProse(source, undefined)).toContain('…');
  });

  it.each([
    ['a date and its ISO text', new Date('2024-01-01T00:00:00.000Z'), '2024-01-01T00:00:00.000Z'],
    ['NaN and null', Number.NaN, null],
    ['Infinity and null', Number.POSITIVE_INFINITY, null],
  ])('keeps %s apart', (_label, x, y) => {
    const source = `Value (${_label}): {v}`;
    // The first render of x is kept; y must not be answered with it (they render differently).
    const fromX = renderProse(source, { v: x });
    const fromY = renderProse(source, { v: y });
    expect(fromY).not.toBe(fromX);
    expect(renderProse(source, { v: x })).toBe(fromX);
  });

  it('still sanitises: a script in the text never comes out', () => {
    const html = renderProse('<script>alert(1)</script> and [x](javascript:alert(1))', {});
    expect(html).not.toMatch(/<script|href="javascript:/i);
  });
});
