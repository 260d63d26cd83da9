/** Numerics shared by analyses over per-customer typed arrays. */
export { stableOrder } from './stable-order.ts';
