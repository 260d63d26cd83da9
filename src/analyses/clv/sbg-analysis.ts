/**
 * Analysis `sbg-retention`: contractual churn with the shifted-beta-geometric model (`sbg.ts`).
 * Fitted on every customer's tenure with censoring (from a tenure column, or from signup_date to
 * churn_date), by segment if asked, or on a retention curve typed in as an option; projects
 * survival and retention rates and values the current base by its discounted expected residual
 * lifetime (DERL).
 */
import { tv, type DurationUnit } from '../../format/typed.ts';
import { hasColumn, hasTable } from '../../model/profile.ts';
import { quoteIdent } from '../../sql/quote.ts';
import { toRows } from '../../sql/table.ts';
import { chartTexts, msg } from '../messages/chart-words.ts';
import { english } from '../messages/localise.ts';
import { clause, finding, text } from '../messages/finding.ts';
import type { MessageRef } from '../messages/render.ts';
import { notApplicable } from '../not-applicable.ts';
import { annualDiscountOptions, assumedMarginOptions } from '../option-groups.ts';
import { defineOptions } from '../options.ts';
import { churnExpression, resolveChurnSource } from '../retention/churn-flag.ts';
import { churnColumnOptions } from '../retention/options.ts';
import { customerColumn, periodPart } from '../retention/sql.ts';
import { table } from '../retention/table.ts';
import type { AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import {
  durationsFromCurve,
  fitSbg,
  kaplanMeier,
  sbgDerl,
  sbgRetentionRate,
  sbgSurvival,
  sbgUnfittable,
  type Durations,
  type SbgFit,
} from './sbg.ts';

/** The options of `sbg-retention`. */
export const sbgOptions = defineOptions([
  {
    name: 'tenure_column',
    type: 'string',
    default: '',
    description:
      'Customers column with each customer’s tenure in whole periods (Telco: tenure, in months); empty = from signup_date to churn_date, or to the data’s last date for customers still there.',
  },
  ...churnColumnOptions,
  {
    name: 'segment_column',
    type: 'string',
    default: '',
    description:
      'Customers column to fit one model per value of (plan, contract type…); empty = one model for everyone.',
  },
  {
    name: 'tenure_unit',
    type: 'enum',
    values: ['month', 'quarter', 'year'],
    default: 'month',
    description:
      'Length of one period (one renewal): tenure from dates is counted in whole periods of this length; a tenure column or a retention curve is read in it.',
  },
  {
    name: 'survivors',
    type: 'number[]',
    min: 0,
    default: [],
    description:
      'A retention curve instead of customer data: customers at the start, then still customers after each period (e.g. [1000, 631, 468, 382]); empty = read the customers table.',
  },
  {
    name: 'projection_periods',
    type: 'integer',
    min: 1,
    max: 600,
    default: 24,
    description: 'How many periods ahead to project survival and retention rates.',
  },
  {
    name: 'value_per_period_column',
    type: 'string',
    default: '',
    description:
      'Customers column with each customer’s revenue per period (Telco: MonthlyCharges); with it the base is valued in margin, else in expected renewals.',
  },
  ...annualDiscountOptions,
  ...assumedMarginOptions,
]);

/** Options of the `sbg-retention` analysis, as `run` receives them. */
export type SbgOptions = OptionValues<typeof sbgOptions>;

/** Periods per year of each unit, to turn the annual discount rate into a rate per period. */
const perYear: Record<SbgOptions['tenure_unit'], number> = { month: 12, quarter: 4, year: 1 };

/** Customers below this count are not fitted: two parameters from a handful of durations mean nothing. */
const MIN_CUSTOMERS = 10;

/** The label of the one segment when the base is not split (a chart value, shown in the reader's words). */
const ALL = 'All customers';

interface SegmentData {
  segment: string;
  durations: Durations;
  /** Active customers by tenure, and their summed value per period (for DERL). */
  active: Map<number, { customers: number; value: number }>;
}

interface SegmentFit extends SegmentData {
  fit: SbgFit | null;
  /** Why it was not fitted, as a note. */
  why?: MessageRef;
}

/** One segment's rows (tenure, churned, customers, value) into durations. */
function segmentData(
  segment: string,
  rows: { tenure: number; churned: boolean; n: number; value: number }[],
): SegmentData {
  const counts = new Map<number, number>();
  const active = new Map<number, { customers: number; value: number }>();
  for (const r of rows) {
    const key = r.tenure * 2 + (r.churned ? 1 : 0);
    counts.set(key, (counts.get(key) ?? 0) + r.n);
    if (!r.churned) {
      const a = active.get(r.tenure) ?? { customers: 0, value: 0 };
      a.customers += r.n;
      a.value += r.value;
      active.set(r.tenure, a);
    }
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return {
    segment,
    active,
    durations: {
      period: Float64Array.from(keys, (k) => Math.floor(k / 2)),
      churned: Uint8Array.from(keys, (k) => k % 2),
      count: Float64Array.from(keys, (k) => counts.get(k)!),
    },
  };
}

/** A segment's name in a sentence: the data's own value, or "All customers" in the reader's words. */
const segmentName = (segment: string) => (segment === ALL ? clause('chart.value.sbg.all') : text(segment));

/** Fits one segment, or says why not. */
function fitSegment(data: SegmentData): SegmentFit {
  const seg = segmentName(data.segment);
  const total = data.durations.count.reduce((s, n) => s + n, 0);
  if (total < MIN_CUSTOMERS)
    return {
      ...data,
      fit: null,
      why: msg('sbg.note.too_few', { segment: seg, customers: tv.count(total), min: tv.count(MIN_CUSTOMERS) }),
    };
  const reason = sbgUnfittable(data.durations);
  if (reason === 'nobody-left') return { ...data, fit: null, why: msg('sbg.note.nobody_left', { segment: seg }) };
  if (reason === 'all-left-first') return { ...data, fit: null, why: msg('sbg.note.all_left_first', { segment: seg }) };
  if (reason === 'no-customers')
    return {
      ...data,
      fit: null,
      why: msg('sbg.note.too_few', { segment: seg, customers: tv.count(0), min: tv.count(MIN_CUSTOMERS) }),
    };
  const fit = fitSbg(data.durations);
  if (fit.atBound || !Number.isFinite(fit.logLikelihood))
    return { ...data, fit: null, why: msg('sbg.note.not_pinned', { segment: seg }) };
  return { ...data, fit };
}

/** The base's value as the sum of its segments' (each valued with its own model). */
function sumValues(
  parts: { active: number; expected_renewals: number | null; value: number | null }[],
  withValue: boolean,
): { active: number; derl_mean: number | null; value: number | null } {
  const active = parts.reduce((s, p) => s + p.active, 0);
  const renewals = parts.reduce((s, p) => s + (p.expected_renewals ?? 0), 0);
  const money = parts.reduce((s, p) => s + (p.value ?? 0), 0);
  return { active, derl_mean: active > 0 ? renewals / active : null, value: withValue ? money : null };
}

/** As-of date for tenure from dates: the latest date the data knows of. */
async function latestDate(ctx: Parameters<AnalysisDefinition['run']>[0]): Promise<Date | null> {
  const parts = ['max(signup_date)'];
  if (hasColumn(ctx.profile, 'customers', 'churn_date')) parts.push('max(churn_date)');
  let sql = `SELECT greatest(${parts.join(', ')}) AS d FROM customers`;
  if (hasTable(ctx.profile, 'transactions'))
    sql = `SELECT greatest((${sql}), (SELECT max(CAST(date AS DATE)) FROM transactions)) AS d`;
  const d = toRows(await ctx.db.query(sql))[0]?.d;
  return d instanceof Date ? d : typeof d === 'string' ? new Date(d) : null;
}

export const sbgAnalysis: AnalysisDefinition<typeof sbgOptions> = {
  id: 'sbg-retention',
  title: 'How long will subscribers stay? (sBG)',
  description:
    'Contractual churn with the shifted-beta-geometric model (Fader & Hardie 2007): fitted on tenures with censoring or on a retention curve; projects survival and retention rates and values the base by discounted expected residual lifetime.',
  requires: [],
  options: sbgOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    const unit = o.tenure_unit as DurationUnit;
    const notes: string[] = [];
    const noteRefs: Record<number, MessageRef> = {};
    const note = (ref: MessageRef) => {
      noteRefs[notes.length] = ref;
      notes.push(english(ref));
    };
    let segments: SegmentData[];
    let segmentColumn: string | null = null;
    let valueColumn: string | null = null;
    if (o.survivors.length > 0) {
      let durations: Durations;
      try {
        durations = durationsFromCurve(o.survivors);
      } catch (e) {
        return notApplicable(`The retention curve cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
      }
      const last = o.survivors[o.survivors.length - 1]!;
      segments = [
        {
          segment: ALL,
          durations,
          active: new Map(last > 0 ? [[o.survivors.length - 1, { customers: last, value: 0 }]] : []),
        },
      ];
      note(msg('sbg.note.curve', { periods: tv.duration(o.survivors.length - 1, unit) }));
    } else {
      if (!hasTable(ctx.profile, 'customers'))
        return notApplicable(
          'The sBG model needs customers with their tenure and whether they left: import a customers table (signup_date and churn_date, or a tenure column and a churn flag), or type a retention curve into the option survivors.',
          ['customers'],
        );
      const churn = resolveChurnSource(ctx.profile, o.churn_column || undefined);
      if (churn.kind === 'none')
        return notApplicable(
          'The customers table records nobody leaving: it needs a churn_date column, or name a Yes/No churn column in the option churn_column.',
          ['customers'],
        );
      const churned = churnExpression(churn);
      let tenure: string;
      const params: Date[] = [];
      if (o.tenure_column) {
        const col = `c.${quoteIdent(customerColumn(ctx.profile, o.tenure_column, 'tenure_column'))}`;
        const t = `floor(TRY_CAST(${col} AS DOUBLE))`;
        // Someone who left is counted as leaving in her last period, at least the first.
        tenure = `CASE WHEN ${churned} THEN greatest(${t}, 1) ELSE ${t} END`;
        note(msg('sbg.note.tenure_column', { column: text(o.tenure_column), unit: tv.duration(1, unit) }));
      } else {
        if (!hasColumn(ctx.profile, 'customers', 'signup_date'))
          return notApplicable(
            'The sBG model needs each customer’s tenure: the customers table has no signup_date; name a column with tenure in whole periods in the option tenure_column.',
            ['customers'],
          );
        const asOf = await latestDate(ctx);
        if (!asOf) return notApplicable('The customers table has no signup dates to count tenure from.', ['customers']);
        params.push(asOf);
        const part = periodPart(o.tenure_unit);
        const end = hasColumn(ctx.profile, 'customers', 'churn_date')
          ? `CASE WHEN ${churned} THEN CAST(c.churn_date AS DATE) END`
          : 'NULL';
        // Left during her k-th period (k − 1 whole periods after signing up): T = k. Still there:
        // whole periods from signing up to the as-of date, each one renewed.
        tenure = `CASE WHEN ${churned} THEN date_sub(${part}, CAST(c.signup_date AS DATE), ${end}) + 1
                       ELSE date_sub(${part}, CAST(c.signup_date AS DATE), CAST($1 AS DATE)) END`;
        note(
          msg('sbg.note.tenure_dates', {
            unit: tv.duration(1, unit),
            as_of: tv.date(asOf.toISOString().slice(0, 10)),
          }),
        );
      }
      if (o.segment_column) segmentColumn = customerColumn(ctx.profile, o.segment_column, 'segment_column');
      if (o.value_per_period_column)
        valueColumn = customerColumn(ctx.profile, o.value_per_period_column, 'value_per_period_column');
      const segmentSql = segmentColumn ? `coalesce(CAST(c.${quoteIdent(segmentColumn)} AS VARCHAR), '')` : `''`;
      const valueSql = valueColumn ? `coalesce(TRY_CAST(c.${quoteIdent(valueColumn)} AS DOUBLE), 0)` : '0';
      const rows = toRows(
        await ctx.db.query(
          `WITH base AS (
             SELECT ${segmentSql} AS segment, ${tenure} AS tenure, ${churned} AS churned, ${valueSql} AS value
             FROM customers c
           )
           SELECT segment, tenure, churned, count(*) AS n, sum(value) AS value,
                  (tenure IS NULL OR tenure < 0 OR (churned AND tenure < 1)) AS unusable
           FROM base GROUP BY ALL ORDER BY ALL`,
          params,
        ),
      );
      const usable = rows.filter((r) => !r.unusable);
      const dropped = rows.filter((r) => r.unusable).reduce((s, r) => s + Number(r.n), 0);
      if (dropped > 0) note(msg('sbg.note.dropped', { customers: tv.count(dropped) }));
      const bySegment = new Map<string, { tenure: number; churned: boolean; n: number; value: number }[]>();
      const all: { tenure: number; churned: boolean; n: number; value: number }[] = [];
      for (const r of usable) {
        const row = { tenure: Number(r.tenure), churned: r.churned === true, n: Number(r.n), value: Number(r.value) };
        all.push(row);
        const key = String(r.segment);
        bySegment.set(key, [...(bySegment.get(key) ?? []), row]);
      }
      if (all.length === 0)
        return notApplicable(
          'No customer has a usable tenure (a whole number of periods, at least 1 for those who left).',
          ['customers'],
        );
      segments = [segmentData(ALL, all)];
      if (segmentColumn)
        for (const [key, list] of [...bySegment].sort(([a], [b]) => a.localeCompare(b)))
          segments.push(segmentData(key === '' ? '—' : key, list));
    }

    const fitted = segments.map(fitSegment);
    for (const s of fitted) if (s.why) note(s.why);
    const ok = fitted.filter((s): s is SegmentFit & { fit: SbgFit } => s.fit !== null);
    const overall = fitted[0]!;
    const horizon = o.projection_periods;
    const discount = (1 + o.discount_rate) ** (1 / perYear[o.tenure_unit]) - 1;

    const parameters = fitted.map((s) => ({
      segment: s.segment,
      customers: s.durations.count.reduce((a, n) => a + n, 0),
      left: s.durations.count.reduce((a, n, i) => a + (s.durations.churned[i] ? n : 0), 0),
      alpha: s.fit?.params.alpha ?? null,
      beta: s.fit?.params.beta ?? null,
      alpha_se: s.fit?.uncertainty.ok ? s.fit.uncertainty.standardErrors[0]! : null,
      beta_se: s.fit?.uncertainty.ok ? s.fit.uncertainty.standardErrors[1]! : null,
      log_likelihood: s.fit?.logLikelihood ?? null,
      mean_churn: s.fit ? s.fit.params.alpha / (s.fit.params.alpha + s.fit.params.beta) : null,
      method: s.fit?.method ?? null,
    }));
    for (const s of ok) {
      const { alpha, beta } = s.fit.params;
      // The churn probabilities hardly differ: the beta distribution is a spike, sBG a plain geometric.
      if (alpha + beta > 1e4)
        note(
          msg('sbg.note.homogeneous', { segment: segmentName(s.segment), rate: tv.percent(beta / (alpha + beta), 1) }),
        );
      else if (!s.fit.uncertainty.ok) note(msg('sbg.note.no_se', { segment: segmentName(s.segment) }));
    }

    const survival: {
      segment: string;
      period: number;
      actual: number | null;
      projected: number;
      retention_rate: number | null;
    }[] = [];
    for (const s of ok) {
      const projected = sbgSurvival(s.fit.params, horizon);
      const actual = kaplanMeier(s.durations);
      for (let t = 0; t <= horizon; t++)
        survival.push({
          segment: s.segment,
          period: t,
          actual: actual[t] ?? null,
          projected: projected[t]!,
          retention_rate: t > 0 ? sbgRetentionRate(s.fit.params, t) : null,
        });
    }

    let infinite = false;
    const value = ok.map((s) => {
      let active = 0;
      let derlTotal = 0;
      let money = 0;
      for (const [t, a] of s.active) {
        const derl = sbgDerl(s.fit.params, t, discount);
        if (!Number.isFinite(derl)) infinite = true;
        active += a.customers;
        derlTotal += derl * a.customers;
        money += derl * a.value * o.margin_pct;
      }
      return {
        segment: s.segment,
        active,
        derl_mean: active > 0 && Number.isFinite(derlTotal) ? derlTotal / active : null,
        expected_renewals: Number.isFinite(derlTotal) ? derlTotal : null,
        value: valueColumn && Number.isFinite(money) ? money : null,
      };
    });
    if (infinite) note(msg('sbg.note.derl_infinite'));

    const findings: Finding[] = [];
    const main = ok[0];
    const scalars: AnalysisResult['scalars'] = {};
    if (main) {
      const s = sbgSurvival(main.fit.params, horizon);
      const first = sbgRetentionRate(main.fit.params, 1);
      const later = sbgRetentionRate(main.fit.params, horizon);
      Object.assign(scalars, {
        alpha: main.fit.params.alpha,
        beta: main.fit.params.beta,
        log_likelihood: main.fit.logLikelihood,
        survival_at_horizon: s[horizon]!,
        retention_first: first,
        retention_at_horizon: later,
      });
      findings.push(
        finding(
          'survival',
          'sbg.survival',
          {
            horizon: tv.duration(horizon, unit),
            share: tv.percent(s[horizon]!, 0),
            first: tv.percent(first, 1),
            later: tv.percent(later, 1),
            period: tv.count(horizon),
          },
          'share',
        ),
      );
      // Split into segments that all fit, the base is valued segment by segment (each with its own
      // model): one model over mixed contract types would blur their very different lifetimes.
      const parts = value.slice(1);
      const bySegments =
        segmentColumn !== null &&
        parts.length > 0 &&
        ok.length === fitted.length &&
        parts.every((p) => p.derl_mean !== null || p.active === 0);
      const v = bySegments ? sumValues(parts, valueColumn !== null) : value[0]!;
      scalars.valued_by_segment = bySegments ? 1 : 0;
      if (v.active > 0 && v.derl_mean !== null) {
        scalars.active = v.active;
        scalars.derl_mean = v.derl_mean;
        scalars.base_value = v.value;
        findings.push(
          finding(
            'derl',
            v.value !== null ? 'sbg.derl.value' : 'sbg.derl',
            {
              active: tv.count(v.active),
              derl: tv.decimal(v.derl_mean, 1),
              discount: tv.percent(o.discount_rate, 0),
              value: tv.money(v.value, 0),
              margin: tv.percent(o.margin_pct, 0),
            },
            v.value !== null ? 'value' : 'derl',
          ),
        );
      }
    }
    if (segmentColumn) {
      const at = (s: SegmentFit & { fit: SbgFit }) => sbgSurvival(s.fit.params, horizon)[horizon]!;
      const ranked = ok.filter((s) => s !== overall).sort((a, b) => at(b) - at(a));
      const best = ranked[0];
      const worst = ranked[ranked.length - 1];
      if (best && worst && best !== worst) {
        Object.assign(scalars, {
          best_segment: best.segment,
          best_survival: at(best),
          worst_segment: worst.segment,
          worst_survival: at(worst),
        });
        findings.push(
          finding(
            'segments',
            'sbg.segments',
            {
              best: text(best.segment),
              best_share: tv.percent(at(best), 0),
              worst: text(worst.segment),
              worst_share: tv.percent(at(worst), 0),
              horizon: tv.duration(horizon, unit),
            },
            'best_share',
          ),
        );
      }
    }
    if (ok.length === 0) note(msg('sbg.note.nothing_fitted'));
    note(msg('sbg.note.model'));

    const words = chartTexts();
    words.of('sbg-survival').value(msg('chart.value.sbg.all'));
    words.of('sbg-retention').value(msg('chart.value.sbg.all'));
    const x = (id: string) => words.of(id).set('x', msg(`chart.sbg.x.${o.tenure_unit}`));
    const color = (id: string) => ({ legend: ok.length > 1, label: words.of(id).set('color', msg('chart.sbg.group')) });
    const charts: AnalysisResult['charts'] = ok.length
      ? [
          {
            id: 'sbg-survival',
            title: 'How many of a new cohort are still customers',
            subtitle: 'Dots: observed (Kaplan–Meier); lines: the sBG projection',
            data: 'survival',
            x: { label: x('sbg-survival') },
            y: { label: '↑ Still customers', tickFormat: '.0%', domain: [0, 1], grid: true },
            color: color('sbg-survival'),
            marks: [
              { type: 'line', x: 'period', y: 'projected', stroke: 'segment', options: { strokeWidth: 2 } },
              { type: 'dot', x: 'period', y: 'actual', stroke: 'segment', r: 3, options: { tip: true } },
            ],
          },
          {
            id: 'sbg-retention',
            title: 'Retention rises as the likely leavers go',
            subtitle: 'Projected share of those there at the start of each period who renew at its end',
            data: 'survival',
            x: { label: x('sbg-retention') },
            y: { label: '↑ Retention rate', tickFormat: '.0%', grid: true },
            color: color('sbg-retention'),
            marks: [{ type: 'line', x: 'period', y: 'retention_rate', stroke: 'segment', options: { strokeWidth: 2 } }],
          },
        ]
      : [];

    return {
      tables: {
        parameters: table(parameters, {
          segment: 'string',
          customers: 'number',
          left: 'number',
          alpha: 'number',
          beta: 'number',
          alpha_se: 'number',
          beta_se: 'number',
          log_likelihood: 'number',
          mean_churn: 'number',
          method: 'string',
        }),
        survival: table(survival, {
          segment: 'string',
          period: 'number',
          actual: 'number',
          projected: 'number',
          retention_rate: 'number',
        }),
        value: table(value, {
          segment: 'string',
          active: 'number',
          derl_mean: 'number',
          expected_renewals: 'number',
          value: 'number',
        }),
      },
      scalars: {
        customers: parameters[0]?.customers ?? 0,
        left: parameters[0]?.left ?? 0,
        fitted: overall.fit ? 1 : 0,
        ...scalars,
      },
      charts,
      chartText: words.chartText,
      findings,
      notes,
      noteRefs,
    };
  },
};
