/**
 * "Export PowerPoint": the deck as a .pptx built in the browser with pptxgenjs (16:9, 10 × 5.625 in).
 * Charts that map onto PowerPoint's own chart types go in as native, editable charts holding the
 * notebook's numbers (`native-chart.ts`); the others as PNG pictures (the SVG the app draws,
 * rasterised at 2×). Headlines, footers, the title and closing slides are real text boxes, each
 * finding slide carries its speaker notes, and Chinese decks name CJK font faces. pptxgenjs is
 * loaded with a dynamic `import()`: its chunk is fetched from our own origin only when someone exports.
 */
import type PptxGenJS from 'pptxgenjs';
import { downloadBlob } from '../download.ts';
import { deckFont } from './deck-font.ts';
import { renderSlideChart } from './chart-svg.ts';
import type { Locale } from '../../format/locale.ts';
import { nativeChart, type NativeChart } from './native-chart.ts';
import type { ChartSlide, ClosingSlide, Slide, TitleSlide } from './slides.ts';
import { svgToPng, type ChartPng } from './svg-to-png.ts';

/** Text of the deck that the UI formats in the user's language. */
export interface DeckText {
  /** Title slide: "Data: … · date". */
  meta: string;
  /** Title slide small print: chart count and skipped cells. */
  smallPrint: string;
  /** Footer counter, e.g. "3 / 12". */
  counter: (index: number, total: number) => string;
  /** The deck's language: picks font faces that have its glyphs. */
  locale: Locale;
}

/** Slide size of pptxgenjs's `LAYOUT_16x9`, in inches. */
const W = 10;
const H = 5.625;
const MARGIN = 0.45;
const INK = '1F2937';
const MUTED = '6B7280';
const ACCENT = '2459A6';
/** The deck's font: set by `exportPptx` for the deck's language before any slide is built (`deckFont`). */
let FONT = deckFont(undefined);

/** Builds the .pptx in the deck's language (`text.locale`) and starts its download as `fileName`. */
export async function exportPptx(slides: readonly Slide[], text: DeckText, fileName: string): Promise<void> {
  FONT = deckFont(text.locale);
  const { default: Pptx } = await import('pptxgenjs');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_16x9';
  const first = slides[0];
  if (first?.kind === 'title') pptx.title = first.title;
  for (const [i, slide] of slides.entries()) {
    const page = pptx.addSlide();
    page.background = { color: 'FFFFFF' };
    if (slide.kind === 'title') addTitle(page, slide, text);
    else if (slide.kind === 'closing') addClosing(page, slide, text.counter(i + 1, slides.length));
    else await addChart(page, slide, text.counter(i + 1, slides.length));
  }
  const blob = (await pptx.write({ outputType: 'blob' })) as Blob;
  downloadBlob(blob, fileName);
}

type PptxSlide = PptxGenJS.Slide;

/**
 * The accent bar and the bold title under it, as the title and the closing slides both open: the
 * bar at `y`, the title box `h` high just below it (the one place their spacing and style are set).
 */
function addTitleBlock(
  page: PptxSlide,
  title: string,
  at: { y: number; h: number; fontSize: number; valign: 'top' | 'middle' },
): void {
  page.addShape('rect', {
    x: MARGIN,
    y: at.y,
    w: 0.9,
    h: 0.08,
    fill: { color: ACCENT },
    line: { color: ACCENT, width: 0 },
  });
  page.addText(title, {
    x: MARGIN,
    y: at.y + 0.15,
    w: W - 2 * MARGIN,
    h: at.h,
    fontFace: FONT,
    fontSize: at.fontSize,
    bold: true,
    color: INK,
    valign: at.valign,
    fit: 'shrink',
  });
}

function addTitle(page: PptxSlide, slide: TitleSlide, text: DeckText): void {
  addTitleBlock(page, slide.title, { y: 1.45, h: 1.1, fontSize: 36, valign: 'top' });
  if (slide.description) {
    page.addText(slide.description, {
      x: MARGIN,
      y: 2.75,
      w: W - 2 * MARGIN,
      h: 1.0,
      fontFace: FONT,
      fontSize: 18,
      color: MUTED,
      valign: 'top',
      fit: 'shrink',
    });
  }
  page.addText(text.meta, { x: MARGIN, y: 3.9, w: W - 2 * MARGIN, h: 0.4, fontFace: FONT, fontSize: 14, color: INK });
  page.addText(text.smallPrint, {
    x: MARGIN,
    y: H - 0.7,
    w: W - 2 * MARGIN,
    h: 0.4,
    fontFace: FONT,
    fontSize: 10,
    color: MUTED,
  });
}

type Box = { x: number; y: number; w: number; h: number };

async function addPicture(page: PptxSlide, slide: ChartSlide, box: Box): Promise<void> {
  let png: ChartPng | null = null;
  try {
    png = await svgToPng(renderSlideChart(slide));
  } catch (e) {
    // One chart that cannot be drawn must not cost the whole deck: say so on its slide.
    const message = e instanceof Error ? e.message : String(e);
    page.addText(message, { ...box, fontFace: FONT, fontSize: 14, color: 'C23B3B', align: 'center' });
  }
  // Fit the picture in the chart area, keeping its aspect ratio, centred.
  if (png) {
    const scale = Math.min(box.w / png.width, box.h / png.height);
    const w = png.width * scale;
    const h = png.height * scale;
    page.addImage({
      data: png.dataUrl.replace(/^data:/, ''),
      x: box.x + (box.w - w) / 2,
      y: box.y + (box.h - h) / 2,
      w,
      h,
      altText: slide.headline,
    });
  }
}

/** A native chart: the series, axis titles, number formats and the chart's own title, editable in PowerPoint. */
function addNativeChart(page: PptxSlide, chart: NativeChart, box: Box, slide: ChartSlide): void {
  const title = slide.chartTitle && slide.chartTitle !== slide.headline ? slide.chartTitle : undefined;
  const text = { fontFace: FONT, color: MUTED };
  const options: PptxGenJS.IChartOpts = {
    ...box,
    altText: slide.headline,
    chartColors: chart.colors,
    showLegend: chart.data.length > (chart.type === 'scatter' ? 2 : 1),
    legendPos: 'b',
    legendFontFace: FONT,
    legendFontSize: 11,
    showTitle: !!title,
    ...(title ? { title, titleFontFace: FONT, titleFontSize: 14, titleColor: INK } : {}),
    showCatAxisTitle: !!chart.xTitle,
    ...(chart.xTitle ? { catAxisTitle: chart.xTitle } : {}),
    showValAxisTitle: !!chart.yTitle,
    ...(chart.yTitle ? { valAxisTitle: chart.yTitle } : {}),
    catAxisTitleFontFace: text.fontFace,
    catAxisTitleColor: text.color,
    catAxisTitleFontSize: 12,
    valAxisTitleFontFace: text.fontFace,
    valAxisTitleColor: text.color,
    valAxisTitleFontSize: 12,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 11,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 11,
    valGridLine: { color: 'E5E7EB', size: 1 },
    catGridLine: { style: 'none' },
    ...(chart.yFormat ? { valAxisLabelFormatCode: chart.yFormat, dataLabelFormatCode: chart.yFormat } : {}),
    ...(chart.yMin !== undefined ? { valAxisMinVal: chart.yMin } : {}),
    ...(chart.yMax !== undefined ? { valAxisMaxVal: chart.yMax } : {}),
    ...(chart.xMin !== undefined ? { catAxisMinVal: chart.xMin } : {}),
    ...(chart.xMax !== undefined ? { catAxisMaxVal: chart.xMax } : {}),
  };
  if (chart.type === 'bar')
    page.addChart('bar', chart.data, { ...options, barDir: chart.barDir ?? 'col', barGrouping: 'clustered' });
  else if (chart.type === 'line')
    page.addChart('line', chart.data, { ...options, lineSize: 3, lineDataSymbol: 'none' });
  else
    page.addChart('scatter', chart.data, {
      ...options,
      lineSize: chart.lines ? 3 : 0,
      lineDataSymbol: chart.lines ? 'none' : 'circle',
      lineDataSymbolSize: 6,
    });
}

function addClosing(page: PptxSlide, slide: ClosingSlide, counter: string): void {
  addTitleBlock(page, slide.title, { y: 0.45, h: 0.8, fontSize: 30, valign: 'middle' });
  page.addText(
    slide.points.map((p) => ({ text: p, options: { bullet: { type: 'number' as const }, breakLine: true } })),
    {
      x: MARGIN,
      y: 1.5,
      w: W - 2 * MARGIN,
      h: H - 1.5 - 0.6,
      fontFace: FONT,
      fontSize: slide.points.length > 5 ? 15 : 18,
      color: INK,
      valign: 'top',
      paraSpaceAfter: 8,
      fit: 'shrink',
    },
  );
  page.addText(counter, {
    x: W - MARGIN - 1.2,
    y: H - 0.45,
    w: 1.2,
    h: 0.3,
    fontFace: FONT,
    fontSize: 10,
    color: MUTED,
    align: 'right',
  });
}

async function addChart(page: PptxSlide, slide: ChartSlide, counter: string): Promise<void> {
  // Same steps as the on-screen slide: a sentence-long finding gets smaller type, not a third line.
  const fontSize = slide.headline.length > 110 ? 17 : slide.headline.length > 70 ? 20 : 24;
  page.addText(slide.headline, {
    x: MARGIN,
    y: 0.25,
    w: W - 2 * MARGIN,
    h: 0.8,
    fontFace: FONT,
    fontSize,
    bold: true,
    color: INK,
    valign: 'middle',
    fit: 'shrink',
  });
  const box = { x: MARGIN, y: 1.15, w: W - 2 * MARGIN, h: H - 1.15 - 0.55 };
  if (slide.notes) page.addNotes(slide.notes);
  const native = slide.spec ? nativeChart(slide.spec, slide.resolve) : null;
  if (slide.spec && native) addNativeChart(page, native, box, slide);
  else if (slide.spec) await addPicture(page, slide, box);
  else if (slide.figure) {
    // A finding without a chart: its number, big, is the slide's picture.
    page.addText(slide.figure, {
      ...box,
      fontFace: FONT,
      fontSize: 96,
      bold: true,
      color: ACCENT,
      align: 'center',
      valign: 'middle',
    });
  }
  page.addText(slide.source, {
    x: MARGIN,
    y: H - 0.45,
    w: W - 2 * MARGIN - 1.2,
    h: 0.3,
    fontFace: FONT,
    fontSize: 10,
    color: MUTED,
  });
  page.addText(counter, {
    x: W - MARGIN - 1.2,
    y: H - 0.45,
    w: 1.2,
    h: 0.3,
    fontFace: FONT,
    fontSize: 10,
    color: MUTED,
    align: 'right',
  });
}
