import type { Reference } from './types.ts';
import { unknownKeys } from './yaml-body.ts';

/** A string option value `"$name"` binds the value of input `name` (`$range.from` / `$range.to` for ranges). */
export const optionParam = /^\$([A-Za-z_][A-Za-z0-9_]*)(?:\.(from|to))?$/;

/**
 * Reads an analysis cell's YAML mapping: `analysis: <id>` and `options: {…}`. Option values are
 * checked against the analysis's own option specs when it runs (src/analyses/options.ts).
 */
export function parseAnalysisBody(
  raw: Record<string, unknown>,
  label: string,
): {
  analysis: string | null;
  options: Record<string, unknown>;
  references: Reference[];
  issues: string[];
} {
  const issues = unknownKeys(raw, ['analysis', 'options'], label);
  let analysis: string | null = null;
  if (typeof raw.analysis === 'string' && raw.analysis.trim()) analysis = raw.analysis.trim();
  else issues.push(`${label}: missing analysis: <id> (e.g. analysis: whale-curve)`);
  let options: Record<string, unknown> = {};
  if (raw.options !== undefined && raw.options !== null) {
    if (typeof raw.options !== 'object' || Array.isArray(raw.options))
      issues.push(`${label}: options must be a mapping of option: value`);
    else options = raw.options as Record<string, unknown>;
  }
  const references: Reference[] = [];
  walk(options, (s) => {
    const m = optionParam.exec(s);
    if (m && !references.some((r) => r.name === m[1] && r.member === m[2])) {
      references.push({ name: m[1]!, ...(m[2] ? { member: m[2] } : {}), via: 'param' });
    }
  });
  return { analysis, options, references, issues };
}

/** Calls `visit` on every string in a YAML value. */
export function walk(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => walk(v, visit));
}
