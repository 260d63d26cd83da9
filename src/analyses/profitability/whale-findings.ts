/**
 * Findings for the whale curve, written the way a consultant would say them on a slide.
 */
import type { Finding } from '../types.ts';
import { money, percent } from '../../format/number.ts';
import type { WhaleSummary } from './whale-summary.ts';

/** The headline and supporting sentences for one whale curve. */
export function whaleFindings(s: WhaleSummary): Finding[] {
  if (s.customers === 0) return [{ id: 'empty', text: 'No customer was active in the period, so there is no whale curve to draw.', value: null }];
  const k = percent(s.topK);
  const out: Finding[] = [];
  if (s.mode === 'money') {
    out.push({
      id: 'headline',
      text:
        `The customer base as a whole loses money: total profit is ${money(s.totalProfit)}. ` +
        `The top ${k} of customers earn ${money(s.topProfit)}, the profitable ${percent(s.peakCustomerShare)} earn ${money(s.peakProfit)}, ` +
        `and the ${percent(s.lossMakerShare)} who lose money take away ${money(s.totalLoss)}.`,
      value: s.totalProfit,
    });
    return out;
  }
  const top = s.topShare ?? 0;
  // Every customer earns the same margin on revenue (no recorded costs to serve, one assumed
  // margin): profit shares are revenue shares and the curve cannot show anyone losing money.
  // Say that, not the 20/120 story the data cannot tell.
  if (s.customers > 1 && s.topRevenueShare !== null && s.lossMakers === 0 && percent(top) === percent(s.topRevenueShare)) {
    out.push({
      id: 'headline',
      text: `The top ${k} of customers bring ${percent(s.topRevenueShare)} of revenue and the same share of profit: every customer earns the same margin here, so profit simply follows revenue.`,
      value: s.topShare,
    });
    out.push({
      id: 'same_margin',
      text:
        'This data cannot show who really makes the profit: without what each customer costs to serve, no one can lose money. ' +
        'Import a service_costs table, or set a handling cost per order or per return, to see the loss-makers.',
      value: null,
    });
    return out;
  }
  const revenue = s.topRevenueShare === null ? 'earn ' : `bring ${percent(s.topRevenueShare)} of revenue ${percent(top) === percent(s.topRevenueShare) ? 'and' : top > s.topRevenueShare ? 'but' : 'and only'} `;
  out.push({ id: 'headline', text: `The top ${k} of customers ${revenue}${percent(top)} of profit.`, value: s.topShare });
  if (s.lossMakers === 0) {
    out.push({
      id: 'peak',
      text: `Every customer is profitable (or breaks even), so the curve rises all the way to 100% with no hump: there are no loss-makers to fix.`,
      value: s.peakShare,
    });
  } else {
    out.push({
      id: 'peak',
      text:
        `Profit peaks at ${percent(s.peakShare ?? 0)} of the total after the most profitable ${percent(s.peakCustomerShare)} of customers; ` +
        `every customer after that point loses money.`,
      value: s.peakShare,
    });
    out.push({
      id: 'loss_makers',
      text:
        `${percent(s.lossMakerShare)} of customers are unprofitable. Together they lose ${money(s.totalLoss)}, ` +
        `${percent(s.lossShare ?? 0)} of total profit, which the best customers have to earn back.`,
      value: s.lossMakerShare,
    });
  }
  out.push({
    id: 'decomposition',
    text:
      `The top ${k} earn ${percent(s.topShare ?? 0)} of profit; the rest of the profitable customers add ${percent(s.restShare ?? 0)}; ` +
      `the loss-makers take away ${percent(s.lossOutsideTopShare ?? 0)} (${percent(s.topShare ?? 0)} + ${percent(s.restShare ?? 0)} − ${percent(s.lossOutsideTopShare ?? 0)} = 100%).`,
    value: s.topShare,
  });
  if (s.allProfitCustomerShare !== null && s.lossMakers > 0) {
    out.push({
      id: 'all_profit',
      text: `The best ${percent(s.allProfitCustomerShare)} of customers alone earn 100% of the profit.`,
      value: s.allProfitCustomerShare,
    });
  }
  if (s.customers === 1) {
    out.push({ id: 'single', text: 'There is only one customer, so the curve is a single step and the shares say little.', value: 1 });
  }
  return out;
}

/** The what-if sentence: how total profit and the peak move when the worst loss-makers are fixed. */
export function whatIfFinding(before: WhaleSummary, after: WhaleSummary, fixShare: number, mode: 'break-even' | 'drop', fixedCount: number): Finding {
  const action = mode === 'drop' ? `Letting go of the worst ${percent(fixShare)} of loss-makers` : `Bringing the worst ${percent(fixShare)} of loss-makers to break-even`;
  const delta = after.totalProfit - before.totalProfit;
  const rel = before.totalProfit > 0 ? ` (+${percent(delta / before.totalProfit)})` : '';
  return {
    id: 'what_if',
    text:
      `${action} (${money(fixedCount)} customer${fixedCount === 1 ? '' : 's'}) lifts total profit from ${money(before.totalProfit)} to ${money(after.totalProfit)}${rel}` +
      (after.peakShare !== null ? `; the curve then peaks at ${percent(after.peakShare)} instead of ${before.peakShare === null ? 'a loss' : percent(before.peakShare)}.` : '.'),
    value: after.totalProfit,
  };
}
