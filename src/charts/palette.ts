/**
 * The chart colours, one set for both themes: every colour has a contrast of at least 3:1 (WCAG
 * 2.x, the bar for graphical objects) against the light background and against the dark one, so
 * a chart reads on a white slide, a dark slide and a washed-out projector alike, and an exported
 * chart keeps its colours whichever theme it was drawn in. The first five categorical colours
 * stay apart for colour-blind viewers: under simulated deuteranopia, protanopia and tritanopia
 * (Machado, Oliveira & Fernandes 2009, severity 1) every pair of them differs by ΔE*ab ≥ 15.
 * `tests/unit/chart-palette.test.ts` computes both.
 *
 * Specs name colours by role (`primary`, `secondary`, `positive`, `negative`, `accent`,
 * `neutral`) or by position (`series-1` … `series-8`), never by hex, so one spec draws right in
 * both themes. A literal colour from a notebook that falls below 3:1 on the background of the
 * theme it is drawn in is moved towards the text colour until it reaches 3:1 (`readable`).
 *
 * Hand-written (not a scheme from d3-scale-chromatic): the published categorical schemes either
 * fail 3:1 on white (Okabe–Ito's orange, sky blue and yellow; Tableau 10's light hues) or on a dark
 * background; these hues keep Okabe–Ito's idea (blue, orange, green, purple) in the luminance
 * band where both contrasts hold.
 */

/** Categorical colours, in order of use. */
export const SERIES = ['#2563eb', '#e0620a', '#059669', '#c93cb4', '#6f7787', '#8b5cf6', '#a3860c', '#0e8fb8'] as const;

/** How many of the first `SERIES` colours are checked to stay apart for colour-blind viewers. */
export const CVD_SAFE_SERIES = 5;

/** Colours by role, shared by both themes. */
export const ROLES = {
  /** The one series of a chart, and "today" / the main curve. */
  primary: SERIES[0],
  /** A comparison drawn behind the main series (revenue beside profit). */
  secondary: SERIES[4],
  /** Good news: a gain, the what-if outcome, "affection". */
  positive: SERIES[2],
  /** Bad news: a loss, churn, "defection". Orange, not red: red and green merge for many viewers. */
  negative: SERIES[1],
  /** A highlight that is neither good nor bad. */
  accent: SERIES[3],
} as const;

/** A colour role name a spec may use for a constant `fill`/`stroke` or in a colour `range`. */
export type ColorRole = keyof typeof ROLES | 'neutral' | `series-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`;

/** The backgrounds the colours are checked against (`theme.ts` draws charts on them). */
export const BACKGROUNDS = { light: '#ffffff', dark: '#111827' } as const;

/** The least contrast a mark's colour has against the chart background. */
export const MIN_CONTRAST = 3;

/** Whether `name` is a colour role (`primary`, `series-3`…). */
export function isColorRole(name: string): name is ColorRole {
  return Object.hasOwn(ROLES, name) || name === 'neutral' || /^series-[1-8]$/.test(name);
}

/**
 * The colour of a role in a theme; `neutral` (reference lines, secondary text) is the theme's
 * muted text colour.
 */
export function roleColor(role: ColorRole, muted: string): string {
  if (role === 'neutral') return muted;
  const series = /^series-([1-8])$/.exec(role);
  if (series) return SERIES[Number(series[1]) - 1]!;
  return ROLES[role as keyof typeof ROLES];
}

/** `#rgb` or `#rrggbb` as [r, g, b] in 0…255, or null for anything else. */
export function parseHex(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Relative luminance (WCAG 2.x) of an sRGB colour given as 0…255 channels. */
export function luminance(rgb: readonly number[]): number {
  const lin = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

/** Contrast ratio (WCAG 2.x, 1…21) of two hex colours; NaN when either is not a hex colour. */
export function contrast(a: string, b: string): number {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) return NaN;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `color` if it has `MIN_CONTRAST` against `background`, else the first mix of it towards
 * `foreground` (in steps of 5%) that has: the hue stays recognisable, the mark becomes visible.
 * Anything but a hex colour (a keyword such as `white`, `currentColor`) is returned as it is.
 */
export function readable(color: string, background: string, foreground: string): string {
  const c = parseHex(color);
  const f = parseHex(foreground);
  if (!c || !f || !(contrast(color, background) < MIN_CONTRAST)) return color;
  for (let t = 0.05; t <= 1; t += 0.05) {
    const mixed = toHex(c.map((v, i) => v + (f[i]! - v) * t));
    if (contrast(mixed, background) >= MIN_CONTRAST) return mixed;
  }
  return foreground;
}
