/** Present mode: a notebook's results as a 16:9 slide deck, printable to PDF and exportable to PowerPoint. */
export { buildSlides, chartSlides, deckFileName } from './slides.ts';
export type { Slide, TitleSlide, ChartSlide, SkippedCounts, SlidesInput } from './slides.ts';
export { renderSlideChart, slidePlotHeight, SLIDE_CHART_WIDTH, SLIDE_CHART_ASPECT } from './chart-svg.ts';
export { exportPptx } from './export-pptx.ts';
export type { DeckText } from './export-pptx.ts';
export { svgToPng } from './svg-to-png.ts';
export type { ChartPng } from './svg-to-png.ts';
export { installPrintCss, PRINT_CSS } from './print-css.ts';
export { default as Presentation } from './Presentation.svelte';
