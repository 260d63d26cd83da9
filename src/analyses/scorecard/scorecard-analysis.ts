/**
 * Analysis `scorecard`: the customer-asset scorecard, the first page a board sees
 * (docs/analyses/scorecard.md). The criteria of a high-quality customer asset — satisfaction,
 * loyalty, retention, customer lifetime value, word of mouth — plus customer equity, the top 20%'s
 * share of profit, the loss-makers' drag and the value at risk among slipping core customers, each
 * for the data's last complete quarter with its trend over the quarters before, and the built-in
 * notebook that explains it. A criterion the data cannot show becomes a finding that says what
 * data would show it; the analysis itself always applies to transactions.
 *
 * It reads the summary's monthly tables (docs/summary.md), not the transactions, and computes each
 * figure with its explaining analysis's own numerics (whale statistics, customer equity's CLV).
 */
import { tv, type TypedValue } from '../../format/typed.ts';
import { hasColumn, hasTable } from '../../model/profile.ts';
import { toRows } from '../../sql/table.ts';
import { clause, finding, term, text } from '../messages/finding.ts';
import type { FindingKey } from '../messages/catalogs.ts';
import type { MessageParam, MessageParams, MessageRef } from '../messages/render.ts';
import { annualDiscountOptions, assumedMarginOptions } from '../option-groups.ts';
import { defineOptions } from '../options.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { completeQuarters, previousQuarter, type Quarter } from './quarters.ts';
import {
  scorecardFigures,
  type CustomerQuarterColumns,
  type QuarterFigures,
  type SurveyColumns,
} from './scorecard-numerics.ts';
import { buildScorecardCustomerQuery, buildScorecardSurveyQuery } from './scorecard-sql.ts';

export const scorecardOptions = defineOptions([
  {
    name: 'quarters',
    type: 'integer',
    min: 2,
    max: 12,
    default: 4,
    description:
      'How many complete calendar quarters the trends show (the data’s latest ones, as far as it goes back).',
  },
  ...assumedMarginOptions,
  ...annualDiscountOptions,
]);

export type ScorecardOptions = OptionValues<typeof scorecardOptions>;

/** The criteria in the order the scorecard shows them, with the notebook that explains each. */
export const criteria = [
  { id: 'satisfaction', notebook: 'satisfied-is-not-loyal' },
  { id: 'loyalty', notebook: 'satisfied-is-not-loyal' },
  { id: 'retention', notebook: 'retention-what-if' },
  { id: 'clv', notebook: 'retention-what-if' },
  { id: 'word_of_mouth', notebook: 'satisfied-is-not-loyal' },
  { id: 'equity', notebook: 'retention-what-if' },
  { id: 'core_share', notebook: 'who-really-makes-the-profit' },
  { id: 'loss_drag', notebook: 'who-really-makes-the-profit' },
  { id: 'value_at_risk', notebook: 'segmenting-the-customer-base' },
] as const;

export type CriterionId = (typeof criteria)[number]['id'];

const quarterLabel = (q: Quarter): MessageParam =>
  clause('scorecard.quarter', { year: text(String(q.year)), q: text(String(q.q)) });

/** The value of one criterion in one quarter, typed. */
function valueOf(id: CriterionId, f: QuarterFigures): TypedValue {
  switch (id) {
    case 'satisfaction':
      return tv.percent(f.satisfaction);
    case 'loyalty':
      return tv.percent(f.loyalty);
    case 'retention':
      return tv.percent(f.retention);
    case 'clv':
      return tv.money(f.clv, 0);
    case 'word_of_mouth':
      return tv.percent(f.netPromoters, undefined, true);
    case 'equity':
      return tv.money(f.equity, 0);
    case 'core_share':
      return tv.percent(f.coreShare);
    case 'loss_drag':
      return tv.money(f.loss, 0);
    case 'value_at_risk':
      return tv.money(f.valueAtRisk, 0);
  }
}

const SHARES: ReadonlySet<CriterionId> = new Set([
  'satisfaction',
  'loyalty',
  'retention',
  'word_of_mouth',
  'core_share',
]);

/** The change on the quarter before: points for shares, a relative change for money. */
function changeOf(id: CriterionId, now: number | null, before: number | null): MessageParam {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before))
    return clause('common.empty');
  // A change that rounds to nothing reads "unchanged", not "0 points" or "0%".
  if (SHARES.has(id))
    return Math.abs(now - before) < 0.005
      ? clause('scorecard.change.same')
      : clause('scorecard.change.pp', { delta: tv.pp(now - before, 0, true) });
  if (before === 0) return clause('common.empty');
  if (Math.abs(now - before) < 0.0005 * Math.abs(before)) return clause('scorecard.change.same');
  return clause('scorecard.change.relative', { delta: tv.percent((now - before) / Math.abs(before), undefined, true) });
}

const num = (v: TypedValue): number | null =>
  typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : null;

function na(id: CriterionId, key: FindingKey, params: MessageParams = {}): Finding {
  return finding(id, key, { criterion: term(`scorecard.criterion.${id}`), ...params });
}

async function numericColumns(ctx: AnalysisContext, sql: string): Promise<Record<string, ArrayLike<number>>> {
  if (ctx.numeric) return (await ctx.numeric(sql)).columns;
  const t = await ctx.db.query(sql);
  return Object.fromEntries(t.columns.map((c, i) => [c.name, t.data[i]!.map((x) => Number(x))]));
}

async function dataRange(ctx: AnalysisContext): Promise<{ first: string; last: string } | null> {
  if (ctx.summary?.dateFrom && ctx.summary.dateTo) return { first: ctx.summary.dateFrom, last: ctx.summary.dateTo };
  const [r] = toRows(
    await ctx.db.query(
      `SELECT strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last FROM transactions WHERE customer_id IS NOT NULL AND date IS NOT NULL`,
    ),
  );
  return r?.first && r.last ? { first: String(r.first), last: String(r.last) } : null;
}

export const scorecardAnalysis: AnalysisDefinition<typeof scorecardOptions> = {
  id: 'scorecard',
  title: 'Customer-asset scorecard',
  description:
    'Satisfaction, loyalty, retention, customer lifetime value, word of mouth, customer equity, the top 20%’s share of profit, the loss-makers’ drag and the value at risk among slipping core customers, for the last complete quarter with their trend.',
  requires: ['transactions'],
  options: scorecardOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    const range = await dataRange(ctx);
    const scored = range ? completeQuarters(range.first, range.last, o.quarters + 1) : [];
    // One more quarter than shown, when the data has it, so the first shown one has a quarter before.
    const hasPrevious = scored.length > o.quarters;
    const shown = hasPrevious ? scored.slice(1) : scored;
    const notes: string[] = [];
    const result: AnalysisResult = { tables: {}, scalars: {}, charts: [], findings: [], notes };
    if (shown.length === 0) {
      for (const c of criteria) result.findings.push(na(c.id, 'scorecard.na.no_quarter'));
      return result;
    }
    const quarters = [hasPrevious ? scored[0]! : previousQuarter(shown[0]!), ...shown];
    const fromSummary = !!ctx.summary;
    const customers = await numericColumns(
      ctx,
      buildScorecardCustomerQuery(ctx.profile, quarters, o.margin_pct, fromSummary),
    );
    const surveysUsable =
      hasTable(ctx.profile, 'surveys') &&
      hasColumn(ctx.profile, 'surveys', 'satisfaction') &&
      hasColumn(ctx.profile, 'surveys', 'date');
    const surveys = surveysUsable ? await numericColumns(ctx, buildScorecardSurveyQuery(ctx.profile, quarters)) : null;
    const figures = scorecardFigures(customers as CustomerQuarterColumns, quarters.length, {
      discountRate: o.discount_rate,
      hasPrevious,
      surveys: surveys as SurveyColumns | null,
    });
    const last = figures.at(-1)!;
    const lastQ = shown.at(-1)!;
    const period = quarterLabel(lastQ);
    const prevPeriod = quarterLabel(previousQuarter(lastQ));
    const hasRecommend = surveysUsable && hasColumn(ctx.profile, 'surveys', 'recommend');

    const table: Record<string, (string | number | null)[]> = { criterion: [], quarter: [], value: [] };
    for (const c of criteria) {
      const values = figures.map((f) => valueOf(c.id, f));
      const headline = values.at(-1)!;
      const trend = shown.map((q, i) => ({ period: quarterLabel(q), value: values[i]! }));
      for (let i = 0; i < shown.length; i++) {
        table.criterion!.push(c.id);
        table.quarter!.push(`${shown[i]!.year}-Q${shown[i]!.q}`);
        table.value!.push(num(values[i]!));
      }
      result.scalars[c.id] = num(headline);
      let f: Finding;
      if ((c.id === 'satisfaction' || c.id === 'word_of_mouth') && !surveysUsable) f = na(c.id, 'scorecard.na.surveys');
      else if (c.id === 'word_of_mouth' && !hasRecommend) f = na(c.id, 'scorecard.na.recommend');
      else if (num(headline) === null) {
        f =
          c.id === 'satisfaction' || c.id === 'word_of_mouth'
            ? na(c.id, 'scorecard.na.no_answers', { period })
            : c.id === 'core_share'
              ? na(c.id, 'scorecard.na.no_profit', { period, profit: tv.money(last.profit, 0) })
              : na(c.id, 'scorecard.na.history', { period });
      } else {
        const before = values.length > 1 ? num(values.at(-2)!) : null;
        const params: MessageParams = {
          value: headline,
          period,
          prev: prevPeriod,
          customers: tv.count(last.customers),
          count: tv.count(c.id === 'loss_drag' ? last.lossMakers : (last.slipping ?? 0)),
          change: changeOf(c.id, num(headline), before),
        };
        f = finding(c.id, `scorecard.${c.id}`, params, 'value');
        f.trend = trend;
      }
      f.explainedBy = c.notebook;
      result.findings.push(f);
    }
    result.tables.trend = {
      columns: [
        { name: 'criterion', type: 'VARCHAR', kind: 'string' },
        { name: 'quarter', type: 'VARCHAR', kind: 'string' },
        { name: 'value', type: 'DOUBLE', kind: 'number' },
      ],
      rowCount: table.criterion!.length,
      data: [table.criterion!, table.quarter!, table.value!],
    };
    result.scalars.quarter = `${lastQ.year}-Q${lastQ.q}`;
    if (shown.length < o.quarters) {
      result.noteRefs = { 0: clause('scorecard.note.short', { quarters: tv.count(shown.length) }) as MessageRef };
      notes.push(`The data holds ${shown.length} complete quarters; the trends show those.`);
    }
    return result;
  },
};
