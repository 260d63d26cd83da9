/** Turns a fitted `ClvModel` into the analysis result: tables, headline numbers, charts, findings, notes. */
import { tv, type DurationUnit } from '../../format/typed.ts';
import { finding, term } from '../messages/finding.ts';
import type { AnalysisResult } from '../types.ts';
import { table } from '../retention/table.ts';
import { count, decimal, money, percent } from '../../format/number.ts';
import { concentrationChart, holdoutChart, pAliveChart } from './clv-charts.ts';
import { compareIds, topByValue, topCandidates, valuesDescending } from './ranking.ts';
import type { ClvModel, ScoredCustomer } from './clv-model.ts';
import { unitName, type TimeUnit } from './time-units.ts';

/** What the result builder needs besides the model. */
export interface ResultContext {
  time_unit: TimeUnit;
  horizon: number;
  discount_rate: number;
  margin: number;
  top_n: number;
  calibrationEnd: string;
  holdoutEnd: string | null;
  holdoutLength: number | null;
  lastDate: string;
}

const customerColumns = {
  customer_id: 'string', frequency: 'number', recency: 'number', T: 'number', monetary_value: 'number', calibration_revenue: 'number',
  p_alive: 'number', expected_purchases: 'number', expected_value_per_purchase: 'number', expected_value: 'number',
} as const;

/** Builds the result of `clv-bgnbd`. */
export function clvResult(model: ClvModel, o: ResultContext): AnalysisResult {
  const unit = unitName(o.time_unit);
  const { r, alpha, a, b } = model.bgnbd.params;
  const all = model.customers;
  const oneTime = all.filter((c) => c.frequency === 0).length;
  const repeat = all.filter((c) => c.frequency > 0);
  const atRisk = atRiskOf(repeat);
  // Only the top rows of each ranking are shown, and sums over a ranking only need its values in
  // order (ties are equal numbers), so neither a million-row object sort nor localeCompare per
  // comparison is needed (see ranking.ts; the results are identical).
  const byId = (x: { customer_id: string }, y: { customer_id: string }) => compareIds(x.customer_id, y.customer_id);
  const topValue = topByValue(all, o.top_n, (c) => c.expected_value, byId);
  const totalValue = all.reduce((s, c) => s + c.expected_value, 0);
  const totalPurchases = all.reduce((s, c) => s + c.expected_purchases, 0);
  const concentration = concentrationRows(valuesDescending(all, (c) => c.expected_value), totalValue);
  const top20 = concentration.find((p) => Math.abs(p.share_customers - 0.2) < 1e-9)?.share_value ?? 0;
  const topAtRisk = topByValue(atRisk, o.top_n, (c) => c.calibration_revenue, byId);
  const atRiskRevenue = valuesDescending(atRisk, (c) => c.calibration_revenue).reduce((s, v) => s + v, 0);
  const horizonText = `${decimal(o.horizon, Number.isInteger(o.horizon) ? 0 : 1)} ${unit}s`;

  const gg = model.gammaGamma;
  const parameters = [
    { model: 'BG/NBD', parameter: 'r', value: r, meaning: 'shape of purchase rates across customers (smaller = more uneven)' },
    { model: 'BG/NBD', parameter: 'alpha', value: alpha, meaning: `scale of purchase rates, in ${o.time_unit}; an active customer buys r/α = ${decimal(r / alpha, 3)} times a ${unit} on average` },
    { model: 'BG/NBD', parameter: 'a', value: a, meaning: 'dropout after a purchase ~ Beta(a, b)' },
    { model: 'BG/NBD', parameter: 'b', value: b, meaning: `mean chance of dropping out after a purchase a/(a+b) = ${percent(a / (a + b), 1)}` },
    { model: 'BG/NBD', parameter: 'log_likelihood', value: model.bgnbd.logLikelihood, meaning: `maximised over ${model.bgnbd.customers} customers` },
  ];
  if (gg) {
    parameters.push(
      { model: 'Gamma-Gamma', parameter: 'p', value: gg.params.p, meaning: 'shape of a customer’s transaction values' },
      { model: 'Gamma-Gamma', parameter: 'q', value: gg.params.q, meaning: 'shape of spend levels across customers' },
      { model: 'Gamma-Gamma', parameter: 'gamma', value: gg.params.gamma, meaning: `scale; population mean spend pγ/(q−1) = ${money(gg.params.p * gg.params.gamma / (gg.params.q - 1), 2)}` },
      { model: 'Gamma-Gamma', parameter: 'log_likelihood', value: gg.logLikelihood, meaning: `maximised over ${gg.customers} repeat buyers` },
    );
  }

  const pAliveBins = Array.from({ length: 10 }, (_, i) => ({ band: `${i * 10}–${i * 10 + 10}%`, bin_start: i / 10, customers: 0 }));
  for (const c of repeat) pAliveBins[Math.min(9, Math.floor(c.p_alive * 10))]!.customers++;

  const findings: AnalysisResult['findings'] = [
    finding(
      'expected_purchases',
      'clv.expected_purchases',
      { horizon: tv.duration(o.horizon, unit as DurationUnit, Number.isInteger(o.horizon) ? 0 : 1), from: tv.date(o.calibrationEnd), purchases: tv.count(totalPurchases), customers: tv.count(all.length), value: tv.money(totalValue, 0), discount: tv.percent(o.discount_rate, 0) },
      'purchases',
    ),
    finding('top20_value_share', 'clv.top20', { top: tv.percent(0.2), share: tv.percent(top20, 0) }, 'share'),
    atRisk.length
      ? finding('at_risk', 'clv.at_risk', { customers: tv.count(atRisk.length), half: tv.percent(0.5), spent: tv.money(atRiskRevenue, 0), until: tv.date(o.calibrationEnd) }, 'customers')
      : finding('at_risk', 'clv.at_risk.none', { half: tv.percent(0.5) }, undefined, 0),
    finding('dropout', 'clv.dropout', { rate: tv.decimal(r / alpha, 3), per: term(`per.${unit as DurationUnit}`), dropout: tv.percent(a / (a + b), 0) }, 'dropout'),
  ];
  const tables: AnalysisResult['tables'] = {
    customers: table(topValue, customerColumns),
    at_risk: table(topAtRisk, customerColumns),
    parameters: table(parameters, { model: 'string', parameter: 'string', value: 'number', meaning: 'string' }),
    p_alive_bins: table(pAliveBins, { band: 'string', bin_start: 'number', customers: 'number' }),
    concentration: table(concentration, { share_customers: 'number', share_value: 'number' }),
  };
  const charts: AnalysisResult['charts'] = [];
  const scalars: AnalysisResult['scalars'] = {
    customers: all.length, one_time_buyers: oneTime, repeat_buyers: repeat.length, one_time_share: oneTime / all.length,
    expected_purchases: totalPurchases, expected_value: totalValue, top20_value_share: top20, at_risk: atRisk.length, at_risk_revenue: atRiskRevenue,
    mean_p_alive_repeat: repeat.length ? repeat.reduce((s, c) => s + c.p_alive, 0) / repeat.length : null,
    r, alpha, a, b, log_likelihood: model.bgnbd.logLikelihood,
    p: gg?.params.p ?? null, q: gg?.params.q ?? null, gamma: gg?.params.gamma ?? null,
    time_unit: o.time_unit, horizon: o.horizon, calibration_end: o.calibrationEnd, holdout_end: o.holdoutEnd,
  };
  if (model.holdout && o.holdoutLength !== null) {
    const h = model.holdout;
    const err = h.totalActual > 0 ? h.totalExpected / h.totalActual - 1 : null;
    tables.holdout = table(h.rows, { calibration_purchases: 'string', bucket: 'number', customers: 'number', expected: 'number', actual: 'number' });
    Object.assign(scalars, { holdout_expected: h.totalExpected, holdout_actual: h.totalActual, holdout_error: err, holdout_length: o.holdoutLength });
    findings.unshift(
      finding(
        'holdout',
        err === null ? 'clv.holdout.none' : 'clv.holdout',
        { from: tv.date(o.calibrationEnd), to: tv.date(o.holdoutEnd), length: tv.duration(o.holdoutLength, unit as DurationUnit, 1), expected: tv.count(h.totalExpected), actual: tv.count(h.totalActual), error: tv.percent(err, 1, true) },
        err === null ? 'actual' : 'error',
        err,
      ),
    );
    const last = h.rows[h.rows.length - 1]!;
    charts.push(holdoutChart(unit, o.holdoutLength, last));
  }
  charts.push(pAliveChart(oneTime), concentrationChart(top20, horizonText));

  const notes = [
    `Time unit: ${o.time_unit}${o.time_unit === 'months' ? ' (average months of 30.4375 days)' : ''}. Recency, T, α and the horizon are in ${o.time_unit}; a purchase occasion is a day with at least one sale (several orders on one day count once; a day of returns only does not count). Frequency = repeat occasions after the first.`,
    `${count(oneTime)} customers (${percent(oneTime / all.length, 0)}) bought only once before ${o.calibrationEnd}. BG/NBD assumes customers can only drop out right after a purchase, so it gives every one-time buyer P(alive) = 100%; their expected purchases come from the population's average behaviour, not from anything they did. Read their scores as "unknown", not "safe".`,
    o.holdoutEnd ? `Fitted on transactions up to ${o.calibrationEnd}; predictions are made as of that day, and the ${o.calibrationEnd} → ${o.holdoutEnd} period is only used to check them.` : `Fitted on all transactions up to ${o.calibrationEnd}. Set calibration_end and holdout_end to check the model on data it has not seen.`,
    `Expected value = margin (${percent(o.margin, 0)} of revenue) × expected purchases in each month of the horizon × expected spend per purchase (Gamma-Gamma), discounted at ${percent(o.discount_rate, 0)} a year to ${o.calibrationEnd}.`,
  ];
  if (!model.gammaGamma) notes.push(`Fewer than 10 repeat buyers: spend per purchase is the plain average of repeat purchases, not a Gamma-Gamma estimate.`);
  const rho = model.spendFrequencyCorrelation;
  if (rho !== null) notes.push(`Gamma-Gamma assumes spend per purchase is unrelated to how often a customer buys: the correlation among repeat buyers is ${decimal(rho, 2)}${Math.abs(rho) > 0.3 ? ', too strong to ignore — treat expected values with caution' : ''}.`);
  if (!model.bgnbd.converged || (model.gammaGamma && !model.gammaGamma.converged)) notes.push('The model fit stopped before converging fully; parameters may be imprecise.');
  return { tables, scalars, charts, findings, notes };
}

/** Early warning: repeat buyers the model judges more likely gone than active (listed largest spenders first). */
function atRiskOf(repeat: readonly ScoredCustomer[]): ScoredCustomer[] {
  return repeat.filter((c) => c.p_alive < 0.5);
}

/**
 * The customers whose ids `clvResult` may show or compare: the candidates of its two lists (top by
 * expected value; at-risk repeat buyers by revenue). A caller that reads customers without their
 * ids (by `ix`) looks up these only.
 */
export function listedCandidates(model: ClvModel, topN: number): ScoredCustomer[] {
  const all = model.customers;
  const atRisk = atRiskOf(all.filter((c) => c.frequency > 0));
  return [...new Set([...topCandidates(all, topN, (c) => c.expected_value), ...topCandidates(atRisk, topN, (c) => c.calibration_revenue)])];
}

/** Points of the value concentration curve at every whole percent of customers (ranked by value, descending). */
export function concentrationRows(valuesDesc: ArrayLike<number>, total: number): { share_customers: number; share_value: number }[] {
  const n = valuesDesc.length;
  const cum = [0];
  for (let i = 0; i < n; i++) cum.push(cum[i]! + valuesDesc[i]!);
  return Array.from({ length: 101 }, (_, k) => {
    const m = (k / 100) * n;
    const whole = Math.floor(m);
    // Fractional customers count pro rata, so the curve does not depend on rounding.
    const value = cum[whole]! + (whole < n ? (m - whole) * valuesDesc[whole]! : 0);
    return { share_customers: k / 100, share_value: total > 0 ? value / total : 0 };
  });
}

