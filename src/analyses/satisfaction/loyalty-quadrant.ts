/**
 * `loyalty-quadrant`: apostles, mercenaries, hostages and defectors with counts, revenue and
 * profit, and the list of hostages (Jones & Sasser 1995).
 */
import { oneChart } from '../messages/chart-words.ts';
import { tv } from '../../format/typed.ts';
import { finding, term, text } from '../messages/finding.ts';
import { defineOptions } from '../options.ts';
import { note, noteFields } from '../messages/notes.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { quadrantChart } from './charts.ts';
import { buildHostagesQuery } from './level-query.ts';
import { loadSatisfaction, MISSING_SURVEYS_NOTE } from './load.ts';
import { commonOptionSpecs } from './options.ts';
import { loyaltyQuadrant, quadrantInfo } from './quadrant.ts';
import { notesOnly, tableOf } from './result.ts';
import { defaultSatisfiedFrom } from './scale.ts';
import { count, money, percent } from '../../format/number.ts';

/** The options of `loyalty-quadrant`: the common ones, where satisfied starts, and the hostage list. */
export const loyaltyQuadrantOptions = defineOptions([
  ...commonOptionSpecs,
  {
    name: 'satisfied_from',
    type: 'integer',
    min: 0,
    max: 10,
    description: 'Lowest level that counts as satisfied (default: top quarter of the scale, e.g. 4 on 1–5).',
  },
  {
    name: 'hostage_limit',
    type: 'integer',
    min: 1,
    max: 10000,
    default: 50,
    description: 'How many hostages to list, most profitable first.',
  },
]);

/** Options of `loyalty-quadrant`, as `run` receives them. */
export type LoyaltyQuadrantOptions = OptionValues<typeof loyaltyQuadrantOptions>;

/** Runs the quadrant on a connection. */
export async function runLoyaltyQuadrant(ctx: AnalysisContext, o: LoyaltyQuadrantOptions): Promise<AnalysisResult> {
  const loaded = await loadSatisfaction(ctx, o);
  if (!loaded.ok) return notesOnly(loaded.notes, loaded.needs);
  const { scale, pooled, params, notes } = loaded.data;
  const cut = o.satisfied_from ?? defaultSatisfiedFrom(scale);
  if (cut <= scale.low || cut > scale.high)
    throw new Error(
      `loyalty-quadrant: invalid satisfied_from: ${cut} (expected ${scale.low + 1}–${scale.high} on ${scale.id})`,
    );
  notes.push(
    note(o.satisfied_from === undefined ? 'note.quadrant.cut.default' : 'note.quadrant.cut', {
      cut: tv.decimal(cut),
      scale: text(scale.id),
      outcome: term(`outcome.${o.outcome}`),
    }),
  );
  const quadrant = loyaltyQuadrant(pooled, cut).map((q) => ({
    ...q,
    x_label: q.satisfied ? 'Satisfied' : 'Not satisfied',
    y_label: q.loyal ? 'Loyal' : 'Not loyal',
    caption: `${q.label.split(' (')[0]}\n${count(q.customers)} (${percent(q.share, 0)})\nprofit ${money(q.profit, 0)}`,
    action: quadrantInfo[q.quadrant].action,
  }));
  const h = buildHostagesQuery(params, cut, o.hostage_limit);
  const hostages = await ctx.db.query(h.sql, h.params);
  const by = Object.fromEntries(quadrant.map((q) => [q.quadrant, q]));
  const total = quadrant.reduce((s, q) => s + q.customers, 0);
  if (total === 0) return notesOnly([...notes, note('note.quadrant.no_outcome')]);
  const scalars: AnalysisResult['scalars'] = { satisfied_from: cut, customers: total };
  for (const q of quadrant) {
    scalars[q.quadrant] = q.customers;
    scalars[`${q.quadrant}_share`] = q.share;
    scalars[`${q.quadrant}_revenue`] = q.revenue;
    scalars[`${q.quadrant}_profit`] = q.profit;
  }
  const findings: Finding[] = [];
  const hos = by.hostages!;
  const mer = by.mercenaries!;
  findings.push(
    finding(
      'hostages',
      'quadrant.hostages',
      { customers: tv.count(hos.customers), share: tv.percent(hos.share, 0), revenue: tv.money(hos.revenue, 0) },
      'customers',
    ),
  );
  findings.push(
    finding(
      'mercenaries',
      'quadrant.mercenaries',
      { customers: tv.count(mer.customers), share: tv.percent(mer.share, 0) },
      'customers',
    ),
  );
  return {
    tables: {
      quadrant: tableOf(quadrant, [
        'quadrant',
        'label',
        'satisfied',
        'loyal',
        'customers',
        'share',
        'revenue',
        'profit',
        'action',
        'x_label',
        'y_label',
        'caption',
      ]),
      hostages,
    },
    scalars,
    ...oneChart('quadrant', (t) => quadrantChart(scale, cut, o.outcome, quadrant, t)),
    findings,
    ...noteFields(notes),
  };
}

/** The registered definition. */
export const loyaltyQuadrantAnalysis: AnalysisDefinition<typeof loyaltyQuadrantOptions> = {
  id: 'loyalty-quadrant',
  title: 'Loyalty quadrant (apostles, mercenaries, hostages, defectors)',
  description: 'Satisfaction × loyalty: counts, revenue and profit per quadrant, and who the hostages are.',
  requires: ['surveys'],
  missingNote: MISSING_SURVEYS_NOTE,
  options: loyaltyQuadrantOptions,
  run: runLoyaltyQuadrant,
};
