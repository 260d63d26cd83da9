/** Analysis `customer-equity`: observed retention × margin per segment → CLV and customer equity. */
import { chartTexts, msg } from '../messages/chart-words.ts';
import { tv } from '../../format/typed.ts';
import { finding, list, term, text } from '../messages/finding.ts';
import { defineOptions } from '../options.ts';
import { annualDiscountOptions } from '../option-groups.ts';
import type { AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { customerEquity, perPeriodRate, segmentEquityColumns } from './customer-equity.ts';
import { loadSegmentEquity, periodsPer } from './load-equity.ts';
import { baseOptionSpecs, marginHorizonOptions } from './options.ts';
import { table } from './table.ts';
import { notApplicable } from '../not-applicable.ts';
import { note, noteFields } from '../messages/notes.ts';
import { categoryParam } from '../messages/localise.ts';

/** The options of `customer-equity`: the observed base, the discount rate and the horizon. */
export const customerEquityOptions = defineOptions([
  ...baseOptionSpecs,
  ...annualDiscountOptions,
  ...marginHorizonOptions,
]);

/** Options of the `customer-equity` analysis, as `run` receives them. */
export type CustomerEquityAnalysisOptions = OptionValues<typeof customerEquityOptions>;

export const customerEquityAnalysis: AnalysisDefinition<typeof customerEquityOptions> = {
  id: 'customer-equity',
  title: 'Customer equity',
  description:
    'Customer lifetime value and total customer equity per segment, from the retention, margin and customer counts observed in the data.',
  requires: ['transactions'],
  options: customerEquityOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    const base = await loadSegmentEquity(ctx, { period: o.period, segmentBy: o.segment_by, marginPct: o.margin_pct });
    // Too little data for even two complete months: nothing to measure; the notes say what is needed.
    if (base.rows.length === 0)
      return notApplicable(base.notes.at(-1) ?? note('note.retention.no_base'), [], base.notes);
    // The period the data allowed (a shorter one than asked for when the data is short; the notes say so).
    o = { ...o, period: base.period, horizon: o.horizon * periodsPer(o.period, base.period) };
    const i = perPeriodRate(o.discount_rate, o.period);
    const { segments, total, capped } = customerEquity(base.rows, {
      discountRate: i,
      horizon: o.horizon > 0 ? o.horizon : Infinity,
    });
    const notes = [...base.notes];
    if (capped.length)
      notes.push(
        note('note.equity.capped', {
          segments: list(capped.map(categoryParam), 'and'),
          full: tv.percent(1, 0),
          cap: tv.percent(0.99, 0),
        }),
      );
    notes.push(
      note('note.equity.formula', {
        rate: tv.percent(i, 2),
        per: term(`per.${o.period}`),
        period: term(`term.period.${o.period}`),
      }),
    );
    const equity = segments.reduce((s, x) => s + x.equity, 0);
    const top = [...segments].sort((a, b) => b.equity - a.equity)[0];
    const findings: AnalysisResult['findings'] = [];
    if (segments.length) {
      findings.push(
        finding(
          'equity',
          'equity.equity',
          { customers: tv.count(total.customers), equity: tv.money(equity, 0) },
          'equity',
        ),
      );
      findings.push(
        finding(
          'retention',
          'equity.retention',
          {
            rate: tv.percent(total.retention, 1),
            from: text(base.prevLabel),
            to: text(base.lastLabel),
            multiple: tv.ratio(total.multiple, 2),
            margin: term(`period_margin.${o.period}`),
          },
          'rate',
        ),
      );
      if (top && segments.length > 1) {
        findings.push(
          finding(
            'top_segment',
            'equity.top_segment',
            {
              segment: text(top.segment),
              share: tv.percent(top.equity_share, 0),
              customers: tv.percent(top.customers / Math.max(1, total.customers), 0),
            },
            'share',
          ),
        );
      }
    }
    const words = chartTexts();
    return {
      tables: { segments: table([...segments, total], segmentEquityColumns) },
      scalars: {
        equity,
        retention: segments.length ? total.retention : null,
        clv: segments.length ? total.clv : null,
        customers: total.customers,
        multiple: segments.length ? total.multiple : null,
        period_from: base.prevLabel,
        period_to: base.lastLabel,
        period: o.period,
      },
      chartText: words.chartText,
      charts: segments.length
        ? [
            {
              id: 'equity-by-segment',
              title: 'Customer equity by segment',
              subtitle: words
                .of('equity-by-segment')
                .set(
                  'subtitle',
                  msg('equity.chart.subtitle', { from: text(base.prevLabel), to: text(base.lastLabel) }),
                ),
              data: 'segments',
              marginLeft: 120,
              marginRight: 190,
              x: { label: 'Customer equity →', tickFormat: '~s', grid: true },
              y: { label: null, domain: [...segments].sort((a, b) => b.equity - a.equity).map((s) => s.segment) },
              marks: [
                { type: 'barX', data: 'segments', x: 'equity', y: 'segment', fill: 'primary', options: { tip: true } },
                {
                  type: 'text',
                  rows: segments.map((s) => ({
                    segment: s.segment,
                    equity: Math.max(0, s.equity),
                    label: words
                      .of('equity-by-segment')
                      .label(msg('equity.chart.label', { kept: tv.percent(s.retention, 0), clv: tv.money(s.clv, 0) })),
                  })),
                  x: 'equity',
                  y: 'segment',
                  text: 'label',
                  options: { textAnchor: 'start', dx: 6, fontSize: 13 },
                },
                { type: 'ruleX', values: [0] },
              ],
            },
          ]
        : [],
      findings,
      ...noteFields(notes),
    };
  },
};
