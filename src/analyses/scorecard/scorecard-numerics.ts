/**
 * The scorecard's figures per quarter from the per-customer-quarter columns of
 * `buildScorecardCustomerQuery` and the survey counts of `buildScorecardSurveyQuery`. Each figure is
 * the one its explaining analysis computes for that quarter, from the same pure code where there
 * is any: the whale curve's statistics (`whaleStatsRow`) for the core customers' share and the
 * loss-makers, customer equity's CLV (`customerEquity`) for retention, CLV and equity. Pure.
 */
import { whaleStatsRow } from '../profitability/whale-numerics.ts';
import { customerEquity, perPeriodRate } from '../retention/customer-equity.ts';

/** One quarter's figures; null where the data cannot give it. */
export interface QuarterFigures {
  /** Customers with a purchase in the quarter. */
  customers: number;
  /** Share of the quarter's customers who had bought before it (repeat customers). */
  loyalty: number | null;
  /** Share of the previous quarter's customers who bought again in this one. */
  retention: number | null;
  /** Customer lifetime value: margin per customer × r / (1 + i − r), i the quarterly discount rate. */
  clv: number | null;
  /** Customers × CLV. */
  equity: number | null;
  /** Share of total profit earned by the top 20% of customers by profit (null when total profit ≤ 0). */
  coreShare: number | null;
  /** Total loss of loss-making customers (a positive amount) and how many they are. */
  loss: number;
  lossMakers: number;
  /** Total profit of the quarter's profit universe. */
  profit: number;
  /** Core customers of the quarter before who spent less than half as much in this one, and their profit then. */
  slipping: number | null;
  valueAtRisk: number | null;
  /** Share of survey answers in the top two scores; net promoters (9–10 minus 0–6, as a share). */
  satisfaction: number | null;
  netPromoters: number | null;
}

/** The per-customer-quarter columns (as `Float64Array`s or plain arrays). */
export type CustomerQuarterColumns = Record<
  | 'qi'
  | 'in_q'
  | 'active'
  | 'returning'
  | 'revenue'
  | 'profit'
  | 'prev_active'
  | 'prev_core'
  | 'prev_revenue'
  | 'prev_profit',
  ArrayLike<number>
>;

/** Survey counts per quarter index. */
export type SurveyColumns = Record<
  'qi' | 'answers' | 'satisfied' | 'recommenders' | 'promoters' | 'detractors',
  ArrayLike<number>
>;

/**
 * Figures of quarters 1…n−1 (`n` quarters, index 0 being the quarter before the first scored one).
 * `hasPrevious` says whether quarter 0 is complete data (else quarter 1 has no retention or value at risk).
 */
export function scorecardFigures(
  c: CustomerQuarterColumns,
  n: number,
  o: { discountRate: number; hasPrevious: boolean; surveys?: SurveyColumns | null },
): QuarterFigures[] {
  const out: QuarterFigures[] = [];
  const rate = perPeriodRate(o.discountRate, 'quarter');
  for (let qi = 1; qi < n; qi++) {
    const profits: number[] = [];
    const revenues: number[] = [];
    let customers = 0,
      returning = 0,
      margin = 0,
      revenue = 0,
      basePrev = 0,
      retained = 0,
      slipping = 0,
      atRisk = 0;
    for (let i = 0; i < c.qi.length; i++) {
      if (c.qi[i] !== qi) continue;
      if (c.in_q[i] === 1) {
        profits.push(c.profit[i]!);
        revenues.push(c.revenue[i]!);
      }
      const active = c.active[i] === 1;
      if (active) {
        customers++;
        if (c.returning[i] === 1) returning++;
        margin += c.profit[i]!;
        revenue += c.revenue[i]!;
      }
      if (c.prev_active[i] === 1) {
        basePrev++;
        if (active) retained++;
      }
      if (c.prev_core[i] === 1 && c.revenue[i]! < 0.5 * c.prev_revenue[i]!) {
        slipping++;
        atRisk += c.prev_profit[i]!;
      }
    }
    const previous = qi > 1 || o.hasPrevious;
    const desc = (xs: number[]) => Float64Array.from(xs).sort().reverse();
    const stats = whaleStatsRow({ profitDesc: desc(profits), revenueDesc: desc(revenues) }, 0.2);
    const total = Number(stats.total_profit);
    let retention: number | null = null,
      clv: number | null = null,
      equity: number | null = null;
    if (previous && basePrev > 0 && customers > 0) {
      const { total: t } = customerEquity(
        [
          {
            segment: 'all',
            base_prev: basePrev,
            retained,
            customers,
            new_customers: customers - returning,
            revenue,
            margin,
          },
        ],
        { discountRate: rate, horizon: Infinity },
      );
      retention = t.retention;
      clv = t.clv;
      equity = t.customers * t.clv;
    }
    out.push({
      customers,
      loyalty: customers > 0 ? returning / customers : null,
      retention,
      clv,
      equity,
      coreShare: total > 0 ? Number(stats.top_profit) / total : null,
      loss: Number(stats.total_loss),
      lossMakers: Number(stats.loss_makers),
      profit: total,
      slipping: previous ? slipping : null,
      valueAtRisk: previous ? atRisk : null,
      satisfaction: null,
      netPromoters: null,
    });
  }
  const s = o.surveys;
  if (s)
    for (let i = 0; i < s.qi.length; i++) {
      const f = out[s.qi[i]! - 1];
      if (!f) continue;
      const answers = s.answers[i]!;
      const rec = s.recommenders[i]!;
      f.satisfaction = answers > 0 ? s.satisfied[i]! / answers : null;
      f.netPromoters = rec > 0 ? (s.promoters[i]! - s.detractors[i]!) / rec : null;
    }
  return out;
}
