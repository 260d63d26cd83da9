/**
 * Present mode, end to end in Chromium against the built app: the flagship notebook on the sample
 * data becomes a title slide, the findings its `slides:` list names (in that order, each once) and
 * a closing slide of their headlines; the deck takes the whole screen (Fullscreen API) and leaves
 * it with Esc; keys, buttons and clicks move through it; the speaker notes show on N; printing
 * lays out one 16 × 9 inch page per slide; the PowerPoint export downloads a .pptx with the same
 * slides, real headline text, speaker notes and native charts holding the notebook's numbers
 * (checked against the same notebook run in Node), which LibreOffice opens and converts to a PDF
 * of one page per slide; a refused full screen leaves the deck full-window; nothing leaves the origin.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { loadData } from '../../src/cli/load-data.ts';
import { runNotebookFile } from '../../src/cli/run.ts';
import { toRows } from '../../src/engine/types.ts';
import { openApp, startSession, waitForEngine, type RecordedPage, type Session, cellsSettled } from './harness.ts';

/** LibreOffice, for the "opens without repair" check (`.ci/run` installs it when missing). */
const libreoffice = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));

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

/** The findings the notebook's `slides:` list names, in its order. */
const planned = ['whale.headline', 'whale.peak', 'diagnostics.waterfall', 'diagnostics.cost_driver', 'whatif.what_if'];
let total = 0;
let pptx: Buffer | undefined;
let whaleHeadline = '';
/** The findings' sentences as the notebook shows them, by `cell.finding`. */
const sentences = new Map<string, string>();

describe('present mode', () => {
  it("opens the notebook as a full-screen deck: title slide, the author's findings once each, closing slide", async () => {
    const { page } = app;
    await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${builtin}"]`).click();
    await page.getByTestId('notebook-title').filter({ hasText: 'Who really makes the profit?' }).waitFor();
    await settled();
    for (const cell of ['whale', 'diagnostics', 'whatif']) {
      const items = page.locator(`[data-testid="nb-cell"][data-cell-id="${cell}"] [data-testid="findings"] li`);
      for (const li of await items.all()) {
        const id = await li.getAttribute('data-finding');
        const text = (await li.locator('.text').textContent())?.trim() ?? '';
        if (id) sentences.set(`${cell}.${id}`, text);
      }
    }
    whaleHeadline = sentences.get('whale.headline') ?? '';
    assert.match(whaleHeadline, /top 20%/i);
    assert.equal(app.requests.filter((u) => /pptxgen/.test(u)).length, 0, 'pptxgenjs is not loaded before an export');

    await page.getByTestId('present').click();
    await page.getByTestId('presentation').waitFor();
    total = await page.locator('[data-testid="presentation"] [data-slide-index]').count();
    assert.equal(total, planned.length + 2, 'a title slide, one slide per planned finding, a closing slide');
    const headlines = await page
      .locator('[data-testid="presentation"] [data-kind="chart"] [data-testid="slide-headline"]')
      .evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));
    assert.deepEqual(
      headlines,
      planned.map((p) => sentences.get(p)),
      "the findings' sentences, in the order the notebook's slides: list gives",
    );
    assert.equal(new Set(headlines).size, headlines.length, 'no finding twice');
    const closing = page.locator('[data-testid="presentation"] [data-kind="closing"]');
    assert.equal(await closing.getAttribute('data-slide-index'), String(total - 1), 'the closing slide is last');
    assert.equal((await closing.getByTestId('slide-headline').textContent())?.trim(), 'What to take away');
    assert.deepEqual(
      await closing.locator('li').evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? '')),
      headlines,
    );
    assert.deepEqual(await at(), [0, `1 / ${total}`]);
    const slide = page.getByTestId('slide');
    assert.equal(await slide.getAttribute('data-kind'), 'title');
    assert.equal(await slide.getByTestId('slide-title').textContent(), 'Who really makes the profit?');
    assert.match((await slide.getByTestId('slide-meta').textContent()) ?? '', /sample data/i, 'names the dataset');
    assert.match(
      (await slide.getByTestId('slide-small-print').textContent()) ?? '',
      new RegExp(`${planned.length} findings follow`),
    );
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'presentation',
      'focus moves into the deck',
    );
  });

  it('takes the whole screen: the page is full screen with the deck over all of it, nothing of the app in front', async () => {
    const { page } = app;
    await page.locator('[data-testid="presentation"][data-fullscreen="true"]').waitFor({ timeout: 10_000 });
    // The document is the full-screen element (the deck's own root would keep the browser's
    // full-screen styles in print); the deck covers it.
    assert.equal(await page.evaluate(() => document.fullscreenElement === document.documentElement), true);
    // Every point of the screen belongs to the deck: the app's header and sidebar are not shown.
    const covered = await page.evaluate(() =>
      [
        [5, 5],
        [innerWidth - 5, 5],
        [5, innerHeight - 5],
        [innerWidth / 2, innerHeight / 2],
      ].every(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[data-testid="presentation"]')),
    );
    assert.ok(covered, 'the deck covers the screen');
    assert.equal(await page.getByTestId('fullscreen-refused').count(), 0);
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
    // Speaker notes: the prose that explains the whale curve, on N and off again.
    await page.keyboard.press('n');
    assert.match((await page.getByTestId('speaker-notes').textContent()) ?? '', /customers/);
    await page.keyboard.press('n');
    assert.equal(await page.getByTestId('speaker-notes').count(), 0);
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

  it('a click on the slide moves forward, on its left third back', async () => {
    const { page } = app;
    const stage = page.getByTestId('present-stage');
    const box = (await stage.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height / 2);
    assert.deepEqual(await at(), [1, `2 / ${total}`]);
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height / 2);
    assert.deepEqual(await at(), [2, `3 / ${total}`]);
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height / 2);
    assert.deepEqual(await at(), [1, `2 / ${total}`]);
    await page.keyboard.press('Home');
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

  it('printing in full screen (Ctrl+P) lays out one 16 × 9 page per slide, and the deck leaves full screen', async () => {
    const { page } = app;
    await page.locator('[data-testid="presentation"][data-fullscreen="true"]').waitFor();
    // Chromium lays the print out at once, still in full screen (leaving it is asynchronous):
    // the print rules must hold there.
    const pdf = (await page.pdf({ width: '16in', height: '9in', printBackground: true })).toString('latin1');
    assert.equal(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0, total, 'one PDF page per slide');
    await page.locator('[data-testid="presentation"][data-fullscreen="false"]').waitFor();
    assert.equal(await page.evaluate(() => document.fullscreenElement), null);
    assert.equal(await page.getByTestId('presentation').count(), 1, 'the deck stays open');
  });

  it('Export PDF prints; the print layout has one 16 × 9 page per slide', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void w.printed++;
    });
    await page.getByTestId('export-pdf').click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    // Full screen's own styles would win over the print rules: the deck left it, and stays open.
    await page.locator('[data-testid="presentation"][data-fullscreen="false"]').waitFor();
    assert.equal(await page.evaluate(() => document.fullscreenElement), null);
    const pdf = (await page.pdf({ width: '16in', height: '9in', printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    assert.equal(pages, total, 'one PDF page per slide, nothing else of the app');
  });

  it("Export PowerPoint: the same slides, editable text, speaker notes, native charts holding the notebook's numbers", async () => {
    const { page } = app;
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-pptx').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'who-really-makes-the-profit.pptx');
    pptx = await readFile(await file.path());
    const zip = await JSZip.loadAsync(pptx);
    const read = (name: string) => zip.file(name)!.async('string');
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    assert.equal(slides.length, total, 'one PowerPoint slide per slide');
    const xml = (text: string) =>
      text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
    const second = await read('ppt/slides/slide2.xml');
    assert.ok(second.includes(xml(whaleHeadline)), 'the whale-curve headline is real text on slide 2');
    assert.ok(/<p:graphicFrame>[\s\S]*c:chart/.test(second), 'slide 2 carries a native chart');
    const closing = await read(`ppt/slides/slide${total}.xml`);
    // The title and the closing slide open alike: the accent bar over a bold title.
    const cover = await read('ppt/slides/slide1.xml');
    for (const [name, slideXml] of [
      ['title', cover],
      ['closing', closing],
    ] as const) {
      assert.ok(
        /<p:sp>[\s\S]*?prstGeom prst="rect"[\s\S]*?<a:srgbClr val="2459A6"\/>/.test(slideXml),
        `${name}: accent bar`,
      );
      assert.ok(/<a:rPr[^>]*\bb="1"/.test(slideXml), `${name}: bold title`);
    }
    for (const p of planned) assert.ok(closing.includes(xml(sentences.get(p)!)), `the closing slide lists ${p}`);
    // Speaker notes: the author's note on the cost-driver slide.
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    assert.ok(
      notes.some((n) => n.includes('Ask the room which cost they would cut first')),
      'speaker notes exported',
    );

    // The chart of slide 2 is the whale curve's revenue and profit concentration, point for point
    // as the same notebook computes it in Node on the same sample data.
    const rels = await read('ppt/slides/_rels/slide2.xml.rels');
    const target = /Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/.exec(rels)?.[1];
    assert.ok(target, 'slide 2 links its chart');
    const chart = await read(`ppt/charts/${target}`);
    assert.ok(chart.includes('<c:scatterChart>'), 'a scatter chart (a curve over a numeric share)');
    assert.ok(chart.includes('Share of customers') && chart.includes('Cumulative share'), 'axis titles');
    assert.ok(chart.includes('formatCode="0%"'), "the notebook's percent format");
    const series = [...chart.matchAll(/<c:yVal>([\s\S]*?)<\/c:yVal>/g)].map((m) =>
      [...m[1]!.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
    );
    const xs = [...(/<c:xVal>([\s\S]*?)<\/c:xVal>/.exec(chart)?.[1] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) =>
      Number(v[1]),
    );
    const run = await runNotebookFile(path.resolve('notebooks', `${builtin}.md`), { data: await loadData() });
    const whale = run.states.find((s) => s.id === 'whale')?.output;
    assert.ok(whale?.kind === 'analysis');
    const curve = toRows(whale.result.tables.curve!);
    assert.deepEqual(
      xs,
      curve.map((r) => r.customer_share),
    );
    assert.deepEqual(series, [curve.map((r) => r.revenue_share), curve.map((r) => r.profit_share)]);

    const media = Object.keys(zip.files).filter((n) => /^ppt\/media\/.+\.png$/.test(n));
    assert.ok(media.length >= 1, 'a chart PowerPoint has no type for (the what-if curves) stays a picture');
    assert.ok(
      app.requests.some((u) => u.startsWith(session.baseUrl) && /pptxgen/.test(u)),
      'pptxgenjs came from our own origin on demand',
    );
    assert.equal(await page.getByTestId('export-error').count(), 0);
  });

  it(
    'LibreOffice opens the .pptx without repair: its PDF has one page per slide',
    {
      skip:
        !libreoffice && !process.env.CI
          ? 'LibreOffice is not installed (apt-get install -y --no-install-recommends libreoffice-impress)'
          : false,
    },
    async () => {
      assert.ok(libreoffice, 'LibreOffice is installed (.ci/run installs it)');
      assert.ok(pptx, 'the export test wrote the deck');
      const dir = await mkdtemp(path.join(tmpdir(), 'caw-present-'));
      try {
        await writeFile(path.join(dir, 'deck.pptx'), pptx);
        // Its own profile directory: no clash with another LibreOffice running on the machine.
        await promisify(execFile)(
          libreoffice,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            path.join(dir, 'deck.pptx'),
          ],
          { timeout: 300_000 },
        );
        const pdf = (await readFile(path.join(dir, 'deck.pdf'))).toString('latin1');
        assert.equal(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0, total);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

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
    assert.equal(await page.evaluate(() => document.fullscreenElement), null, 'full screen is left');
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

  it("leaving full screen the browser's way (its own Esc) closes the deck too", async () => {
    const { page } = app;
    await page.getByTestId('present').click();
    await page.locator('[data-testid="presentation"][data-fullscreen="true"]').waitFor({ timeout: 10_000 });
    await page.evaluate(() => document.exitFullscreen());
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
  });

  it('when the browser refuses full screen, the deck fills the window and says so', async () => {
    const { page } = app;
    await page.evaluate(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
    });
    await page.getByTestId('present').click();
    await page.getByTestId('fullscreen-refused').waitFor();
    assert.equal(await page.evaluate(() => document.fullscreenElement), null);
    const box = (await page.getByTestId('presentation').boundingBox())!;
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 1440, 900], 'full-window');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await at(), [1, `2 / ${total}`], 'the keys still work');
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
  });

  it('made no request outside the page and raised no page error', () => {
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
  });
});
