/**
 * The scorecard's pure parts: which calendar quarters are complete, the sidebar order that puts
 * the board's first page first in every language, and the `#notebook=<id>` links its tiles carry.
 */
import { describe, expect, it } from 'vitest';
import { completeQuarters, previousQuarter } from '../../src/analyses/scorecard/quarters.ts';
import {
  builtinIn,
  builtinsFor,
  notebookFromHash,
  notebookLink,
  sortBuiltins,
} from '../../src/app/builtin-notebooks.ts';

const labels = (qs: { year: number; q: number }[]) => qs.map((q) => `${q.year}-Q${q.q}`);

describe('complete quarters', () => {
  it('leaves out a partial first and last quarter', () => {
    expect(labels(completeQuarters('2010-12-01', '2011-12-09', 8))).toEqual(['2011-Q1', '2011-Q2', '2011-Q3']);
  });
  it('counts a quarter whose last day is the data’s last day, and keeps the latest `max`', () => {
    expect(labels(completeQuarters('2023-01-01', '2024-12-31', 5))).toEqual([
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
    ]);
    expect(labels(completeQuarters('2023-01-15', '2023-03-31', 4))).toEqual(['2023-Q1']);
    expect(completeQuarters('2023-01-15', '2023-03-30', 4)).toEqual([]);
  });
  it('gives each quarter its first day and the next quarter’s, across a year end', () => {
    const [q] = completeQuarters('2024-10-01', '2024-12-31', 1);
    expect(q).toEqual({ start: '2024-10-01', end: '2025-01-01', year: 2024, q: 4 });
    expect(previousQuarter({ start: '2025-01-01', end: '2025-04-01', year: 2025, q: 1 })).toEqual(q);
  });
});

describe('the scorecard leads the built-in notebooks', () => {
  it.each(['en', 'zh-Hans', 'zh-Hant'] as const)('%s: first in the list', (language) => {
    const first = builtinsFor(language)[0]!;
    expect(first.language).toBe(language);
    expect(first.translationOf ?? first.id).toBe('customer-asset-scorecard');
  });
  it('orders by language, then front matter `order`, then title', () => {
    const n = (title: string, language: 'en' | 'zh-Hans', order = Infinity) => ({ title, language, order });
    expect(
      sortBuiltins([n('B', 'en'), n('Z', 'en', 1), n('A', 'zh-Hans', 1), n('A', 'en')], 'en').map((x) => x.title),
    ).toEqual(['Z', 'A', 'B', 'A']);
  });
});

describe('links to the notebook that explains a number', () => {
  it('round-trip through the page’s hash', () => {
    expect(notebookLink('who-really-makes-the-profit.zh-Hans')).toBe('#notebook=who-really-makes-the-profit.zh-Hans');
    expect(notebookFromHash(notebookLink('retention-what-if'))).toBe('retention-what-if');
    expect(notebookFromHash('#other')).toBeNull();
    expect(notebookFromHash('#notebook=../x/<y>')).toBeNull();
  });
  it('open the translation in the reader’s language, or the notebook itself', () => {
    expect(builtinIn('who-really-makes-the-profit', 'zh-Hant')?.id).toBe('who-really-makes-the-profit.zh-Hant');
    expect(builtinIn('who-really-makes-the-profit.zh-Hans', 'en')?.id).toBe('who-really-makes-the-profit');
    expect(builtinIn('no-such-notebook', 'en')).toBeUndefined();
  });
});
