/**
 * Analysis `clv-bgbb`: who will give (or buy) again when the chances come at fixed times — a
 * yearly appeal, an annual event, a season — with the BG/BB model (`bgbb.ts`). Each calendar
 * period (year, quarter or month) after a customer's first is one opportunity; the histories
 * (x, tₓ, n) are grouped in SQL, so only the distinct ones reach the fit.
 */
import { tv } from '../../format/typed.ts';
import { hasTable } from '../../model/profile.ts';
import { toRows } from '../../sql/table.ts';
import { msg } from '../messages/chart-words.ts';
import { clause, finding } from '../messages/finding.ts';
import { english } from '../messages/localise.ts';
import type { MessageRef } from '../messages/render.ts';
import { notApplicable } from '../not-applicable.ts';
import { defineOptions, pickOptions } from '../options.ts';
import { clvOptions } from './clv-analysis.ts';
import { periodPart } from '../retention/sql.ts';
import { table } from '../retention/table.ts';
import type { AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { bgbbExpectedTransactions, bgbbProbabilityAlive, bgbbUnfittable, fitBgBb, type BgBbHistories } from './bgbb.ts';

/** The options of `clv-bgbb`. */
export const bgbbOptions = defineOptions([
  {
    name: 'opportunity',
    type: 'enum',
    values: ['year', 'quarter', 'month'],
    default: 'year',
    description:
      'The calendar period that is one chance to transact (a yearly appeal: year); a customer counts once per period.',
  },
  // The calibration end means what it means in clv-bgnbd: its period is the last opportunity counted.
  ...pickOptions(clvOptions, ['calibration_end']),
  {
    name: 'future_opportunities',
    type: 'integer',
    min: 1,
    max: 120,
    default: 5,
    description: 'How many future opportunities to predict transactions for.',
  },
]);

/** Options of the `clv-bgbb` analysis, as `run` receives them. */
export type BgBbOptions = OptionValues<typeof bgbbOptions>;

export const bgbbAnalysis: AnalysisDefinition<typeof bgbbOptions> = {
  id: 'clv-bgbb',
  title: 'Who will give again? (BG/BB)',
  description:
    'Repeat transactions at fixed opportunities (yearly donations, annual events) with the beta-geometric/beta-binomial model (Fader, Hardie & Shang 2010): P(alive) and expected future transactions per history.',
  requires: ['transactions'],
  options: bgbbOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    if (!hasTable(ctx.profile, 'transactions'))
      return notApplicable('BG/BB needs a transactions table (customer_id, date).', ['transactions']);
    const unit = periodPart(o.opportunity);
    const endRow = toRows(
      await ctx.db.query(
        o.calibration_end
          ? 'SELECT CAST($1 AS DATE) AS d'
          : 'SELECT max(CAST(date AS DATE)) AS d FROM transactions WHERE revenue >= 0',
        o.calibration_end ? [o.calibration_end] : [],
      ),
    )[0];
    if (!(endRow?.d instanceof Date)) return notApplicable('There are no transactions to count opportunities in.');
    const end = endRow.d;
    const rows = toRows(
      await ctx.db.query(
        `WITH p AS (
           SELECT customer_id, date_trunc(${unit}, CAST(date AS DATE)) AS period
           FROM transactions WHERE revenue >= 0 AND CAST(date AS DATE) <= CAST($1 AS DATE) GROUP BY ALL
         ), c AS (
           SELECT customer_id, min(period) AS first, count(*) - 1 AS x, max(period) AS last FROM p GROUP BY ALL
         )
         SELECT x, date_diff(${unit}, first, last) AS tx,
                date_diff(${unit}, first, date_trunc(${unit}, CAST($1 AS DATE))) AS n, count(*) AS customers
         FROM c GROUP BY ALL ORDER BY ALL`,
        [end],
      ),
    );
    const h: BgBbHistories = {
      x: Float64Array.from(rows, (r) => Number(r.x)),
      tx: Float64Array.from(rows, (r) => Number(r.tx)),
      n: Float64Array.from(rows, (r) => Number(r.n)),
      count: Float64Array.from(rows, (r) => Number(r.customers)),
    };
    const customers = h.count.reduce((s, c) => s + c, 0);
    const notes: string[] = [];
    const noteRefs: Record<number, MessageRef> = {};
    const note = (ref: MessageRef) => {
      noteRefs[notes.length] = ref;
      notes.push(english(ref));
    };
    const per = clause(`bgbb.unit.${o.opportunity}`);
    note(msg('bgbb.note.opportunities', { unit: per, end: tv.date(end.toISOString().slice(0, 10)) }));
    const why = customers < 10 ? 'too-few' : bgbbUnfittable(h);
    const fit = why ? null : fitBgBb(h);
    if (why === 'too-few') note(msg('bgbb.note.too_few', { customers: tv.count(customers) }));
    else if (why === 'no-repeat') note(msg('bgbb.note.no_repeat'));
    else if (why === 'no-opportunity' || why === 'no-customers') note(msg('bgbb.note.no_opportunity', { unit: per }));
    else if (fit && (fit.atBound || !Number.isFinite(fit.logLikelihood))) note(msg('bgbb.note.not_pinned'));
    const ok = fit && !fit.atBound && Number.isFinite(fit.logLikelihood) ? fit : null;
    if (ok && !ok.uncertainty.ok) note(msg('bgbb.note.no_se'));
    note(msg('bgbb.note.model'));

    const histories = rows.map((r, i) => {
      const [x, tx, n] = [h.x[i]!, h.tx[i]!, h.n[i]!];
      return {
        transactions: x,
        last_opportunity: tx,
        opportunities: n,
        customers: h.count[i]!,
        p_alive: ok ? bgbbProbabilityAlive(ok.params, x, tx, n) : null,
        expected_transactions: ok ? bgbbExpectedTransactions(ok.params, x, tx, n, o.future_opportunities) : null,
      };
    });
    const findings: Finding[] = [];
    const scalars: AnalysisResult['scalars'] = { customers, fitted: ok ? 1 : 0 };
    if (ok) {
      const expected = histories.reduce((s, r) => s + r.customers * r.expected_transactions!, 0);
      const alive = histories.reduce((s, r) => s + (r.p_alive! > 0.5 ? r.customers : 0), 0);
      Object.assign(scalars, {
        ...ok.params,
        log_likelihood: ok.logLikelihood,
        expected_transactions: expected,
        likely_alive: alive,
      });
      findings.push(
        finding(
          'expected',
          'bgbb.expected',
          {
            horizon: tv.duration(o.future_opportunities, o.opportunity),
            transactions: tv.count(Math.round(expected)),
            customers: tv.count(customers),
            alive: tv.percent(alive / customers, 0),
          },
          'transactions',
        ),
      );
    }
    return {
      tables: {
        parameters: table(
          ok
            ? (['alpha', 'beta', 'gamma', 'delta'] as const).map((name, i) => ({
                parameter: name,
                estimate: ok.params[name],
                standard_error: ok.uncertainty.ok ? ok.uncertainty.standardErrors[i]! : null,
              }))
            : [],
          { parameter: 'string', estimate: 'number', standard_error: 'number' },
        ),
        histories: table(histories, {
          transactions: 'number',
          last_opportunity: 'number',
          opportunities: 'number',
          customers: 'number',
          p_alive: 'number',
          expected_transactions: 'number',
        }),
      },
      scalars,
      charts: [],
      findings,
      notes,
      noteRefs,
    };
  },
};
