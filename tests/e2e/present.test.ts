/**
 * Present mode, end to end in Chromium against the built app: the flagship notebook on the sample
 * data becomes a title slide plus one slide per chart; keys and buttons move through it; printing
 * lays out one 16 × 9 inch page per slide; the PowerPoint export downloads a .pptx with the same
 * slides and real headline text; Esc returns to the notebook unchanged; nothing leaves the origin.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { openApp, startSession, waitForEngine, type RecordedPage, type Session, cellsSettled } from './harness.ts';

let session: Session;
let app: RecordedPage;
const builtin = 'who-really-makes-the-profit';

before(async () => {
  session = await startSession();
  app = await openApp(session);
  await waitForEngine(app.page);
});
after(async () => {
  await session?.close();
});

/** Waits until no cell is queued or running. */
const settled = () => cellsSettled(app.page);

/** Index and counter text of the slide on screen. */
async function at(): Promise<[number, string]> {
  const slide = app.page.getByTestId('slide');
  return [
    Number(await slide.getAttribute('data-slide-index')),
    (await app.page.getByTestId('slide-counter').textContent())?.trim() ?? '',
  ];
}

/** Chart cells and analysis cell charts the notebook shows, i.e. the slides after the title. */
let expectedCharts = 0;
let total = 0;
let whaleHeadline = '';

describe('present mode', () => {
  it('opens the notebook as a deck: title slide, then one slide per chart', async () => {
    const { page } = app;
    await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${builtin}"]`).click();
    await page.getByTestId('notebook-title').filter({ hasText: 'Who really makes the profit?' }).waitFor();
    await settled();
    expectedCharts = await page
      .locator(
        '[data-testid="nb-cell"][data-status="ok"][data-kind="chart"] figure svg.cw-chart, [data-testid="nb-cell"][data-status="ok"][data-kind="analysis"] figure svg.cw-chart',
      )
      .count();
    assert.ok(expectedCharts >= 3, `the notebook draws several charts (${expectedCharts})`);
    whaleHeadline =
      (
        await page
          .locator('[data-testid="nb-cell"][data-cell-id="whale"] [data-testid="findings"] li .text')
          .first()
          .textContent()
      )?.trim() ?? '';
    assert.match(whaleHeadline, /top 20%/i);
    assert.equal(app.requests.filter((u) => /pptxgen/.test(u)).length, 0, 'pptxgenjs is not loaded before an export');

    await page.getByTestId('present').click();
    await page.getByTestId('presentation').waitFor();
    total = await page.locator('[data-testid="presentation"] [data-slide-index]').count();
    assert.equal(total, expectedCharts + 1, 'a title slide plus one slide per chart');
    assert.deepEqual(await at(), [0, `1 / ${total}`]);
    const slide = page.getByTestId('slide');
    assert.equal(await slide.getAttribute('data-kind'), 'title');
    assert.equal(await slide.getByTestId('slide-title').textContent(), 'Who really makes the profit?');
    assert.match((await slide.getByTestId('slide-meta').textContent()) ?? '', /sample data/i, 'names the dataset');
    assert.match(
      (await slide.getByTestId('slide-small-print').textContent()) ?? '',
      new RegExp(`${expectedCharts} charts follow`),
    );
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'presentation',
      'focus moves into the deck',
    );
  });

  it('moves with the keys and the buttons; the first chart slide carries the whale-curve finding', async () => {
    const { page } = app;
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await at(), [1, `2 / ${total}`]);
    const slide = page.getByTestId('slide');
    assert.equal(await slide.getAttribute('data-kind'), 'chart');
    assert.equal((await slide.getByTestId('slide-headline').textContent())?.trim(), whaleHeadline);
    assert.match((await slide.getByTestId('slide-source').textContent()) ?? '', /whale$/);
    assert.ok((await slide.locator('svg.cw-chart path').count()) > 0, 'the chart is drawn on the slide');
    await page.keyboard.press(' ');
    await page.keyboard.press('PageDown');
    assert.deepEqual(await at(), [3, `4 / ${total}`]);
    await page.keyboard.press('End');
    assert.deepEqual(await at(), [total - 1, `${total} / ${total}`]);
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await at(), [total - 1, `${total} / ${total}`], 'stays on the last slide');
    assert.ok(await page.getByTestId('slide-next').isDisabled());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageUp');
    assert.deepEqual(await at(), [total - 3, `${total - 2} / ${total}`]);
    await page.getByTestId('slide-prev').click();
    assert.deepEqual(await at(), [total - 4, `${total - 3} / ${total}`]);
    await page.getByTestId('slide-next').click();
    assert.deepEqual(await at(), [total - 3, `${total - 2} / ${total}`]);
    await page.keyboard.press('Home');
    assert.deepEqual(await at(), [0, `1 / ${total}`]);
    assert.ok(await page.getByTestId('slide-prev').isDisabled());
  });

  it('Tab stays inside the deck', async () => {
    const { page } = app;
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="presentation"]'));
      assert.ok(inside, `focus left the presentation after ${i + 1} Tab presses`);
    }
    await page.getByTestId('presentation').focus();
  });

  it('Export PDF prints; the print layout has one 16 × 9 page per slide', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void w.printed++;
    });
    await page.getByTestId('export-pdf').click();
    assert.equal(
      await page.evaluate(() => (window as unknown as { printed: number }).printed),
      1,
      'window.print() was called',
    );
    const pdf = (await page.pdf({ width: '16in', height: '9in', printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    assert.equal(pages, total, 'one PDF page per slide, nothing else of the app');
  });

  it('Export PowerPoint downloads a .pptx with the same slides and editable headline text', async () => {
    const { page } = app;
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-pptx').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'who-really-makes-the-profit.pptx');
    const zip = await JSZip.loadAsync(await readFile(await file.path()));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    assert.equal(slides.length, total, 'one PowerPoint slide per slide');
    const second = await zip.file('ppt/slides/slide2.xml')!.async('string');
    assert.ok(
      second.includes(whaleHeadline.replace(/&/g, '&amp;')),
      'the whale-curve headline is real text on slide 2',
    );
    assert.ok(second.includes('r:embed'), 'slide 2 carries the chart picture');
    const media = Object.keys(zip.files).filter((n) => /^ppt\/media\/.+\.png$/.test(n));
    assert.equal(media.length, expectedCharts, 'one PNG per chart');
    assert.ok(
      app.requests.some((u) => u.startsWith(session.baseUrl) && /pptxgen/.test(u)),
      'pptxgenjs came from our own origin on demand',
    );
    assert.equal(await page.getByTestId('export-error').count(), 0);
  });

  it('Esc closes the deck and returns to the notebook unchanged', async () => {
    const { page } = app;
    const before = await page
      .locator('[data-testid="nb-cell"]')
      .evaluateAll((els) =>
        els.map(
          (e) => `${e.getAttribute('data-cell-id')}:${e.getAttribute('data-status')}:${e.getAttribute('data-runs')}`,
        ),
      );
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    const after = await page
      .locator('[data-testid="nb-cell"]')
      .evaluateAll((els) =>
        els.map(
          (e) => `${e.getAttribute('data-cell-id')}:${e.getAttribute('data-status')}:${e.getAttribute('data-runs')}`,
        ),
      );
    assert.deepEqual(after, before, 'no cell re-ran or changed');
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'present',
      'focus back on the Present button',
    );
    assert.equal(
      await page.locator('style[data-present="print"]').count(),
      0,
      'the print rules are gone with the deck',
    );
    assert.equal(await page.getByTestId('notebook-title').textContent(), 'Who really makes the profit?');
  });

  it('made no request outside the page and raised no page error', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
