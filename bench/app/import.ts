/**
 * Gets a generated dataset into the app the way an analyst would: the import wizard, with the
 * four CSV files handed to its file input (`setInputFiles` with paths, so the page gets
 * disk-backed Files as from a pick), the suggested mappings, one dataset name, Import. Returns
 * the wall time from the Import click until the wizard says done (saving included).
 */
import type { Page } from 'playwright-core';

/** Imports `files` as dataset `name` and waits until the app has it active. */
export async function importThroughWizard(
  page: Page,
  files: string[],
  name: string,
  timeoutMs: number,
): Promise<number> {
  await page.getByTestId('open-import').first().click();
  await page.getByTestId('import-wizard').waitFor();
  await page.getByTestId('file-input').setInputFiles(files);
  for (const f of files) {
    const card = page.locator(`[data-testid="import-file"][data-file="${f.split('/').at(-1)}"]`);
    await card.locator('[data-testid="mapping"]').waitFor({ timeout: 120_000 });
  }
  await page.getByTestId('dataset-name').fill(name);
  const t0 = Date.now();
  await page.getByTestId('start-import').click();
  await page.getByTestId('import-done').waitFor({ timeout: timeoutMs });
  const ms = Date.now() - t0;
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByTestId('active-dataset').filter({ hasText: name }).waitFor({ timeout: 60_000 });
  return ms;
}
