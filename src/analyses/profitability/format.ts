/**
 * Number formatting for findings sentences. Plain and locale-free so findings read the same in
 * the browser, the CLI and tests; currency is unknown (user data), so money has no symbol.
 */

/** 1.384 → "138%"; 0.0049 → "0.5%" (one decimal under 1% so small shares don't read as 0%). */
export function pct(x: number): string {
  const p = x * 100;
  const digits = Math.abs(p) < 1 && p !== 0 ? 1 : 0;
  return `${p.toFixed(digits).replace('-', '−')}%`;
}

/** 1234567.8 → "1,234,568"; −12.3 → "−12". Whole units; 2 decimals below 100 in absolute value. */
export function money(x: number): string {
  const digits = Math.abs(x) < 100 && !Number.isInteger(x) ? 2 : 0;
  const [int = '0', frac] = Math.abs(x).toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 && Number(Math.abs(x).toFixed(digits)) !== 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** 12 → "12"; 1 → "1 customer" style helper: count with singular/plural noun. */
export function count(n: number, noun: string): string {
  return `${money(n)} ${noun}${n === 1 ? '' : 's'}`;
}
