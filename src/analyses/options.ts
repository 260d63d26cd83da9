/**
 * Options of an analysis: declared once (`defineOptions`), validated with `parseOptions`.
 *
 * A declaration lists each option with its name, type, range, default and description. From that
 * one list come the options type `run` receives (`OptionValues`, `./types.ts`), the settings form
 * (`src/ui/notebook/settings/`) and the engine's validation of notebook YAML.
 */
import type { OptionSpec, OptionValues } from './types.ts';

interface DeclBase {
  /** Name as written in notebooks: snake_case. */
  name: string;
  /** One or two plain sentences: what it does, its unit, what the default means. */
  description: string;
}

/** A number (or whole number), optionally within [min, max]. */
interface NumberDecl extends DeclBase {
  type: 'number' | 'integer';
  default?: number;
  min?: number;
  max?: number;
}

/** Free text, or an ISO date `YYYY-MM-DD`. */
interface TextDecl extends DeclBase {
  type: 'string' | 'date';
  default?: string;
}

interface BooleanDecl extends DeclBase {
  type: 'boolean';
  default?: boolean;
}

/** One of `values` (the options type is the union of them). */
interface EnumDecl extends DeclBase {
  type: 'enum';
  values: readonly string[];
  default?: string;
}

/** A list of numbers, each within [min, max]. */
interface NumberListDecl extends DeclBase {
  type: 'number[]';
  default?: readonly number[];
  min?: number;
  max?: number;
}

interface TextListDecl extends DeclBase {
  type: 'string[]';
  default?: readonly string[];
}

/** A mapping, checked by the analysis itself (segment maps, per-category costs). */
interface RecordDecl extends DeclBase {
  type: 'record';
  default?: Readonly<Record<string, unknown>>;
}

/** What one option declaration may say: the default's type follows the option's type. */
export type OptionDecl = NumberDecl | TextDecl | BooleanDecl | EnumDecl | NumberListDecl | TextListDecl | RecordDecl;

/** The declaration shape for an option type, e.g. `NumberDecl` for `integer`. */
type DeclFor<T> = OptionDecl extends infer M
  ? M extends OptionDecl
    ? T extends M['type']
      ? M
      : never
    : never
  : never;

/**
 * Keys a declaration may not have: a misspelt `defualt`, or `min` on a text option, would
 * otherwise be ignored without a word (a const type parameter skips excess-property checks).
 */
type NoExtraKeys<D> = D extends { type: infer T } ? { [P in Exclude<keyof D, keyof DeclFor<T>>]?: never } : unknown;

/**
 * Declares an analysis's options (or a group of options shared by several analyses, spread into
 * theirs). Returns the list as written, with its literal types kept, so that
 * `OptionValues<typeof declared>` is the options type: nothing is declared twice.
 * Throws when a name is declared twice (a spread group and an analysis's own option, say).
 *
 * ```ts
 * const whaleCurveOptions = defineOptions([...profitOptionSpecs, { name: 'top_k', type: 'number', min: 0.1, max: 100, default: 20, description: '…' }]);
 * export type WhaleCurveOptions = OptionValues<typeof whaleCurveOptions>;
 * ```
 */
export function defineOptions<const S extends readonly OptionDecl[] & { readonly [K in keyof S]: NoExtraKeys<S[K]> }>(
  declared: S,
): S {
  const seen = new Set<string>();
  for (const d of declared) {
    if (seen.has(d.name)) throw new Error(`option "${d.name}" is declared twice`);
    seen.add(d.name);
  }
  return declared;
}

/**
 * The options of a shared group named in `names`, in the group's order, keeping their declared
 * types: for an analysis that understands only some of a family's common options.
 */
export function pickOptions<S extends readonly OptionSpec[], N extends S[number]['name']>(
  group: S,
  names: readonly N[],
): readonly Extract<S[number], { name: N }>[] {
  return group.filter((o): o is Extract<S[number], { name: N }> => (names as readonly string[]).includes(o.name));
}

/**
 * Validates raw option values (from notebook YAML or the UI) against an analysis's option specs,
 * fills defaults, and throws a specific message for the first invalid one.
 * Unknown option names are rejected so a typo never silently falls back to a default.
 */
export function parseOptions<S extends readonly OptionSpec[]>(
  specs: S,
  raw: Record<string, unknown> | undefined,
  analysisId: string,
): OptionValues<S> {
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
  return out as OptionValues<S>;
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
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return fail('expected a list of text values');
      return value;
    case 'record':
      if (typeof value !== 'object' || Array.isArray(value)) return fail('expected a mapping');
      return value;
  }
}
