/**
 * `word-of-mouth`: net advocacy and the vocal share by satisfaction level. Needs
 * `surveys.recommend`; without it, says so and returns no table (not an error).
 */
import { oneChart } from '../messages/chart-words.ts';
import { tv } from '../../format/typed.ts';
import { finding } from '../messages/finding.ts';
import { hasColumn } from '../../model/profile.ts';
import { pickOptions } from '../options.ts';
import { note, noteFields } from '../messages/notes.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { wordOfMouthChart } from './charts.ts';
import { loadSatisfaction, MISSING_SURVEYS_NOTE } from './load.ts';
import { commonOptionSpecs, resolveOptions } from './options.ts';
import { notesOnly, tableOf } from './result.ts';
import { wordOfMouth } from './word-of-mouth.ts';

/** The options of `word-of-mouth`: of the common ones, only the scale and the smallest level size (it needs no outcome). */
export const wordOfMouthOptions = pickOptions(commonOptionSpecs, ['scale', 'min_n']);

/** Options of `word-of-mouth`, as `run` receives them. */
export type WordOfMouthOptions = OptionValues<typeof wordOfMouthOptions>;

/** Runs word of mouth on a connection (every respondent's latest response; no outcome needed). */
export async function runWordOfMouth(ctx: AnalysisContext, o: WordOfMouthOptions): Promise<AnalysisResult> {
  const loaded = await loadSatisfaction(ctx, resolveOptions({ ...o, outcome: 'repurchased' }), false);
  if (!loaded.ok) return notesOnly(loaded.notes, loaded.needs);
  const { pooled, scale } = loaded.data;
  // The outcome and the value at stake are not part of word of mouth.
  const notes = loaded.data.notes.filter(
    (n) => typeof n === 'string' || (n.key !== 'note.sat.outcome' && n.key !== 'note.sat.at_stake'),
  );
  notes.push(note('note.wom.latest'));
  if (!hasColumn(ctx.profile, 'surveys', 'recommend') || pooled.every((r) => r.recommend_n === 0)) {
    return notesOnly([...notes, note('note.wom.no_recommend')]);
  }
  const rows = wordOfMouth(pooled).map((r) => ({ ...r, sign: r.net_advocacy < 0 ? 'negative' : 'positive' }));
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const middle = rows.slice(1, -1);
  const vocalMiddle = middle.length ? Math.min(...middle.map((r) => r.vocal_share)) : null;
  const findings: Finding[] = [
    finding(
      'net_advocacy',
      'wom.net_advocacy',
      {
        bottom: tv.percent(first.net_advocacy, 0),
        bottom_level: tv.decimal(first.satisfaction),
        top: tv.percent(last.net_advocacy, 0, true),
        top_level: tv.decimal(last.satisfaction),
      },
      'top',
    ),
  ];
  if (vocalMiddle !== null) {
    findings.push(
      finding(
        'vocal_u',
        first.vocal_share > last.vocal_share ? 'wom.vocal_u.unhappy' : 'wom.vocal_u',
        {
          bottom: tv.percent(first.vocal_share, 0),
          middle: tv.percent(vocalMiddle, 0),
          top: tv.percent(last.vocal_share, 0),
        },
        'bottom',
      ),
    );
  }
  return {
    tables: {
      word_of_mouth: tableOf(rows, [
        'satisfaction',
        'recommend_n',
        'promoters_share',
        'detractors_share',
        'net_advocacy',
        'vocal_share',
        'vocal_low',
        'vocal_high',
        'sign',
      ]),
    },
    scalars: {
      net_advocacy_bottom: first.net_advocacy,
      net_advocacy_top: last.net_advocacy,
      vocal_bottom: first.vocal_share,
      vocal_middle_min: vocalMiddle,
      vocal_top: last.vocal_share,
      recommend_n: rows.reduce((s, r) => s + r.recommend_n, 0),
    },
    ...oneChart('word-of-mouth', (t) => wordOfMouthChart(scale, t)),
    findings,
    ...noteFields(notes),
  };
}

/** The registered definition. */
export const wordOfMouthAnalysis: AnalysisDefinition<typeof wordOfMouthOptions> = {
  id: 'word-of-mouth',
  title: 'Word of mouth by satisfaction',
  description:
    'Net advocacy (% promoters − % detractors) and the share who talk at all, by satisfaction level: the asymmetric U.',
  requires: ['surveys'],
  missingNote: MISSING_SURVEYS_NOTE,
  options: wordOfMouthOptions,
  run: runWordOfMouth,
};
