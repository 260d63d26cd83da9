/**
 * The contract every built-in analysis implements, and what it returns.
 * An analysis is three pieces (see docs/architecture.md): pure SQL builders, pure numerics on
 * the small aggregated result, and a `run` that executes them on a `SqlConnection`.
 * `run` executes inside the engine (the browser worker, or Node for tests and the CLI).
 */
import type { ChartSpec } from '../charts/spec.ts';
import type { ColumnarTable, SqlConnection } from '../engine/types.ts';
import type { DatasetProfile } from '../model/profile.ts';

/** What an analysis gets to work with. */
export interface AnalysisContext {
  db: SqlConnection;
  /** Which canonical tables/columns the active dataset has. */
  profile: DatasetProfile;
}

/** One plain-language finding, e.g. "The top 20% of customers earn 138% of profit." */
export interface Finding {
  /** Stable id, e.g. `top_share`; also usable in prose as `{cell.top_share}` via `scalars`. */
  id: string;
  text: string;
  /** The headline number behind the sentence, when there is one. */
  value?: number | string | null;
}

/** Everything an analysis returns. Serialisable (crosses the worker boundary). */
export interface AnalysisResult {
  /** Named output tables; a notebook exposes them as `<cell name>.<table name>` … and the first as `<cell name>`. */
  tables: Record<string, ColumnarTable>;
  /** Named headline numbers for prose interpolation, e.g. `top20_share: 1.38`. */
  scalars: Record<string, number | string | null>;
  /** Charts over `tables` (their `data` names a key of `tables`). */
  charts: ChartSpec[];
  findings: Finding[];
  /** Caveats and plain explanations of missing data ("no cost data: value is revenue"). */
  notes: string[];
}

/** Option types an analysis can declare. Notebook YAML values are validated against these. */
export type OptionType = 'number' | 'integer' | 'string' | 'boolean' | 'date' | 'enum' | 'number[]' | 'string[]' | 'record';

/** Declares one option: documented, typed, with a default. */
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

/** A registered analysis. */
export interface AnalysisDefinition<O = Record<string, unknown>> {
  /** Id used in notebooks: ```analysis whale-curve name=whale``` */
  id: string;
  title: string;
  description: string;
  /** Canonical tables it needs at least (usually `transactions`). */
  requires: readonly ('transactions' | 'customers' | 'service_costs' | 'surveys')[];
  options: readonly OptionSpec[];
  run(ctx: AnalysisContext, options: O): Promise<AnalysisResult>;
}
