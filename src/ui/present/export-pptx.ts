/**
 * "Export PowerPoint": the deck as a .pptx built in the browser with pptxgenjs (16:9, 10 × 5.625 in).
 * Charts go in as PNG pictures (the SVG the app draws, rasterised at 2×); headlines, footers and the
 * title slide are real text boxes, so they stay editable in PowerPoint. pptxgenjs is loaded with a
 * dynamic `import()`: its chunk is fetched from our own origin only when someone exports.
 */
import type PptxGenJS from 'pptxgenjs';
import { downloadBlob } from '../download.ts';
import { deckFont } from './deck-font.ts';
import { renderSlideChart } from './chart-svg.ts';
import type { ChartSlide, Slide, TitleSlide } from './slides.ts';
import { svgToPng, type ChartPng } from './svg-to-png.ts';

/** Text of the deck that the UI formats in the user's language. */
export interface DeckText {
  /** Title slide: "Data: … · date". */
  meta: string;
  /** Title slide small print: chart count and skipped cells. */
  smallPrint: string;
  /** Footer counter, e.g. "3 / 12". */
  counter: (index: number, total: number) => string;
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

/** Builds the .pptx in the deck's `language` and starts its download as `fileName`. */
export async function exportPptx(
  slides: readonly Slide[],
  text: DeckText,
  fileName: string,
  language?: string,
): Promise<void> {
  FONT = deckFont(language);
  const { default: Pptx } = await import('pptxgenjs');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_16x9';
  const first = slides[0];
  if (first?.kind === 'title') pptx.title = first.title;
  for (const [i, slide] of slides.entries()) {
    const page = pptx.addSlide();
    page.background = { color: 'FFFFFF' };
    if (slide.kind === 'title') addTitle(page, slide, text);
    else await addChart(page, slide, text.counter(i + 1, slides.length));
  }
  const blob = (await pptx.write({ outputType: 'blob' })) as Blob;
  downloadBlob(blob, fileName);
}

type PptxSlide = PptxGenJS.Slide;

function addTitle(page: PptxSlide, slide: TitleSlide, text: DeckText): void {
  page.addShape('rect', {
    x: MARGIN,
    y: 1.45,
    w: 0.9,
    h: 0.08,
    fill: { color: ACCENT },
    line: { color: ACCENT, width: 0 },
  });
  page.addText(slide.title, {
    x: MARGIN,
    y: 1.6,
    w: W - 2 * MARGIN,
    h: 1.1,
    fontFace: FONT,
    fontSize: 36,
    bold: true,
    color: INK,
    valign: 'top',
    fit: 'shrink',
  });
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
