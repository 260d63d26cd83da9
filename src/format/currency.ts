/**
 * Currencies a dataset's amounts can be declared in (the app's data panel and the CLI's
 * `--currency` offer the same list). None is the default: the workbench cannot know the currency
 * of a user's data.
 */
import type { Currency } from './typed.ts';

/** Offered currencies, by ISO 4217 code, with the symbol written before amounts. */
export const currencies: readonly Currency[] = [
  { code: 'CNY', symbol: '¥' },
  { code: 'HKD', symbol: 'HK$' },
  { code: 'TWD', symbol: 'NT$' },
  { code: 'USD', symbol: '$' },
  { code: 'EUR', symbol: '€' },
  { code: 'GBP', symbol: '£' },
  { code: 'JPY', symbol: 'JP¥' },
  { code: 'SGD', symbol: 'S$' },
];

/** The currency with ISO code `code` (case-insensitive), or undefined. */
export function currencyByCode(code: string): Currency | undefined {
  const upper = code.toUpperCase();
  return currencies.find((c) => c.code === upper);
}
