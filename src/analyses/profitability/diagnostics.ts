/**
 * Pure numerics for the diagnostics: waterfall bars from signed steps, readable category labels,
 * and the sentences a consultant would write.
 */
import type { Row } from '../../sql/table.ts';
import type { Finding } from '../types.ts';
import { tv } from '../../format/typed.ts';
import { clause, finding, term, text } from '../messages/finding.ts';
import type { MessageParam } from '../messages/render.ts';

/** `support_call` → "Support call"; `acquisition` → "Acquisition (amortised)". */
export function categoryLabel(category: string): string {
  if (category === 'acquisition') return 'Acquisition (amortised)';
  const words = category.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Cost categories the findings catalogues name in every language (others are shown as written). */
const knownCategories = [
  'acquisition',
  'bad_debt',
  'discount',
  'dispute',
  'field_visit',
  'return',
  'support_call',
  'litigation',
] as const;

/** A cost category as a finding parameter: the catalogue's word for a known one, else the data's own label. */
function categoryParam(category: string): MessageParam {
  const key = category.toLowerCase().replace(/[\s-]+/g, '_');
  return (knownCategories as readonly string[]).includes(key)
    ? term(`cost.${key as (typeof knownCategories)[number]}`)
    : text(categoryLabel(category).toLowerCase());
}

/** One waterfall bar. */
export interface WaterfallBar {
  [key: string]: string | number;
  step: number;
  label: string;
  amount: number;
  start: number;
  end: number;
  kind: 'Total' | 'Cost';
}

/** Floating bars: totals stand on zero; each cost hangs from the running total. */
export function waterfall(rows: readonly Row[]): WaterfallBar[] {
  let running = 0;
  return rows.map((r, i) => {
    const amount = typeof r.amount === 'number' ? r.amount : 0;
    const label = r.ord === 0 || r.ord === 3 ? String(r.label) : categoryLabel(String(r.label));
    if (r.ord === 0 || r.ord === 3) {
      running = amount;
      return { step: i, label, amount, start: 0, end: amount, kind: 'Total' };
    }
    const start = running;
    running += amount;
    return { step: i, label, amount, start, end: running, kind: 'Cost' };
  });
}

/** Findings from the waterfall, the cost drivers and the tier table. */
export function diagnosticsFindings(
  bars: readonly WaterfallBar[],
  drivers: readonly Row[],
  tiers: readonly Row[],
  lossMakers: number,
): Finding[] {
  const out: Finding[] = [];
  const gross = bars[0]?.amount ?? 0;
  const net = bars[bars.length - 1]?.amount ?? 0;
  const costs = bars.filter((b) => b.kind === 'Cost');
  if (gross > 0 && costs.length) {
    const biggest = costs.reduce((a, b) => (b.amount < a.amount ? b : a));
    const withAcquisition = costs.some((b) => b.label === 'Acquisition (amortised)');
    out.push(
      finding(
        'waterfall',
        withAcquisition ? 'diagnostics.waterfall.acquisition' : 'diagnostics.waterfall',
        {
          share: tv.percent((gross - net) / gross),
          gross: tv.money(gross),
          net: tv.money(net),
          item: biggest.label === 'Acquisition (amortised)' ? term('cost.acquisition') : categoryParam(biggest.label),
          item_cost: tv.money(-biggest.amount),
        },
        'net',
      ),
    );
  }
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const candidates = drivers.filter((d) => num(d.lift) !== null && (num(d.cost_loss_makers) ?? 0) > 0);
  if (lossMakers > 0 && candidates.length) {
    const top = candidates.reduce((a, b) => ((num(b.lift) ?? 0) > (num(a.lift) ?? 0) ? b : a));
    out.push(
      finding(
        'cost_driver',
        'diagnostics.cost_driver',
        {
          category: categoryParam(String(top.category)),
          lift: tv.ratio(num(top.lift) ?? 0, 1),
          share_loss_makers: tv.percent(num(top.share_loss_makers) ?? 0),
          share_all: tv.percent(num(top.share_all) ?? 0),
        },
        'lift',
        num(top.lift),
      ),
    );
  }
  const first = tiers[0];
  const last = tiers[tiers.length - 1];
  const total = tiers.reduce((s, t) => s + (num(t.profit) ?? 0), 0);
  if (first && last && tiers.length > 1 && num(first.profit_share) !== null && total <= 0) {
    // Shares of a total at or below zero read backwards: amounts instead.
    const amount = (p: number) =>
      p < 0
        ? clause('diagnostics.tiers.loses', { loss: tv.money(-p) })
        : clause('diagnostics.tiers.earns_amount', { amount: tv.money(p) });
    out.push(
      finding(
        'tiers',
        'diagnostics.tiers.loss_base',
        {
          total: tv.money(-total),
          top: amount(num(first.profit) ?? 0),
          bottom: amount(num(last.profit) ?? 0),
          unprofitable: tv.percent(num(last.loss_maker_share) ?? 0),
        },
        'total',
        total,
      ),
    );
  } else if (first && last && tiers.length > 1 && num(first.profit_share) !== null) {
    const bottom =
      (num(last.profit) ?? 0) < 0
        ? clause('diagnostics.tiers.loses', { loss: tv.money(-(num(last.profit) ?? 0)) })
        : clause('diagnostics.tiers.earns', { share: tv.percent(num(last.profit_share) ?? 0) });
    out.push(
      finding(
        'tiers',
        'diagnostics.tiers',
        {
          top: tv.percent(num(first.profit_share) ?? 0),
          bottom,
          unprofitable: tv.percent(num(last.loss_maker_share) ?? 0),
        },
        'top',
        num(first.profit_share),
      ),
    );
  }
  return out;
}
