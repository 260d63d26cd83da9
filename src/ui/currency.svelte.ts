/**
 * The dataset-level currency setting: which currency the amounts of the active dataset are in
 * (a symbol and its ISO 4217 code), or none. Findings, tiles and headlines write money with it.
 * None by default — the workbench cannot know the currency of a user's data, and a ¥ or $ the
 * user did not choose would be wrong half the time. Kept per dataset id in localStorage (the
 * sample included, which is never stored), so it survives reloads and dataset switches.
 */
import type { Currency } from '../format/typed.ts';
import { currencies } from '../format/currency.ts';

/** localStorage key of the per-dataset currency choices. */
export const CURRENCY_KEY = 'caw.currency';

export { currencies };

function load(): Record<string, string> {
  try {
    const raw = typeof localStorage !== 'undefined' ? localStorage.getItem(CURRENCY_KEY) : null;
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

class CurrencySetting {
  /** Currency code chosen per dataset id. */
  private codes: Record<string, string> = $state(load());
  /** The dataset whose setting applies now. */
  datasetId = $state('sample');
  /** The active dataset's currency, or null for plain amounts. */
  readonly current: Currency | null = $derived(currencies.find((c) => c.code === this.codes[this.datasetId]) ?? null);

  /** Chooses the currency (a code from `currencies`, or '' for none) for the active dataset. */
  set(code: string): void {
    const next = { ...this.codes };
    if (code && currencies.some((c) => c.code === code)) next[this.datasetId] = code;
    else delete next[this.datasetId];
    this.codes = next;
    try {
      localStorage.setItem(CURRENCY_KEY, JSON.stringify(next));
    } catch {
      // Private mode: the choice holds until the page is closed.
    }
  }
}

/** The app's one currency setting. */
export const currency = new CurrencySetting();
