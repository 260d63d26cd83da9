/**
 * Takes the README screenshot (docs/screenshot.png) with headless Chromium against the built app:
 * the flagship notebook scrolled to the whale curve. Run with `npm run screenshot` after `vite build`.
 */
import { openApp, startSession, waitForEngine } from './harness.ts';

const out = process.argv[2] ?? 'docs/screenshot.png';
const session = await startSession();
try {
  const app = await openApp(session);
  await waitForEngine(app.page);
  const { page } = app;
  await page.getByText('Who really makes the profit?').first().click();
  const chart = page.locator('[data-testid="nb-cell"][data-kind="analysis"] svg').first();
  await chart.waitFor({ timeout: 60_000 });
  // Wait until every cell has finished so the toolbar shows "Run all", not "Running…".
  await page.getByRole('button', { name: 'Run all' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  // Bring the whale curve's title near the top of the notebook pane.
  await chart.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Below the sticky notebook bar (title, description, buttons), whatever its height.
  const bar = (await page.locator('[data-testid="notebook"] > .head').boundingBox())?.height ?? 130;
  await page.locator('main').evaluate((el, by) => el.scrollBy(0, -by), bar + 20);
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  if (app.foreignRequests().length) throw new Error(`foreign requests: ${app.foreignRequests().join(', ')}`);
  console.log(`wrote ${out}`);
} finally {
  await session.close();
}
