/**
 * The contract every built-in analysis implements, and what it returns.
 * An analysis is three pieces (see docs/architecture.md): pure SQL builders, pure numerics on
 * the small aggregated result, and a `run` that executes them on a `SqlConnection`.
 * `run` executes inside the engine (the browser worker, or Node for tests and the CLI).
 */
import type { ChartSpec } from '../charts/spec.ts';
import type { ColumnarTable, NumericTable } from '../sql/table.ts';
import type { SqlConnection } from '../sql/connection.ts';
import type { DatasetProfile } from '../model/profile.ts';
import type { SummaryState } from '../model/summary/index.ts';
import type { FindingKey } from './messages/catalogs.ts';
import type { ChartText, MessageParam, MessageParams, MessageRef } from './messages/render.ts';
import type { TypedValue } from '../format/typed.ts';

/**
 * What an analysis gets to work with. The engine fills every field; tests may pass only `db`
 * and `profile`, and analyses then take the raw-table path (same numbers, slower).
 */
export interface AnalysisContext {
  db: SqlConnection;
  /** Which canonical tables/columns the active dataset has. */
  profile: DatasetProfile;
  /**
   * The customer-base summary (schema `summary`, docs/summary.md) when it is current for the
   * active data; analyses read it instead of the raw tables wherever it holds what they need.
   */
  summary?: SummaryState | null;
  /** Runs a query and returns its (numeric) columns as typed arrays. */
  numeric?: (sql: string) => Promise<NumericTable>;
  /**
   * Writes numeric columns (equal lengths) into a new table inside the engine and returns its
   * name, for results too large to send back (a score per customer): the analysis names a SELECT
   * over it in `AnalysisResult.engineTables`. The engine drops the table after the run.
   */
  stageNumeric?(columns: Record<string, Float64Array>): Promise<string>;
  /**
   * Prepared data kept for the dataset version: `build` runs once per key until the data
   * changes. Option changes then recompute from it without touching the raw tables.
   */
  memo?: <T>(key: string, build: () => Promise<T>) => Promise<T>;
}

/**
 * One plain-language finding, e.g. "The top 20% of customers earn 138% of profit.", kept as
 * data: a catalogue key (`messages/`) and typed parameters, rendered in the reader's language
 * where that is known (`renderFinding`). `text` is the English rendering, for code that reads
 * plain text (tests, logs); a reader gets `renderFinding(f, { locale, currency })`.
 */
export interface Finding {
  /** Stable id, e.g. `top_share`; also usable in prose as `{cell.top_share}` via `scalars`. */
  id: string;
  /** The sentence's key in the findings catalogues (`src/analyses/messages/`). */
  key: FindingKey;
  /** The sentence's numbers and words, typed. */
  params: MessageParams;
  /** Which parameter is the headline number the tile shows (it is also in the sentence). */
  headline?: string;
  /** The sentence in English, without currency. */
  text: string;
  /** The headline number as a plain value (prose interpolation, slides), when there is one. */
  value?: number | string | null;
  /**
   * The headline's value over the data's periods, oldest first, the last being the headline's own
   * period (the scorecard's tiles draw it as a sparkline); a point the data cannot give is null.
   */
  trend?: TrendPoint[];
  /** Id of the built-in notebook that explains this number (`notebooks/<id>.md`), for a link. */
  explainedBy?: string;
}

/** One period of a finding's trend: its label (a catalogue message) and the value then. */
export interface TrendPoint {
  period: MessageParam;
  value: TypedValue;
}

/** Everything an analysis returns. Serialisable (crosses the worker boundary). */
export interface AnalysisResult {
  /** Named output tables; a notebook exposes them as `<cell name>.<table name>` … and the first as `<cell name>`. */
  tables: Record<string, ColumnarTable>;
  /**
   * Named output tables that stay in the engine because they are too large to send (e.g. every
   * customer's scores): `sql` selects the rows from tables staged with `stageNumeric` during the
   * run. A notebook keeps each as temp table `<cell name>_<table name>` for later SQL cells; the
   * engine removes `sql` before the result leaves it, so only `rowCount` crosses.
   */
  engineTables?: Record<string, { sql?: string; rowCount: number }>;
  /** Named headline numbers for prose interpolation, e.g. `top20_share: 1.38`. */
  scalars: Record<string, number | string | null>;
  /** Charts over `tables` (their `data` names a key of `tables`). */
  charts: ChartSpec[];
  findings: Finding[];
  /** Caveats and plain explanations of missing data ("no cost data: value is revenue"), in English. */
  notes: string[];
  /** Notes as catalogue messages, by index into `notes`, for rendering in the reader's language. */
  noteRefs?: Record<number, MessageRef>;
  /** Chart text as catalogue messages, by chart id (title, subtitle, axis labels, text labels). */
  chartText?: Record<string, ChartText>;
  /**
   * Set when the analysis does not apply to this data (its required tables or columns are
   * missing, or the data holds nothing it can measure): the result is empty, `reason` says why
   * and what would make it apply. A notebook shows such a cell, and every cell that depends on
   * it, as "not applicable" instead of an error.
   */
  notApplicable?: NotApplicable;
}

/** Why an analysis does not apply to the data, and the canonical tables that would make it apply. */
export interface NotApplicable {
  reason: string;
  /** The reason as a catalogue message, for the reader's language. */
  reasonRef?: MessageRef;
  needs: string[];
}

/** Option types an analysis can declare. Notebook YAML values are validated against these. */
export type OptionType =
  'number' | 'integer' | 'string' | 'boolean' | 'date' | 'enum' | 'number[]' | 'string[]' | 'record';

/**
 * One declared option as the settings form, the docs and `parseOptions` read it: documented,
 * typed, with a default. Declarations are written with `defineOptions` (`./options.ts`), which
 * also derives the analysis's options type from them.
 */
export interface OptionSpec {
  name: string;
  type: OptionType;
  description: string;
  default?: unknown;
  /** Allowed values for `enum`. */
  values?: readonly string[];
  min?: number;
  max?: number;
}

/**
 * A registered analysis. `S` is its option declaration (the tuple `defineOptions` returns); `run`
 * receives the values `parseOptions` made of it, typed `OptionValues<S>`, so the options type
 * cannot drift from what the settings form shows and the engine validates.
 */
export interface AnalysisDefinition<S extends readonly OptionSpec[] = readonly OptionSpec[]> {
  /** Id used in notebooks: ```analysis whale-curve name=whale``` */
  id: string;
  title: string;
  description: string;
  /** Canonical tables it needs at least (usually `transactions`). */
  requires: readonly ('transactions' | 'customers' | 'service_costs' | 'surveys')[];
  /** What to tell the user when a required table is missing (default: names it and the import wizard). */
  missingNote?: string;
  options: S;
  run: (ctx: AnalysisContext, options: OptionValues<S>) => Promise<AnalysisResult>;
}

/** The value type one declared option takes after `parseOptions`. */
export type OptionValue<D extends OptionSpec> = D extends { type: 'number' | 'integer' }
  ? number
  : D extends { type: 'string' | 'date' }
    ? string
    : D extends { type: 'boolean' }
      ? boolean
      : D extends { type: 'enum'; values: readonly (infer V)[] }
        ? V
        : D extends { type: 'number[]' }
          ? number[]
          : D extends { type: 'string[]' }
            ? string[]
            : D extends { type: 'record' }
              ? Record<string, unknown>
              : never;

/**
 * The options object an analysis receives, derived from its declaration: one property per
 * declared option, required when the option has a default (`parseOptions` fills it) and optional
 * when it has none. A declaration whose names are not literal (`OptionSpec[]`) gives a plain record.
 */
export type OptionValues<S extends readonly OptionSpec[]> = string extends S[number]['name']
  ? Record<string, unknown>
  : Flatten<
      { -readonly [D in S[number] as D extends { default: unknown } ? D['name'] : never]: OptionValue<D> } & {
        -readonly [D in S[number] as D extends { default: unknown } ? never : D['name']]?: OptionValue<D>;
      }
    >;

/** Shows an intersection of object types as one object type (in hovers and type errors). */
type Flatten<T> = { [K in keyof T]: T[K] };
