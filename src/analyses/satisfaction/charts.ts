/**
 * Chart specs for the satisfaction analyses: large marks and labels, few words, readable on a
 * projector. Each names a table of its analysis's result.
 */
import type { ChartSpec } from '../../charts/spec.ts';
import { tv } from '../../format/typed.ts';
import { chartWords, msg } from '../messages/chart-words.ts';
import { term, text as plain } from '../messages/finding.ts';
import { findingCatalogs, type FindingKey } from '../messages/catalogs.ts';
import type { ChartText } from '../messages/render.ts';
import type { OutcomeId } from './options.ts';
import type { SatisfactionScale } from './scale.ts';

/** A column of the data named in a chart: its word where the catalogue has one (region → 地区, `chart.column.*`), else its name. */
const columnWord = (column: string) =>
  `chart.column.${column}` in findingCatalogs.en ? term(`chart.column.${column}` as FindingKey) : plain(column);

/** The outcome as a word of the sentence (`retained`, 留存…). */
const outcomeWord = (outcome: OutcomeId) => term(`outcome.${outcome}`);

const zoneColor = {
  type: 'ordinal' as const,
  domain: ['defection', 'indifference', 'affection'],
  range: ['negative', 'secondary', 'positive'],
  legend: true,
};

// One tick per scale level, whole numbers only: "3.5" is not an answer anyone can give.
const xAxis = (scale: SatisfactionScale, w: ReturnType<typeof chartWords>) => ({
  label: w.set('x', msg('satisfaction.chart.x', { scale: plain(scale.id) })),
  domain: [scale.low - 0.5, scale.high + 0.5],
  ticks: scale.high - scale.low + 1,
  tickFormat: 'd',
  grid: false,
});

/**
 * The curve with its 95% intervals and shaded zones (tables `curve`, `zones`). Levels with fewer
 * than `minN` respondents are drawn faint and left off the line; n is printed under each point.
 */
export function curveChart(
  scale: SatisfactionScale,
  outcome: OutcomeId,
  n: number,
  overall: number,
  minN: number,
  text: ChartText = {},
): ChartSpec {
  const w = chartWords(text);
  return {
    id: 'curve',
    title: w.set('title', msg('satisfaction.chart.curve.title', { outcome: outcomeWord(outcome) })),
    subtitle: w.set(
      'subtitle',
      msg('satisfaction.chart.curve.subtitle', {
        customers: tv.count(n),
        overall: tv.percent(overall, 0),
        outcome: outcomeWord(outcome),
      }),
    ),
    caption: w.set('caption', msg('satisfaction.chart.curve.caption', { min: tv.count(minN) })),
    data: 'curve',
    height: 420,
    marginTop: 36,
    x: xAxis(scale, w),
    y: {
      label: w.set('y', msg('satisfaction.chart.y', { outcome: outcomeWord(outcome) })),
      tickFormat: '.0%',
      domain: [0, 1],
      grid: true,
    },
    color: zoneColor,
    marks: [
      { type: 'rect', data: 'zones', x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: 'zone', options: { fillOpacity: 0.12 } },
      {
        type: 'text',
        data: 'zones',
        x: 'x_mid',
        y: 1,
        text: 'zone',
        options: { dy: -12, fontSize: 15, fontWeight: 'bold' },
      },
      {
        type: 'ruleX',
        x: 'satisfaction',
        y1: 'low',
        y2: 'high',
        stroke: 'primary',
        options: { strokeWidth: 4, strokeOpacity: 0.45 },
      },
      { type: 'line', x: 'satisfaction', y: 'rate_line', stroke: 'primary', options: { strokeWidth: 3 } },
      { type: 'dot', x: 'satisfaction', y: 'rate', r: 7, fill: 'primary', opacity: 'opacity' },
      {
        type: 'text',
        x: 'satisfaction',
        y: 'high',
        text: 'rate',
        textFormat: '.0%',
        options: { dy: -12, fontSize: 16, fontWeight: 'bold' },
      },
      { type: 'text', x: 'satisfaction', y: 0, text: 'n_label', fill: 'neutral', options: { dy: -10, fontSize: 12 } },
    ],
  };
}

/** One line per segment, overlaid (table `segment_curves`); thin levels faint and off the line. */
export function segmentChart(
  scale: SatisfactionScale,
  outcome: OutcomeId,
  segmentColumn: string,
  minN: number,
  text: ChartText = {},
): ChartSpec {
  const w = chartWords(text);
  const segment = columnWord(segmentColumn);
  return {
    id: 'segment-curves',
    title: w.set('title', msg('satisfaction.chart.segments.title', { segment })),
    subtitle: 'Where competition bites, loyalty falls fastest below the top box',
    caption: w.set('caption', msg('satisfaction.chart.segments.caption', { min: tv.count(minN), segment })),
    data: 'segment_curves',
    height: 400,
    x: xAxis(scale, w),
    y: {
      label: w.set('y', msg('satisfaction.chart.y', { outcome: outcomeWord(outcome) })),
      tickFormat: '.0%',
      domain: [0, 1],
      grid: true,
    },
    // The legend's title is the column: its word where the catalogue has one (`chart.column.region`).
    color: { legend: true, label: segmentColumn },
    marks: [
      { type: 'line', x: 'satisfaction', y: 'rate_line', stroke: 'segment', options: { strokeWidth: 3 } },
      { type: 'dot', x: 'satisfaction', y: 'rate', stroke: 'segment', fill: 'segment', r: 5, opacity: 'opacity' },
    ],
  };
}

/** Top-step steepness per segment (table `steepness`). */
export function steepnessChart(segmentColumn: string, text: ChartText = {}): ChartSpec {
  const w = chartWords(text);
  return {
    id: 'steepness',
    title: w.set('title', msg('satisfaction.chart.steepness.title', { segment: columnWord(segmentColumn) })),
    subtitle: 'Loyalty at the top level minus loyalty one level below (percentage points)',
    data: 'steepness',
    height: 320,
    marginLeft: 140,
    // Room for the value label right of the longest bar.
    marginRight: 64,
    x: { label: 'Top-box step', tickFormat: '.0%', grid: true },
    y: { label: null },
    marks: [
      { type: 'barX', x: 'top_step', y: 'segment', fill: 'primary' },
      {
        type: 'text',
        x: 'top_step',
        y: 'segment',
        text: 'top_step',
        textFormat: '+.0%',
        options: { dx: 24, fontSize: 15 },
      },
    ],
  };
}

/** One quadrant as the chart places it. */
export interface QuadrantCell {
  quadrant: 'apostles' | 'mercenaries' | 'hostages' | 'defectors';
  x_label: string;
  y_label: string;
  customers: number;
  share: number;
  profit: number;
}

/** The 2 × 2 quadrant (table `quadrant`); the subtitle says where the lines were drawn. */
export function quadrantChart(
  scale: SatisfactionScale,
  satisfiedFrom: number,
  outcome: OutcomeId,
  quadrants: readonly QuadrantCell[],
  text: ChartText = {},
): ChartSpec {
  const w = chartWords(text);
  const rows = quadrants.map((q) => ({
    x_label: q.x_label,
    y_label: q.y_label,
    caption: w.label(
      msg('satisfaction.chart.quadrant.cell', {
        name: term(`quadrant.name.${q.quadrant}`),
        customers: tv.count(q.customers),
        share: tv.percent(q.share, 0),
        profit: tv.money(q.profit, 0),
      }),
    ),
  }));
  return {
    id: 'quadrant',
    title: 'Apostles, mercenaries, hostages, defectors',
    subtitle: w.set(
      'subtitle',
      msg('satisfaction.chart.quadrant.subtitle', {
        from: tv.count(satisfiedFrom),
        scale: plain(scale.id),
        outcome: outcomeWord(outcome),
      }),
    ),
    data: 'quadrant',
    height: 420,
    marginLeft: 110,
    x: { label: null, domain: ['Not satisfied', 'Satisfied'] },
    y: { label: null, domain: ['Loyal', 'Not loyal'] },
    color: {
      type: 'ordinal',
      domain: ['apostles', 'mercenaries', 'hostages', 'defectors'],
      range: ['positive', 'primary', 'accent', 'negative'],
    },
    marks: [
      { type: 'cell', x: 'x_label', y: 'y_label', fill: 'quadrant', options: { fillOpacity: 0.25, inset: 2 } },
      { type: 'text', rows, x: 'x_label', y: 'y_label', text: 'caption', options: { fontSize: 18, lineHeight: 1.3 } },
    ],
  };
}

/** Net advocacy bars and the vocal share (table `word_of_mouth`). */
export function wordOfMouthChart(scale: SatisfactionScale, text: ChartText = {}): ChartSpec {
  const w = chartWords(text);
  return {
    id: 'word-of-mouth',
    title: 'Word of mouth happens at the extremes',
    subtitle: 'Bars: net advocacy (% promoters − % detractors). Line: share who talk at all (promoters + detractors)',
    data: 'word_of_mouth',
    height: 420,
    x: { label: w.set('x', msg('satisfaction.chart.x', { scale: plain(scale.id) })), type: 'band' },
    y: { label: 'Share of respondents', tickFormat: '.0%', domain: [-1, 1], grid: true },
    marks: [
      { type: 'barY', x: 'satisfaction', y: 'net_advocacy', fill: 'sign', options: { fillOpacity: 0.8 } },
      { type: 'ruleY', values: [0] },
      { type: 'line', x: 'satisfaction', y: 'vocal_share', stroke: 'primary', options: { strokeWidth: 3 } },
      { type: 'dot', x: 'satisfaction', y: 'vocal_share', r: 6, fill: 'primary' },
      {
        type: 'text',
        x: 'satisfaction',
        y: 'net_advocacy',
        text: 'net_advocacy',
        textFormat: '+.0%',
        options: { dy: -12, fontSize: 14 },
      },
    ],
    color: { type: 'ordinal', domain: ['negative', 'positive'], range: ['negative', 'positive'] },
  };
}

/** Extra loyal customers from moving a share up one level, every level (table `what_if`). */
export function whatIfChart(
  scale: SatisfactionScale,
  share: number,
  outcome: OutcomeId,
  text: ChartText = {},
): ChartSpec {
  const w = chartWords(text);
  return {
    id: 'what-if',
    title: w.set(
      'title',
      msg('satisfaction.chart.what_if.title', { share: tv.percent(share, 0), outcome: outcomeWord(outcome) }),
    ),
    subtitle: 'By starting level; bars show the 95% interval from the binomial variance of the two rates',
    data: 'what_if',
    height: 380,
    x: { label: w.set('x', msg('satisfaction.chart.what_if.x', { scale: plain(scale.id) })), type: 'band' },
    y: { label: w.set('y', msg('satisfaction.chart.what_if.y', { outcome: outcomeWord(outcome) })), grid: true },
    marks: [
      { type: 'barY', x: 'from_level', y: 'extra_loyal', fill: 'primary', options: { fillOpacity: 0.85 } },
      {
        type: 'ruleX',
        x: 'from_level',
        y1: 'extra_loyal_low',
        y2: 'extra_loyal_high',
        stroke: 'neutral',
        options: { strokeWidth: 3 },
      },
      { type: 'ruleY', values: [0] },
      {
        type: 'text',
        x: 'from_level',
        y: 'extra_loyal_high',
        text: 'extra_loyal',
        textFormat: ',.0f',
        options: { dy: -12, fontSize: 15 },
      },
    ],
  };
}
