/** Numerics shared by analyses over per-customer typed arrays. */
export { sortWithOrder, stableOrder } from './stable-order.ts';
