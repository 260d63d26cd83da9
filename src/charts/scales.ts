/**
 * Maps a `ScaleSpec` onto Plot scale options. Format strings become formatter functions here;
 * on time scales, ISO date strings in a domain become Dates (YAML has no date type for them);
 * on percent scales the domain stays in data units (0–1) like the data.
 */
import type * as Plot from '@observablehq/plot';
import { compileFormat } from '../format/specifier.ts';
import type { ScaleSpec } from './spec.ts';

/** Plot options for one scale; `undefined` when the spec leaves the scale to Plot's defaults. */
export function buildScale(spec: ScaleSpec | undefined): Plot.ScaleOptions | undefined {
  if (spec === undefined) return undefined;
  const options: Record<string, unknown> = {};
  const copy = [
    'label',
    'type',
    'range',
    'grid',
    'nice',
    'zero',
    'reverse',
    'scheme',
    'percent',
    'ticks',
    'tickRotate',
  ] as const;
  for (const key of copy) if (spec[key] !== undefined) options[key] = spec[key];
  if (spec.domain !== undefined) {
    const temporal = spec.type === 'time' || spec.type === 'utc';
    // A domain is written in data units; Plot's `percent` expects it already multiplied by 100.
    options.domain = temporal
      ? spec.domain.map((d) => (typeof d === 'string' ? new Date(d) : d))
      : spec.percent === true
        ? spec.domain.map((d) => (typeof d === 'number' ? d * 100 : d))
        : spec.domain;
  }
  const format = spec.tickFormat === undefined ? undefined : compileFormat(spec.tickFormat);
  const words = spec.tickLabels;
  if (words !== undefined) options.tickFormat = (v: unknown) => words[String(v)] ?? (format ? format(v) : String(v));
  else if (format !== undefined) options.tickFormat = format;
  // Legends are drawn by the layout (as SVG), never by Plot (which would return an HTML figure).
  return options;
}
