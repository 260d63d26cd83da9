/**
 * Options that analyses of several families share, declared once so that an option name means the
 * same everywhere: same type, range, default and description. An analysis spreads the group into
 * its own declaration (`defineOptions([...assumedMarginOptions, …])`); options shared within one
 * family live in that family (`profitability/profit-options.ts`, `segmentation/options.ts`,
 * `retention/options.ts`, `satisfaction/options.ts`). `tests/unit/analysis-options.test.ts`
 * fails when two analyses declare one name differently.
 */
import { defineOptions } from './options.ts';

/** Gross margin assumed where transactions carry no cost of goods (a fraction of revenue). */
export const DEFAULT_MARGIN_PCT = 0.35;

/**
 * The assumed gross margin. Negative margins are allowed (goods sold below cost), so a profit
 * analysis can show what a loss-making range does to the customer base.
 */
export const assumedMarginOptions = defineOptions([
  {
    name: 'margin_pct',
    type: 'number',
    min: -1,
    max: 1,
    default: DEFAULT_MARGIN_PCT,
    description: 'Assumed gross margin as a fraction of revenue when there is no cost data (0.35 = 35%).',
  },
]);

/**
 * A yearly discount rate (cost of capital). Analyses that count in months, quarters or weeks
 * convert it to their own period, so the number the user enters is always the familiar annual one.
 */
export const annualDiscountOptions = defineOptions([
  {
    name: 'discount_rate',
    type: 'number',
    min: 0,
    max: 1,
    default: 0.1,
    description: 'Annual discount rate (cost of capital), converted to the period or time unit the analysis counts in.',
  },
]);
