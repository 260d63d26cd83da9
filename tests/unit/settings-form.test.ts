/**
 * Settings forms, pure logic: an analysis cell's YAML body ⇄ its option fields (from the
 * analysis's OptionSpecs) and an input cell's body ⇄ its fields. Round trips keep every key the
 * form does not touch, comments and `$param` bindings; bad numbers are reported, never written.
 */
import { describe, expect, it } from 'vitest';
import type { OptionSpec } from '../../src/analyses/types.ts';
import {
  analysisForm,
  optionText,
  parseOptionText,
  setOption,
} from '../../src/ui/notebook/settings/analysis-fields.ts';
import { inputForm, parseInputText, setInputKey, type InputKey } from '../../src/ui/notebook/settings/input-fields.ts';
import { readBody, writeKey } from '../../src/ui/notebook/settings/yaml-edit.ts';
import { getAnalysis } from '../../src/analyses/registry.ts';

const specs: OptionSpec[] = [
  { name: 'top_k', type: 'integer', description: 'Top share (%).', default: 20, min: 1, max: 99 },
  { name: 'margin_pct', type: 'number', description: 'Margin.', default: 0.3, min: 0, max: 1 },
  { name: 'mode', type: 'enum', description: 'Mode.', values: ['auto', 'assumed'], default: 'auto' },
  { name: 'per_customer', type: 'boolean', description: 'Per customer.', default: false },
  { name: 'from', type: 'date', description: 'First day.' },
  { name: 'title', type: 'string', description: 'A title.' },
  { name: 'thresholds', type: 'number[]', description: 'Cut points.' },
  { name: 'columns', type: 'string[]', description: 'Columns.' },
  { name: 'weights', type: 'record', description: 'Weights.' },
];
const lookup = (id: string) => (id === 'demo' ? specs : undefined);

describe('analysis form: fields from the body', () => {
  const body = [
    'analysis: demo # the demo',
    'options:',
    '  top_k: $top_k',
    '  margin_pct: 0.25',
    '  mode: weird',
    '  thresholds: [$a, $b]',
    '  columns: [region, plan]',
    '  weights: { a: 1 }',
    '  typo_key: 3',
    '',
  ].join('\n');
  const form = analysisForm(body, lookup);
  if (!form.ok) throw new Error('expected a form');
  const state = (name: string) => form.fields.find((f) => f.spec.name === name)!.state;

  it.each([
    ['top_k', { kind: 'param', inputs: ['top_k'] }],
    ['margin_pct', { kind: 'value', text: '0.25' }],
    ['mode', { kind: 'yaml-only' }], // not one of the enum's values: a select cannot show it
    ['per_customer', { kind: 'unset' }],
    ['thresholds', { kind: 'param', inputs: ['a', 'b'] }],
    ['columns', { kind: 'value', text: 'region, plan' }],
    ['weights', { kind: 'yaml-only' }],
  ])('%s → %j', (name, expected) => {
    expect(state(name)).toEqual(expected);
  });

  it('lists options the analysis does not declare and shows defaults as placeholders', () => {
    expect(form.unknownOptions).toEqual(['typo_key']);
    expect(form.fields.map((f) => f.placeholder)).toEqual(['20', '0.3', 'auto', 'false', '', '', '', '', '']);
  });

  it.each([
    ['analysis: [', 'yaml'],
    ['options: {}\n', 'no-analysis'],
    ['analysis: nope\n', 'unknown-analysis'],
    ['analysis: demo\noptions: [1]\n', 'options-not-mapping'],
  ])('no form for %j (%s)', (source, reason) => {
    const f = analysisForm(source, lookup);
    expect(f.ok ? 'ok' : f.reason).toBe(reason);
  });
});

describe('analysis form: reading what was typed', () => {
  const spec = (name: string) => specs.find((s) => s.name === name)!;
  it.each([
    ['top_k', '30', { ok: true, value: 30 }],
    ['top_k', ' ', { ok: true, value: undefined }],
    ['margin_pct', '0.4', { ok: true, value: 0.4 }],
    ['mode', 'assumed', { ok: true, value: 'assumed' }],
    ['per_customer', 'true', { ok: true, value: true }],
    ['from', '2024-01-31', { ok: true, value: '2024-01-31' }],
    ['thresholds', '1, 2.5,10', { ok: true, value: [1, 2.5, 10] }],
    ['columns', 'a, b ,', { ok: true, value: ['a', 'b'] }],
  ])('%s: %j → %j', (name, text, expected) => {
    expect(parseOptionText(spec(name), text, 'demo')).toEqual(expected);
  });

  it.each([
    ['top_k', 'abc', 'top_k: "abc" is not a number'],
    ['top_k', '2.5', 'demo: invalid option top_k: 2.5 (expected a whole number)'],
    ['top_k', '120', 'demo: invalid option top_k: 120 (must be ≤ 99)'],
    ['margin_pct', '1e', 'margin_pct: "1e" is not a number'],
    ['margin_pct', '-0.1', 'demo: invalid option margin_pct: -0.1 (must be ≥ 0)'],
    ['from', '2024-13-01', 'demo: invalid option from: "2024-13-01" (expected a date as YYYY-MM-DD)'],
    ['thresholds', '1, x', 'thresholds: "x" is not a number'],
    ['weights', 'a', 'weights: edit in YAML'],
  ])('%s: %j is reported: %s', (name, text, error) => {
    expect(parseOptionText(spec(name), text, 'demo')).toEqual({ ok: false, error });
  });

  it.each([
    ['number', 1.5, '1.5'],
    ['number', '1.5', null],
    ['enum', 'auto', 'auto'],
    ['string[]', ['a,b'], null],
    ['boolean', 'yes', null],
  ] as const)('optionText(%s, %j) = %j', (type, value, text) => {
    const s = specs.find((x) => x.type === type)!;
    expect(optionText(s, value)).toBe(text);
  });
});

describe('analysis form: writing back', () => {
  const body = 'analysis: demo # the demo\noptions:\n  top_k: $top_k # bound\n  typo_key: 3\n  margin_pct: 0.25\n';
  it.each([
    ['top_k', 30, 'analysis: demo # the demo\noptions:\n  top_k: 30 # bound\n  typo_key: 3\n  margin_pct: 0.25\n'],
    ['margin_pct', undefined, 'analysis: demo # the demo\noptions:\n  top_k: $top_k # bound\n  typo_key: 3\n'],
    [
      'mode',
      'assumed',
      'analysis: demo # the demo\noptions:\n  top_k: $top_k # bound\n  typo_key: 3\n  margin_pct: 0.25\n  mode: assumed\n',
    ],
    [
      'thresholds',
      [1, 2],
      'analysis: demo # the demo\noptions:\n  top_k: $top_k # bound\n  typo_key: 3\n  margin_pct: 0.25\n  thresholds: [ 1, 2 ]\n',
    ],
    [
      'title',
      '42',
      'analysis: demo # the demo\noptions:\n  top_k: $top_k # bound\n  typo_key: 3\n  margin_pct: 0.25\n  title: "42"\n',
    ],
  ])('set %s = %j', (name, value, expected) => {
    const out = setOption(body, name, value);
    expect(out).toBe(expected);
    // What the form wrote is what the cell now says.
    const read = readBody(out);
    expect(read.ok && (read.value.options as Record<string, unknown>)[name]).toEqual(value);
  });

  it('adds options: to a body that has none, and removes it again when emptied', () => {
    const added = setOption('analysis: demo\n', 'top_k', 25);
    expect(added).toBe('analysis: demo\noptions:\n  top_k: 25\n');
    expect(setOption(added, 'top_k', undefined)).toBe('analysis: demo\n');
  });

  it('keeps a body without a final newline that way', () => {
    expect(writeKey('type: toggle', ['value'], true)).toBe('type: toggle\nvalue: true');
  });

  it('refuses to edit YAML that does not parse', () => {
    expect(() => writeKey('a: [', ['a'], 1)).toThrow(/invalid YAML/);
  });

  it('covers every option of the real whale-curve analysis', () => {
    const real = getAnalysis('whale-curve').options;
    const form = analysisForm('analysis: whale-curve\noptions:\n  top_k: $top_k\n', (id) => getAnalysis(id).options);
    expect(form.ok && form.fields.map((f) => f.spec.name)).toEqual(real.map((s) => s.name));
    expect(form.ok && form.fields.find((f) => f.spec.name === 'top_k')!.state).toEqual({
      kind: 'param',
      inputs: ['top_k'],
    });
  });
});

describe('input form', () => {
  it.each([
    [
      'type: slider\nlabel: Margin\nmin: 0\nmax: 1\nstep: 0.05\nvalue: 0.35\n',
      [
        ['type', 'type', 'slider'],
        ['label', 'text', 'Margin'],
        ['min', 'number', '0'],
        ['max', 'number', '1'],
        ['step', 'number', '0.05'],
        ['value', 'number', '0.35'],
        ['format', 'text', ''],
      ],
    ],
    [
      'type: range\nmin: 0\nmax: 10\nvalue: [2, 8]\n',
      [
        ['type', 'type', 'range'],
        ['label', 'text', ''],
        ['min', 'number', '0'],
        ['max', 'number', '10'],
        ['step', 'number', ''],
        ['value', 'pair', '2, 8'],
        ['format', 'text', ''],
      ],
    ],
    [
      'type: select\noptions:\n  - { value: auto, label: Recorded }\n  - assumed\nvalue: auto\n',
      [
        ['type', 'type', 'select'],
        ['label', 'text', ''],
        ['options', 'options', 'auto | Recorded\nassumed'],
        ['options_from', 'text', ''],
        ['value', 'choice', 'auto'],
        ['format', 'text', ''],
      ],
    ],
    [
      'type: select\noptions_from: regions.region\n',
      [
        ['type', 'type', 'select'],
        ['label', 'text', ''],
        ['options', 'options', ''],
        ['options_from', 'text', 'regions.region'],
        ['value', 'text', ''],
        ['format', 'text', ''],
      ],
    ],
    [
      'type: toggle\nvalue: true\n',
      [
        ['type', 'type', 'toggle'],
        ['label', 'text', ''],
        ['value', 'checkbox', 'true'],
        ['format', 'text', ''],
      ],
    ],
    [
      'type: date\nmin: 2024-01-01\nvalue: 2024-06-30\n',
      [
        ['type', 'type', 'date'],
        ['label', 'text', ''],
        ['min', 'date', '2024-01-01'],
        ['max', 'date', ''],
        ['value', 'date', '2024-06-30'],
        ['placeholder', 'text', ''],
        ['format', 'text', ''],
      ],
    ],
    [
      'type: text\nplaceholder: Name\n',
      [
        ['type', 'type', 'text'],
        ['label', 'text', ''],
        ['placeholder', 'text', 'Name'],
        ['value', 'text', ''],
        ['format', 'text', ''],
      ],
    ],
    [
      'type: slidr\nlabel: X\n',
      [
        ['type', 'type', null],
        ['label', 'text', 'X'],
      ],
    ],
    // A text option "1" would come back as the number 1, and min as text is not a number: YAML only.
    [
      'type: select\noptions: ["1", b]\nmin: x\n',
      [
        ['type', 'type', 'select'],
        ['label', 'text', ''],
        ['options', 'options', null],
        ['options_from', 'text', ''],
        ['value', 'choice', ''],
        ['format', 'text', ''],
      ],
    ],
    [
      'type: slider\nmin: low\nmax: 1\n',
      [
        ['type', 'type', 'slider'],
        ['label', 'text', ''],
        ['min', 'number', null],
        ['max', 'number', '1'],
        ['step', 'number', ''],
        ['value', 'number', ''],
        ['format', 'text', ''],
      ],
    ],
  ])('%j', (source, expected) => {
    const form = inputForm(source);
    expect(form.ok && form.fields.map((f) => [f.key, f.control, f.text])).toEqual(expected);
  });

  it('lists unknown keys and offers the static options as choices', () => {
    const form = inputForm('type: select\noptions: [region, plan]\ncolour: red\n');
    expect(form.ok && form.unknownKeys).toEqual(['colour']);
    expect(form.ok && form.fields.find((f) => f.key === 'value')!.choices).toEqual(['region', 'plan']);
  });

  it.each([
    ['number', 'min', '5', {}, { ok: true, value: 5 }],
    ['number', 'min', '', {}, { ok: true, value: undefined }],
    ['number', 'max', 'ten', {}, { ok: false, error: 'max: "ten" is not a number' }],
    ['number', 'step', '0', {}, { ok: false, error: 'step: must be positive' }],
    ['pair', 'value', '2, 8', {}, { ok: true, value: [2, 8] }],
    ['pair', 'value', '2', {}, { ok: false, error: 'value: expected two numbers "from, to"' }],
    ['date', 'value', '2024-02-30x', {}, { ok: false, error: 'value: expected a date as YYYY-MM-DD' }],
    ['checkbox', 'value', 'false', {}, { ok: true, value: false }],
    [
      'options',
      'options',
      'auto | Recorded\n\n5\ntrue\nplain',
      {},
      { ok: true, value: [{ value: 'auto', label: 'Recorded' }, 5, true, 'plain'] },
    ],
    ['choice', 'value', '10', { options: [5, 10] }, { ok: true, value: 10 }],
    ['choice', 'value', 'a', { options: [{ value: 'a', label: 'A' }] }, { ok: true, value: 'a' }],
    [
      'type',
      'type',
      'gauge',
      {},
      { ok: false, error: 'type: expected one of slider, range, number, select, toggle, text, date' },
    ],
  ] as const)('%s %s: %j', (control, key, text, raw, expected) => {
    expect(parseInputText(control, key, text, raw)).toEqual(expected);
  });

  it.each<[string, InputKey, unknown, string]>([
    [
      'type: slider # margin\nlabel: Margin\nmin: 0\nmax: 1\nvalue: 0.35\n',
      'max',
      0.8,
      'type: slider # margin\nlabel: Margin\nmin: 0\nmax: 0.8\nvalue: 0.35\n',
    ],
    [
      'type: slider\nmin: 0\nmax: 1\nstep: 0.1\ncolour: red\n',
      'step',
      undefined,
      'type: slider\nmin: 0\nmax: 1\ncolour: red\n',
    ],
    ['type: select\noptions: [a]\n', 'options', ['a', 'b'], 'type: select\noptions: [ a, b ]\n'],
    [
      'type: select\noptions: [a]\n',
      'options',
      [{ value: 'a', label: 'A' }, 'b'],
      'type: select\noptions:\n  - { value: a, label: A }\n  - b\n',
    ],
    ['type: range\nmin: 0\nmax: 9\n', 'value', [1, 2], 'type: range\nmin: 0\nmax: 9\nvalue: [ 1, 2 ]\n'],
  ])('write %j %s = %j', (source, key, value, expected) => {
    expect(setInputKey(source, key, value)).toBe(expected);
  });

  it('round-trips a built-in select through the options field unchanged', () => {
    const source =
      'type: select\nlabel: Gross margin from\noptions:\n  - { value: auto, label: the recorded cost of goods }\n  - { value: assumed, label: the assumed margin below }\nvalue: auto\n';
    const form = inputForm(source);
    const field = form.ok ? form.fields.find((f) => f.key === 'options')! : null;
    const read = parseInputText('options', 'options', field!.text!, {});
    expect(read.ok && setInputKey(source, 'options', read.value)).toBe(source);
  });
});
