import { parse } from 'yaml';

/**
 * Parses a cell's YAML body into a mapping. Returns the problem as text instead of throwing so a
 * broken cell still opens (and round-trips) and shows its error.
 */
export function parseYamlMapping(source: string, label: string): { value: Record<string, unknown>; issue?: string } {
  let value: unknown;
  try {
    value = parse(source);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/:$/, '');
    return { value: {}, issue: `${label}: invalid YAML: ${message}` };
  }
  if (value === null || value === undefined) return { value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { value: {}, issue: `${label}: expected "key: value" lines` };
  }
  return { value: value as Record<string, unknown> };
}

/** Reports keys that are not in `known`, so a typo never silently does nothing. */
export function unknownKeys(value: Record<string, unknown>, known: readonly string[], label: string): string[] {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => `${label}: unknown key "${k}" (known: ${known.join(', ')})`);
}
