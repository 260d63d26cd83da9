import type { InputSpec, InputType, InputValue, OptionsFrom, SelectOption } from './types.ts';
import { unknownKeys } from './yaml-body.ts';

/** The input types, in the order the docs list them. */
export const inputTypes: readonly InputType[] = ['slider', 'range', 'number', 'select', 'toggle', 'text', 'date'];

const knownKeys = [
  'type',
  'label',
  'value',
  'min',
  'max',
  'step',
  'options',
  'options_from',
  'placeholder',
  'format',
  'enabled_when',
];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates an input cell's YAML mapping into an `InputSpec`. Every problem is reported with the
 * cell's label (`input margin: …`); the spec is null when the control cannot be built at all.
 */
export function parseInputSpec(
  raw: Record<string, unknown>,
  label: string,
): { spec: InputSpec | null; issues: string[] } {
  const issues = unknownKeys(raw, knownKeys, label);
  const fail = (msg: string) => issues.push(`${label}: ${msg}`);
  const type = raw.type;
  if (type === undefined) {
    fail(`missing type (one of ${inputTypes.join(', ')})`);
    return { spec: null, issues };
  }
  if (typeof type !== 'string' || !(inputTypes as readonly string[]).includes(type)) {
    fail(`unknown type ${JSON.stringify(type)} (expected one of ${inputTypes.join(', ')})`);
    return { spec: null, issues };
  }
  const t = type as InputType;
  const num = (key: string): number | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(`${key} must be a number, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  };
  const spec: InputSpec = {
    type: t,
    label: typeof raw.label === 'string' ? raw.label : label.replace(/^input /, ''),
    value: null,
  };
  if (raw.label !== undefined && typeof raw.label !== 'string') fail('label must be text');
  if (typeof raw.format === 'string') spec.format = raw.format;
  if (raw.enabled_when !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it `w.input` does not type-check
    const w = raw.enabled_when as { input?: unknown; equals?: unknown } | null;
    const scalar = (v: unknown): v is string | number | boolean =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    if (
      w &&
      typeof w === 'object' &&
      typeof w.input === 'string' &&
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(w.input) &&
      scalar(w.equals)
    ) {
      spec.enabledWhen = { input: w.input, equals: w.equals };
    } else
      fail(`enabled_when must be { input: <input name>, equals: <value> }, got ${JSON.stringify(raw.enabled_when)}`);
  }
  const value = raw.value;

  switch (t) {
    case 'slider':
    case 'range':
    case 'number': {
      const min = num('min');
      const max = num('max');
      const step = num('step');
      if (min !== undefined) spec.min = min;
      if (max !== undefined) spec.max = max;
      if (step !== undefined) {
        if (step <= 0) fail(`step must be positive, got ${step}`);
        spec.step = step;
      }
      if (t !== 'number' && (min === undefined || max === undefined)) fail(`a ${t} needs min and max`);
      if (min !== undefined && max !== undefined && min >= max) fail(`min (${min}) must be below max (${max})`);
      const inBounds = (v: number) => (min === undefined || v >= min) && (max === undefined || v <= max);
      if (t === 'range') {
        if (value === undefined) spec.value = min !== undefined && max !== undefined ? [min, max] : null;
        else if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
          const [a, b] = value as [number, number];
          if (a > b) fail(`value [${a}, ${b}] must be [from, to] with from ≤ to`);
          else if (!inBounds(a) || !inBounds(b)) fail(`value [${a}, ${b}] is outside [${min}, ${max}]`);
          spec.value = [a, b];
        } else fail(`value must be a pair [from, to], got ${JSON.stringify(value)}`);
      } else if (value === undefined) spec.value = min ?? 0;
      else if (typeof value !== 'number' || !Number.isFinite(value))
        fail(`value must be a number, got ${JSON.stringify(value)}`);
      else {
        if (!inBounds(value)) fail(`value ${value} is outside [${min ?? '-∞'}, ${max ?? '∞'}]`);
        spec.value = value;
      }
      break;
    }
    case 'select': {
      if (raw.options !== undefined && raw.options_from !== undefined)
        fail('give either options or options_from, not both');
      if (raw.options !== undefined) {
        const options = parseOptions(raw.options, fail);
        spec.options = options;
        if (value === undefined) spec.value = options[0]?.value ?? null;
        else if (!options.some((o) => o.value === value))
          fail(`value ${JSON.stringify(value)} is not one of the options`);
        else spec.value = value as string | number | boolean;
      } else if (raw.options_from !== undefined) {
        const from = parseOptionsFrom(raw.options_from);
        if (!from) fail(`options_from must be "sql_cell.column", got ${JSON.stringify(raw.options_from)}`);
        else spec.optionsFrom = from;
        if (value !== undefined) {
          if (typeof value === 'object' && value !== null) fail('value must be a single value');
          else spec.value = value as string | number | boolean | null;
        }
      } else fail('a select needs options (a list) or options_from (sql_cell.column)');
      break;
    }
    case 'toggle':
      if (value === undefined) spec.value = false;
      else if (typeof value !== 'boolean') fail(`value must be true or false, got ${JSON.stringify(value)}`);
      else spec.value = value;
      break;
    case 'text':
      if (typeof raw.placeholder === 'string') spec.placeholder = raw.placeholder;
      if (value === undefined) spec.value = '';
      else if (typeof value !== 'string' && typeof value !== 'number')
        fail(`value must be text, got ${JSON.stringify(value)}`);
      else spec.value = String(value);
      break;
    case 'date': {
      for (const key of ['min', 'max'] as const) {
        const v = raw[key];
        if (v === undefined) continue;
        if (typeof v !== 'string' || !isoDate.test(v))
          fail(`${key} must be a date as YYYY-MM-DD, got ${JSON.stringify(v)}`);
        else spec[key] = v;
      }
      if (typeof raw.placeholder === 'string') spec.placeholder = raw.placeholder;
      // No value: the input is "not set", and whatever it feeds uses its own default (the
      // segmentation analyses take the last 12 months of the data), so a notebook adapts to the
      // data it is given until the user picks a date.
      if (value === undefined || value === null) break;
      if (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(value))) {
        fail(`value must be a date as YYYY-MM-DD (or left out: not set), got ${JSON.stringify(value)}`);
      } else spec.value = value;
      break;
    }
  }
  return { spec, issues };
}

function parseOptions(raw: unknown, fail: (m: string) => void): SelectOption[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    fail('options must be a non-empty list');
    return [];
  }
  const out: SelectOption[] = [];
  for (const o of raw) {
    if (typeof o === 'string' || typeof o === 'number' || typeof o === 'boolean')
      out.push({ value: o, label: String(o) });
    else if (o && typeof o === 'object' && 'value' in o) {
      const { value, label } = o as { value: unknown; label?: unknown };
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        fail(`option value must be text, a number or true/false, got ${JSON.stringify(value)}`);
      else out.push({ value, label: typeof label === 'string' ? label : String(value) });
    } else fail(`option must be a value or {value, label}, got ${JSON.stringify(o)}`);
  }
  return out;
}

function parseOptionsFrom(raw: unknown): OptionsFrom | null {
  if (typeof raw !== 'string') return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(raw.trim());
  return m ? { cell: m[1]!, column: m[2]! } : null;
}

/** Whether a value can be a parameter value as it stands (ranges need `.from`/`.to`). */
export function isPair(value: InputValue): value is [number, number] | [string, string] {
  return Array.isArray(value);
}

/**
 * Whether `value` is a value the control described by `spec` could hold now: the right type, within
 * min/max, one of the static options. Used to restore the values a user left in a notebook: a value
 * saved before the cell was edited (a narrower slider, a removed option) is refused, and the control
 * starts from the file's value instead. Options read from a query are checked when they arrive.
 */
export function acceptsInputValue(spec: InputSpec, value: unknown): value is InputValue {
  const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const inBounds = (v: number) =>
    (typeof spec.min !== 'number' || v >= spec.min) && (typeof spec.max !== 'number' || v <= spec.max);
  switch (spec.type) {
    case 'slider':
    case 'number':
      return isNum(value) && inBounds(value);
    case 'range':
      return (
        Array.isArray(value) &&
        value.length === 2 &&
        isNum(value[0]) &&
        isNum(value[1]) &&
        value[0] <= value[1] &&
        inBounds(value[0]) &&
        inBounds(value[1])
      );
    case 'select':
      if (spec.options) return spec.options.some((o) => o.value === value);
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'toggle':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string';
    case 'date':
      return (
        value === null ||
        (typeof value === 'string' &&
          isoDate.test(value) &&
          !Number.isNaN(Date.parse(value)) &&
          (typeof spec.min !== 'string' || value >= spec.min) &&
          (typeof spec.max !== 'string' || value <= spec.max))
      );
  }
}
