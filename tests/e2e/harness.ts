/**
 * End-to-end harness: serves the built app (`vite build` output) with Vite's preview server,
 * drives Debian's Chromium through playwright-core, and records every request a page makes so
 * tests can assert that nothing leaves the page's origin.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the preview server on a free port and launches headless Chromium. */
export async function startSession(): Promise<Session> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `vite build` first (npm run test:e2e does)');
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  const server: PreviewServer = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  const baseUrl = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!baseUrl) throw new Error('preview server did not report a URL');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A page whose every request is recorded, with console errors and page errors collected. */
export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  requests: string[];
  errors: string[];
  /** Requests that went anywhere but the page's own origin (data:/blob: are local). */
  foreignRequests(): string[];
}

/**
 * Opens the app at `path`; by default in Scratch SQL (`#scratch`), where the app opened before it had a start page
 * (pages.test.ts covers the start page of a first visit).
 */
export async function openApp(session: Session, path = '/#scratch', context?: BrowserContext): Promise<RecordedPage> {
  const ctx =
    context ?? (await session.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 }));
  const page = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // Requests from the engine worker are reported on the context too.
  ctx.on('request', (r) => {
    if (!requests.includes(r.url())) requests.push(r.url());
  });
  await page.goto(session.baseUrl + path);
  return {
    page,
    context: ctx,
    requests,
    errors,
    foreignRequests: () =>
      requests.filter(
        (u) =>
          !u.startsWith(session.baseUrl + '/') &&
          u !== session.baseUrl &&
          !u.startsWith('data:') &&
          !u.startsWith('blob:'),
      ),
  };
}

/** Waits until the engine reports ready with the sample data loaded. */
export async function waitForEngine(page: Page, timeout = 60_000): Promise<void> {
  await page.getByTestId('engine-status').filter({ hasText: 'DuckDB' }).waitFor({ timeout });
  await page.locator('[data-table="transactions"]').waitFor({ timeout });
}

/** Runs SQL through the page's test hook (`window.__caw.sql`): columns, each a list of values as text. */
export function pageSql(page: Page, q: string): Promise<string[][]> {
  return page.evaluate(
    (text) => (window as unknown as { __caw: { sql(q: string): Promise<string[][]> } }).__caw.sql(text),
    q,
  );
}

/** The row count the data panel shows for `table`. */
export async function tableRows(page: Page, table: string): Promise<number> {
  return Number(
    ((await page.locator(`[data-table="${table}"]`).getByTestId('table-rows').textContent()) ?? '').replace(/\D/g, ''),
  );
}

/**
 * Waits until the open notebook has cells, none is idle, queued or running, and none still shows
 * a saved result from an earlier visit (this page has run them all).
 */
export async function cellsSettled(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const cells = [...document.querySelectorAll('[data-testid="nb-cell"]')];
      // Charts draw in a task after their cell's result arrives: settled means drawn too.
      const drawing = document.querySelector('[data-testid="chart"][data-pending]') !== null;
      return (
        !drawing &&
        cells.length > 0 &&
        cells.every(
          (c) =>
            !['queued', 'running', 'idle'].includes(c.getAttribute('data-status') ?? '') &&
            c.getAttribute('data-restored') === null,
        )
      );
    },
    undefined,
    { timeout },
  );
}
