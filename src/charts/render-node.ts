/**
 * Head-less chart rendering for Node (CLI reports, snapshot tests): a jsdom document stands in
 * for the browser's. Kept apart from `render.ts` so the browser bundle never pulls in jsdom.
 */
import { createRequire } from 'node:module';
import type { Row } from '../sql/table.ts';
import { renderChart, type RenderChartOptions } from './render.ts';
import type { ChartSpec } from './spec.ts';

/** The slice of jsdom's API used here (the project has no @types/jsdom). */
interface JsdomModule {
  JSDOM: new (html: string) => { window: { document: Document } };
}

let shared: Document | undefined;

/** One jsdom document reused across renders (creating a JSDOM costs ~20 ms). */
export function nodeDocument(): Document {
  if (shared === undefined) {
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
    shared = new JSDOM('<!doctype html><html><body></body></html>').window.document;
  }
  return shared;
}

/**
 * Renders `spec` to a standalone SVG string (with its `xmlns`, so it is valid as an `.svg` file).
 * Same options and errors as `renderChart`, without `document`.
 */
export function renderChartToSvgString(
  spec: ChartSpec,
  resolve: (name: string) => Row[] | undefined,
  options: Omit<RenderChartOptions, 'document'> = {},
): string {
  const chart = renderChart(spec, resolve, { ...options, document: nodeDocument() });
  chart.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return chart.outerHTML;
}
