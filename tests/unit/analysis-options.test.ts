/**
 * Option declarations: the options type is derived from the one declaration (checked by the type
 * checker, `npm run check`: `expectTypeOf` and `@ts-expect-error` lines fail it when the mapping
 * changes), and every registered analysis's defaults pass its own validation.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineOptions, parseOptions } from '../../src/analyses/options.ts';
import { listAnalyses } from '../../src/analyses/registry.ts';
import type { OptionValues } from '../../src/analyses/types.ts';
import type { ProfitDiagnosticsOptions, ProfitOptionValues, WhaleCurveOptions } from '../../src/analyses/profitability/index.ts';
import type { LoyaltyMeasure, Measure, MigrationOptions, MvcOptions, RfmOptions, TierLanguage, TierMethod, TiersOptions, TimeUnit, ValueLoyaltyOptions } from '../../src/analyses/segmentation/index.ts';

const example = defineOptions([
  { name: 'share', type: 'number', min: 0, max: 1, default: 0.2, description: 'A share.' },
  { name: 'count', type: 'integer', min: 1, description: 'A count, optional.' },
  { name: 'mode', type: 'enum', values: ['break-even', 'drop'], default: 'drop', description: 'A mode.' },
  { name: 'from', type: 'date', description: 'A date.' },
  { name: 'column', type: 'string', default: '', description: 'A column.' },
  { name: 'flag', type: 'boolean', default: false, description: 'A flag.' },
  { name: 'grid', type: 'number[]', default: [0.1, 0.2], description: 'Numbers.' },
  { name: 'names', type: 'string[]', description: 'Names.' },
  { name: 'map', type: 'record', description: 'A mapping.' },
]);

describe('OptionValues: the options type derived from a declaration', () => {
  it('maps each option type to its value type; a default makes it required, none optional', () => {
    expectTypeOf<OptionValues<typeof example>>().toEqualTypeOf<{
      share: number;
      count?: number;
      mode: 'break-even' | 'drop';
      from?: string;
      column: string;
      flag: boolean;
      grid: number[];
      names?: string[];
      map?: Record<string, unknown>;
    }>();
    expectTypeOf(parseOptions(example, {}, 'example')).toEqualTypeOf<OptionValues<typeof example>>();
  });

  it('keeps the order and the shared parts of spread groups', () => {
    const group = defineOptions([{ name: 'margin_pct', type: 'number', default: 0.35, description: 'Margin.' }]);
    const own = defineOptions([...group, { name: 'top_k', type: 'number', default: 20, description: 'Top k.' }]);
    expectTypeOf<OptionValues<typeof own>>().toEqualTypeOf<{ margin_pct: number; top_k: number }>();
    expect(own.map((o) => o.name)).toEqual(['margin_pct', 'top_k']);
    expect(own[0]).toBe(group[0]);
  });

  it('gives a plain record for a declaration whose names are not literal', () => {
    expectTypeOf<OptionValues<readonly { name: string; type: 'number'; description: string }[]>>().toEqualTypeOf<Record<string, unknown>>();
  });

  it('rejects, at compile time, a default of the wrong type and an enum without values', () => {
    // @ts-expect-error a number option with a text default
    defineOptions([{ name: 'x', type: 'number', default: 'ten', description: 'x' }]);
    // @ts-expect-error an enum must list its values
    defineOptions([{ name: 'x', type: 'enum', default: 'a', description: 'x' }]);
    // @ts-expect-error a range on a text option means nothing
    defineOptions([{ name: 'x', type: 'string', min: 0, description: 'x' }]);
    // @ts-expect-error every option is described
    defineOptions([{ name: 'x', type: 'boolean' }]);
  });

  it('throws when a name is declared twice', () => {
    const group = defineOptions([{ name: 'margin_pct', type: 'number', default: 0.35, description: 'Margin.' }]);
    expect(() => defineOptions([...group, { name: 'margin_pct', type: 'number', default: 0.3, description: 'Again.' }])).toThrow(/option "margin_pct" is declared twice/);
  });
});

/** `A & B` as one object type, as `OptionValues` gives it. */
type Flat<T> = { [K in keyof T]: T[K] };

/** The profit options as they were written by hand before they were derived. */
interface ProfitOptionsByHand {
  from?: string;
  to?: string;
  margin_source: 'auto' | 'cost' | 'assumed';
  margin_pct: number;
  cost_per_order: number;
  cost_per_return: number;
  revenue_cost_pct: number;
  cost_per_event?: Record<string, unknown>;
  acquisition_years: number;
}

describe('the derived options types are the ones the analyses were written against', () => {
  it('profitability', () => {
    expectTypeOf<ProfitOptionValues>().toEqualTypeOf<ProfitOptionsByHand>();
    expectTypeOf<WhaleCurveOptions>().toEqualTypeOf<Flat<ProfitOptionsByHand & { top_k: number; fix_worst_pct: number; fix_mode: 'break-even' | 'drop' }>>();
    expectTypeOf<ProfitDiagnosticsOptions>().toEqualTypeOf<Flat<ProfitOptionsByHand & { top_n: number; tiers: number; group_by?: string; per_customer: boolean }>>();
  });

  it('segmentation', () => {
    type Period = { period_start?: string; period_end?: string };
    type Tiers = { measure: Measure; method: TierMethod; quantiles?: number[]; thresholds?: number[]; tier_names?: string[]; language: TierLanguage };
    expectTypeOf<TiersOptions>().toEqualTypeOf<Flat<Period & Tiers>>();
    expectTypeOf<RfmOptions>().toEqualTypeOf<{ as_of?: string; since?: string; time_unit: TimeUnit; bins: number; monetary: 'spend' | 'profit'; segment_map?: Record<string, unknown> }>();
    expectTypeOf<ValueLoyaltyOptions>().toEqualTypeOf<
      Flat<Period & { value: 'auto' | 'profit' | 'revenue'; loyalty: LoyaltyMeasure; value_cutoff?: number; loyalty_cutoff?: number; bins: number }>
    >();
    expectTypeOf<MvcOptions>().toEqualTypeOf<Flat<Period & { mvc_share: number; growable_share: number; potential_quantile: number; top_n: number }>>();
    expectTypeOf<MigrationOptions>().toEqualTypeOf<
      Flat<{ early_start?: string; early_end?: string; late_start?: string; late_end?: string; months: number } & Tiers & { core_tiers: number; drop: number; limit: number }>
    >();
  });
});

describe('every registered analysis', () => {
  const analyses = listAnalyses().map((d) => [d.id, d] as const);

  it.each(analyses)('%s: its defaults pass its own validation, and every option is described', (id, def) => {
    const parsed = parseOptions(def.options, {}, id);
    for (const spec of def.options) {
      expect(spec.description.trim(), `${id}.${spec.name}`).not.toBe('');
      if (spec.type === 'enum') expect(spec.values?.length, `${id}.${spec.name} values`).toBeGreaterThan(0);
      if (spec.default === undefined) {
        expect(parsed, `${id}.${spec.name}`).not.toHaveProperty(spec.name);
        continue;
      }
      // Given explicitly, the default is accepted as it is (type, range, enum values).
      expect(parseOptions(def.options, { [spec.name]: spec.default }, id)[spec.name], `${id}.${spec.name}`).toEqual(spec.default);
      expect(parsed[spec.name], `${id}.${spec.name}`).toEqual(spec.default);
    }
  });
});
