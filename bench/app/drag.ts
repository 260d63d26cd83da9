/**
 * Moves notebook inputs in the app page like a user: the slider with arrow keys on the focused
 * control (trusted key events, so the browser fires `input` exactly as for a person), a pause
 * between presses; select and number inputs set through their own change events.
 */
import type { Page } from 'playwright-core';

/** Waits until the notebook has cells and none is idle, queued or running; returns the page time it saw that. */
export async function settled(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const cells = [...document.querySelectorAll('[data-testid="nb-cell"]')];
      // Charts draw in a task after their cell's result arrives: settled means drawn too.
      const drawing = document.querySelector('[data-testid="chart"][data-pending]') !== null;
      const done =
        !drawing &&
        cells.length > 0 &&
        cells.every((c) => !['queued', 'running', 'idle'].includes(c.getAttribute('data-status') ?? ''));
      return done ? performance.now() : false;
    },
    undefined,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** The page clock now (the recorder's timeline). */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/**
 * Focuses the control `selector` (without scrolling to it) and presses `key` `steps` times,
 * `pauseMs` apart. Returns the page time just before the first press.
 */
export async function dragWithKeys(
  page: Page,
  selector: string,
  key: 'ArrowLeft' | 'ArrowRight',
  steps: number,
  pauseMs: number,
): Promise<number> {
  // Focus without scrolling: the page stays where the caller put it (the chart in view), as for
  // someone who moves a slider while watching a chart further down.
  await page.locator(selector).evaluate((el: HTMLElement) => el.focus({ preventScroll: true }));
  const from = await pageNow(page);
  for (let i = 0; i < steps; i++) {
    if (i > 0) await page.waitForTimeout(pauseMs);
    await page.keyboard.press(key);
  }
  return from;
}

/** Sets a slider, select or number input outside any measurement (setup between drags). */
export async function setInput(page: Page, name: string, value: string): Promise<void> {
  const el = page.locator(`#input-${name}`);
  if ((await el.evaluate((e) => e.tagName)) === 'SELECT') return void (await el.selectOption(value));
  await el.evaluate((e: HTMLInputElement, v) => {
    e.value = v;
    e.dispatchEvent(new Event(e.type === 'range' ? 'input' : 'change', { bubbles: true }));
  }, value);
}
