/**
 * Options shared by the satisfaction analyses. Each analysis declares the subset it uses; all of
 * them read respondents through the same definition of "loyal" so their numbers agree.
 */
import { defineOptions, parseOptions } from '../options.ts';
import type { OptionValues } from '../types.ts';
import { scaleIds } from './scale.ts';

/** How loyalty is measured after a survey response. */
export const outcomeIds = ['retained', 'repurchased', 'wallet_kept', 'stated_intent'] as const;
export type OutcomeId = (typeof outcomeIds)[number];

/** Plain names of the outcomes, used in titles and findings. */
export const outcomeLabels: Record<OutcomeId, string> = {
  retained: 'retained',
  repurchased: 'repurchased',
  wallet_kept: 'kept their share of wallet',
  stated_intent: 'intend to repurchase',
};

/** Option specs shared by all four analyses (documented field by field for the UI and the docs). */
export const commonOptionSpecs = defineOptions([
  {
    name: 'outcome',
    type: 'enum',
    values: outcomeIds,
    default: 'retained',
    description:
      'Loyalty outcome: retained = bought in the window and not churned by its end; repurchased = bought in the window; ' +
      'wallet_kept = spend in the window ≥ wallet_kept_min × spend in the same length before the survey; stated_intent = repurchase_intent ≥ intent_min.',
  },
  {
    name: 'gap_days',
    type: 'integer',
    min: 0,
    max: 3650,
    default: 0,
    description: 'Days after the survey before the outcome window opens.',
  },
  {
    name: 'window_days',
    type: 'integer',
    min: 1,
    max: 3650,
    default: 365,
    description: 'Length of the outcome window in days (survey date + gap, + window].',
  },
  {
    name: 'data_end',
    type: 'date',
    description:
      'Last date the data covers; responses whose window ends later are censored. Default: last transaction date.',
  },
  {
    name: 'scale',
    type: 'enum',
    values: ['auto', ...scaleIds],
    default: 'auto',
    description: 'Satisfaction scale; auto = declared in surveys.scale, else detected from the scores.',
  },
  {
    name: 'wallet_kept_min',
    type: 'number',
    min: 0,
    max: 10,
    default: 0.8,
    description: 'wallet_kept outcome: minimum ratio of spend after to spend before the survey.',
  },
  {
    name: 'intent_min',
    type: 'integer',
    min: 1,
    max: 5,
    default: 4,
    description: 'stated_intent outcome: minimum repurchase intent (1–5) that counts as loyal.',
  },
  {
    name: 'segment',
    type: 'string',
    description: 'A customers column (region, plan, segment…) to compare curves across; omit for one curve.',
  },
  {
    name: 'min_n',
    type: 'integer',
    min: 1,
    max: 100000,
    default: 20,
    description: 'Levels with fewer respondents are drawn but not used for zones and slopes.',
  },
]);

/** Options every satisfaction analysis understands, as `run` receives them. */
export type SatisfactionOptions = OptionValues<typeof commonOptionSpecs>;

/** Defaults for direct calls that skip `parseOptions` (tests, other analyses): the declared ones. */
export function resolveOptions(partial: Partial<SatisfactionOptions> = {}): SatisfactionOptions {
  return { ...parseOptions(commonOptionSpecs, {}, 'satisfaction'), ...partial };
}
