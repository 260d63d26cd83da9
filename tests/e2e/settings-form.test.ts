/**
 * The settings form, end to end in Chromium against the built app: an analysis cell opens its
 * settings as a form by default; an option bound to an input (`top_k: $top_k`) is shown as bound,
 * is replaced by a typed value that changes the cell's output and appears in the YAML view, a
 * typed non-number is reported and not written, an input cell's form edits its label, and the
 * edit survives a reload (in the user's own copy).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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

const cell = (id: string) => app.page.locator(`[data-testid="nb-cell"][data-cell-id="${id}"]`);
const option = (id: string, name: string) => cell(id).locator(`[data-testid="settings-form"] [data-option="${name}"]`);

/** Waits until no cell is queued or running. */
const settled = () => cellsSettled(app.page);

async function findings(id: string): Promise<string> {
  return (await cell(id).getByTestId('findings').textContent()) ?? '';
}

describe('settings form', () => {
  it('opens an analysis cell’s settings as a form, with bound options shown as bound', async () => {
    const { page } = app;
    await page.locator(`[data-testid="builtin-notebooks"] [data-notebook="${builtin}"]`).click();
    await page.getByTestId('notebook-title').filter({ hasText: 'Who really makes the profit?' }).waitFor();
    await settled();
    assert.match(await findings('whale'), /top 20%/i);
    await cell('whale').getByTestId('edit-spec').click();
    await cell('whale').getByTestId('settings-form').waitFor();
    assert.equal(await cell('whale').getByTestId('spec-editor').count(), 0, 'the form is the default, not the YAML');
    assert.equal(await option('whale', 'top_k').getAttribute('data-state'), 'param');
    assert.match((await option('whale', 'top_k').textContent()) ?? '', /top_k/);
    // Help text is the option's description; an unset option shows its default as placeholder.
    assert.ok(
      ((await option('whale', 'top_k').locator('.help').textContent()) ?? '').length > 10,
      'the option is described',
    );
    assert.equal(await option('whale', 'from').getAttribute('data-state'), 'unset');
  });

  it('replaces the binding with a typed value: the output and the YAML follow', async () => {
    const { page } = app;
    await option('whale', 'top_k').getByTestId('unbind').click();
    const field = option('whale', 'top_k').getByTestId('option-input');
    await field.fill('30');
    await field.press('Enter');
    await page.waitForFunction(
      () =>
        /top 30%/i.test(document.querySelector('[data-cell-id="whale"] [data-testid="findings"]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await settled();
    assert.equal(await option('whale', 'top_k').getAttribute('data-state'), 'value');
    await page.getByTestId('notebook-title').filter({ hasText: 'Copy of Who really makes the profit?' }).waitFor();

    await cell('whale').getByTestId('settings-mode-yaml').click();
    const yaml = await cell('whale').getByTestId('spec-editor').inputValue();
    assert.match(yaml, /^ {2}top_k: 30$/m);
    assert.match(yaml, /^ {2}margin_pct: \$margin$/m, 'the other bindings are untouched');
  });

  it('reports a value that is not a number and writes nothing', async () => {
    await cell('whale').getByTestId('settings-mode-form').click();
    const field = option('whale', 'top_k').getByTestId('option-input');
    await field.fill('thirty');
    await field.press('Enter');
    const error = await option('whale', 'top_k').getByTestId('option-error').textContent();
    assert.match(error ?? '', /"thirty" is not a number/);
    await cell('whale').getByTestId('settings-mode-yaml').click();
    assert.match(await cell('whale').getByTestId('spec-editor').inputValue(), /^ {2}top_k: 30$/m);
  });

  it('edits an input cell’s label through its form', async () => {
    const { page } = app;
    await cell('margin').getByTestId('edit-spec').click();
    const label = cell('margin').locator('[data-testid="settings-form"] [data-key="label"] input');
    assert.equal(await label.inputValue(), 'Assumed gross margin (share of revenue)');
    await label.fill('Assumed margin');
    await label.press('Enter');
    await cell('margin').getByText('Assumed margin', { exact: true }).waitFor();
    await cell('margin').getByTestId('settings-mode-yaml').click();
    assert.match(await cell('margin').getByTestId('spec-editor').inputValue(), /^label: Assumed margin$/m);
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
  });

  it('keeps the edit through a reload', async () => {
    const { page } = app;
    await page.reload();
    await waitForEngine(page);
    await page.getByTestId('notebook-title').filter({ hasText: 'Copy of Who really makes the profit?' }).waitFor();
    await settled();
    assert.match(await findings('whale'), /top 30%/i);
    await cell('whale').getByTestId('edit-spec').click();
    assert.equal(await option('whale', 'top_k').getByTestId('option-input').inputValue(), '30');
    assert.equal(await option('whale', 'margin_pct').getAttribute('data-state'), 'param');
    assert.deepEqual(app.foreignRequests(), []);
  });
});
