/**
 * Number formatting, the one module: typed values by kind and locale (`typed.ts`, what findings,
 * tiles and headlines use), the older locale-free helpers (`number.ts`), exact decimals for CSV
 * (`exact.ts`), and the d3 format strings that chart specs and notebook prose carry (`specifier.ts`).
 */
export { count, decimal, money, multiple, percent } from './number.ts';
export { compileFormat, TIME_PREFIX, type Formatter } from './specifier.ts';
export {
  formatTyped,
  isTypedValue,
  tv,
  valueKinds,
  COMPACT_FROM,
  type Currency,
  type DurationUnit,
  type FormatOptions,
  type TypedValue,
  type ValueKind,
} from './typed.ts';
export { exactDecimal } from './exact.ts';
export { isLocale, locales, localeTag, type Locale } from './locale.ts';
export { currencies, currencyByCode } from './currency.ts';
