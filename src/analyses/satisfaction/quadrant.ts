/**
 * The loyalty quadrant: satisfaction × loyalty (Jones & Sasser 1995).
 * - apostles: satisfied and loyal — serve them, ask them to refer;
 * - mercenaries: satisfied, not loyal — cheap to please, costly to keep; chase value, not thanks;
 * - hostages: loyal, not satisfied — held by a contract, a switching cost or a lack of choice;
 *   they leave when the barrier falls;
 * - defectors (terrorists at the extreme): neither — gone, and often talking.
 * "Satisfied" means satisfaction ≥ `satisfiedFrom` (default: the top quarter of the scale, see
 * `defaultSatisfiedFrom`); "loyal" is the chosen loyalty outcome.
 */
import type { LevelRow } from './level-rows.ts';

/** Quadrant ids. */
export type QuadrantId = 'apostles' | 'mercenaries' | 'hostages' | 'defectors';

/** Plain labels and what to do, for the table and findings. */
export const quadrantInfo: Record<QuadrantId, { label: string; action: string }> = {
  apostles: { label: 'Apostles (satisfied, loyal)', action: 'keep delighting; ask for referrals' },
  mercenaries: { label: 'Mercenaries (satisfied, not loyal)', action: 'do not over-invest; raise switching value' },
  hostages: { label: 'Hostages (loyal, not satisfied)', action: 'fix the problems before the barrier falls' },
  defectors: { label: 'Defectors / terrorists (neither)', action: 'learn why; contain negative word of mouth' },
};

/** One quadrant's totals. */
export interface QuadrantRow {
  quadrant: QuadrantId;
  label: string;
  satisfied: boolean;
  loyal: boolean;
  customers: number;
  share: number;
  revenue: number;
  profit: number;
}

/** Counts, shares, revenue and profit per quadrant from the level rows (all four always present). */
export function loyaltyQuadrant(rows: readonly LevelRow[], satisfiedFrom: number): QuadrantRow[] {
  const acc: Record<QuadrantId, { customers: number; revenue: number; profit: number }> = {
    apostles: { customers: 0, revenue: 0, profit: 0 },
    mercenaries: { customers: 0, revenue: 0, profit: 0 },
    hostages: { customers: 0, revenue: 0, profit: 0 },
    defectors: { customers: 0, revenue: 0, profit: 0 },
  };
  for (const r of rows) {
    const satisfied = r.satisfaction >= satisfiedFrom;
    const yes = acc[satisfied ? 'apostles' : 'hostages'];
    const no = acc[satisfied ? 'mercenaries' : 'defectors'];
    yes.customers += r.loyal;
    yes.revenue += r.revenue_loyal;
    yes.profit += r.profit_loyal;
    no.customers += r.n - r.loyal;
    no.revenue += r.revenue_not_loyal;
    no.profit += r.profit_not_loyal;
  }
  const total = Object.values(acc).reduce((s, a) => s + a.customers, 0);
  return (['apostles', 'mercenaries', 'hostages', 'defectors'] as const).map((q) => ({
    quadrant: q,
    label: quadrantInfo[q].label,
    satisfied: q === 'apostles' || q === 'mercenaries',
    loyal: q === 'apostles' || q === 'hostages',
    customers: acc[q].customers,
    share: total > 0 ? acc[q].customers / total : 0,
    revenue: acc[q].revenue,
    profit: acc[q].profit,
  }));
}
