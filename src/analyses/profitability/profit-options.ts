/**
 * The options every profitability analysis shares (period, margin, allocation, acquisition) and
 * their translation into `CustomerProfitOptions`, plus the plain-language notes on what data was
 * used or assumed.
 */
import { hasColumn, type DatasetProfile } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import { assumedMarginOptions } from '../option-groups.ts';
import type { OptionValues } from '../types.ts';
import { tv } from '../../format/typed.ts';
import { note, type Note } from '../messages/notes.ts';
import {
  DEFAULT_MARGIN_PCT,
  resolveMarginSource,
  usesAcquisition,
  usesServiceCosts,
  type AllocationRule,
  type CustomerProfitOptions,
} from './customer-profit.ts';

/** Option specs shared by `whale-curve` and `profit-diagnostics`. */
export const profitOptionSpecs = defineOptions([
  { name: 'from', type: 'date', description: 'First day of the period (default: first transaction).' },
  { name: 'to', type: 'date', description: 'Last day of the period, inclusive (default: last transaction).' },
  {
    name: 'margin_source',
    type: 'enum',
    values: ['auto', 'cost', 'assumed'],
    default: 'auto',
    description:
      'Gross margin from the transactions cost column (cost), from margin_pct (assumed), or cost when present (auto).',
  },
  ...assumedMarginOptions,
  {
    name: 'cost_per_order',
    type: 'number',
    min: 0,
    default: 0,
    description: 'Cost to serve allocated per order (picking, shipping, invoicing).',
  },
  {
    name: 'cost_per_return',
    type: 'number',
    min: 0,
    default: 0,
    description: 'Cost to serve allocated per returned line (handling, restocking).',
  },
  {
    name: 'revenue_cost_pct',
    type: 'number',
    min: 0,
    max: 1,
    default: 0,
    description: 'Cost to serve as a fraction of revenue (payment fees, bad-debt provision).',
  },
  {
    name: 'cost_per_event',
    type: 'record',
    description:
      'Cost per recorded service event by category, replacing recorded amounts, e.g. {support_call: 25, field_visit: 180}.',
  },
  {
    name: 'acquisition_years',
    type: 'number',
    min: 0,
    max: 50,
    default: 0,
    description: 'Amortise customers.acquisition_cost over this many years (0 = leave it out).',
  },
]);

/** Parsed values of `profitOptionSpecs` (snake_case, as written in notebooks). */
export type ProfitOptionValues = OptionValues<typeof profitOptionSpecs>;

/** Builds the allocation rules from the option values. */
export function allocationRules(v: ProfitOptionValues): AllocationRule[] {
  const rules: AllocationRule[] = [];
  if (v.cost_per_order > 0) rules.push({ category: 'order_handling', basis: 'order', rate: v.cost_per_order });
  if (v.cost_per_return > 0) rules.push({ category: 'return_handling', basis: 'return', rate: v.cost_per_return });
  if (v.revenue_cost_pct > 0) rules.push({ category: 'revenue_linked', basis: 'revenue', rate: v.revenue_cost_pct });
  for (const [category, rate] of Object.entries(v.cost_per_event ?? {})) {
    const n = typeof rate === 'string' ? Number(rate) : rate;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
      throw new Error(`invalid option cost_per_event.${category}: ${JSON.stringify(rate)} (expected a number ≥ 0)`);
    rules.push({ category, basis: 'event', rate: n });
  }
  return rules;
}

/** Option values → `CustomerProfitOptions`. */
export function toCustomerProfitOptions(v: ProfitOptionValues, profile: DatasetProfile): CustomerProfitOptions {
  return {
    ...(v.from ? { from: v.from } : {}),
    ...(v.to ? { to: v.to } : {}),
    marginSource: v.margin_source,
    marginPct: v.margin_pct,
    allocation: allocationRules(v),
    acquisitionYears: v.acquisition_years,
    profile,
  };
}

/** How many in-period transaction lines have a recorded cost (from `buildMarginCoverageQuery`). */
export interface MarginCoverage {
  /** Transaction lines in the period. */
  lines: number;
  /** Lines with no cost, priced at the assumed margin. */
  linesWithoutCost: number;
}

/**
 * Plain notes on what the profit figures rest on: assumed margin, missing cost-to-serve data,
 * acquisition. `coverage` (when margin comes from the cost column) lets the note say whether any
 * line fell back to the assumed margin, and how many; without it the note stays general.
 */
export function profitNotes(options: CustomerProfitOptions, coverage?: MarginCoverage): Note[] {
  const notes: Note[] = [];
  const { profile } = options;
  const margin = tv.percent(options.marginPct ?? DEFAULT_MARGIN_PCT);
  if (resolveMarginSource(options) === 'assumed') {
    notes.push(
      note(hasColumn(profile, 'transactions', 'cost') ? 'note.profit.margin_chosen' : 'note.profit.margin_assumed', {
        margin,
      }),
    );
  } else if (!coverage) {
    notes.push(note('note.profit.margin_recorded', { margin }));
  } else if (coverage.linesWithoutCost > 0) {
    const all = coverage.linesWithoutCost === coverage.lines;
    notes.push(
      all
        ? note('note.profit.no_line_cost', { margin })
        : note('note.profit.some_lines', {
            without: tv.count(coverage.linesWithoutCost),
            lines: tv.count(coverage.lines),
            share: tv.percent(coverage.linesWithoutCost / coverage.lines),
            margin,
          }),
    );
  } else {
    notes.push(note('note.cost_recorded'));
  }
  if (!usesServiceCosts(profile) && (options.allocation ?? []).length === 0) {
    notes.push(note('note.profit.no_cost_to_serve'));
  } else if (!usesServiceCosts(profile)) {
    notes.push(note('note.no_cost_to_serve'));
  }
  if ((options.acquisitionYears ?? 0) > 0 && !usesAcquisition(options)) {
    notes.push(note('note.no_acquisition_cost'));
  }
  return notes;
}
