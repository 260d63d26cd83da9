/**
 * What "value" and "profit" mean on the data at hand. Profit per customer is
 gross margin − cost to serve, computed by the profitability area's
 * `buildCustomerProfitQuery` (Kaplan & Cooper 1998; Peppers & Rogers). When the dataset lacks costs, value falls back
 * to revenue and the
 * analyses say so in their notes instead of failing.
 */
import { msg } from '../messages/chart-words.ts';
import type { MessageRef } from '../messages/render.ts';
import { hasColumn, hasTable, type DatasetProfile } from '../../model/profile.ts';

/** Which cost data the dataset carries. */
export interface ValueSource {
  /** The dataset profile (the profit builder reads it to decide which tables exist). */
  profile: DatasetProfile;
  /** `transactions.cost` holds values (COGS). */
  cost: boolean;
  /** A `service_costs` table with rows exists. */
  serviceCosts: boolean;
  /** `service_costs.date` is populated, so cost to serve can be assigned to a period. */
  serviceCostDates: boolean;
  /** Any cost data at all: profit can be computed. */
  profit: boolean;
}

/** Reads the value source from the dataset profile. */
export function valueSource(profile: DatasetProfile): ValueSource {
  const cost = hasColumn(profile, 'transactions', 'cost');
  const serviceCosts = hasTable(profile, 'service_costs');
  return {
    profile,
    cost,
    serviceCosts,
    serviceCostDates: serviceCosts && hasColumn(profile, 'service_costs', 'date'),
    profit: cost || serviceCosts,
  };
}

/** Plain-language notes on how profit was computed (or why it could not be). */
export function valueNotes(src: ValueSource): string[] {
  if (!src.profit) {
    return [
      'No cost data (no transactions.cost, no service_costs): profit cannot be computed, so value is revenue and profit columns are empty.',
    ];
  }
  const notes: string[] = [];
  if (!src.cost)
    notes.push(
      'No transactions.cost (COGS): gross margin is assumed at 35% of revenue, then cost to serve is subtracted.',
    );
  if (!src.serviceCosts)
    notes.push('No service_costs table: profit is gross margin (revenue − cost) without cost to serve.');
  else if (!src.serviceCostDates)
    notes.push('service_costs has no dates: undated costs are charged to every period analysed.');
  return notes;
}

/** A measure customers are ranked by. */
export type Measure = 'spend' | 'profit' | 'orders';

/** Resolves the requested measure against the data; `profit` without cost data falls back to `spend`. */
export function resolveMeasure(requested: Measure, src: ValueSource): { measure: Measure; notes: string[] } {
  if (requested === 'profit' && !src.profit) {
    return {
      measure: 'spend',
      notes: ['Profit was requested but the data has no costs: customers are ranked by spend instead.'],
    };
  }
  return { measure: requested, notes: [] };
}

/** Human name of a measure for findings and chart labels. */
export function measureMessage(m: Measure): MessageRef {
  return msg(`seg.chart.measure.${m}`);
}

export function measureLabel(m: Measure): string {
  return m === 'spend' ? 'average monthly spend' : m === 'profit' ? 'average monthly profit' : 'average monthly orders';
}
