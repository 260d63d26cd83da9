/**
 * One headless-Chromium session on the benchmark page: builds the page (unless told not to),
 * serves it with `vite preview`, opens it and returns a typed caller for `window.__bench`.
 * Shared by `npm run bench:browser` and `npm run bench:interactive`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { Bench } from './main.ts';

/** The page's callable functions. */
export type BenchFns = Omit<Bench, 'ready'>;

/** Chromium flags for a machine without network or GPU (docs/benchmarks.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BenchSession {
  browser: Browser;
  page: Page;
  /** Calls `window.__bench[fn](...args)` in the page. */
  call: <K extends keyof BenchFns>(
    fn: K,
    ...args: Parameters<BenchFns[K]>
  ) => Promise<Awaited<ReturnType<BenchFns[K]>>>;
  close(): Promise<void>;
}

/** Starts a session; `onAbort` hears of a page crash. */
export async function openBenchSession(options: {
  skipBuild?: boolean;
  log: (s: string) => void;
  onAbort?: (why: string) => void;
}): Promise<BenchSession> {
  const configFile = path.resolve(import.meta.dirname, 'vite.config.ts');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!options.skipBuild) {
    options.log('building the bench page …');
    await build({ configFile, logLevel: 'error' });
  }
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  const server = await preview({
    configFile,
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('preview server did not report a URL');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => options.log(`[page] ${m.text()}`));
  page.on('pageerror', (e) => options.log(`[page error] ${String(e)}`));
  page.on('crash', () => options.onAbort?.('the page crashed'));
  await page.goto(baseUrl);
  await page.waitForFunction(() => (window as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true);
  return {
    browser,
    page,
    call: (fn, ...args) =>
      page.evaluate(
        ([f, a]) =>
          (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[f as string]!(
            ...(a as unknown[]),
          ),
        [fn, args] as const,
      ) as never,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
    },
  };
}
