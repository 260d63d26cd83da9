/**
 * Pure parts of the segmentation analyses: periods, tier names and thresholds, the tier table,
 * the RFM segment map, the migration matrix and the value × loyalty cells, on hand-made rows.
 */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  cellShareBars,
  checkThresholds,
  defaultSegmentMap,
  migrationMatrix,
  migrationPeriods,
  migrationTierSummary,
  mvcSummary,
  parseSegmentMap,
  periodMonths,
  rfmTables,
  segmentOf,
  shareBar,
  shareBarsChart,
  tierCaseExpr,
  tierFindings,
  tierNames,
  tierQuantiles,
  tierTable,
  toFivePoint,
  valueLoyaltyCells,
  windowEndingOn,
} from '../../src/analyses/segmentation/index.ts';
import { shareOf } from '../../src/analyses/segmentation/format.ts';

describe('numbers in findings', () => {
  it('a share above 100% says why', () => {
    expect(shareOf(0.61, 'profit')).toBe('61% of profit');
    expect(shareOf(1.19, 'profit', 'the other cells')).toBe(
      '119% of profit — more than all of it, because the other cells together lose money',
    );
  });
});

describe('share bars', () => {
  it('labels of negative bars sit at zero; the x domain fits the data with room for labels', () => {
    const bars = [shareBar('a', 'customers', 0.4), shareBar('a', 'profit', -0.2), shareBar('b', 'profit', 1.2)];
    expect(bars.map((b) => b.label_x)).toEqual([0.4, 0, 1.2]);
    const spec = shareBarsChart({
      id: 's',
      title: 't',
      data: 'd',
      bars,
      groups: ['b', 'a'],
      series: ['customers', 'profit'],
    });
    expect(spec.x!.domain).toEqual([-0.2 - 0.07, expect.closeTo(1.2 + 0.21, 12)]);
    expect(spec.fy!.domain).toEqual(['b', 'a']);
    expect(spec.color!.domain).toEqual(['customers', 'profit']);
  });

  it('value × loyalty cells become customer and value bars', () => {
    expect(cellShareBars([{ cell: 'core', customer_share: 0.3, value_share: 1.1 }])).toEqual([
      { group: 'core', share_of: 'customers', share: 0.3, label_x: 0.3 },
      { group: 'core', share_of: 'value', share: 1.1, label_x: 1.1 },
    ]);
  });
});

describe('periods', () => {
  it.each([
    ['2011-12-09', -12, '2010-12-09'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
  ])('addMonths(%s, %i) = %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));

  it('default windows: the last 12 months to the data end, and the 12 before', () => {
    expect(windowEndingOn('2024-12-31', 12)).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(migrationPeriods({ months: 12 }, { first: '2010-12-01', last: '2011-12-09' })).toEqual({
      early: { start: '2009-12-10', end: '2010-12-09' },
      late: { start: '2010-12-10', end: '2011-12-09' },
    });
    expect(periodMonths({ start: '2024-01-01', end: '2024-12-31' })).toBeCloseTo(366 / 30.4375, 12);
  });

  it('rejects a reversed period with a specific message', () => {
    expect(() =>
      migrationPeriods(
        { months: 12, late_start: '2024-05-01', late_end: '2024-01-01' },
        { first: '2024-01-01', last: '2024-12-31' },
      ),
    ).toThrow('invalid later period: ends (2024-01-01) before it starts (2024-05-01)');
  });
});

describe('tier names and thresholds', () => {
  it('defaults to the six-tier ladder, localised', () => {
    expect(tierNames(undefined)).toEqual(['crystal', 'jade', 'gold', 'platinum', 'diamond', 'black-gold']);
    expect(tierNames(undefined, 'zh-Hant')).toEqual(['水晶', '翡翠', '黃金', '白金', '鑽石', '黑金']);
    expect(tierNames(['bronze', 'silver'])).toEqual(['bronze', 'silver']);
  });

  it.each([
    [() => tierNames(['a', 'a']), 'invalid tier_names: names must be distinct (a, a)'],
    [() => tierNames(['solo']), 'invalid tier_names: need at least two tiers (got 1)'],
    [() => tierQuantiles(3, [0.5]), 'invalid tier quantiles: 3 tiers need 2 cut points (got 1)'],
    [() => tierQuantiles(3, [0.6, 0.4]), 'invalid tier quantiles: must increase (0.6, 0.4)'],
    [() => tierQuantiles(3, [0, 0.5]), 'invalid tier quantile: 0 (must be between 0 and 1)'],
    [() => checkThresholds(3, [100]), 'invalid tier thresholds: 3 tiers need 2 amounts (got 1)'],
    [() => checkThresholds(3, [100, 50]), 'invalid tier threshold: 50 (thresholds must increase)'],
  ])('throws early on bad input (%#)', (fn, message) => expect(fn).toThrow(message));

  it('quantiles: the six-tier pyramid by default, equal shares otherwise', () => {
    expect(tierQuantiles(6)).toEqual([0.4, 0.65, 0.8, 0.9, 0.97]);
    expect(tierQuantiles(4)).toEqual([0.25, 0.5, 0.75]);
  });

  it('grades by lower bounds, highest first, with bound parameters only', () => {
    expect(tierCaseExpr('v', 4, 2)).toBe('CASE WHEN v >= $5::DOUBLE THEN 2 WHEN v >= $4::DOUBLE THEN 1 ELSE 0 END');
    expect(tierCaseExpr('v', 4, 0)).toBe('0');
  });
});

describe('tierTable', () => {
  const rows = [
    { tier: 0, customers: 2, revenue: 30, profit: -39, avg_tenure_months: 3, min_value: 1, max_value: 2 },
    { tier: 2, customers: 2, revenue: 1500, profit: 1100, avg_tenure_months: 4, min_value: 40, max_value: 80 },
  ];
  const t = tierTable(rows, ['low', 'mid', 'high'], [10, 20]);
  it('lists every tier, highest first, empty tiers as zeros', () => {
    expect(t.map((r) => [r.tier, r.tier_rank, r.customers, r.lower_bound])).toEqual([
      ['high', 2, 2, 20],
      ['mid', 1, 0, 10],
      ['low', 0, 2, null],
    ]);
  });
  it('shares of customers, revenue and profit each sum to 1', () => {
    expect(t.map((r) => r.customer_share)).toEqual([0.5, 0, 0.5]);
    expect(t.reduce((s, r) => s + r.revenue_share, 0)).toBeCloseTo(1, 12);
    expect(t[0]!.profit_share).toBeCloseTo(1100 / 1061, 12);
    expect(t.reduce((s, r) => s + (r.profit_share ?? 0), 0)).toBeCloseTo(1, 12);
  });
  it('findings: "x% of customers are diamond or black-gold and earn y% of profit"', () => {
    const row = (tier: string, c: number, r: number, p: number | null) =>
      ({ tier, customer_share: c, revenue_share: r, profit_share: p }) as never;
    const six = [
      row('black-gold', 0.03, 0.3, 0.4),
      row('diamond', 0.09, 0.2, 0.21),
      row('platinum', 0.1, 0.1, 0.1),
      row('crystal', 0.78, 0.4, 0.29),
    ];
    expect(tierFindings(six).map((f) => f.text)).toEqual([
      '12% of customers are diamond or black-gold and earn 61% of profit (50% of revenue).',
      'The crystal tier holds 78% of customers but only 40% of revenue and 29% of profit.',
    ]);
    const noCost = six.map((r) => ({ ...(r as object), profit_share: null }) as never);
    expect(tierFindings(noCost)[0]!.text).toBe('12% of customers are diamond or black-gold and earn 50% of revenue.');
  });

  it('profit is null (not zero) without cost data', () => {
    const nt = tierTable(
      rows.map((r) => ({ ...r, profit: null })),
      ['low', 'mid', 'high'],
      [10, 20],
    );
    expect(nt.map((r) => r.profit_share)).toEqual([null, null, null]);
  });
});

describe('RFM segment map', () => {
  it('the default map covers all 25 cells of the 5 × 5 grid', () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) expect(segmentOf(r, f, 5, defaultSegmentMap)).not.toBe('other');
  });
  it.each([
    [5, 5, 'champions'],
    [4, 4, 'loyal'],
    [1, 5, "can't lose"],
    [2, 4, 'at risk'],
    [1, 3, 'at risk'],
    [3, 2, 'potential loyalists'],
    [5, 1, 'new'],
    [3, 1, 'hibernating'],
    [1, 1, 'lost'],
  ])('R%i F%i → %s', (r, f, seg) => expect(segmentOf(r, f, 5, defaultSegmentMap)).toBe(seg));

  it('rescales other bin counts to 1–5', () => {
    expect([1, 2, 3].map((s) => toFivePoint(s, 3))).toEqual([2, 4, 5]);
    expect(segmentOf(3, 3, 3, defaultSegmentMap)).toBe('champions');
  });

  it('parses a custom map in priority order and rejects bad ranges', () => {
    const map = parseSegmentMap({ vip: { r: [4, 5], f: [4, 5] }, rest: { r: [1, 5], f: [1, 5] } });
    expect(segmentOf(5, 5, 5, map)).toBe('vip');
    expect(segmentOf(1, 5, 5, map)).toBe('rest');
    expect(() => parseSegmentMap({ vip: { r: [4, 6], f: [1, 1] } })).toThrow('invalid segment_map vip.r: [4,6]');
  });

  it('rfmTables sums cells into segments with shares and averages in the time unit', () => {
    const rows = [
      {
        r_score: 5,
        f_score: 5,
        m_score: null,
        customers: 2,
        monetary: 300,
        recency_days: 14,
        frequency: 20,
        m_score_sum: 9,
      },
      {
        r_score: 1,
        f_score: 1,
        m_score: null,
        customers: 1,
        monetary: 100,
        recency_days: 70,
        frequency: 1,
        m_score_sum: 1,
      },
      {
        r_score: null,
        f_score: null,
        m_score: 1,
        customers: 3,
        monetary: 400,
        recency_days: 84,
        frequency: 21,
        m_score_sum: 0,
      },
    ];
    const { grid, segments } = rfmTables(rows, 5, defaultSegmentMap, 'week');
    expect(grid.map((c) => [c.segment, c.customers, c.avg_m_score])).toEqual([
      ['champions', 2, 4.5],
      ['lost', 1, 1],
    ]);
    expect(segments).toEqual([
      {
        segment: 'champions',
        customers: 2,
        customer_share: 2 / 3,
        monetary: 300,
        monetary_share: 0.75,
        avg_recency: 1,
        avg_frequency: 10,
        avg_monetary: 150,
      },
      {
        segment: 'lost',
        customers: 1,
        customer_share: 1 / 3,
        monetary: 100,
        monetary_share: 0.25,
        avg_recency: 10,
        avg_frequency: 1,
        avg_monetary: 100,
      },
    ]);
  });
});

describe('migrationMatrix', () => {
  const names = ['low', 'high'];
  const rows = [
    { from_tier: 0, to_tier: 0, customers: 3, early_value: 30, late_value: 33 },
    { from_tier: 0, to_tier: 1, customers: 1, early_value: 10, late_value: 50 },
    { from_tier: 1, to_tier: null, customers: 2, early_value: 200, late_value: null },
    { from_tier: null, to_tier: 1, customers: 5, early_value: null, late_value: 500 },
  ];
  const m = migrationMatrix(rows, names);
  it('fills every (from, to) pair except new → gone, with row shares', () => {
    expect(m).toHaveLength(3 * 3 - 1);
    const cell = (f: string, t: string) => m.find((c) => c.from_tier === f && c.to_tier === t)!;
    expect(cell('low', 'high')).toMatchObject({ customers: 1, row_share: 0.25, direction: 1 });
    expect(cell('high', 'gone')).toMatchObject({ customers: 2, row_share: 1, direction: null });
    expect(cell('new', 'high')).toMatchObject({ customers: 5, row_share: 1 });
    expect(cell('high', 'low')).toMatchObject({ customers: 0, row_share: 0, direction: -1 });
  });
  it('row sums equal the earlier period’s tier counts; the tier summary adds up', () => {
    expect(migrationTierSummary(m, names)).toEqual([
      { tier: 'high', early_customers: 2, late_customers: 6, stayed: 0, moved_up: 0, moved_down: 0, gone: 2, new: 5 },
      { tier: 'low', early_customers: 4, late_customers: 3, stayed: 3, moved_up: 1, moved_down: 0, gone: 0, new: 0 },
    ]);
  });
});

describe('value × loyalty cells and MVC summary', () => {
  it('sums bins into the four cells with their strategies', () => {
    const rows = [
      { high_value: true, high_loyalty: true, vbin: 9, lbin: 9, customers: 2, value: 800, loyalty: 1.6 },
      { high_value: true, high_loyalty: false, vbin: 9, lbin: 0, customers: 1, value: 300, loyalty: 0.1 },
      { high_value: false, high_loyalty: false, vbin: 0, lbin: 0, customers: 1, value: -100, loyalty: 0 },
    ];
    const cells = valueLoyaltyCells(rows);
    expect(cells.map((c) => [c.cell, c.customers, c.customer_share, c.value, c.value_share])).toEqual([
      ['core', 2, 0.5, 800, 0.8],
      ['stabilise', 1, 0.25, 300, 0.3],
      ['general', 0, 0, 0, 0],
      ['minimal', 1, 0.25, -100, -0.1],
    ]);
    expect(cells[1]!.strategy).toMatch(/^Stabilise/);
  });

  it('MVC summary reads group totals from the first row of each group', () => {
    const row = (grp: string, v: number, gc: number, gv: number) => ({
      grp,
      value: v,
      grp_customers: gc,
      grp_value: gv,
      grp_revenue: gv,
      grp_headroom: 0,
      n: 10,
    });
    const s = mvcSummary([row('BZ', -5, 3, -30), row('BZ', -4, 3, -30), row('MVC', 50, 2, 130), row('other', 1, 5, 0)]);
    expect(s.map((r) => [r.group, r.customers, r.customer_share, r.value, r.value_share])).toEqual([
      ['MVC', 2, 0.2, 130, 1.3],
      ['MGC', 0, 0, 0, 0],
      ['BZ', 3, 0.3, -30, -0.3],
      ['other', 5, 0.5, 0, 0],
    ]);
  });
});
