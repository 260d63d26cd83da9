/**
 * Draws a chart slide's chart with the app's one chart renderer (`renderChart`), sized for a
 * 16:9 slide. Used by the on-screen/printed slides and by the PowerPoint export alike.
 */
import { renderChart } from '../../charts/render.ts';
import type { ChartSpec } from '../../charts/spec.ts';
import type { ChartSlide } from './slides.ts';

/**
 * Logical width of a slide chart in px. Rendered this narrow and scaled up to the slide, the
 * chart's 13px ticks and 22px titles grow to about 19px and 32px on a 1440px-wide screen.
 */
export const SLIDE_CHART_WIDTH = 960;
/** Width / height of the chart area (the slide minus headline and footer). */
export const SLIDE_CHART_ASPECT = 2.15;

/** Height of the plot so that the whole chart (titles, legend, caption and plot) fills the chart area. */
export function slidePlotHeight(spec: ChartSpec, width = SLIDE_CHART_WIDTH): number {
  // Approximate header/caption rows of `composeChart` (22px title, 16px subtitle, 13px caption lines).
  const rows =
    (spec.title ? 36 : 0) + (spec.subtitle ? 22 : 0) + (spec.color?.legend ? 30 : 0) + (spec.caption ? 26 : 0);
  return Math.max(240, Math.round(width / SLIDE_CHART_ASPECT) - rows);
}

/** The slide's chart as one SVG, light theme (boards print on white), the spec's own width/height overridden to fit. */
export function renderSlideChart(slide: Pick<ChartSlide, 'spec' | 'resolve'>): SVGSVGElement {
  if (!slide.spec) throw new Error('this slide has no chart');
  const spec: ChartSpec = { ...slide.spec, width: SLIDE_CHART_WIDTH, height: slidePlotHeight(slide.spec) };
  return renderChart(spec, slide.resolve, { theme: 'light', width: SLIDE_CHART_WIDTH }) as SVGSVGElement;
}
