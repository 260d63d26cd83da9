// The chart palette (src/charts/palette.ts) holds 3:1 against both chart backgrounds, and its first
// colours stay apart for colour-blind viewers; every built-in chart spec names colours by role.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKGROUNDS,
  CVD_SAFE_SERIES,
  MIN_CONTRAST,
  ROLES,
  SERIES,
  contrast,
  luminance,
  parseHex,
  readable,
  roleColor,
} from '../../src/charts/palette.ts';
import { darkTheme, lightTheme } from '../../src/charts/theme.ts';

/** Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB. */
const CVD: Record<string, number[][]> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);

/** CIELAB (D65) of linear RGB. */
function lab([r, g, b]: number[]): [number, number, number] {
  const xyz = [
    0.4124 * r! + 0.3576 * g! + 0.1805 * b!,
    0.2126 * r! + 0.7152 * g! + 0.0722 * b!,
    0.0193 * r! + 0.1192 * g! + 0.9505 * b!,
  ];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = [f(xyz[0]! / 0.95047), f(xyz[1]!), f(xyz[2]! / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
function seen(hex: string, matrix?: number[][]): [number, number, number] {
  const rgb = parseHex(hex)!.map(linear);
  const sim = matrix
    ? matrix.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!)))
    : rgb;
  return lab(sim);
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('chart palette', () => {
  it.each(SERIES.map((c, i) => [i + 1, c] as const))(
    'series-%i (%s) has 3:1 against the light and the dark background',
    (_i, color) => {
      expect(contrast(color, BACKGROUNDS.light)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrast(color, BACKGROUNDS.dark)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    },
  );

  it('the themes draw on those backgrounds, with the palette and roles in both', () => {
    expect([lightTheme.background, darkTheme.background]).toEqual([BACKGROUNDS.light, BACKGROUNDS.dark]);
    expect(lightTheme.palette).toEqual(SERIES);
    expect(darkTheme.palette).toEqual(SERIES);
    for (const theme of [lightTheme, darkTheme]) {
      expect(contrast(roleColor('neutral', theme.muted), theme.background)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      for (const role of Object.keys(ROLES) as (keyof typeof ROLES)[])
        expect(contrast(ROLES[role], theme.background)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  it.each(['normal vision', ...Object.keys(CVD)])(
    `the first ${CVD_SAFE_SERIES} colours stay apart with %s (ΔE*ab ≥ 15)`,
    (vision) => {
      const colours = SERIES.slice(0, CVD_SAFE_SERIES).map((c) => seen(c, CVD[vision]));
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++)
          expect(deltaE(colours[i]!, colours[j]!), `${SERIES[i]} vs ${SERIES[j]}`).toBeGreaterThanOrEqual(15);
      }
    },
  );

  it('good and bad news are not red against green', () => {
    for (const vision of Object.values(CVD))
      expect(deltaE(seen(ROLES.positive, vision), seen(ROLES.negative, vision))).toBeGreaterThanOrEqual(15);
  });

  it('computes WCAG contrast (black on white is 21:1)', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 9);
  });

  it.each([
    ['navy on the dark background', '#1f4e79', BACKGROUNDS.dark, darkTheme.foreground],
    ['pale grey on white', '#bab0ac', BACKGROUNDS.light, lightTheme.foreground],
  ])('a literal colour too faint for its background is moved to 3:1 (%s)', (_name, color, background, foreground) => {
    expect(contrast(color, background)).toBeLessThan(MIN_CONTRAST);
    const fixed = readable(color, background, foreground);
    expect(contrast(fixed, background)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(readable(ROLES.primary, background, foreground)).toBe(ROLES.primary);
  });

  it('built-in analyses and notebooks name chart colours by role, not by hex', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = [
      ...readdirSync(path.join(root, 'src/analyses'), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(root, 'src/analyses', f)),
      ...readdirSync(path.join(root, 'notebooks'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(root, 'notebooks', f)),
    ];
    const hex = files.flatMap((f) =>
      (readFileSync(f, 'utf8').match(/(fill|stroke|range)\s*:\s*[[\s'"]*#[0-9a-f]{3,6}/gi) ?? []).map(
        (m) => `${path.relative(root, f)}: ${m}`,
      ),
    );
    expect(hex).toEqual([]);
  });
});
