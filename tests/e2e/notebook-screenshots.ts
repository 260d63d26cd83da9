/**
 * Screenshots for docs/screenshots/ with headless Chromium against the built app, at 1280×720: every
 * built-in English notebook in light and dark, scrolled to its first analysis or chart, on the
 * sample data; the start page in light and dark; and the reading view of the customer-asset
 * scorecard in 简体 and 繁體. Run after `vite build`:
 * `npx tsx tests/e2e/notebook-screenshots.ts [out-dir]` (default docs/screenshots/).
 */
import { mkdir, readdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { cellsSettled, openApp, startSession, waitForEngine, type Session } from './harness.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
await mkdir(outDir, { recursive: true });

type Theme = 'light' | 'dark';

/** A page at 1280×720 in `locale` and `theme`, at `path`; the engine ready and every cell settled. */
async function shoot(
  session: Session,
  path: string,
  locale: string,
  theme: Theme,
  file: string,
  at?: (page: Page) => Promise<void>,
) {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await context.addInitScript(
    ([l, t]) => {
      localStorage.setItem('caw.locale', l!);
      localStorage.setItem('caw.theme', t!);
    },
    [locale, theme],
  );
  const app = await openApp(session, path, context);
  const { page } = app;
  await waitForEngine(page, 120_000);
  if (path.includes('notebook=')) await cellsSettled(page, 180_000);
  await at?.(page);
  // The pointer off the cells, whose tools show on hover.
  await page.mouse.move(1270, 710);
  await page.screenshot({ path: `${outDir}/${file}` });
  if (app.foreignRequests().length) throw new Error(`foreign requests: ${app.foreignRequests().join(', ')}`);
  await context.close();
  console.log(`wrote ${outDir}/${file}`);
}

/** Scrolls the notebook pane so the first analysis or chart output sits under the notebook's bar. */
async function toFirstOutput(page: Page): Promise<void> {
  // A notebook whose data is not loaded (Telco on the sample) shows its top: what is missing and the import button.
  if ((await page.getByTestId('needs-data').count()) > 0) return;
  const target = page
    .locator('[data-testid="nb-cell"][data-kind="analysis"], [data-testid="nb-cell"][data-kind="chart"]')
    .first();
  if ((await target.count()) === 0) return;
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Leave room for the sticky notebook bar (title, description, buttons).
  const bar = (await page.locator('[data-testid="notebook"] > .head').boundingBox())?.height ?? 110;
  await page.locator('main').evaluate((el, by) => el.scrollBy(0, -by), bar + 4);
}

/** The built-in English notebooks: `notebooks/<id>.md` without a language suffix. */
const english = (await readdir('notebooks'))
  .filter((f) => f.endsWith('.md') && !/\.zh-Han[st]\.md$/.test(f))
  .map((f) => f.replace(/\.md$/, ''))
  .sort();

const session = await startSession();
try {
  for (const theme of ['light', 'dark'] as const) {
    await shoot(session, '/#start', 'en', theme, `start-${theme}.png`);
    for (const id of english)
      await shoot(session, `/#notebook=${id}`, 'en', theme, `${id}-${theme}.png`, toFirstOutput);
  }
  for (const locale of ['zh-Hans', 'zh-Hant'] as const)
    await shoot(
      session,
      `/#notebook=customer-asset-scorecard.${locale}&view=read`,
      locale,
      'light',
      `customer-asset-scorecard-read-${locale}-light.png`,
    );
} finally {
  await session.close();
}
