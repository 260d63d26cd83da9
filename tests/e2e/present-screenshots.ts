/**
 * Screenshots of Present at 1280×720 with headless Chromium against the built app: the flagship
 * notebook (its 简体 translation for zh-Hans) in full screen, light and dark UI, English and 简体:
 * the title slide, the first finding, the figure-only slide and the closing slide.
 * Run after `vite build`: `npx tsx tests/e2e/present-screenshots.ts [out-dir]` (default docs/present/).
 */
import { mkdir } from 'node:fs/promises';
import { cellsSettled, openApp, startSession, waitForEngine } from './harness.ts';

const outDir = process.argv[2] ?? 'docs/present';
await mkdir(outDir, { recursive: true });
const session = await startSession();
try {
  for (const locale of ['en', 'zh-Hans'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const context = await session.browser.newContext({
        viewport: { width: 1280, height: 720 },
        deviceScaleFactor: 1,
      });
      await context.addInitScript(
        ([l, t]) => {
          localStorage.setItem('caw.locale', l!);
          localStorage.setItem('caw.theme', t!);
        },
        [locale, theme],
      );
      const app = await openApp(session, '/', context);
      const { page } = app;
      await waitForEngine(page);
      const id = locale === 'en' ? 'who-really-makes-the-profit' : `who-really-makes-the-profit.${locale}`;
      await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${id}"]`).click();
      await page
        .locator('[data-testid="nb-cell"][data-cell-id="whale"][data-status="ok"]')
        .waitFor({ timeout: 120_000 });
      await cellsSettled(page, 120_000);
      await page.getByTestId('present').click();
      await page.locator('[data-testid="presentation"][data-fullscreen="true"]').waitFor({ timeout: 10_000 });
      const total = await page.locator('[data-testid="presentation"] [data-slide-index]').count();
      // Slides: title, first finding, the figure-only slide (cost driver, 4th finding), closing.
      for (const [n, name] of [
        [0, 'title'],
        [1, 'finding'],
        [4, 'figure'],
        [total - 1, 'closing'],
      ] as const) {
        await page.keyboard.press('Home');
        for (let i = 0; i < n; i++) await page.keyboard.press('ArrowRight');
        await page.locator(`[data-testid="slide"][data-slide-index="${n}"]`).waitFor();
        // Move the pointer away from the top edge, where the deck's bar appears.
        await page.mouse.move(640, 400);
        await page.screenshot({ path: `${outDir}/${locale}-${theme}-${name}.png` });
      }
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('n');
      await page.screenshot({ path: `${outDir}/${locale}-${theme}-notes.png` });
      if (app.foreignRequests().length) throw new Error(`foreign requests: ${app.foreignRequests().join(', ')}`);
      await context.close();
      console.log(`wrote ${outDir}/${locale}-${theme}-*.png`);
    }
  }
} finally {
  await session.close();
}
