/**
 * Findings for the whale curve, written the way a consultant would say them on a slide. The
 * sentences live in the findings catalogues (`../messages/`, keys `whale.*`); here we choose
 * which sentence the data supports and give it its typed numbers.
 */
import type { Finding } from '../types.ts';
import { percent } from '../../format/number.ts';
import { tv } from '../../format/typed.ts';
import { clause, finding } from '../messages/finding.ts';
import type { WhaleSummary } from './whale-summary.ts';

/** The headline and supporting sentences for one whale curve. */
export function whaleFindings(s: WhaleSummary): Finding[] {
  if (s.customers === 0) return [finding('empty', 'whale.empty', {}, undefined, null)];
  const k = tv.percent(s.topK);
  const out: Finding[] = [];
  if (s.mode === 'money') {
    out.push(
      finding(
        'headline',
        'whale.headline.loss',
        {
          total: tv.money(s.totalProfit),
          k,
          top_profit: tv.money(s.topProfit),
          peak_customers: tv.percent(s.peakCustomerShare),
          peak_profit: tv.money(s.peakProfit),
          loss_makers: tv.percent(s.lossMakerShare),
          loss: tv.money(s.totalLoss),
        },
        'total',
      ),
    );
    return out;
  }
  const top = s.topShare ?? 0;
  // Every customer earns the same margin on revenue (no recorded costs to serve, one assumed
  // margin): profit shares are revenue shares and the curve cannot show anyone losing money.
  // Say that, not the 20/120 story the data cannot tell.
  if (
    s.customers > 1 &&
    s.topRevenueShare !== null &&
    s.lossMakers === 0 &&
    percent(top) === percent(s.topRevenueShare)
  ) {
    out.push(
      finding(
        'headline',
        'whale.headline.same_margin',
        { k, revenue: tv.percent(s.topRevenueShare) },
        'revenue',
        s.topShare,
      ),
    );
    out.push(finding('same_margin', 'whale.same_margin', {}, undefined, null));
    return out;
  }
  const topParam = tv.percent(top);
  if (s.topRevenueShare === null)
    out.push(finding('headline', 'whale.headline.earn', { k, top: topParam }, 'top', s.topShare));
  else {
    const same = percent(top) === percent(s.topRevenueShare);
    const key = same
      ? 'whale.headline.and'
      : top > s.topRevenueShare
        ? 'whale.headline.but'
        : 'whale.headline.and_only';
    out.push(finding('headline', key, { k, revenue: tv.percent(s.topRevenueShare), top: topParam }, 'top', s.topShare));
  }
  if (s.lossMakers === 0) {
    out.push(finding('peak', 'whale.peak.none', { peak: tv.percent(s.peakShare ?? 1) }, 'peak', s.peakShare));
  } else {
    out.push(
      finding(
        'peak',
        'whale.peak',
        { peak: tv.percent(s.peakShare ?? 0), peak_customers: tv.percent(s.peakCustomerShare) },
        'peak',
        s.peakShare,
      ),
    );
    out.push(
      finding(
        'loss_makers',
        'whale.loss_makers',
        { share: tv.percent(s.lossMakerShare), loss: tv.money(s.totalLoss), loss_share: tv.percent(s.lossShare ?? 0) },
        'share',
      ),
    );
  }
  out.push(
    finding(
      'decomposition',
      'whale.decomposition',
      {
        k,
        top: tv.percent(s.topShare ?? 0),
        rest: tv.percent(s.restShare ?? 0),
        loss: tv.percent(s.lossOutsideTopShare ?? 0),
        total: tv.percent(1),
      },
      'top',
      s.topShare,
    ),
  );
  if (s.allProfitCustomerShare !== null && s.lossMakers > 0) {
    out.push(
      finding(
        'all_profit',
        'whale.all_profit',
        { share: tv.percent(s.allProfitCustomerShare), total: tv.percent(1) },
        'share',
      ),
    );
  }
  if (s.customers === 1) out.push(finding('single', 'whale.single', {}, undefined, 1));
  return out;
}

/** The what-if sentence: how total profit and the peak move when the worst loss-makers are fixed. */
export function whatIfFinding(
  before: WhaleSummary,
  after: WhaleSummary,
  fixShare: number,
  mode: 'break-even' | 'drop',
  fixedCount: number,
): Finding {
  const action = clause(mode === 'drop' ? 'whale.what_if.drop' : 'whale.what_if.break_even', {
    share: tv.percent(fixShare),
  });
  const delta = after.totalProfit - before.totalProfit;
  const rel =
    before.totalProfit > 0
      ? clause('whale.what_if.rel', { rel: tv.percent(delta / before.totalProfit, undefined, true) })
      : clause('common.empty');
  const peak =
    after.peakShare === null
      ? clause('common.period')
      : before.peakShare === null
        ? clause('whale.what_if.peak_from_loss', { after: tv.percent(after.peakShare) })
        : clause('whale.what_if.peak', { after: tv.percent(after.peakShare), before: tv.percent(before.peakShare) });
  return finding(
    'what_if',
    'whale.what_if',
    {
      action,
      fixed: tv.count(fixedCount),
      before: tv.money(before.totalProfit),
      after: tv.money(after.totalProfit),
      rel,
      peak,
    },
    'after',
  );
}
