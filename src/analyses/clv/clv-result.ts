/** Turns a fitted `ClvModel` into the analysis result: tables, headline numbers, charts, findings, notes. */
import type { ChartText } from '../messages/render.ts';
import { tv, type DurationUnit } from '../../format/typed.ts';
import { finding, term } from '../messages/finding.ts';
import { note, noteFields, type Note } from '../messages/notes.ts';
import type { AnalysisResult } from '../types.ts';
import { table } from '../retention/table.ts';
import { count, decimal, money, percent } from '../../format/number.ts';
import { concentrationChart, holdoutChart, newCustomerChart, pAliveChart } from './clv-charts.ts';
import { compareIds, topByValue, topCandidates, valuesDescending } from './ranking.ts';
import type { ClvModel } from './clv-model.ts';
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
  customer_id: 'string',
  frequency: 'number',
  recency: 'number',
  T: 'number',
  monetary_value: 'number',
  calibration_revenue: 'number',
  p_alive: 'number',
  expected_purchases: 'number',
  expected_value_per_purchase: 'number',
  expected_value: 'number',
} as const;

/** Builds the result of `clv-bgnbd`; `ids` holds the id of every customer `listedCandidates` returned (row → id). */
export function clvResult(model: ClvModel, o: ResultContext, ids: ReadonlyMap<number, string>): AnalysisResult {
  const unit = unitName(o.time_unit);
  const { r, alpha, a, b } = model.bgnbd.params;
  const c = model.inputs;
  const s = model.scores;
  const n = c.n;
  let oneTime = 0;
  for (let i = 0; i < n; i++) if (c.frequency[i] === 0) oneTime++;
  const repeat = repeatRows(model);
  const atRisk = atRiskRows(model, repeat);
  // Only the top rows of each ranking are shown, and sums over a ranking only need its values in
  // order (ties are equal numbers), so neither a million-row sort nor localeCompare per
  // comparison is needed (see ranking.ts; the results are identical).
  const idOf = (i: number) => {
    const id = ids.get(i);
    if (id === undefined) throw new Error(`clv-bgnbd: no customer id for row ${i}`);
    return id;
  };
  const byId = (x: number, y: number) => compareIds(idOf(x), idOf(y));
  const topValue = topByValue(allRows(n), o.top_n, (i) => s.expected_value[i]!, byId);
  const totalValue = model.totalValue.value;
  const totalPurchases = model.totalPurchases.value;
  const concentration = concentrationRows(Float64Array.from(s.expected_value).sort().reverse(), totalValue);
  const top20 = concentration.find((p) => Math.abs(p.share_customers - 0.2) < 1e-9)?.share_value ?? 0;
  const topAtRisk = topByValue(atRisk, o.top_n, (i) => c.calibration_revenue[i]!, byId);
  const atRiskRevenue = valuesDescending(atRisk, (i) => c.calibration_revenue[i]!).reduce((sum, v) => sum + v, 0);
  const customerRow = (i: number) => ({
    customer_id: idOf(i),
    frequency: c.frequency[i]!,
    recency: c.recency[i]!,
    T: c.T[i]!,
    monetary_value: c.monetary_value[i]!,
    calibration_revenue: c.calibration_revenue[i]!,
    p_alive: s.p_alive[i]!,
    expected_purchases: s.expected_purchases[i]!,
    expected_value_per_purchase: s.expected_value_per_purchase[i]!,
    expected_value: s.expected_value[i]!,
  });

  const gg = model.gammaGamma;
  const se = (u: ClvModel['bgnbd']['uncertainty'], k: number) => (u.ok ? u.standardErrors[k]! : null);
  const bu = model.bgnbd.uncertainty;
  const parameters: {
    model: string;
    parameter: string;
    value: number;
    standard_error: number | null;
    meaning: string;
  }[] = [
    {
      model: 'BG/NBD',
      parameter: 'r',
      value: r,
      standard_error: se(bu, 0),
      meaning: 'shape of purchase rates across customers (smaller = more uneven)',
    },
    {
      model: 'BG/NBD',
      parameter: 'alpha',
      value: alpha,
      standard_error: se(bu, 1),
      meaning: `scale of purchase rates, in ${o.time_unit}; an active customer buys r/α = ${decimal(r / alpha, 3)} times a ${unit} on average`,
    },
    {
      model: 'BG/NBD',
      parameter: 'a',
      value: a,
      standard_error: se(bu, 2),
      meaning: 'dropout after a purchase ~ Beta(a, b)',
    },
    {
      model: 'BG/NBD',
      parameter: 'b',
      value: b,
      standard_error: se(bu, 3),
      meaning: `mean chance of dropping out after a purchase a/(a+b) = ${percent(a / (a + b), 1)}`,
    },
    {
      model: 'BG/NBD',
      parameter: 'log_likelihood',
      value: model.bgnbd.logLikelihood,
      standard_error: null,
      meaning: `maximised over ${model.bgnbd.customers} customers (${count(model.bgnbd.histories)} distinct histories, ${fitMethod(model.bgnbd)})`,
    },
  ];
  if (gg) {
    const gu = gg.uncertainty;
    parameters.push(
      {
        model: 'Gamma-Gamma',
        parameter: 'p',
        value: gg.params.p,
        standard_error: se(gu, 0),
        meaning: 'shape of a customer’s transaction values',
      },
      {
        model: 'Gamma-Gamma',
        parameter: 'q',
        value: gg.params.q,
        standard_error: se(gu, 1),
        meaning: 'shape of spend levels across customers',
      },
      {
        model: 'Gamma-Gamma',
        parameter: 'gamma',
        value: gg.params.gamma,
        standard_error: se(gu, 2),
        meaning: `scale; population mean spend pγ/(q−1) = ${money((gg.params.p * gg.params.gamma) / (gg.params.q - 1), 2)}`,
      },
      {
        model: 'Gamma-Gamma',
        parameter: 'log_likelihood',
        value: gg.logLikelihood,
        standard_error: null,
        meaning: `maximised over ${gg.customers} repeat buyers (${fitMethod(gg)})`,
      },
    );
  }

  const pAliveBins = Array.from({ length: 10 }, (_, i) => ({
    band: `${i * 10}–${i * 10 + 10}%`,
    bin_start: i / 10,
    customers: 0,
  }));
  for (const i of repeat) pAliveBins[Math.min(9, Math.floor(s.p_alive[i]! * 10))]!.customers++;
  let aliveSum = 0;
  for (const i of repeat) aliveSum += s.p_alive[i]!;

  const findings: AnalysisResult['findings'] = [
    finding(
      'expected_purchases',
      'clv.expected_purchases',
      {
        horizon: tv.duration(o.horizon, unit as DurationUnit, Number.isInteger(o.horizon) ? 0 : 1),
        from: tv.date(o.calibrationEnd),
        purchases: tv.count(totalPurchases),
        customers: tv.count(n),
        value: tv.money(totalValue, 0),
        discount: tv.percent(o.discount_rate, 0),
      },
      'purchases',
    ),
    finding('top20_value_share', 'clv.top20', { top: tv.percent(0.2), share: tv.percent(top20, 0) }, 'share'),
    atRisk.length
      ? finding(
          'at_risk',
          'clv.at_risk',
          {
            customers: tv.count(atRisk.length),
            half: tv.percent(0.5),
            spent: tv.money(atRiskRevenue, 0),
            until: tv.date(o.calibrationEnd),
          },
          'customers',
        )
      : finding('at_risk', 'clv.at_risk.none', { half: tv.percent(0.5) }, undefined, 0),
    finding(
      'dropout',
      'clv.dropout',
      { rate: tv.decimal(r / alpha, 3), per: term(`per.${unit as DurationUnit}`), dropout: tv.percent(a / (a + b), 0) },
      'dropout',
    ),
  ];
  const newCustomer = model.newCustomer.map((e) => ({
    t: e.t,
    expected_purchases: e.value,
    standard_error: e.standardError,
    low: e.low,
    high: e.high,
  }));
  const tables: AnalysisResult['tables'] = {
    customers: table(topValue.map(customerRow), customerColumns),
    at_risk: table(topAtRisk.map(customerRow), customerColumns),
    parameters: table(parameters, {
      model: 'string',
      parameter: 'string',
      value: 'number',
      standard_error: 'number',
      meaning: 'string',
    }),
    p_alive_bins: table(pAliveBins, { band: 'string', bin_start: 'number', customers: 'number' }),
    concentration: table(concentration, { share_customers: 'number', share_value: 'number' }),
    new_customer: table(newCustomer, {
      t: 'number',
      expected_purchases: 'number',
      standard_error: 'number',
      low: 'number',
      high: 'number',
    }),
  };
  const chartText: Record<string, ChartText> = {};
  const charts: AnalysisResult['charts'] = [];
  const last = model.newCustomer[model.newCustomer.length - 1];
  const scalars: AnalysisResult['scalars'] = {
    customers: n,
    one_time_buyers: oneTime,
    repeat_buyers: repeat.length,
    one_time_share: oneTime / n,
    expected_purchases: totalPurchases,
    expected_value: totalValue,
    top20_value_share: top20,
    at_risk: atRisk.length,
    at_risk_revenue: atRiskRevenue,
    mean_p_alive_repeat: repeat.length ? aliveSum / repeat.length : null,
    r,
    alpha,
    a,
    b,
    log_likelihood: model.bgnbd.logLikelihood,
    p: gg?.params.p ?? null,
    q: gg?.params.q ?? null,
    gamma: gg?.params.gamma ?? null,
    time_unit: o.time_unit,
    horizon: o.horizon,
    calibration_end: o.calibrationEnd,
    holdout_end: o.holdoutEnd,
    expected_purchases_se: model.totalPurchases.standardError,
    expected_purchases_low: model.totalPurchases.low,
    expected_purchases_high: model.totalPurchases.high,
    expected_value_se: model.totalValue.standardError,
    expected_value_low: model.totalValue.low,
    expected_value_high: model.totalValue.high,
    new_customer_expected_purchases: last ? last.value : 0,
    new_customer_expected_purchases_low: last?.low ?? null,
    new_customer_expected_purchases_high: last?.high ?? null,
  };
  if (model.holdout && o.holdoutLength !== null) {
    const h = model.holdout;
    const err = h.totalActual > 0 ? h.totalExpected / h.totalActual - 1 : null;
    tables.holdout = table(h.rows, {
      calibration_purchases: 'string',
      bucket: 'number',
      customers: 'number',
      expected: 'number',
      actual: 'number',
    });
    Object.assign(scalars, {
      holdout_expected: h.totalExpected,
      holdout_actual: h.totalActual,
      holdout_error: err,
      holdout_length: o.holdoutLength,
    });
    findings.unshift(
      finding(
        'holdout',
        err === null ? 'clv.holdout.none' : 'clv.holdout',
        {
          from: tv.date(o.calibrationEnd),
          to: tv.date(o.holdoutEnd),
          length: tv.duration(o.holdoutLength, unit as DurationUnit, 1),
          expected: tv.count(h.totalExpected),
          actual: tv.count(h.totalActual),
          error: tv.percent(err, 1, true),
        },
        err === null ? 'actual' : 'error',
        err,
      ),
    );
    const last = h.rows[h.rows.length - 1]!;
    charts.push(holdoutChart(unit, o.holdoutLength, last, (chartText['holdout-check'] = {})));
  }
  charts.push(
    pAliveChart(oneTime, (chartText['p-alive'] = {})),
    concentrationChart(top20, o.horizon, unit, (chartText['value-concentration'] = {})),
  );
  if (model.newCustomer.length)
    charts.push(
      newCustomerChart(
        unit,
        model.newCustomer.some((e) => e.low !== null),
      ),
    );

  const until = tv.date(o.calibrationEnd);
  const notes: Note[] = [
    note(o.time_unit === 'months' ? 'note.clv.time_unit.months' : 'note.clv.time_unit', {
      unit: term(`term.unit.${o.time_unit}`),
    }),
    note('note.clv.one_time', { customers: tv.count(oneTime), share: tv.percent(oneTime / n, 0), until }),
    o.holdoutEnd
      ? note('note.clv.fitted.holdout', { until, to: tv.date(o.holdoutEnd) })
      : note('note.clv.fitted', { until }),
    note('note.clv.expected_value', {
      margin: tv.percent(o.margin, 0),
      discount: tv.percent(o.discount_rate, 0),
      until,
    }),
  ];
  if (model.totalPurchases.low !== null && model.totalPurchases.high !== null) {
    const value = model.totalValue;
    const purchases = { low: tv.count(model.totalPurchases.low), high: tv.count(model.totalPurchases.high) };
    notes.push(
      value.low !== null && value.high !== null
        ? note('note.clv.intervals.value', {
            ...purchases,
            value_low: tv.money(value.low, 0),
            value_high: tv.money(value.high, 0),
          })
        : note('note.clv.intervals', purchases),
    );
  }
  if (model.uncertaintyNote) notes.push(model.uncertaintyNote);
  if (!model.gammaGamma) notes.push(note('note.clv.plain_spend', { min: tv.count(10) }));
  const rho = model.spendFrequencyCorrelation;
  if (rho !== null)
    notes.push(
      note(Math.abs(rho) > 0.3 ? 'note.clv.correlation.strong' : 'note.clv.correlation', { rho: tv.decimal(rho, 2) }),
    );
  if (!model.bgnbd.converged || (model.gammaGamma && !model.gammaGamma.converged))
    notes.push(note('note.clv.not_converged'));
  return { tables, scalars, charts, chartText, findings, ...noteFields(notes) };
}

/** How a fit was found, for the parameters table. */
function fitMethod(fit: { method: 'bfgs' | 'nelder-mead'; evaluations: number; sampleEvaluations: number }): string {
  const sample = fit.sampleEvaluations ? ` (after ${count(fit.sampleEvaluations)} on a sample, for the start)` : '';
  return `${fit.method === 'bfgs' ? 'BFGS' : 'Nelder–Mead after BFGS did not converge'}, ${count(fit.evaluations)} likelihood evaluations${sample}`;
}

/** 0, 1, …, n − 1. */
function allRows(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Rows of repeat buyers, in customer order. */
function repeatRows(model: ClvModel): Int32Array {
  const f = model.inputs.frequency;
  let k = 0;
  for (let i = 0; i < f.length; i++) if (f[i]! > 0) k++;
  const out = new Int32Array(k);
  for (let i = 0, j = 0; i < f.length; i++) if (f[i]! > 0) out[j++] = i;
  return out;
}

/** Early warning: rows of repeat buyers the model judges more likely gone than active (listed largest spenders first). */
function atRiskRows(model: ClvModel, repeat: Int32Array): Int32Array {
  return repeat.filter((i) => model.scores.p_alive[i]! < 0.5);
}

/**
 * The rows whose ids `clvResult` may show or compare: the candidates of its two lists (top by
 * expected value; at-risk repeat buyers by revenue). A caller that reads customers without their
 * ids (by `ix`) looks up these only.
 */
export function listedCandidates(model: ClvModel, topN: number): number[] {
  const atRisk = atRiskRows(model, repeatRows(model));
  const value = model.scores.expected_value;
  const revenue = model.inputs.calibration_revenue;
  return [
    ...new Set([
      ...topCandidates(allRows(model.inputs.n), topN, (i) => value[i]!),
      ...topCandidates(atRisk, topN, (i) => revenue[i]!),
    ]),
  ];
}

/** Points of the value concentration curve at every whole percent of customers (ranked by value, descending). */
export function concentrationRows(
  valuesDesc: ArrayLike<number>,
  total: number,
): { share_customers: number; share_value: number }[] {
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
