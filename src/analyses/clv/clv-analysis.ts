/**
 * Analysis `clv-bgnbd`: who will buy again, and what is each customer worth? BG/NBD (purchases and
 * P(alive)) and Gamma-Gamma (spend per purchase) fitted on the transactions, per-customer expected
 * purchases and discounted expected margin over a horizon, an early-warning list, and — when a
 * holdout period is given — the calibration/holdout check.
 */
import { hasTable } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import { tv } from '../../format/typed.ts';
import { note, noteFields, type Note } from '../messages/notes.ts';
import { annualDiscountOptions, DEFAULT_MARGIN_PCT } from '../option-groups.ts';
import type { AnalysisDefinition, AnalysisResult, OptionValues } from '../types.ts';
import { table } from '../retention/table.ts';
import { buildScoresTableQuery, clvDateRange, customerIdsFor, readClvInputs } from './clv-inputs.ts';
import { modelColumns } from './clv-model.ts';
import { clvResult, listedCandidates } from './clv-result.ts';
import { timeUnits, unitDays } from './time-units.ts';

/** The options of `clv-bgnbd`: the calibration and holdout periods, the time unit, the horizon and the value. */
export const clvOptions = defineOptions([
  {
    name: 'calibration_end',
    type: 'date',
    description:
      'Last day of the calibration period (YYYY-MM-DD). Default: the last transaction date (the model uses all data).',
  },
  {
    name: 'holdout_end',
    type: 'date',
    description:
      'Last day of a holdout period after calibration_end. When set, the model is fitted on the calibration period only and its predictions are compared with what customers did in the holdout. Needs calibration_end.',
  },
  {
    name: 'time_unit',
    type: 'enum',
    values: timeUnits,
    default: 'weeks',
    description:
      'Unit of time for recency, T, the rate parameter α and the horizon: days, weeks or months (a month = 30.4375 days).',
  },
  {
    name: 'horizon',
    type: 'number',
    min: 0,
    max: 10000,
    description:
      'How far ahead to predict purchases and value, in time units. Default: one year (52.18 weeks, 12 months, 365.25 days).',
  },
  ...annualDiscountOptions,
  {
    name: 'margin',
    type: 'number',
    min: 0,
    max: 1,
    default: DEFAULT_MARGIN_PCT,
    description: 'Gross margin as a fraction of revenue (expected value = margin × expected revenue).',
  },
  {
    name: 'top_n',
    type: 'integer',
    min: 1,
    max: 1000,
    default: 20,
    description: 'How many customers the top-value and early-warning tables list.',
  },
]);

/** Options of the `clv-bgnbd` analysis, as `run` receives them. */
export type ClvAnalysisOptions = OptionValues<typeof clvOptions>;

/** The analysis definition (registered through `./index.ts`). */
export const clvAnalysis: AnalysisDefinition<typeof clvOptions> = {
  id: 'clv-bgnbd',
  title: 'Who will buy again? (BG/NBD + Gamma-Gamma CLV)',
  description:
    'Probability each customer is still active, expected purchases and expected value over a horizon, from purchase timing and spend (BG/NBD and Gamma-Gamma models), with a calibration/holdout check.',
  requires: ['transactions'],
  options: clvOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    if (!hasTable(ctx.profile, 'transactions')) return empty(note('note.clv.no_transactions'));
    const lastDate = (await clvDateRange(ctx)).last;
    if (!lastDate) return empty(note('note.clv.no_rows'));
    if (o.holdout_end && !o.calibration_end)
      throw new Error('clv-bgnbd: holdout_end needs calibration_end (the day the calibration period ends)');
    const calibrationEnd = o.calibration_end ?? lastDate;
    const holdoutEnd = o.holdout_end ?? null;
    if (holdoutEnd && holdoutEnd <= calibrationEnd)
      throw new Error(`clv-bgnbd: holdout_end ${holdoutEnd} must be after calibration_end ${calibrationEnd}`);
    const days = unitDays(o.time_unit);
    const { columns, histories } = await readClvInputs(ctx, calibrationEnd, holdoutEnd, days);
    if (columns.n < 10 || !columns.frequency.some((x) => x > 0)) {
      return empty(
        note(columns.n ? 'note.clv.too_few.no_repeat' : 'note.clv.too_few', {
          customers: tv.count(columns.n),
          until: tv.date(calibrationEnd),
        }),
      );
    }
    const horizon = o.horizon ?? 365.25 / days;
    const holdoutLength = holdoutEnd ? (Date.parse(holdoutEnd) - Date.parse(calibrationEnd)) / 86_400_000 / days : null;
    const model = modelColumns(columns, histories, {
      timeUnit: o.time_unit,
      horizon,
      annualDiscountRate: o.discount_rate,
      margin: o.margin,
      holdoutLength,
    });
    const ids = await customerIdsFor(ctx, columns, listedCandidates(model, o.top_n));
    const result = clvResult(model, { ...o, horizon, calibrationEnd, holdoutEnd, holdoutLength, lastDate }, ids);
    // Every customer's scores, whole, as a table later cells can query (it stays in the engine).
    if (ctx.stageNumeric && columns.ix) {
      const s = model.scores;
      const stage = await ctx.stageNumeric({
        ix: columns.ix,
        frequency: columns.frequency,
        recency: columns.recency,
        T: columns.T,
        monetary_value: columns.monetary_value,
        calibration_revenue: columns.calibration_revenue,
        ...(holdoutEnd
          ? { holdout_frequency: columns.holdout_frequency, holdout_revenue: columns.holdout_revenue }
          : {}),
        p_alive: s.p_alive,
        expected_purchases: s.expected_purchases,
        expected_value_per_purchase: s.expected_value_per_purchase,
        expected_value: s.expected_value,
      });
      result.engineTables = { scores: { sql: buildScoresTableQuery(stage, holdoutEnd !== null), rowCount: columns.n } };
    }
    return result;
  },
};

function empty(reason: Note): AnalysisResult {
  return {
    tables: { customers: table([], { customer_id: 'string' }) },
    scalars: {},
    charts: [],
    findings: [],
    ...noteFields([reason]),
  };
}
