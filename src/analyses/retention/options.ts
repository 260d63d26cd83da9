/**
 * Options several retention analyses share, declared once: the observed base (period, segments,
 * assumed margin), the margin horizon, the acquisition-to-retention cost multiple and the churn
 * flag column.
 */
import { defineOptions } from '../options.ts';
import { assumedMarginOptions } from '../option-groups.ts';
import { periodUnits } from './sql.ts';

/**
 * The period the base is observed in (`customer-equity`, `retention-what-if`, `leaky-bucket`): all
 * three read it through `loadSegmentEquity`, comparing the data's last two complete periods.
 */
export const periodOptions = defineOptions([
  {
    name: 'period',
    type: 'enum',
    values: periodUnits,
    default: 'year',
    description:
      'Period over which retention, churn and new customers are observed (the last two complete periods of the data are compared); per-period figures are per this period.',
  },
]);

/** The observed base split into segments, with the margin assumed where there is no cost. */
export const baseOptionSpecs = defineOptions([
  ...periodOptions,
  {
    name: 'segment_by',
    type: 'string',
    default: 'spend_tier',
    description:
      'How to split customers: spend_tier (top 20% / middle 30% / bottom 50% by spend) or the name of a customers column (segment, plan, region…).',
  },
  ...assumedMarginOptions,
]);

/** How many margins a CLV counts (`margin-multiple`, `customer-equity`): 0 is the Gupta–Lehmann perpetuity. */
export const marginHorizonOptions = defineOptions([
  {
    name: 'horizon',
    type: 'integer',
    min: 0,
    max: 1000,
    default: 0,
    description: 'How many future periods of margin to count (a finite horizon T); 0 counts them all (the perpetuity).',
  },
]);

/**
 * Acquiring a customer costs this many times keeping one (`retention-what-if`, `leaky-bucket`,
 * bound to one slider in the retention notebook). At least 1: the leaky bucket divides by it.
 */
export const acquisitionMultipleOptions = defineOptions([
  {
    name: 'acquisition_multiple',
    type: 'number',
    min: 1,
    default: 5,
    description: 'Acquisition cost as a multiple of the retention cost per customer (rule of thumb 5×; studies 5–25×).',
  },
]);

/** Where churn is read from (`bundling`, `churn-reasons`): a yes/no column, else `churn_date`. */
export const churnColumnOptions = defineOptions([
  {
    name: 'churn_column',
    type: 'string',
    default: '',
    description:
      'Customers column with a Yes/No (or true/false, 1/0) churn flag; empty = churned when churn_date is set.',
  },
]);
