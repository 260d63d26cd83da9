import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../src/charts/text-metrics.ts';

/**
 * Widths Chromium measured (canvas `measureText`, the page's font stack on this project's Debian
 * machines) for chart titles at 20 px: the estimate may be wider, never narrower, or a wrapped
 * title runs past the chart's right edge ("… repeat purchases in th" cut off in a screenshot of
 * "Who will buy again?").
 */
const measured: [text: string, bold: number, regular: number][] = [
  ['Did the model see the future? Expected vs actual repeat purchases in the holdout', 926, 822],
  ['The top 20% of customers earn 114% of profit', 520, 464],
  ['Revenue concentration vs profit concentration', 526, 465],
];

describe('chart text widths', () => {
  it.each(measured)('never narrower than the browser draws it: %s', (text, bold, regular) => {
    expect(textWidth(text, 20, true)).toBeGreaterThanOrEqual(bold);
    expect(textWidth(text, 20, false)).toBeGreaterThanOrEqual(regular * 0.98);
    // and not so much wider that titles wrap early
    expect(textWidth(text, 20, true)).toBeLessThan(bold * 1.1);
  });

  it('wraps a bold title so every line fits the width as drawn', () => {
    const [text, bold] = measured[0]!;
    const width = 900; // narrower than the title: it must wrap
    const lines = wrapText(text, width, 20, true);
    expect(lines.length).toBe(2);
    // each line's share of the measured width fits
    for (const line of lines) expect((bold * line.length) / text.length).toBeLessThanOrEqual(width);
  });
});
