/**
 * `satisfaction-loyalty`: the curve, its zones, the 5-vs-4 figure, value at stake, and — with a
 * `segment` option — one curve per segment and their steepness (competitive intensity).
 */
import { tv } from '../../format/typed.ts';
import { clause, finding, list, term, text } from '../messages/finding.ts';

/** A satisfaction level as a number: whole levels without decimals. */
const level = (x: number | null) => tv.decimal(x, x === null || Number.isInteger(x) ? 0 : 1);
import { defineOptions } from '../options.ts';
import { note, noteFields } from '../messages/notes.ts';
import type { ChartText } from '../messages/render.ts';
import type { AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { curveChart, segmentChart, steepnessChart } from './charts.ts';
import { drawnCurve, leaveRatio, loyaltyCurve, topBoxRatio, type CurvePoint } from './curve.ts';
import { loadSatisfaction, MISSING_SURVEYS_NOTE } from './load.ts';
import { commonOptionSpecs } from './options.ts';
import { notesOnly, tableOf } from './result.ts';
import { curveSteepness } from './steepness.ts';
import { valueAtStake } from './value-at-stake.ts';
import { locateZones, zoneBands, zoneOf } from './zones.ts';

/** The options of `satisfaction-loyalty`: the common ones and manual zone boundaries. */
export const satisfactionLoyaltyOptions = defineOptions([
  ...commonOptionSpecs,
  {
    name: 'defection_max',
    type: 'number',
    description: 'Override: levels at or below this are the zone of defection.',
  },
  {
    name: 'affection_min',
    type: 'number',
    description: 'Override: levels at or above this are the zone of affection.',
  },
]);

/** Options of `satisfaction-loyalty`, as `run` receives them. */
export type SatisfactionLoyaltyOptions = OptionValues<typeof satisfactionLoyaltyOptions>;

/** Runs the curve analysis on a connection. */
export async function runSatisfactionLoyalty(
  ctx: Parameters<AnalysisDefinition['run']>[0],
  o: SatisfactionLoyaltyOptions,
): Promise<AnalysisResult> {
  const loaded = await loadSatisfaction(ctx, o);
  if (!loaded.ok) return notesOnly(loaded.notes, loaded.needs);
  const { scale, pooled, rows, segmentColumn, notes } = loaded.data;
  const outcomeTerm = term(`outcome.${o.outcome}`);
  const curve = loyaltyCurve(pooled, o.min_n);
  if (curve.length === 0) return notesOnly([...notes, note('note.sat.no_outcome_yet')]);
  const override = {
    ...(o.defection_max !== undefined ? { defectionMax: o.defection_max } : {}),
    ...(o.affection_min !== undefined ? { affectionMin: o.affection_min } : {}),
  };
  const zones = locateZones(curve, override);
  const bands = zoneBands(zones, scale.low, scale.high).map((b) => ({ ...b, x_mid: (b.x1 + b.x2) / 2 }));
  const top = topBoxRatio(curve, scale.high);
  const leave = leaveRatio(top);
  const stake = valueAtStake(pooled, zones);
  const unreliable = curve.filter((p) => !p.reliable).map((p) => p.satisfaction);
  if (unreliable.length)
    notes.push(
      note('note.sat.unreliable', {
        levels: list(
          unreliable.map((l) => tv.decimal(l)),
          'and',
        ),
        count: tv.count(unreliable.length),
        min: tv.count(o.min_n),
      }),
    );
  if (zones.method === 'none') notes.push(note('note.sat.zones.none', { min: tv.count(o.min_n) }));
  else if (zones.method === 'manual') notes.push(note('note.sat.zones.manual'));
  else if (zones.method === 'midpoint') notes.push(note('note.sat.zones.midpoint'));

  const curveRows = drawnCurve(curve).map((p) => ({ ...p, zone: zoneOf(zones, p.satisfaction) }));
  const levelRows = pooled.map((r) => ({
    satisfaction: r.satisfaction,
    zone: zoneOf(zones, r.satisfaction),
    respondents: r.respondents,
    n: r.n,
    loyal: r.loyal,
    revenue: r.revenue_loyal + r.revenue_not_loyal,
    profit: r.profit_loyal + r.profit_not_loyal,
  }));
  const tables: AnalysisResult['tables'] = {
    curve: tableOf(curveRows, [
      'satisfaction',
      'n',
      'loyal',
      'rate',
      'low',
      'high',
      'reliable',
      'zone',
      'rate_line',
      'opacity',
      'n_label',
    ]),
    zones: tableOf(bands, ['zone', 'x1', 'x2', 'x_mid']),
    levels: tableOf(levelRows, ['satisfaction', 'zone', 'respondents', 'n', 'loyal', 'revenue', 'profit']),
    steps: tableOf(zones.steps, ['from', 'to', 'slope', 'relative', 'steep']),
  };
  const n = curve.reduce((s, p) => s + p.n, 0);
  const overall = curve.reduce((s, p) => s + p.loyal, 0) / n;
  const scalars: AnalysisResult['scalars'] = {
    outcome: o.outcome,
    scale: scale.id,
    respondents: n,
    loyalty_rate: overall,
    top_level: top.top,
    top_rate: top.topRate,
    next_rate: top.nextRate,
    top_box_ratio: top.ratio,
    top_box_ratio_low: top.low,
    top_box_ratio_high: top.high,
    top_box_ratio_ceiling: leave.ceiling,
    top_leave_rate: leave.topLeave,
    next_leave_rate: leave.nextLeave,
    leave_ratio: leave.ratio,
    defection_max: zones.defectionMax,
    affection_min: zones.affectionMin,
    defection_customers: stake?.customers ?? null,
    defection_revenue: stake?.revenue ?? null,
    defection_profit: stake?.profit ?? null,
    defection_revenue_share: stake?.revenue_share ?? null,
    censored: loaded.data.accounting.censored,
    no_transactions: loaded.data.accounting.no_transactions,
  };
  const findings: Finding[] = [];
  if (top.ratio !== null && top.topRate !== null && top.nextRate !== null) {
    const ci =
      top.low !== null
        ? clause('satisfaction.top_box.ci', { low: tv.decimal(top.low, 1), high: tv.ratio(top.high, 1) })
        : clause('common.empty');
    const turned =
      leave.ratio !== null && leave.ratio > top.ratio
        ? clause('satisfaction.top_box.turned', {
            next_leave: tv.percent(leave.nextLeave, 0),
            next: level(top.next),
            top_leave: tv.percent(leave.topLeave, 0),
            top: level(top.top),
            ratio: tv.ratio(leave.ratio, 1),
          })
        : clause('common.period');
    findings.push(
      finding(
        'top_box_ratio',
        'satisfaction.top_box',
        {
          top: level(top.top),
          top_rate: tv.percent(top.topRate, 0),
          outcome: outcomeTerm,
          next: level(top.next),
          next_rate: tv.percent(top.nextRate, 0),
          ratio: tv.ratio(top.ratio, 1),
          ci,
          turned,
        },
        'ratio',
      ),
    );
  }
  if (zones.method !== 'none' && zones.defectionMax !== null && zones.affectionMin !== null) {
    const aff = curve.filter((p) => p.satisfaction >= zones.affectionMin!);
    const def = curve.filter((p) => p.satisfaction <= zones.defectionMax!);
    const rate = (ps: CurvePoint[]) =>
      ps.reduce((s, p) => s + p.loyal, 0) /
      Math.max(
        1,
        ps.reduce((s, p) => s + p.n, 0),
      );
    findings.push(
      finding(
        'zones',
        'satisfaction.zones',
        {
          affection: level(zones.affectionMin),
          affection_rate: tv.percent(rate(aff), 0),
          outcome: outcomeTerm,
          defection: level(zones.defectionMax),
          defection_rate: tv.percent(rate(def), 0),
        },
        'affection_rate',
        zones.affectionMin,
      ),
    );
  }
  if (stake && stake.customers > 0) {
    findings.push(
      finding(
        'value_at_stake',
        'satisfaction.value_at_stake',
        {
          customers: tv.count(stake.customers),
          revenue: tv.money(stake.revenue, 0),
          profit: tv.money(stake.profit, 0),
          window: tv.duration(o.window_days, 'day'),
          share: tv.percent(stake.revenue_share, 0),
          defectors: tv.count(stake.expected_defectors),
        },
        'revenue',
      ),
    );
  }

  const chartText: Record<string, ChartText> = {};
  const charts = [curveChart(scale, o.outcome, n, overall, o.min_n, (chartText.curve = {}))];
  if (segmentColumn) {
    const bySegment = new Map<string, CurvePoint[]>();
    for (const r of rows) {
      if (bySegment.has(r.segment)) continue;
      const c = loyaltyCurve(
        rows.filter((x) => x.segment === r.segment),
        o.min_n,
      );
      if (c.length > 0) bySegment.set(r.segment, c);
    }
    const segCurves = [...bySegment.values()].flat();
    tables.segment_curves = tableOf(drawnCurve(segCurves), [
      'segment',
      'satisfaction',
      'n',
      'loyal',
      'rate',
      'low',
      'high',
      'reliable',
      'rate_line',
      'opacity',
    ]);
    const steep = curveSteepness(bySegment, scale.high);
    tables.steepness = tableOf(steep, [
      'segment',
      'respondents',
      'top_rate',
      'next_rate',
      'top_step',
      'logistic_slope',
      'slope_se',
    ]);
    charts.push(
      segmentChart(scale, o.outcome, segmentColumn, o.min_n, (chartText['segment-curves'] = {})),
      steepnessChart(segmentColumn, (chartText.steepness = {})),
    );
    const ranked = steep.filter((s) => s.top_step !== null).sort((a, b) => b.top_step! - a.top_step!);
    const first = ranked[0];
    const last = ranked[ranked.length - 1];
    if (first && last && ranked.length > 1) {
      scalars.steepest_segment = first.segment;
      scalars.flattest_segment = last.segment;
      scalars.steepness_gap = first.top_step! - last.top_step!;
      findings.push(
        finding(
          'competitive_intensity',
          'satisfaction.competitive',
          {
            steep: text(first.segment),
            steep_drop: tv.pp(first.top_step),
            flat: text(last.segment),
            flat_drop: tv.pp(last.top_step),
          },
          'steep_drop',
          first.top_step! - last.top_step!,
        ),
      );
    }
  }
  return { tables, scalars, charts, chartText, findings, ...noteFields(notes) };
}

/** The registered definition. */
export const satisfactionLoyalty: AnalysisDefinition<typeof satisfactionLoyaltyOptions> = {
  id: 'satisfaction-loyalty',
  title: 'Satisfaction–loyalty curve',
  description:
    'Loyalty by satisfaction level with 95% intervals, zones of defection/indifference/affection, the top-box ratio, value at stake, and curves per segment.',
  requires: ['surveys'],
  missingNote: MISSING_SURVEYS_NOTE,
  options: satisfactionLoyaltyOptions,
  run: runSatisfactionLoyalty,
};
