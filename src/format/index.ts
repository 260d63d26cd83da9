/**
 * Number formatting, the one module: numbers in findings and messages by kind (`number.ts`), and
 * the d3 format strings that chart specs and notebook prose carry (`specifier.ts`).
 */
export { count, decimal, money, multiple, percent } from './number.ts';
export { compileFormat, TIME_PREFIX, type Formatter } from './specifier.ts';
