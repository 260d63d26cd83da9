/**
 * `satisfaction-what-if`: value at stake in the zone of defection, and what lifting a share of
 * customers one level would bring, with its uncertainty (see `what-if.ts`).
 */
import { oneChart } from '../messages/chart-words.ts';
import { tv } from '../../format/typed.ts';
import { finding, term } from '../messages/finding.ts';
import { defineOptions } from '../options.ts';
import { note, noteFields } from '../messages/notes.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { whatIfChart } from './charts.ts';
import { loyaltyCurve } from './curve.ts';
import { loadSatisfaction, MISSING_SURVEYS_NOTE } from './load.ts';
import { commonOptionSpecs } from './options.ts';
import { notesOnly, tableOf } from './result.ts';
import { valueAtStake } from './value-at-stake.ts';
import { whatIfMove, whatIfTable } from './what-if.ts';
import { locateZones } from './zones.ts';

/** The options of `satisfaction-what-if`: the common ones and the move. */
export const satisfactionWhatIfOptions = defineOptions([
  ...commonOptionSpecs,
  {
    name: 'from_level',
    type: 'integer',
    min: 0,
    max: 9,
    description: 'Level customers are lifted from, to the next (default: one below the top, e.g. 4 on 1–5).',
  },
  {
    name: 'move_share',
    type: 'number',
    min: 0,
    max: 1,
    default: 0.2,
    description: 'Share of the customers at from_level lifted one level (0–1).',
  },
  {
    name: 'value_per_loyal',
    type: 'number',
    description: 'Profit of one extra loyal customer; default: mean outcome-window profit of loyal respondents.',
  },
]);

/** Options of `satisfaction-what-if`, as `run` receives them. */
export type SatisfactionWhatIfOptions = OptionValues<typeof satisfactionWhatIfOptions>;

/** Runs the what-if on a connection. */
export async function runSatisfactionWhatIf(
  ctx: AnalysisContext,
  o: SatisfactionWhatIfOptions,
): Promise<AnalysisResult> {
  const loaded = await loadSatisfaction(ctx, o);
  if (!loaded.ok) return notesOnly(loaded.notes, loaded.needs);
  const { scale, pooled, notes } = loaded.data;
  const curve = loyaltyCurve(pooled, o.min_n);
  const from = o.from_level ?? scale.high - 1;
  if (from < scale.low || from >= scale.high)
    throw new Error(
      `satisfaction-what-if: invalid from_level: ${from} (expected ${scale.low}–${scale.high - 1} on ${scale.id})`,
    );
  const loyalTotal = pooled.reduce((s, r) => s + r.loyal, 0);
  const defaultValue = loyalTotal > 0 ? pooled.reduce((s, r) => s + r.profit_after_loyal, 0) / loyalTotal : 0;
  const value = o.value_per_loyal ?? defaultValue;
  notes.push(
    o.value_per_loyal === undefined
      ? note('note.sat_what_if.value.mean', { value: tv.money(value, 0), window: tv.count(o.window_days) })
      : note('note.sat_what_if.value.set', { value: tv.money(value, 0) }),
  );
  notes.push(note('note.sat_what_if.causal'));
  const move = whatIfMove(curve, from, o.move_share, value);
  const table = whatIfTable(curve, o.move_share, value);
  const zones = locateZones(curve);
  const stake = valueAtStake(pooled, zones);
  const scalars: AnalysisResult['scalars'] = {
    from_level: from,
    to_level: from + 1,
    move_share: o.move_share,
    value_per_loyal: value,
    moved: move?.moved ?? null,
    extra_loyal: move?.extra_loyal ?? null,
    extra_loyal_low: move?.extra_loyal_low ?? null,
    extra_loyal_high: move?.extra_loyal_high ?? null,
    extra_profit: move?.extra_profit ?? null,
    extra_profit_low: move?.extra_profit_low ?? null,
    extra_profit_high: move?.extra_profit_high ?? null,
    defection_max: zones.defectionMax,
    defection_customers: stake?.customers ?? null,
    defection_revenue: stake?.revenue ?? null,
    defection_profit: stake?.profit ?? null,
  };
  const findings: Finding[] = [];
  if (move) {
    findings.push(
      finding(
        'what_if',
        'satisfaction_what_if.move',
        {
          share: tv.percent(o.move_share, 0),
          customers: tv.count(move.customers_at_level),
          from: tv.decimal(from),
          to: tv.decimal(from + 1),
          rate_from: tv.percent(move.rate_from, 0),
          rate_to: tv.percent(move.rate_to, 0),
          outcome: term(`outcome.${o.outcome}`),
          extra: tv.decimal(move.extra_loyal, 0),
          extra_low: tv.decimal(move.extra_loyal_low, 0),
          extra_high: tv.decimal(move.extra_loyal_high, 0),
          profit: tv.money(move.extra_profit, 0),
          profit_low: tv.money(move.extra_profit_low, 0),
          profit_high: tv.money(move.extra_profit_high, 0),
        },
        'profit',
      ),
    );
  } else {
    notes.push(note('note.sat_what_if.empty', { from: tv.decimal(from), to: tv.decimal(from + 1) }));
  }
  if (stake && stake.customers > 0) {
    findings.push(
      finding(
        'value_at_stake',
        'satisfaction_what_if.at_stake',
        {
          defection: tv.decimal(zones.defectionMax),
          customers: tv.count(stake.customers),
          revenue: tv.money(stake.revenue, 0),
          profit: tv.money(stake.profit, 0),
          window: tv.duration(o.window_days, 'day'),
        },
        'revenue',
      ),
    );
  }
  return {
    tables: {
      what_if: tableOf(table, [
        'from_level',
        'to_level',
        'customers_at_level',
        'moved',
        'rate_from',
        'rate_to',
        'extra_loyal',
        'extra_loyal_low',
        'extra_loyal_high',
        'extra_profit',
        'extra_profit_low',
        'extra_profit_high',
      ]),
    },
    scalars,
    ...oneChart('what-if', (t) => whatIfChart(scale, o.move_share, o.outcome, t)),
    findings,
    ...noteFields(notes),
  };
}

/** The registered definition. */
export const satisfactionWhatIf: AnalysisDefinition<typeof satisfactionWhatIfOptions> = {
  id: 'satisfaction-what-if',
  title: 'Satisfaction what-if and value at stake',
  description:
    'Revenue and profit in the zone of defection, and the extra loyal customers and profit from lifting a share of customers one satisfaction level.',
  requires: ['surveys'],
  missingNote: MISSING_SURVEYS_NOTE,
  options: satisfactionWhatIfOptions,
  run: runSatisfactionWhatIf,
};
