/**
 * Screenshots of analysis notes and tables in 简体 and 繁體, light and dark, at 1280×720 (issue 16):
 * customer equity in the retention notebook and MVC/MGC/BZ in the segmentation notebook, each cell
 * scrolled to its notes with its first table opened. Writes to $1 (default docs/notes); run after
 * `vite build`: `npx tsx tests/e2e/notes-screenshots.ts /tmp/shots`.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { cellsSettled, openApp, startSession, waitForEngine } from './harness.ts';

const out = process.argv[2] ?? 'docs/notes';
mkdirSync(out, { recursive: true });
const shots = [
  ['retention-what-if', 'equity'],
  ['segmenting-the-customer-base', 'mvc'],
] as const;
const session = await startSession();
try {
  for (const locale of ['zh-Hans', 'zh-Hant'] as const)
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
      for (const [nb, cell] of shots) {
        await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${nb}.${locale}"]`).click();
        await page.locator('[data-testid="nb-cell"]').first().waitFor();
        await cellsSettled(page, 240_000);
        const target = page.locator(`[data-testid="nb-cell"][data-cell-id="${cell}"]`);
        await target
          .locator('details.table')
          .first()
          .evaluate((d) => d.setAttribute('open', ''));
        // Charts further down draw when the page is idle and move what is above them: scroll twice.
        for (let i = 0; i < 2; i++) {
          await target.locator('[data-testid="analysis-notes"]').evaluate((el) => {
            el.scrollIntoView({ block: 'start' });
            // The notebook's title bar sticks over the top of its scroller: bring the notes below it.
            let p = el.parentElement;
            while (p && !(p.scrollHeight > p.clientHeight && getComputedStyle(p).overflowY !== 'visible'))
              p = p.parentElement;
            p?.scrollBy(0, -150);
          });
          await page.waitForTimeout(700);
        }
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(out, `${nb}-${cell}-${locale}-${theme}.png`) });
      }
      if (app.foreignRequests().length) throw new Error(`foreign requests: ${app.foreignRequests().join(', ')}`);
      await context.close();
    }
  console.log(`wrote ${out}`);
} finally {
  await session.close();
}
