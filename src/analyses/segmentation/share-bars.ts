/**
 * The "share of customers vs share of value" bar chart used by the tier ladder, the value ×
 * loyalty cells and the MVC/MGC/BZ groups: one facet per group, one bar per share. Shares of
 * profit can be negative (groups that lose money) or above 100% (when others lose money), so the
 * x domain is fitted to the data with room for the labels, and labels of negative bars sit just
 * right of zero instead of on top of the bar.
 */
import type { ChartSpec } from '../../charts/spec.ts';
import type { Row } from '../../sql/table.ts';

/** One bar: `group` (facet), `share_of` (series), `share`, and where its label goes. */
export interface ShareBar extends Row {
  group: string;
  share_of: string;
  share: number;
  /** max(0, share): the label's x position. */
  label_x: number;
}

/** A bar row with its label position. */
export function shareBar(group: string, shareOf: string, share: number): ShareBar {
  return { group, share_of: shareOf, share, label_x: Math.max(0, share) };
}

/** Column descriptions of a `ShareBar` table. */
export const shareBarColumns = [
  { name: 'group', type: 'VARCHAR', kind: 'string' as const },
  { name: 'share_of', type: 'VARCHAR', kind: 'string' as const },
  { name: 'share', type: 'DOUBLE', kind: 'number' as const },
  { name: 'label_x', type: 'DOUBLE', kind: 'number' as const },
];

/** Inputs of `shareBarsChart`. */
export interface ShareBarsSpec {
  id: string;
  title: string;
  subtitle?: string;
  /** Name of the result table holding the `ShareBar` rows. */
  data: string;
  bars: readonly ShareBar[];
  /** Facets top to bottom. */
  groups: readonly string[];
  /** Series (bar colours) in order. */
  series: readonly string[];
  /** Left margin for the series labels (default 80). */
  marginLeft?: number;
  /** Right margin for the facet labels (default 90). */
  marginRight?: number;
}

/** The faceted share bars, x fitted to [min(0, lowest), highest] plus ~15% for the labels. */
export function shareBarsChart(s: ShareBarsSpec): ChartSpec {
  const lo = Math.min(0, ...s.bars.map((b) => b.share));
  const hi = Math.max(0.01, ...s.bars.map((b) => b.share));
  const pad = 0.15 * (hi - lo);
  return {
    id: s.id,
    title: s.title,
    ...(s.subtitle === undefined ? {} : { subtitle: s.subtitle }),
    data: s.data,
    marginLeft: s.marginLeft ?? 80,
    marginRight: s.marginRight ?? 90,
    x: { label: 'Share', tickFormat: '.0%', grid: true, domain: [lo < 0 ? lo - pad / 3 : 0, hi + pad] },
    y: { label: null, domain: [...s.series] },
    fy: { label: null, domain: [...s.groups] },
    color: { legend: true, domain: [...s.series] },
    marks: [
      { type: 'barX', x: 'share', y: 'share_of', fy: 'group', fill: 'share_of' },
      {
        type: 'text',
        x: 'label_x',
        y: 'share_of',
        fy: 'group',
        text: 'share',
        textFormat: '.0%',
        options: { textAnchor: 'start', dx: 4 },
      },
      { type: 'ruleX', values: [0] },
    ],
  };
}
