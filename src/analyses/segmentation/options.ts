/**
 * Options several segmentation analyses share, declared once: the period they grade
 * (`tiers`, `value-loyalty`, `mvc-mgc-bz`) and the tier ladder (`tiers`, `migration`).
 */
import { defineOptions } from '../options.ts';

/** The period a customer's value is measured over: the last 12 months of the data by default. */
export const periodOptions = defineOptions([
  {
    name: 'period_start',
    type: 'date',
    description: 'First day of the period (default: 12 months before period_end).',
  },
  { name: 'period_end', type: 'date', description: 'Last day of the period (default: the last transaction date).' },
]);

/** Options shared by analyses that grade customers into tiers. */
export const tierOptionSpecs = defineOptions([
  {
    name: 'measure',
    type: 'enum',
    values: ['spend', 'profit', 'orders'],
    default: 'spend',
    description: 'What customers are ranked by, per month: spend (revenue), profit (after cost to serve), or orders.',
  },
  {
    name: 'method',
    type: 'enum',
    values: ['quantiles', 'amounts'],
    default: 'quantiles',
    description: 'quantiles: each tier holds a fixed share of customers; amounts: user-entered thresholds.',
  },
  {
    name: 'quantiles',
    type: 'number[]',
    min: 0,
    max: 1,
    description: 'Cumulative customer shares at tier boundaries (n − 1 values; default 0.4, 0.65, 0.8, 0.9, 0.97).',
  },
  {
    name: 'thresholds',
    type: 'number[]',
    description: 'Lower bounds of tiers 2…n per month, in measure units (method: amounts).',
  },
  {
    name: 'tier_names',
    type: 'string[]',
    description: 'Tier names from lowest to highest (default crystal, jade, gold, platinum, diamond, black-gold).',
  },
  {
    name: 'language',
    type: 'enum',
    values: ['auto', 'en', 'zh-Hans', 'zh-Hant'],
    default: 'auto',
    description:
      'Language of the default tier names; auto follows the reader (the UI language, or the CLI’s --lang), English when unknown.',
  },
]);
