/**
 * Analysis `retention-what-if`: what a retention programme is worth on the user's own base.
 * The base (customers, retention, margin per customer, segments) is observed in the data; the
 * programme's uplift and costs are inputs, meant for sliders.
 */
import { chartTexts, msg } from '../messages/chart-words.ts';
import { tv } from '../../format/typed.ts';
import { finding, term, text } from '../messages/finding.ts';
import { defineOptions } from '../options.ts';
import { annualDiscountOptions } from '../option-groups.ts';
import type { AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { customerEquity, perPeriodRate } from './customer-equity.ts';
import { acquisitionMultipleOptions, baseOptionSpecs } from './options.ts';
import { loadSegmentEquity, periodsPer } from './load-equity.ts';
import { table } from './table.ts';
import { decimal } from '../../format/number.ts';
import { rankSegments, retentionWhatIf, upliftCurve, type WhatIfOptions } from './what-if.ts';
import { notApplicable } from '../not-applicable.ts';
import { note, noteFields } from '../messages/notes.ts';

/** The options of `retention-what-if`: the observed base (overridable), the programme and its economics. */
export const whatIfAnalysisOptions = defineOptions([
  ...baseOptionSpecs,
  {
    name: 'uplift',
    type: 'number',
    min: 0,
    max: 1,
    default: 0.05,
    description: 'Retention uplift in points (0.05 = from 80% to 85%).',
  },
  {
    name: 'programme_cost',
    type: 'number',
    min: 0,
    description: 'Programme cost per customer per period (currency). Omitted: 10% of the observed margin per customer.',
  },
  {
    name: 'acquisition_cost',
    type: 'number',
    min: 0,
    description: 'Cost of acquiring one new customer. Omitted: acquisition_multiple × the programme cost.',
  },
  ...acquisitionMultipleOptions,
  ...annualDiscountOptions,
  {
    name: 'horizon',
    type: 'integer',
    min: 1,
    max: 200,
    default: 5,
    description: 'Periods the programme runs and value is counted.',
  },
  { name: 'retention', type: 'number', min: 0, max: 1, description: 'Override the observed retention rate.' },
  { name: 'margin', type: 'number', description: 'Override the observed margin per customer per period.' },
  {
    name: 'margin_change',
    type: 'number',
    min: -1,
    max: 10,
    default: 0,
    description:
      'Change in margin per customer, e.g. −0.2 = 20% lower (applied to the observed or given margin, and to every segment).',
  },
]);

/** Options of the `retention-what-if` analysis, as `run` receives them. */
export type WhatIfAnalysisOptions = OptionValues<typeof whatIfAnalysisOptions>;

/** The Reichheld & Sasser claim: +5 points of retention. */
const CLAIM_UPLIFT = 0.05;

export const whatIfAnalysis: AnalysisDefinition<typeof whatIfAnalysisOptions> = {
  id: 'retention-what-if',
  title: 'Retention what-if',
  description:
    'Change in customer equity and profit, ROI and break-even uplift of a retention programme, and which segments to target first.',
  requires: ['transactions'],
  options: whatIfAnalysisOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    const base = await loadSegmentEquity(ctx, { period: o.period, segmentBy: o.segment_by, marginPct: o.margin_pct });
    // Too little data for even two complete months: nothing to measure; the notes say what is needed.
    if (base.rows.length === 0)
      return notApplicable(base.notes.at(-1) ?? note('note.retention.no_base'), [], base.notes);
    // The period the data allowed (a shorter one than asked for when the data is short; the notes say so).
    o = { ...o, period: base.period, horizon: o.horizon * periodsPer(o.period, base.period) };
    const notes = [...base.notes];
    const i = perPeriodRate(o.discount_rate, o.period);
    const { segments, total } = customerEquity(base.rows, {
      discountRate: i,
      horizon: o.horizon,
      maxRetention: 0.9999,
    });
    const customers = total.customers;
    const scale = 1 + o.margin_change;
    const margin = (o.margin ?? total.margin_per_customer) * scale;
    const retention = o.retention ?? total.retention;
    const programmeCost = o.programme_cost ?? Math.max(0, 0.1 * margin);
    const acquisitionCost = o.acquisition_cost ?? o.acquisition_multiple * programmeCost;
    if (o.programme_cost === undefined)
      notes.push(
        note('note.retention_what_if.programme_cost', {
          cost: tv.money(programmeCost, 2),
          per: term(`per.${o.period}`),
          share: tv.percent(0.1, 0),
        }),
      );
    if (o.acquisition_cost === undefined)
      notes.push(
        note('note.retention_what_if.acquisition_cost', {
          multiple: tv.ratio(o.acquisition_multiple, Number.isInteger(o.acquisition_multiple) ? 0 : 1),
          low: tv.decimal(5),
          high: tv.ratio(25, 0),
        }),
      );
    notes.push(
      note('note.retention_what_if.present_values', {
        horizon: tv.duration(o.horizon, o.period),
        rate: tv.percent(i, 2),
        per: term(`per.${o.period}`),
        period: term(`term.period.${o.period}`),
      }),
    );
    if (o.margin_change !== 0)
      notes.push(
        note(o.margin_change > 0 ? 'note.retention_what_if.margin_raised' : 'note.retention_what_if.margin_lowered', {
          change: tv.percent(Math.abs(o.margin_change), 0),
        }),
      );
    if (customers === 0) return notApplicable(note('note.retention.no_customers'), [], notes);
    const shared: Omit<WhatIfOptions, 'customers' | 'margin' | 'retention'> = {
      uplift: o.uplift,
      programmeCost,
      acquisitionCost,
      discountRate: i,
      horizon: o.horizon,
    };
    const inputs: WhatIfOptions = { ...shared, customers, margin, retention };
    const r = retentionWhatIf(inputs);
    const claim = retentionWhatIf({ ...inputs, uplift: CLAIM_UPLIFT, programmeCost: 0 });
    const curve = upliftCurve(inputs, Math.max(0.15, Math.min(1 - retention, o.uplift * 2)), 0.005);
    const ranked = rankSegments(
      segments.map((s) => ({
        segment: s.segment,
        customers: s.customers,
        margin: s.margin_per_customer * scale,
        retention: s.retention,
      })),
      shared,
    );

    const bridge = [
      { step: '1 Equity today', value: r.equityBefore },
      { step: '2 + Margin kept', value: r.equityAfterGross - r.equityBefore },
      { step: '3 − Programme cost', value: -r.programmeCostPv },
      { step: '4 Equity with programme', value: r.equityBefore + r.equityChange },
    ];
    const summary = [
      { measure: 'Customers', value: customers },
      { measure: 'Retention today', value: retention },
      { measure: 'Retention with programme', value: r.retentionAfter },
      { measure: 'Margin per customer per period', value: margin },
      { measure: 'Programme cost per customer per period', value: programmeCost },
      { measure: 'Acquisition cost per new customer', value: acquisitionCost },
      { measure: 'Equity today (PV)', value: r.equityBefore },
      { measure: 'Change in equity, net of programme', value: r.equityChange },
      { measure: 'Change in profit (net)', value: r.profitChange },
      { measure: 'ROI of the programme', value: r.roi },
      { measure: 'Break-even uplift (points)', value: r.breakEvenUplift },
      { measure: 'Programme cost per customer kept', value: r.costPerCustomerKept },
      { measure: 'Acquisition cost of the same customers', value: r.acquisitionEquivalent },
    ];
    // Retention already at (or next to) 100%: the uplift cannot happen, so the programme's cost is
    // all there is to say; the published claim and the cost per customer kept would mislead.
    const noRoom = r.retentionAfter - retention < o.uplift / 2;
    const findings: AnalysisResult['findings'] = noRoom
      ? [
          finding(
            'equity_change',
            'retention_what_if.no_room',
            {
              from: tv.percent(retention, 1),
              uplift: tv.pp(o.uplift, 1),
              change: tv.money(Math.abs(r.equityChange), 0),
            },
            'change',
            r.equityChange,
          ),
        ]
      : [
          finding(
            'equity_change',
            r.equityChange >= 0 ? 'retention_what_if.equity_change.adds' : 'retention_what_if.equity_change.loses',
            {
              from: tv.percent(retention, 1),
              to: tv.percent(r.retentionAfter, 1),
              change: tv.money(Math.abs(r.equityChange), 0),
              profit_change: tv.percent(r.profitChange, 1),
              before: tv.money(r.equityBefore, 0),
            },
            'change',
            r.equityChange,
          ),
          finding(
            'claim',
            'retention_what_if.claim',
            {
              points: tv.pp(0.05),
              low: tv.decimal(25),
              high: tv.percent(0.95),
              change: tv.percent(claim.grossProfitChange, 0),
            },
            'change',
          ),
          r.breakEvenUplift === null
            ? finding('break_even', 'retention_what_if.never_pays', {}, undefined, null)
            : finding('break_even', 'retention_what_if.break_even', { uplift: tv.pp(r.breakEvenUplift, 1) }, 'uplift'),
        ];
    if (r.costPerCustomerKept !== null && !noRoom) {
      findings.push(
        finding(
          'cost_per_kept',
          'retention_what_if.cost_per_kept',
          { cost: tv.money(r.costPerCustomerKept, 0), acquisition: tv.money(acquisitionCost, 0) },
          'cost',
        ),
      );
    }
    const first = ranked[0];
    if (first && ranked.length > 1 && !noRoom && Number.isFinite(first.valuePerCost)) {
      findings.push(
        finding(
          'target_first',
          'retention_what_if.target_first',
          { segment: text(first.segment), saves: tv.decimal(first.valuePerCost, 2) },
          'saves',
          first.segment,
        ),
      );
    }

    const words = chartTexts();
    return {
      tables: {
        summary: table(summary, { measure: 'string', value: 'number' }),
        bridge: table(bridge, { step: 'string', value: 'number' }),
        sensitivity: table(curve, {
          uplift: 'number',
          equity_change: 'number',
          gross_profit_change: 'number',
          profit_change: 'number',
        }),
        segments: table(ranked, {
          rank: 'number',
          segment: 'string',
          customers: 'number',
          retention: 'number',
          margin: 'number',
          valueSaved: 'number',
          cost: 'number',
          valuePerCost: 'number',
          net: 'number',
        }),
      },
      scalars: {
        customers,
        retention,
        retention_after: r.retentionAfter,
        margin,
        programme_cost: programmeCost,
        acquisition_cost: acquisitionCost,
        equity_before: r.equityBefore,
        equity_change: r.equityChange,
        profit_change: r.profitChange,
        gross_profit_change: r.grossProfitChange,
        roi: r.roi,
        break_even_uplift: r.breakEvenUplift,
        cost_per_customer_kept: r.costPerCustomerKept,
        acquisition_equivalent: r.acquisitionEquivalent,
        claim_profit_change: claim.grossProfitChange,
        // Which periods the base was measured over (a year, or a quarter or month on short data), for prose.
        period: o.period,
        period_from: base.prevLabel,
        period_to: base.lastLabel,
      },
      chartText: words.chartText,
      charts: [
        {
          id: 'equity-bridge',
          title: 'What the programme does to customer equity',
          subtitle: words.of('equity-bridge').set(
            'subtitle',
            msg(`retention_what_if.chart.subtitle.${o.period}`, {
              points: tv.decimal(o.uplift * 100, 1),
              horizon: tv.count(o.horizon),
            }),
          ),
          data: 'bridge',
          x: { label: null, type: 'band' },
          y: { label: '↑ Present value', tickFormat: '~s', grid: true },
          color: { domain: bridge.map((b) => b.step), range: ['primary', 'positive', 'negative', 'primary'] },
          marks: [
            { type: 'barY', x: 'step', y: 'value', fill: 'step', options: { tip: true } },
            {
              type: 'text',
              x: 'step',
              y: 'value',
              text: 'value',
              textFormat: ',.0f',
              options: { dy: -10, fontSize: 14, fontWeight: 'bold' },
            },
            { type: 'ruleY', values: [0] },
          ],
        },
        {
          id: 'uplift-sensitivity',
          title: 'Net gain by retention uplift',
          subtitle:
            r.breakEvenUplift === null
              ? 'The programme never breaks even at this cost'
              : words
                  .of('uplift-sensitivity')
                  .set(
                    'subtitle',
                    msg('retention_what_if.chart.break_even', { points: tv.decimal(r.breakEvenUplift * 100, 1) }),
                  ),
          data: 'sensitivity',
          x: { label: 'Retention uplift (points) →', tickFormat: '.0%' },
          y: { label: '↑ Change in customer equity', tickFormat: '~s', grid: true },
          marks: [
            { type: 'ruleY', values: [0] },
            { type: 'line', x: 'uplift', y: 'equity_change', stroke: 'primary', options: { strokeWidth: 3 } },
            ...(r.breakEvenUplift === null
              ? []
              : [
                  {
                    type: 'ruleX' as const,
                    values: [r.breakEvenUplift],
                    stroke: 'negative',
                    options: { strokeDasharray: '4,3' },
                  },
                ]),
            {
              type: 'dot',
              rows: [{ uplift: o.uplift, equity_change: r.equityChange }],
              x: 'uplift',
              y: 'equity_change',
              fill: 'accent',
              r: 6,
            },
          ],
        },
        {
          id: 'segment-targets',
          title: 'Which segments to target first',
          subtitle: 'Margin saved per unit of programme cost (dashed: the programme pays for itself)',
          data: 'segments',
          marginLeft: 120,
          marginRight: 60,
          x: { label: 'Value saved per unit of cost →', grid: true },
          y: { label: null, domain: ranked.map((s) => s.segment) },
          marks: [
            { type: 'barX', x: 'valuePerCost', y: 'segment', fill: 'positive', options: { tip: true } },
            {
              type: 'text',
              rows: ranked.map((s) => ({
                segment: s.segment,
                x: Math.max(0, s.valuePerCost ?? 0),
                label: s.valuePerCost === null ? '' : decimal(s.valuePerCost, 2),
              })),
              x: 'x',
              y: 'segment',
              text: 'label',
              options: { textAnchor: 'start', dx: 6, fontSize: 13 },
            },
            { type: 'ruleX', values: [1], stroke: 'negative', options: { strokeDasharray: '4,3' } },
          ],
        },
      ],
      findings,
      ...noteFields(notes),
    };
  },
};
