/**
 * Charts: declarative specs rendered with Observable Plot in the house theme.
 * Node-only rendering (jsdom) lives in `render-node.ts` and is imported by path, so the
 * browser bundle never includes jsdom.
 */
export type { ChartSpec, MarkSpec, MarkType, ScaleSpec, ChannelValue } from './spec.ts';
export { renderChart, DEFAULT_WIDTH } from './render.ts';
export type { RenderChartOptions } from './render.ts';
export { validateChartSpec, MARK_TYPES, CHANNELS } from './validate.ts';
export { MARK_OPTIONS } from './options.ts';
export { ChartSpecError } from './errors.ts';
export { compileFormat, TIME_PREFIX } from '../format/specifier.ts';
export type { Formatter } from '../format/specifier.ts';
export { chartTheme, lightTheme, darkTheme } from './theme.ts';
export type { ChartTheme } from './theme.ts';
export type { TableResolver } from './marks.ts';
