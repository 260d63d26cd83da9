/**
 * Counted nouns for report messages: "1 row has", "5,268 rows have". Warnings and errors are read
 * by people, so counts are grouped (en-US) and the noun and verb agree with the number.
 */
import { count } from '../../format/number.ts';

/** `n` grouped with commas (`135,080`). */
export function formatNumber(n: number): string {
  return count(n);
}

/** `1 row`, `2 rows`, `1 character` … with the number grouped. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** The verb form that agrees with `n`: `agree(1, 'has', 'have')` → `has`. */
export function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}
