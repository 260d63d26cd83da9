/**
 * The house chart theme, tuned for a projector at the back of a board room: tick labels at
 * 13px (Plot's default is 10px), titles at 22px, thicker lines, and a restrained palette of
 * eight distinguishable hues with one strong primary for single-series charts. Light and dark
 * variants share sizes and differ only in colours.
 */

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
  titleSize: number;
  subtitleSize: number;
  captionSize: number;
  /** Default stroke width of lines (Plot's default is 1.5). */
  lineWidth: number;
}

/** System fonts first, then CJK fallbacks so Chinese labels render on every platform. */
const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif';

const SIZES = { fontFamily: FONT_FAMILY, fontSize: 13, titleSize: 22, subtitleSize: 16, captionSize: 13, lineWidth: 2.5 };

/** Light theme: dark slate text on white. */
export const lightTheme: ChartTheme = {
  name: 'light',
  background: '#ffffff',
  foreground: '#1f2937',
  muted: '#4b5563',
  primary: '#2459a6',
  palette: ['#2459a6', '#e07b24', '#2f9e6e', '#c23b3b', '#7a5cc2', '#3a9fc0', '#b58a1c', '#6b7280'],
  sequentialScheme: 'blues',
  divergingScheme: 'rdbu',
  ...SIZES,
};

/** Dark theme: light text on near-black; lighter hues keep contrast on a dark slide. */
export const darkTheme: ChartTheme = {
  name: 'dark',
  background: '#111827',
  foreground: '#e5e7eb',
  muted: '#9ca3af',
  primary: '#6ea8fe',
  palette: ['#6ea8fe', '#ffb15c', '#5fd3a0', '#ff7b7b', '#b69cff', '#6fd6f0', '#e8c35a', '#a3acb9'],
  sequentialScheme: 'viridis',
  divergingScheme: 'rdbu',
  ...SIZES,
};

/** Looks a theme up by name (light by default). */
export function chartTheme(name: 'light' | 'dark' = 'light'): ChartTheme {
  return name === 'dark' ? darkTheme : lightTheme;
}
