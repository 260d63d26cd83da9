/** Pure parts of the profitability analyses: literals, summary numerics, waterfall, findings and chart specs. */
import { describe, expect, it } from 'vitest';
import { buildCustomerProfitQuery } from '../../src/analyses/profitability/customer-profit.ts';
import { profitNotes } from '../../src/analyses/profitability/profit-options.ts';
import { noteText } from '../../src/analyses/messages/notes.ts';
import { onBaseScale } from '../../src/analyses/profitability/whale-curve-analysis.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRows } from '../../src/engine/types.ts';
import { parseNotebook } from '../../src/notebook/format/index.ts';
import type { AnalysisCell, InputCell } from '../../src/notebook/format/types.ts';
import { categoryLabel, waterfall } from '../../src/analyses/profitability/diagnostics.ts';
import { sqlDate, sqlLabel, sqlNumber } from '../../src/sql/literals.ts';
import { whaleCurveChart } from '../../src/analyses/profitability/whale-charts.ts';
import { whaleFindings } from '../../src/analyses/profitability/whale-findings.ts';
import { keepRanks, whaleSummary } from '../../src/analyses/profitability/whale-summary.ts';

const profile = {
  tables: {
    transactions: {
      rowCount: 1,
      columns: ['customer_id', 'date', 'revenue'],
      populated: ['customer_id', 'date', 'revenue'],
    },
  },
};

// 10 customers: top 2 earn 138 of 100 total; 3 more add 22; 5 lose 60.
const stats = {
  customers: 10,
  total_profit: 100,
  total_revenue: 1000,
  profitable: 5,
  zero_profit: 0,
  loss_makers: 5,
  peak_profit: 160,
  total_loss: 60,
  top_profit: 138,
  top_revenue: 740,
  rest_profit: 22,
  rest_loss: 60,
  all_profit_customers: 1.5,
  min_profit: -20,
  max_profit: 80,
};

describe('profitability (pure)', () => {
  it.each([
    [() => sqlNumber(Number.NaN), /invalid number: NaN/],
    [() => sqlDate('2024-13-45'), /invalid date/],
    [() => sqlDate("2024-01-01' OR 1=1 --"), /invalid date/],
    [() => sqlLabel("x'; DROP TABLE t; --"), /invalid label/],
    [
      () => buildCustomerProfitQuery({ profile, allocation: [{ category: "a'b", basis: 'order', rate: 1 }] }),
      /invalid allocation category/,
    ],
    [() => buildCustomerProfitQuery({ profile, marginPct: Number.POSITIVE_INFINITY }), /invalid marginPct/],
  ])('refuses values that could carry SQL (%#)', (fn, message) => {
    expect(fn).toThrow(message);
  });

  it('builds SQL that reads only the tables the profile has', () => {
    const sql = buildCustomerProfitQuery({ profile });
    expect(sql).not.toMatch(/service_costs|FROM customers/);
    expect(sql).toMatch(/revenue \* \(1 - CAST\(0\.35 AS DOUBLE\)\)/);
  });

  it('summarises the statistics row into shares and the decomposition', () => {
    const s = whaleSummary(stats, 0.2);
    expect(s).toMatchObject({
      mode: 'share',
      peakShare: 1.6,
      peakCustomerShare: 0.5,
      topShare: 1.38,
      topRevenueShare: 0.74,
      restShare: 0.22,
      lossOutsideTopShare: 0.6,
      lossMakerShare: 0.5,
      allProfitCustomerShare: 0.15,
    });
    expect(keepRanks(s)).toEqual([2, 5]);
    const f = whaleFindings(s);
    expect(f[0]!.text).toBe('The top 20% of customers bring 74% of revenue but 138% of profit.');
    expect(f.find((x) => x.id === 'decomposition')!.text).toContain('(138% + 22% − 60% = 100%)');
  });

  it('says profit simply follows revenue when every customer earns the same margin, instead of the 20/120 story', () => {
    // Profit = 30% of revenue for everyone: the top 20% bring the same share of both.
    const same = whaleSummary(
      {
        ...stats,
        total_profit: 300,
        total_revenue: 1000,
        profitable: 10,
        loss_makers: 0,
        peak_profit: 300,
        total_loss: 0,
        top_profit: 222,
        top_revenue: 740,
        rest_profit: 78,
        rest_loss: 0,
        all_profit_customers: 1,
        min_profit: 5,
      },
      0.2,
    );
    const f = whaleFindings(same);
    expect(f[0]!.text).toBe(
      'The top 20% of customers bring 74% of revenue and the same share of profit: every customer earns the same margin here, so profit simply follows revenue.',
    );
    expect(f.map((x) => x.id)).toEqual(['headline', 'same_margin']);
    expect(f[1]!.text).toMatch(/service_costs table, or set a handling cost per order/);
  });

  it('money mode when total profit is not positive', () => {
    const s = whaleSummary({ ...stats, total_profit: -5 }, 0.2);
    expect(s.mode).toBe('money');
    expect(s.topShare).toBeNull();
    expect(whaleCurveChart(s).y!.tickFormat).toBe(',.0f');
  });

  it('annotates the peak, the top k and the 100% line on the whale curve chart', () => {
    const chart = whaleCurveChart(whaleSummary(stats, 0.2));
    expect(chart.title).toBe('The top 20% of customers earn 138% of profit');
    expect(chart.y!.tickFormat).toBe('.0%');
    expect(chart.marks.some((m) => m.type === 'ruleY' && m.values?.[0] === 1)).toBe(true);
    const texts = chart.marks.flatMap((m) => m.rows ?? []).map((r) => r.label);
    expect(texts).toContain('Peak: 50% of customers → 160% of profit');
    expect(texts).toContain('Top 20% → 138%');
  });

  it('marks the break-even point: a rule at the peak and a label saying who loses money', () => {
    const chart = whaleCurveChart(whaleSummary(stats, 0.2));
    expect(chart.marks.some((m) => m.type === 'ruleX' && m.values?.[0] === 0.5)).toBe(true);
    const breakEven = chart.marks.flatMap((m) => m.rows ?? []).find((r) => String(r.label).startsWith('Break-even'));
    expect(breakEven).toMatchObject({ x: 0.5, y: 0 });
    // No loss-makers: no break-even label (the curve never turns down).
    const allProfitable = whaleCurveChart(
      whaleSummary({ ...stats, loss_makers: 0, profitable: 10, total_loss: 0, peak_profit: 100 }, 0.2),
    );
    expect(allProfitable.marks.flatMap((m) => m.rows ?? []).some((r) => String(r.label).startsWith('Break-even'))).toBe(
      false,
    );
  });

  it("draws the what-if curve on today's scale and labels where total profit ends up", () => {
    const before = whaleSummary(stats, 0.2);
    const after = whaleSummary({ ...stats, customers: 8, total_profit: 150 }, 0.2);
    const curve = onBaseScale(
      fromRows(
        [
          { rank: 0, cum_profit: 0 },
          { rank: 4, cum_profit: 160 },
          { rank: 8, cum_profit: 150 },
        ],
        [
          { name: 'rank', type: 'BIGINT', kind: 'number' },
          { name: 'cum_profit', type: 'DOUBLE', kind: 'number' },
        ],
      ),
      before,
    );
    const i = (name: string) => curve.columns.findIndex((c) => c.name === name);
    expect(curve.data[i('base_customer_share')]).toEqual([0, 0.4, 0.8]);
    expect(curve.data[i('base_profit_share')]).toEqual([0, 1.6, 1.5]);
    const chart = whaleCurveChart(before, { summary: after, label: 'After dropping the worst 40% of loss-makers' });
    const line = chart.marks.find((m) => m.data === 'curve_whatif')!;
    expect([line.x, line.y]).toEqual(['base_customer_share', 'base_profit_share']);
    const end = chart.marks.flatMap((m) => m.rows ?? []).find((r) => String(r.label).startsWith('After dropping'));
    expect(end).toMatchObject({
      x: 0.8,
      y: 1.5,
      label: "After dropping the worst 40% of loss-makers: 150% of today's profit",
    });
  });

  it.each([
    ['no coverage counted', undefined, /any line without a cost uses the assumed 35% margin/],
    [
      'every line has a cost',
      { lines: 10, linesWithoutCost: 0 },
      /^Gross margin is revenue minus the recorded cost of goods \(every transaction line has a cost\)\.$/,
    ],
    [
      'some lines lack a cost',
      { lines: 1000, linesWithoutCost: 12 },
      /except for 12 of 1,000 transaction lines \(1\.2%\) that have no cost: those use the assumed 35% margin/,
    ],
    [
      'no line has a cost',
      { lines: 5, linesWithoutCost: 5 },
      /No transaction line in the period has a cost, so gross margin is assumed to be 35%/,
    ],
  ])('margin note when %s', (_label, coverage, text) => {
    const costed = {
      tables: {
        transactions: {
          rowCount: 1,
          columns: ['customer_id', 'date', 'revenue', 'cost'],
          populated: ['customer_id', 'date', 'revenue', 'cost'],
        },
      },
    };
    const notes = profitNotes(
      { profile: costed, allocation: [{ category: 'x', basis: 'order', rate: 1 }] },
      coverage,
    ).map(noteText);
    expect(notes[0]).toMatch(text);
    if (coverage?.linesWithoutCost === 0) expect(notes.join(' ')).not.toMatch(/assumed/);
  });

  it('stacks the waterfall: totals from zero, costs from the running total', () => {
    const bars = waterfall([
      { ord: 0, label: 'Gross margin', amount: 100 },
      { ord: 1, label: 'bad_debt', amount: -30 },
      { ord: 1, label: 'support_call', amount: -20 },
      { ord: 3, label: 'Net profit', amount: 50 },
    ]);
    expect(bars.map((b) => [b.label, b.start, b.end, b.kind])).toEqual([
      ['Gross margin', 0, 100, 'Total'],
      ['Bad debt', 100, 70, 'Cost'],
      ['Support call', 70, 50, 'Cost'],
      ['Net profit', 0, 50, 'Total'],
    ]);
    expect(categoryLabel('acquisition')).toBe('Acquisition (amortised)');
  });

  it('the built-in notebook wires every what-if input into the analyses it teaches', () => {
    const nb = parseNotebook(
      readFileSync(path.resolve(import.meta.dirname, '../../notebooks/who-really-makes-the-profit.md'), 'utf8'),
    );
    const analysis = (id: string) =>
      nb.cells.find((c): c is AnalysisCell => c.kind === 'analysis' && c.id === id)!.options;
    const input = (id: string) => nb.cells.find((c): c is InputCell => c.kind === 'input' && c.id === id)!.spec!;
    const shared = {
      margin_source: '$margin_source',
      margin_pct: '$margin',
      cost_per_order: '$order_cost',
      revenue_cost_pct: '$provision',
    };
    expect(analysis('whale')).toMatchObject({ ...shared, top_k: '$top_k' });
    expect(analysis('diagnostics')).toMatchObject({ ...shared, group_by: '$attribute', per_customer: true });
    expect(analysis('whatif')).toMatchObject({ ...shared, fix_worst_pct: '$fix_pct', fix_mode: '$fix_mode' });
    // Both fix modes and both margin sources are offered, with values the analysis accepts.
    expect(input('fix_mode').options!.map((o) => o.value)).toEqual(['break-even', 'drop']);
    expect(input('margin_source').options!.map((o) => o.value)).toEqual(['auto', 'assumed']);
    expect(input('attribute').options!.map((o) => o.value)).toEqual(['region', 'channel', 'plan', 'segment']);
  });
});
