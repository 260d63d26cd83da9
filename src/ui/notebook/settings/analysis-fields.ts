import { parseOptions } from '../../../analyses/options.ts';
import type { OptionSpec, OptionType } from '../../../analyses/types.ts';
import { optionParam } from '../../../notebook/format/analysis-cell.ts';
import type { FieldEdit } from './field.ts';
import { readBody, writeKey } from './yaml-edit.ts';

/** The control that edits an option of a given type (`yaml` = only the YAML editor can). */
export type OptionControl = 'number' | 'integer' | 'text' | 'checkbox' | 'select' | 'date' | 'list' | 'yaml';

/** Which control each option type gets. Records are free-form mappings: YAML only. */
export const controlFor: Record<OptionType, OptionControl> = {
  number: 'number',
  integer: 'integer',
  string: 'text',
  boolean: 'checkbox',
  date: 'date',
  enum: 'select',
  'number[]': 'list',
  'string[]': 'list',
  record: 'yaml',
};

/**
 * What the form shows for one option: not set (the default applies), a value the control can show,
 * bound to inputs (`$name`, shown read-only), or a value only YAML can show (a record, an invalid value).
 */
export type OptionState =
  { kind: 'unset' } | { kind: 'value'; text: string } | { kind: 'param'; inputs: string[] } | { kind: 'yaml-only' };

/** One option as the form shows it. */
export interface AnalysisField {
  spec: OptionSpec;
  control: OptionControl;
  state: OptionState;
  /** The default as text, shown as the placeholder ('' when there is none). */
  placeholder: string;
}

/** The form for an analysis cell, or why there is none. */
export type AnalysisForm =
  | {
      ok: true;
      analysis: string;
      fields: AnalysisField[];
      /** Option names the analysis does not declare: kept as they are, edited in YAML. */
      unknownOptions: string[];
    }
  | { ok: false; reason: 'yaml' | 'no-analysis' | 'unknown-analysis' | 'options-not-mapping'; detail: string };

/**
 * Builds the form of an analysis cell from its YAML body and the analysis's declared options
 * (`lookup` is the registry's; it returns undefined for an unknown id).
 */
export function analysisForm(source: string, lookup: (id: string) => readonly OptionSpec[] | undefined): AnalysisForm {
  const body = readBody(source);
  if (!body.ok) return { ok: false, reason: 'yaml', detail: body.error };
  const id = body.value.analysis;
  if (typeof id !== 'string' || !id.trim()) return { ok: false, reason: 'no-analysis', detail: '' };
  const specs = lookup(id.trim());
  if (!specs) return { ok: false, reason: 'unknown-analysis', detail: id };
  const raw = body.value.options ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, reason: 'options-not-mapping', detail: '' };
  const options = raw as Record<string, unknown>;
  return {
    ok: true,
    analysis: id.trim(),
    fields: specs.map((spec) => ({
      spec,
      control: controlFor[spec.type],
      state: optionState(spec, options[spec.name]),
      placeholder: spec.default === undefined ? '' : (optionText(spec, spec.default) ?? ''),
    })),
    unknownOptions: Object.keys(options).filter((k) => !specs.some((s) => s.name === k)),
  };
}

/** The inputs a value binds (`$margin`, `[$a, $b]`, `$r.from`), or [] when it binds none. */
export function boundInputs(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => {
    const m = typeof v === 'string' ? optionParam.exec(v) : null;
    return m ? [m[2] ? `${m[1]}.${m[2]}` : m[1]!] : [];
  });
}

function optionState(spec: OptionSpec, value: unknown): OptionState {
  if (value === undefined || value === null) return { kind: 'unset' };
  const inputs = boundInputs(value);
  if (inputs.length) return { kind: 'param', inputs };
  const text = controlFor[spec.type] === 'yaml' ? null : optionText(spec, value);
  return text === null ? { kind: 'yaml-only' } : { kind: 'value', text };
}

/**
 * An option value as the text its control shows, or null when the control cannot show it as it is
 * (wrong type, not one of an enum's values, a list item with a comma): such values stay in YAML.
 */
export function optionText(spec: OptionSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'number':
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    case 'string':
      return typeof value === 'string' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : null;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value) ? value : null;
    case 'number[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v))
        ? value.join(', ')
        : null;
    case 'string[]':
      return Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && v.trim() === v && v !== '' && !v.includes(','))
        ? value.join(', ')
        : null;
    case 'record':
      return null;
  }
}

/**
 * Reads what the user typed into an option's control: undefined for an empty field (the default
 * applies), or the problem, checked by the same `parseOptions` the engine runs (range, type, enum).
 */
export function parseOptionText(spec: OptionSpec, text: string, analysisId: string): FieldEdit {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  let value: unknown;
  switch (spec.type) {
    case 'number':
    case 'integer':
      value = Number(trimmed);
      if (!Number.isFinite(value)) return { ok: false, error: `${spec.name}: "${trimmed}" is not a number` };
      break;
    case 'boolean':
      if (trimmed !== 'true' && trimmed !== 'false')
        return { ok: false, error: `${spec.name}: expected true or false` };
      value = trimmed === 'true';
      break;
    case 'number[]': {
      const items = trimmed.split(',').map((s) => s.trim());
      const numbers = items.map(Number);
      const bad = items.find((s, i) => s === '' || !Number.isFinite(numbers[i]));
      if (bad !== undefined) return { ok: false, error: `${spec.name}: "${bad}" is not a number` };
      value = numbers;
      break;
    }
    case 'string[]':
      value = trimmed
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      break;
    case 'record':
      return { ok: false, error: `${spec.name}: edit in YAML` };
    default:
      value = trimmed;
  }
  try {
    parseOptions([spec], { [spec.name]: value }, analysisId);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, value };
}

/** The cell body with option `name` set to `value` (undefined: removed, so the default applies). */
export function setOption(source: string, name: string, value: unknown): string {
  return writeKey(source, ['options', name], value);
}
