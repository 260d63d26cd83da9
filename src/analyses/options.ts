import type { OptionSpec } from './types.ts';

/**
 * Validates raw option values (from notebook YAML or the UI) against an analysis's option specs,
 * fills defaults, and throws a specific message for the first invalid one.
 * Unknown option names are rejected so a typo never silently falls back to a default.
 */
export function parseOptions<O>(specs: readonly OptionSpec[], raw: Record<string, unknown> | undefined, analysisId: string): O {
  const input = raw ?? {};
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(input)) {
    if (!specs.some((s) => s.name === name)) {
      const known = specs.map((s) => s.name).join(', ') || '(none)';
      throw new Error(`${analysisId}: unknown option "${name}" (known options: ${known})`);
    }
  }
  for (const spec of specs) {
    const value = input[spec.name];
    if (value === undefined || value === null) {
      if (spec.default !== undefined) out[spec.name] = spec.default;
      continue;
    }
    out[spec.name] = checkOption(spec, value, analysisId);
  }
  return out as O;
}

function checkOption(spec: OptionSpec, value: unknown, analysisId: string): unknown {
  const fail = (why: string): never => {
    throw new Error(`${analysisId}: invalid option ${spec.name}: ${JSON.stringify(value)} (${why})`);
  };
  const inRange = (n: number) => {
    if (spec.min !== undefined && n < spec.min) fail(`must be ≥ ${spec.min}`);
    if (spec.max !== undefined && n > spec.max) fail(`must be ≤ ${spec.max}`);
    return n;
  };
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return fail('expected a number');
      if (spec.type === 'integer' && !Number.isInteger(n)) return fail('expected a whole number');
      return inRange(n);
    }
    case 'string':
      if (typeof value !== 'string') return fail('expected text');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return fail('expected true or false');
      return value;
    case 'date': {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
        return fail('expected a date as YYYY-MM-DD');
      }
      return text;
    }
    case 'enum':
      if (typeof value !== 'string' || !(spec.values ?? []).includes(value)) {
        return fail(`expected one of ${(spec.values ?? []).join(', ')}`);
      }
      return value;
    case 'number[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
        return fail('expected a list of numbers');
      }
      return value.map(inRange);
    case 'string[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return fail('expected a list of text values');
      return value;
    case 'record':
      if (typeof value !== 'object' || Array.isArray(value)) return fail('expected a mapping');
      return value;
  }
}
