import type { SqlParam } from '../../sql/connection.ts';
import { optionParam } from '../format/analysis-cell.ts';
import type { InputValue } from '../format/types.ts';

/** Current input values by input name. */
export type InputValues = ReadonlyMap<string, InputValue>;

/**
 * The value of `$name` / `$name.from` / `$name.to` for binding as a query parameter.
 * Range inputs hold a pair, so SQL must pick an end; other inputs have no members.
 */
export function parameterValue(inputs: InputValues, name: string, member?: string): SqlParam {
  if (!inputs.has(name)) throw new Error(`unknown parameter $${name}`);
  const value = inputs.get(name)!;
  if (Array.isArray(value)) {
    if (!member) throw new Error(`$${name} is a range: use $${name}.from and $${name}.to`);
    return value[member === 'from' ? 0 : 1];
  }
  if (member) throw new Error(`$${name} is not a range: write $${name} without .${member}`);
  return value;
}

/** Replaces every `"$name"` string in analysis options with the input's value (ranges as [from, to]). */
export function resolveOptions(options: unknown, inputs: InputValues): unknown {
  if (typeof options === 'string') {
    const m = optionParam.exec(options);
    if (!m) return options;
    const value = inputs.get(m[1]!);
    if (value === undefined) throw new Error(`unknown parameter $${m[1]}`);
    return Array.isArray(value) && !m[2] ? [...value] : parameterValue(inputs, m[1]!, m[2]);
  }
  if (Array.isArray(options)) return options.map((o) => resolveOptions(o, inputs));
  if (options && typeof options === 'object') {
    return Object.fromEntries(Object.entries(options).map(([k, v]) => [k, resolveOptions(v, inputs)]));
  }
  return options;
}
