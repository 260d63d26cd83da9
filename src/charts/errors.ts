/**
 * The one error type the chart layer throws. A chart spec is untrusted data (it comes from a
 * notebook file anyone may have written), so every problem is reported with a specific,
 * user-readable message that names the mark, option or table at fault.
 */

/** A chart spec that cannot be rendered: unknown mark type or option, missing table, bad format… */
export class ChartSpecError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`chart: ${message}`, options);
    this.name = 'ChartSpecError';
  }
}

/** Short description of a mark for error messages, e.g. `mark 2 (barY)`; numbered from 1 as users count. */
export function markLabel(index: number, type: unknown): string {
  return `mark ${index + 1} (${typeof type === 'string' ? type : '?'})`;
}
