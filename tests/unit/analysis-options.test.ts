/**
 * Option declarations: the options type is derived from the one declaration (checked by the type
 * checker, `npm run check`: `expectTypeOf` and `@ts-expect-error` lines fail it when the mapping
 * changes), and every registered analysis's defaults pass its own validation.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineOptions, parseOptions, pickOptions } from '../../src/analyses/options.ts';
import { listAnalyses } from '../../src/analyses/registry.ts';
import type { OptionSpec, OptionValues } from '../../src/analyses/types.ts';
import type {
  ProfitDiagnosticsOptions,
  ProfitOptionValues,
  WhaleCurveOptions,
} from '../../src/analyses/profitability/index.ts';
import type { BundlingOptions } from '../../src/analyses/retention/bundling-analysis.ts';
import type { ChurnReasonsOptions } from '../../src/analyses/retention/churn-reasons-analysis.ts';
import type { CohortsOptions } from '../../src/analyses/retention/cohorts-analysis.ts';
import type { CustomerEquityAnalysisOptions } from '../../src/analyses/retention/customer-equity-analysis.ts';
import type { LeakyBucketAnalysisOptions } from '../../src/analyses/retention/leaky-bucket-analysis.ts';
import type { MarginMultipleOptions } from '../../src/analyses/retention/margin-multiple-analysis.ts';
import type { ClvTiming } from '../../src/analyses/retention/index.ts';
import type { LeakyBucketTarget } from '../../src/analyses/retention/leaky-bucket.ts';
import type { PeriodUnit } from '../../src/analyses/retention/sql.ts';
import type { WhatIfAnalysisOptions } from '../../src/analyses/retention/what-if-analysis.ts';
import type { ClvAnalysisOptions, TimeUnit as ClvTimeUnit } from '../../src/analyses/clv/index.ts';
import type {
  LoyaltyQuadrantOptions,
  OutcomeId,
  SatisfactionLoyaltyOptions,
  SatisfactionOptions,
  SatisfactionWhatIfOptions,
  ScaleId,
} from '../../src/analyses/satisfaction/index.ts';
import type { WordOfMouthOptions } from '../../src/analyses/satisfaction/word-of-mouth-analysis.ts';
import type {
  LoyaltyMeasure,
  Measure,
  MigrationOptions,
  MvcOptions,
  RfmOptions,
  TierLanguage,
  TierMethod,
  TiersOptions,
  TimeUnit,
  ValueLoyaltyOptions,
} from '../../src/analyses/segmentation/index.ts';

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

  it('picks some options of a group, in the group’s order, with their types', () => {
    const picked = pickOptions(example, ['grid', 'share']);
    expectTypeOf<OptionValues<typeof picked>>().toEqualTypeOf<{ share: number; grid: number[] }>();
    expect(picked.map((o) => o.name)).toEqual(['share', 'grid']);
    // @ts-expect-error only names the group declares
    pickOptions(example, ['shares']);
  });

  it('gives a plain record for a declaration whose names are not literal', () => {
    expectTypeOf<OptionValues<readonly { name: string; type: 'number'; description: string }[]>>().toEqualTypeOf<
      Record<string, unknown>
    >();
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
    expect(() =>
      defineOptions([...group, { name: 'margin_pct', type: 'number', default: 0.3, description: 'Again.' }]),
    ).toThrow(/option "margin_pct" is declared twice/);
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
    expectTypeOf<WhaleCurveOptions>().toEqualTypeOf<
      Flat<ProfitOptionsByHand & { top_k: number; fix_worst_pct: number; fix_mode: 'break-even' | 'drop' }>
    >();
    expectTypeOf<ProfitDiagnosticsOptions>().toEqualTypeOf<
      Flat<ProfitOptionsByHand & { top_n: number; tiers: number; group_by?: string; per_customer: boolean }>
    >();
  });

  it('segmentation', () => {
    type Period = { period_start?: string; period_end?: string };
    type Tiers = {
      measure: Measure;
      method: TierMethod;
      quantiles?: number[];
      thresholds?: number[];
      tier_names?: string[];
      language: TierLanguage | 'auto';
    };
    expectTypeOf<TiersOptions>().toEqualTypeOf<Flat<Period & Tiers>>();
    expectTypeOf<RfmOptions>().toEqualTypeOf<{
      as_of?: string;
      since?: string;
      time_unit: TimeUnit;
      bins: number;
      monetary: 'spend' | 'profit';
      segment_map?: Record<string, unknown>;
    }>();
    expectTypeOf<ValueLoyaltyOptions>().toEqualTypeOf<
      Flat<
        Period & {
          value: 'auto' | 'profit' | 'revenue';
          loyalty: LoyaltyMeasure;
          value_cutoff?: number;
          loyalty_cutoff?: number;
          bins: number;
        }
      >
    >();
    expectTypeOf<MvcOptions>().toEqualTypeOf<
      Flat<Period & { mvc_share: number; growable_share: number; potential_quantile: number; top_n: number }>
    >();
    expectTypeOf<MigrationOptions>().toEqualTypeOf<
      Flat<
        { early_start?: string; early_end?: string; late_start?: string; late_end?: string; months: number } & Tiers & {
            core_tiers: number;
            drop: number;
            limit: number;
          }
      >
    >();
  });

  it('retention', () => {
    type Base = { period: PeriodUnit; segment_by: string; margin_pct: number };
    expectTypeOf<CohortsOptions>().toEqualTypeOf<{
      period: 'month' | 'quarter';
      max_periods: number;
      max_cohorts: number;
      loyal_years: number;
      margin_pct: number;
      complete_periods_only: boolean;
    }>();
    expectTypeOf<MarginMultipleOptions>().toEqualTypeOf<{
      margin: number;
      retention: number;
      discount_rate: number;
      timing: ClvTiming;
      growth: number;
      horizon: number;
      acquisition_cost: number;
      grid_retention: number[];
      grid_discount: number[];
    }>();
    expectTypeOf<CustomerEquityAnalysisOptions>().toEqualTypeOf<
      Flat<Base & { discount_rate: number; horizon: number }>
    >();
    expectTypeOf<WhatIfAnalysisOptions>().toEqualTypeOf<
      Flat<
        Base & {
          uplift: number;
          programme_cost?: number;
          acquisition_cost?: number;
          acquisition_multiple: number;
          discount_rate: number;
          horizon: number;
          retention?: number;
          margin?: number;
          margin_change: number;
        }
      >
    >();
    expectTypeOf<LeakyBucketAnalysisOptions>().toEqualTypeOf<{
      period: PeriodUnit;
      margin_pct: number;
      periods: number;
      target: LeakyBucketTarget;
      start_customers?: number;
      churn?: number;
      acquired_per_period?: number;
      acquisition_cost?: number;
      retention_cost?: number;
      acquisition_multiple: number;
      new_customer_value_ratio: number;
    }>();
    expectTypeOf<BundlingOptions>().toEqualTypeOf<{
      service_columns: string[];
      products_from: 'auto' | 'columns' | 'categories';
      contract_column: string;
      churn_column: string;
    }>();
    expectTypeOf<ChurnReasonsOptions>().toEqualTypeOf<{
      reason_column: string;
      churn_column: string;
      value_column: string;
    }>();
  });

  it('clv', () => {
    expectTypeOf<ClvAnalysisOptions>().toEqualTypeOf<{
      calibration_end?: string;
      holdout_end?: string;
      time_unit: ClvTimeUnit;
      horizon?: number;
      discount_rate: number;
      margin: number;
      top_n: number;
    }>();
  });

  it('satisfaction', () => {
    type Common = {
      outcome: OutcomeId;
      gap_days: number;
      window_days: number;
      data_end?: string;
      scale: 'auto' | ScaleId;
      wallet_kept_min: number;
      intent_min: number;
      segment?: string;
      min_n: number;
    };
    expectTypeOf<SatisfactionOptions>().toEqualTypeOf<Common>();
    expectTypeOf<SatisfactionLoyaltyOptions>().toEqualTypeOf<
      Flat<Common & { defection_max?: number; affection_min?: number }>
    >();
    expectTypeOf<LoyaltyQuadrantOptions>().toEqualTypeOf<
      Flat<Common & { satisfied_from?: number; hostage_limit: number }>
    >();
    expectTypeOf<SatisfactionWhatIfOptions>().toEqualTypeOf<
      Flat<Common & { from_level?: number; move_share: number; value_per_loyal?: number }>
    >();
    expectTypeOf<WordOfMouthOptions>().toEqualTypeOf<Pick<Common, 'scale' | 'min_n'>>();
  });
});

/**
 * Option names that mean different things in different analyses, with the analyses that share
 * each meaning. Renaming them would break saved notebooks, so they stay, listed here: a new
 * analysis that reuses one of these names, or any other name, with a declaration of its own
 * fails the test below until it spreads the shared declaration or is added here with its reason.
 */
const distinctMeanings: Record<string, { variants: string[][]; why: string }> = {
  time_unit: {
    variants: [['rfm'], ['clv-bgnbd']],
    why: 'rfm reports recency in day/week/month; the CLV models fit in days/weeks/months (other values, other default)',
  },
  bins: {
    variants: [['rfm'], ['value-loyalty']],
    why: 'RFM score bins (2–10) vs bins per axis of the value × loyalty scatter (2–100)',
  },
  top_n: {
    variants: [['mvc-mgc-bz'], ['profit-diagnostics'], ['clv-bgnbd']],
    why: 'the length of each analysis’s own list, with its own default',
  },
  period: {
    variants: [['cohorts'], ['customer-equity', 'retention-what-if', 'leaky-bucket']],
    why: 'the cohort period (month or quarter) vs the period the base is observed in (month, quarter or year)',
  },
  margin: {
    variants: [['margin-multiple'], ['retention-what-if'], ['clv-bgnbd']],
    why: 'margin per customer per period (an input; an override of the observed one) vs the gross margin fraction of the CLV model',
  },
  retention: {
    variants: [['margin-multiple'], ['retention-what-if']],
    why: 'the retention rate the multiple is computed for vs an override of the observed rate',
  },
  discount_rate: {
    variants: [
      ['margin-multiple'],
      ['customer-equity', 'retention-what-if', 'clv-bgnbd', 'scorecard', 'sbg-retention'],
    ],
    why: 'the margin multiple takes a rate per (abstract) period, as Gupta & Lehmann’s grid does; the others an annual rate they convert',
  },
  horizon: {
    variants: [['margin-multiple', 'customer-equity'], ['retention-what-if'], ['clv-bgnbd']],
    why: 'margins counted (0 = perpetuity) vs the periods a programme runs vs a prediction horizon in the model’s time unit',
  },
  acquisition_cost: {
    variants: [['margin-multiple'], ['retention-what-if'], ['leaky-bucket']],
    why: 'each analysis falls back to a different default when it is omitted (0; a multiple of the programme cost; the data’s average)',
  },
};

describe('an option name means the same in every analysis', () => {
  const uses = new Map<string, { id: string; spec: OptionSpec }[]>();
  for (const def of listAnalyses())
    for (const spec of def.options) uses.set(spec.name, [...(uses.get(spec.name) ?? []), { id: def.id, spec }]);
  const shared = [...uses].filter(([, u]) => u.length > 1);

  it.each(shared)('%s: one declaration, or the listed variants', (name, used) => {
    const variants: { spec: OptionSpec; ids: string[] }[] = [];
    for (const { id, spec } of used) {
      const same = variants.find((v) => JSON.stringify(v.spec) === JSON.stringify(spec));
      if (same) same.ids.push(id);
      else variants.push({ spec, ids: [id] });
    }
    const expected = distinctMeanings[name]?.variants ?? [used.map((u) => u.id)];
    expect(variants.map((v) => v.ids.sort()).sort()).toEqual(expected.map((ids) => [...ids].sort()).sort());
  });

  it('lists only names that are still used by more than one analysis', () => {
    for (const name of Object.keys(distinctMeanings)) expect(uses.get(name)?.length ?? 0, name).toBeGreaterThan(1);
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
      expect(parseOptions(def.options, { [spec.name]: spec.default }, id)[spec.name], `${id}.${spec.name}`).toEqual(
        spec.default,
      );
      expect(parsed[spec.name], `${id}.${spec.name}`).toEqual(spec.default);
    }
  });
});
