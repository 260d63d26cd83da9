/**
 * The house chart theme, tuned for a projector at the back of a board room: tick labels at
 * 13px (Plot's default is 10px), no text under 12px, titles at 22px, thicker lines, and one
 * palette (`palette.ts`) checked for contrast against both backgrounds and for colour-blind
 * viewers. Light and dark variants share sizes and mark colours; they differ in background,
 * text and the continuous schemes.
 */
import { BACKGROUNDS, ROLES, SERIES } from './palette.ts';

/** Colours and sizes of one theme variant. */
export interface ChartTheme {
  name: 'light' | 'dark';
  /** Page/figure background (drawn into the SVG so exported charts keep it). */
  background: string;
  /** Text, axes and rules. */
  foreground: string;
  /** Subtitles and captions. */
  muted: string;
  /** Colour of a single-series mark (line, bar, area, dot) when the spec gives none. */
  primary: string;
  /** Categorical palette for ordinal colour scales, in order of use. */
  palette: readonly string[];
  /** Plot scheme for continuous colour scales (heatmaps). */
  sequentialScheme: string;
  /** Plot scheme for diverging colour scales (profit around zero). */
  divergingScheme: string;
  fontFamily: string;
  /** Tick labels, axis labels, legends and text marks, in px. */
  fontSize: number;
  /** The smallest text a chart draws, in px: smaller font sizes in a spec are raised to it. */
  minFontSize: number;
  titleSize: number;
  subtitleSize: number;
  captionSize: number;
  /** Default stroke width of lines (Plot's default is 1.5). */
  lineWidth: number;
}

/** System fonts first, then CJK fallbacks so Chinese labels render on every platform. */
const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif';

const SIZES = {
  fontFamily: FONT_FAMILY,
  fontSize: 13,
  minFontSize: 12,
  titleSize: 22,
  subtitleSize: 16,
  captionSize: 13,
  lineWidth: 2.5,
};

/** Light theme: dark slate text on white. */
export const lightTheme: ChartTheme = {
  name: 'light',
  background: BACKGROUNDS.light,
  foreground: '#1f2937',
  muted: '#4b5563',
  primary: ROLES.primary,
  palette: SERIES,
  sequentialScheme: 'blues',
  divergingScheme: 'rdbu',
  ...SIZES,
};

/** Dark theme: light text on near-black; the same mark colours (they hold 3:1 on both backgrounds). */
export const darkTheme: ChartTheme = {
  name: 'dark',
  background: BACKGROUNDS.dark,
  foreground: '#e5e7eb',
  muted: '#9ca3af',
  primary: ROLES.primary,
  palette: SERIES,
  sequentialScheme: 'viridis',
  divergingScheme: 'rdbu',
  ...SIZES,
};

/** Looks a theme up by name (light by default). */
export function chartTheme(name: 'light' | 'dark' = 'light'): ChartTheme {
  return name === 'dark' ? darkTheme : lightTheme;
}
