import { inputTypes } from '../../../notebook/format/input-cell.ts';
import type { InputType } from '../../../notebook/format/types.ts';
import type { FieldEdit } from './field.ts';
import { readBody, writeKey } from './yaml-edit.ts';

/** Keys an input cell's body may have (docs/notebook-format.md, `input <name>`). */
export const inputKeys = [
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
] as const;

/** One of those keys. */
export type InputKey = (typeof inputKeys)[number];

/**
 * The control that edits a key: `options` is one option per line (`value` or `value | label`),
 * `pair` is a range's `from, to`, `choice` picks one of the select's static options.
 */
export type InputControl = 'type' | 'text' | 'number' | 'date' | 'checkbox' | 'choice' | 'options' | 'pair';

/** Which keys the form shows for each input type, in order. */
export const keysFor: Record<InputType, readonly InputKey[]> = {
  slider: ['type', 'label', 'min', 'max', 'step', 'value', 'format'],
  range: ['type', 'label', 'min', 'max', 'step', 'value', 'format'],
  number: ['type', 'label', 'min', 'max', 'step', 'value', 'format'],
  select: ['type', 'label', 'options', 'options_from', 'value', 'format'],
  toggle: ['type', 'label', 'value', 'format'],
  text: ['type', 'label', 'placeholder', 'value', 'format'],
  date: ['type', 'label', 'min', 'max', 'value', 'placeholder', 'format'],
};

/** One key as the form shows it. `text` is null when the control cannot show the value: edit it in YAML. */
export interface InputField {
  key: InputKey;
  control: InputControl;
  text: string | null;
  /** The static options' values as text, for `choice`. */
  choices?: string[];
}

/** The form of an input cell, or why there is none. */
export type InputForm =
  | { ok: true; type: InputType | null; fields: InputField[]; unknownKeys: string[] }
  | { ok: false; reason: 'yaml'; detail: string };

function isInputType(v: unknown): v is InputType {
  return typeof v === 'string' && (inputTypes as readonly string[]).includes(v);
}

/** The control for `key` on an input of type `type`. */
export function inputControl(type: InputType, key: InputKey, raw: Record<string, unknown>): InputControl {
  switch (key) {
    case 'type':
      return 'type';
    case 'min':
    case 'max':
      return type === 'date' ? 'date' : 'number';
    case 'step':
      return 'number';
    case 'options':
      return 'options';
    case 'value':
      if (type === 'range') return 'pair';
      if (type === 'slider' || type === 'number') return 'number';
      if (type === 'toggle') return 'checkbox';
      if (type === 'date') return 'date';
      if (type === 'select' && Array.isArray(raw.options)) return 'choice';
      return 'text';
    default:
      return 'text';
  }
}

/** Builds the form of an input cell from its YAML body. A missing or unknown type shows only the type picker. */
export function inputForm(source: string): InputForm {
  const body = readBody(source);
  if (!body.ok) return { ok: false, reason: 'yaml', detail: body.error };
  const raw = body.value;
  const type = isInputType(raw.type) ? raw.type : null;
  const keys: readonly InputKey[] = type ? keysFor[type] : ['type', 'label'];
  const fields = keys.map((key): InputField => {
    const control = type ? inputControl(type, key, raw) : key === 'type' ? 'type' : 'text';
    const field: InputField = { key, control, text: inputText(control, raw[key]) };
    if (control === 'choice') field.choices = optionLines(raw.options)?.map((line) => line.split(' | ')[0]!) ?? [];
    return field;
  });
  return {
    ok: true,
    type,
    fields,
    unknownKeys: Object.keys(raw).filter((k) => !(inputKeys as readonly string[]).includes(k)),
  };
}

/** A value as its control's text ('' when absent), or null when the control cannot show it. */
export function inputText(control: InputControl, value: unknown): string | null {
  if (value === undefined || value === null) return '';
  switch (control) {
    case 'type':
      return isInputType(value) ? value : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    case 'checkbox':
      return typeof value === 'boolean' ? String(value) : null;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    case 'pair':
      return Array.isArray(value) &&
        value.length === 2 &&
        value.every((v) => typeof v === 'number' && Number.isFinite(v))
        ? value.join(', ')
        : null;
    case 'options':
      return optionLines(value)?.join('\n') ?? null;
    case 'choice':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? scalarText(value)
        : null;
    case 'text':
      return typeof value === 'string' && !value.includes('\n')
        ? value
        : typeof value === 'number'
          ? String(value)
          : null;
  }
}

/** Text reads back as a number or true/false when it looks like one (as in YAML); other text stays text. */
function scalarValue(text: string): string | number | boolean {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

function scalarText(value: string | number | boolean): string | null {
  const text = String(value);
  // A text option such as "1" or "true" would read back as a number or boolean: YAML only.
  return typeof value === 'string' && scalarValue(text) !== value ? null : text;
}

/** Static select options as lines, or null when one cannot be written as a line. */
function optionLines(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const lines: string[] = [];
  for (const o of value) {
    let v: unknown = o;
    let label: unknown;
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      const keys = Object.keys(o as object);
      if (!keys.includes('value') || keys.some((k) => k !== 'value' && k !== 'label')) return null;
      ({ value: v, label } = o as { value: unknown; label?: unknown });
      if (
        label !== undefined &&
        (typeof label !== 'string' || label.includes('\n') || label.trim() !== label || label === '')
      )
        return null;
    }
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return null;
    const text = scalarText(v);
    if (text === null || text.includes('|') || text.includes('\n') || text.trim() !== text || text === '') return null;
    lines.push(typeof label === 'string' ? `${text} | ${label}` : text);
  }
  return lines;
}

/**
 * Reads what the user typed for `key`: the value to write (undefined removes the key) or the
 * problem. `raw` is the body as it is now (a select's value is matched to its options' values).
 */
export function parseInputText(
  control: InputControl,
  key: InputKey,
  text: string,
  raw: Record<string, unknown>,
): FieldEdit {
  const trimmed = control === 'options' ? text : text.trim();
  if (trimmed.trim() === '') return { ok: true, value: undefined };
  switch (control) {
    case 'type':
      return isInputType(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, error: `${key}: expected one of ${inputTypes.join(', ')}` };
    case 'number': {
      const n = Number(trimmed);
      if (!Number.isFinite(n)) return { ok: false, error: `${key}: "${trimmed}" is not a number` };
      if (key === 'step' && n <= 0) return { ok: false, error: `${key}: must be positive` };
      return { ok: true, value: n };
    }
    case 'checkbox':
      return { ok: true, value: trimmed === 'true' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed))
        ? { ok: true, value: trimmed }
        : { ok: false, error: `${key}: expected a date as YYYY-MM-DD` };
    case 'pair': {
      const parts = trimmed.split(',').map((s) => s.trim());
      const nums = parts.map(Number);
      if (parts.length !== 2 || parts.some((s) => s === '') || !nums.every(Number.isFinite))
        return { ok: false, error: `${key}: expected two numbers "from, to"` };
      return { ok: true, value: nums };
    }
    case 'options': {
      const options = trimmed
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .map((line) => {
          const bar = line.indexOf('|');
          if (bar < 0) return scalarValue(line);
          const value = scalarValue(line.slice(0, bar).trim());
          const label = line.slice(bar + 1).trim();
          return label ? { value, label } : value;
        });
      return { ok: true, value: options };
    }
    case 'choice': {
      const options = Array.isArray(raw.options) ? (raw.options as unknown[]) : [];
      const match = options
        .map((o) => (o && typeof o === 'object' ? (o as { value?: unknown }).value : o))
        .find((v) => String(v) === trimmed);
      return { ok: true, value: match ?? trimmed };
    }
    case 'text':
      return { ok: true, value: trimmed };
  }
}

/** The cell body with `key` set to `value` (undefined: removed). */
export function setInputKey(source: string, key: InputKey, value: unknown): string {
  return writeKey(source, [key], value);
}
