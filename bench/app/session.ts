/**
 * The real app in headless Chromium: builds it with the project's own vite.config.ts into
 * bench/out/app-dist (so the e2e tests' dist/ is left alone), serves that with `vite preview`
 * (the CSP header included) and opens it with the page recorder installed before the app runs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs } from '../browser/session.ts';
import { installProbe } from './probe.ts';

/** An open app page and how to close everything. */
export interface AppSession {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');
/** Where the app is built for the benchmark. */
export const appDist = path.resolve(root, 'bench/out/app-dist');

/** Builds (unless `skipBuild`), serves and opens the app; `onAbort` hears of a page crash. */
export async function openApp(options: {
  skipBuild: boolean;
  log: (s: string) => void;
  onAbort: (why: string) => void;
}): Promise<AppSession> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  const config = {
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error' as const,
    build: { outDir: appDist, emptyOutDir: true },
  };
  if (!options.skipBuild || !existsSync(path.join(appDist, 'index.html'))) {
    options.log('building the app (vite build) …');
    await build(config);
  }
  const server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report a URL');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  // The e2e tests' viewport: the charts get the width a laptop screen gives them.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  page.on('pageerror', (e) => options.log(`[page error] ${String(e)}`));
  page.on('crash', () => options.onAbort('the page crashed'));
  await page.goto(url);
  return {
    browser,
    page,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
    },
  };
}
