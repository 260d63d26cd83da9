/**
 * Simulates one customer month by month over the window (docs/sample-data.md, "Model"):
 * satisfaction state → churn hazard; value × plan × segment × tenure × drift × partial-churn ×
 * season → orders → lines (revenue, cost of goods); latent traits → cost-to-serve events;
 * survey waves → answers. Everything observed follows from the draws; no outcome is set directly.
 */
import { drawChurnReason } from './churn-reason.ts';
import { calendarMonth, isoDate, monthIndexOf, monthLength, monthStart, WINDOW } from './dates.ts';
import { drawName } from './names.ts';
import { params, type Category } from './params.ts';
import type { Rng } from './prng.ts';
import { monthlyChurnProbability } from './retention.ts';
import type { CustomerRecord, ServiceCategory, ServiceCostRow, SurveyRow, TransactionRow } from './rows.ts';
import { drawSurveyAnswer } from './survey.ts';
import { drawSatisfaction, drawTraits, type Traits } from './traits.ts';

const orderChannels = ['online', 'store', 'app'] as const;
const categoryWeights = params.categories.map((c) => c.weight);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Customer id of the 0-based index: `C000001`, … */
export function customerId(index: number): string {
  return `C${String(index + 1).padStart(6, '0')}`;
}

/** Spend multiplier of tenure t years: old customers spend more (docs/sample-data.md). */
function tenureGrowth(years: number): number {
  return 1 + params.tenureLift * (1 - Math.exp(-years / params.tenureScale));
}

interface Event {
  day: number;
  category: ServiceCategory;
  amount: number;
}

/** Generates everything for customer `index` from its own random stream. */
export function simulateCustomer(rng: Rng, index: number): CustomerRecord {
  const id = customerId(index);
  const t: Traits = drawTraits(rng);
  const name = drawName(rng);
  const sv = params.service;
  const churnMultiplier = t.region.competition * t.plan.churn;

  let satisfaction = drawSatisfaction(rng, t.satisfactionAnchor);
  let drift = 0;
  let keep = 1;
  let churnDay: number | null = null;
  let hadDispute = false;
  let orderSeq = 0;
  const lines: { day: number; row: TransactionRow }[] = [];
  const events: Event[] = [];
  const surveys: { day: number; row: SurveyRow }[] = [];

  for (let m = Math.max(0, monthIndexOf(t.signupDay)); m < WINDOW.months; m++) {
    const first = monthStart(m);
    const len = monthLength(m);
    const from = Math.max(first, t.signupDay);
    let end = first + len; // exclusive

    // State changes at the start of the month: opinion, value drift, partial churn.
    if (rng.bernoulli(params.satisfactionRedraw)) satisfaction = drawSatisfaction(rng, t.satisfactionAnchor);
    drift += rng.normal(0, params.driftSd);
    const partialRate =
      params.partialChurnRate *
      t.region.competition *
      (satisfaction <= 3 ? params.partialChurnLowSatisfactionFactor : 1);
    if (keep === 1 && rng.bernoulli(partialRate))
      keep = rng.uniform(params.partialChurnKeep[0], params.partialChurnKeep[1]);

    // Full churn: proportional hazard on the current satisfaction state, for the active part of the month.
    if (rng.bernoulli(monthlyChurnProbability(satisfaction, churnMultiplier) * ((end - from) / len))) {
      churnDay = from + 1 + rng.int(0, Math.max(1, end - from - 1));
      end = Math.min(end, churnDay);
    }
    const span = end - from;
    const activeShare = span / len;
    const season = params.seasonality[calendarMonth(m) - 1]!;

    // Orders.
    const years = (from + span / 2 - t.signupDay) / 365.25;
    const monthlySpend = t.value * t.plan.spend * t.segment.spend * tenureGrowth(years) * Math.exp(drift) * keep;
    const orderMean = monthlySpend / t.orderRate;
    const orderDays: number[] = [];
    if (t.signupDay >= first && t.signupDay < end) orderDays.push(t.signupDay); // the acquisition purchase
    const n = rng.poisson(t.orderRate * season * activeShare);
    for (let k = 0; k < n; k++) orderDays.push(from + rng.int(0, span));
    orderDays.sort((a, b) => a - b);
    for (const day of orderDays) {
      const orderId = `O${id.slice(1)}-${String(++orderSeq).padStart(3, '0')}`;
      const value = Math.max(0.5, rng.gamma(params.orderValueShape, orderMean / params.orderValueShape));
      const split = rng.bernoulli(params.secondLineProb) ? rng.uniform(0.3, 0.7) : 1;
      const parts = split === 1 ? [value] : [value * split, value * (1 - split)];
      const channel = rng.pick(orderChannels, t.channel.orderChannels);
      let orderRevenue = 0;
      for (const part of parts) {
        const cat: Category = rng.bernoulli(params.favouriteCategoryProb)
          ? t.favourite
          : rng.pick(params.categories, categoryWeights);
        const k = rng.int(1, params.productsPerCategory + 1);
        const unitPrice = cat.unitPrice * (0.5 + 0.2 * k);
        const revenue = Math.max(0.5, round2(part));
        orderRevenue += revenue;
        lines.push({
          day,
          row: {
            customer_id: id,
            date: isoDate(day),
            revenue,
            cost: round2(revenue * (1 - cat.margin) * rng.lognormal(0, params.costNoiseSd)),
            quantity: Math.max(1, Math.round(revenue / unitPrice)),
            order_id: orderId,
            product: `${cat.name.slice(0, 3).toUpperCase()}-${String(k).padStart(2, '0')}`,
            category: cat.name,
            channel,
          },
        });
        if (rng.bernoulli(t.demanding ? sv.returnDemandingProb : sv.returnProb)) {
          events.push({
            day: day + rng.int(2, 21),
            category: 'return',
            amount: sv.returnShare * revenue + sv.returnHandling,
          });
        }
      }
      if (rng.bernoulli(t.dealHunter ? sv.discountDealHunterProb : sv.discountProb)) {
        events.push({ day, category: 'discount', amount: orderRevenue * rng.uniform(sv.discountMin, sv.discountMax) });
      }
      if (rng.bernoulli(t.badPayer ? sv.badDebtBadPayerProb : sv.badDebtProb)) {
        events.push({ day: day + rng.int(30, 91), category: 'bad_debt', amount: orderRevenue + sv.badDebtFee });
      }
    }

    // Cost-to-serve events that are not tied to an order.
    const calls = rng.poisson(
      (sv.supportCallRate +
        (t.demanding ? sv.supportCallDemandingRate : 0) +
        (satisfaction <= 2 ? sv.supportCallLowSatisfactionRate : 0)) *
        activeShare,
    );
    for (let k = 0; k < calls; k++)
      events.push({
        day: from + rng.int(0, span),
        category: 'support_call',
        amount: rng.lognormalMean(sv.supportCallCost, 0.4),
      });
    const visits = rng.poisson((t.demanding ? sv.fieldVisitDemandingRate : sv.fieldVisitRate) * activeShare);
    for (let k = 0; k < visits; k++)
      events.push({
        day: from + rng.int(0, span),
        category: 'field_visit',
        amount: rng.lognormalMean(sv.fieldVisitCost, 0.35),
      });
    if (rng.bernoulli((t.disputer ? sv.disputeDisputerRate : sv.disputeRate) * activeShare)) {
      events.push({
        day: from + rng.int(0, span),
        category: 'dispute',
        amount: rng.lognormalMean(sv.disputeCost, sv.disputeSigma),
      });
      // A dispute sours the relationship: the satisfaction state drops one step.
      hadDispute = true;
      satisfaction = Math.max(1, satisfaction - 1);
    }

    // Survey wave: a share of active customers answers with their current state.
    if ((params.surveyWaves as readonly number[]).includes(m) && rng.bernoulli(params.surveyResponse)) {
      const day = from + rng.int(0, span);
      const a = drawSurveyAnswer(rng, satisfaction);
      surveys.push({
        day,
        row: {
          customer_id: id,
          satisfaction,
          date: isoDate(day),
          scale: '1-5',
          recommend: a.recommend,
          repurchase_intent: a.repurchaseIntent,
        },
      });
    }
    if (churnDay !== null) break;
  }

  // Events after a churn or past the window are booked on the last possible day (write-offs are
  // settled before the account closes), so no activity ever follows churn.
  const limit = churnDay !== null ? churnDay - 1 : WINDOW.lastDay;
  const serviceCosts: ServiceCostRow[] = events
    .map((e) => ({ ...e, day: Math.min(e.day, limit) }))
    .sort((a, b) => a.day - b.day)
    .map((e) => ({ customer_id: id, amount: round2(e.amount), date: isoDate(e.day), category: e.category }));

  return {
    customer: {
      customer_id: id,
      name,
      signup_date: isoDate(t.signupDay),
      region: t.region.name,
      channel: t.channel.name,
      plan: t.plan.name,
      segment: t.segment.name,
      acquisition_cost: round2(t.acquisitionCost),
      churn_date: churnDay !== null ? isoDate(churnDay) : null,
      churn_reason: churnDay !== null ? drawChurnReason(rng, t, satisfaction, hadDispute) : null,
    },
    transactions: lines.map((l) => l.row),
    serviceCosts,
    surveys: surveys.map((s) => s.row),
  };
}
