/**
 * The parsed form of a notebook file (see docs/notebook-format.md). Plain data, JSON-safe.
 * Each cell keeps its exact source text and layout so that `serializeNotebook(parseNotebook(x)) === x`;
 * everything else on a cell (spec, declarations, references, issues) is derived from that text.
 */
import type { ChartSpec } from '../../charts/spec.ts';

/** A cell's id: its name when it has one, otherwise `<kind>#<n>` (n counts unnamed cells of that kind). */
export type CellId = string & { readonly __brand: 'CellId' };

/** Makes a `CellId` from a string (ids are only minted by the parser and the editor). */
export function cellId(id: string): CellId {
  return id as CellId;
}

/** The cell kinds. Prose is the Markdown between fenced cells. */
export type CellKind = 'prose' | 'sql' | 'input' | 'chart' | 'analysis';

/** Languages a notebook can be written in. */
export type NotebookLanguage = 'en' | 'zh-Hans' | 'zh-Hant';

/** The YAML front matter. Keys other than the four known ones are kept in `extra` and written back. */
export interface FrontMatter {
  title: string;
  description: string;
  language: NotebookLanguage;
  /** Which dataset the notebook expects: `sample` (the built-in one) or `any` (any data in the canonical model). */
  dataset: string;
  /**
   * Canonical tables the notebook needs, or columns of them as `table.column`
   * (`requires: [customers, customers.tenure]`): when the active dataset lacks one, the app says so
   * above the notebook and offers to import it, and the notebook's sql, analysis and chart cells
   * are "not applicable" instead of failing. Empty when not declared.
   */
  requires: string[];
  /** Unknown keys, preserved verbatim (as parsed values). */
  extra: Record<string, unknown>;
}

/**
 * Something a cell uses that another cell (or the data) provides.
 * `via` says where it was found, which decides how it must resolve:
 * `param` (`$name` in SQL or analysis options) must be an input; `data` (a chart's data) must be a
 * sql or analysis result; `table` (an identifier in SQL) is a sql result or an analysis table `A_t`;
 * `interpolation` (`{a.b}` in prose) is an input, or a member of a result; `options` (an input's
 * `options_from`) is a sql result.
 */
export interface Reference {
  name: string;
  /** Second part of a dotted reference: `whale.curve` → `curve`. */
  member?: string;
  via: 'param' | 'data' | 'table' | 'interpolation' | 'options';
}

/** Exact text around a cell that carries no meaning but must survive a round trip. */
export interface CellLayout {
  /** Blank lines before the cell. */
  gap: string;
  /** The opening fence line including its newline (fenced cells only). */
  open?: string;
  /** The closing fence line including its newline, if the file had one there. */
  close?: string;
}

interface CellBase {
  id: CellId;
  /** The name the cell declares (results, parameters), or null. */
  name: string | null;
  /** The cell's text: Markdown for prose, the fenced body for the others. */
  source: string;
  /** Names this cell makes available to others (its name, when it has one). */
  declares: string[];
  /** What it uses; resolved against the other cells by the runtime's dependency graph. */
  references: Reference[];
  /** Problems found while parsing, each naming the cell, e.g. `input margin: unknown type "slidr"`. */
  issues: string[];
  /** 1-based line of the cell's first line (the opening fence for fenced cells). */
  line: number;
  layout: CellLayout;
}

/** Markdown text; may interpolate `{name}` or `{cell.member:format}`. */
export interface ProseCell extends CellBase {
  kind: 'prose';
}

/** A SQL query whose result becomes a temp table named after the cell. */
export interface SqlCell extends CellBase {
  kind: 'sql';
  /** Names of the `$name` parameters the query uses, in order of first use. */
  parameters: string[];
}

/** The input control types. */
export type InputType = 'slider' | 'range' | 'number' | 'select' | 'toggle' | 'text' | 'date';

/** A select option: a value and the label to show for it. */
export interface SelectOption {
  value: string | number | boolean;
  label: string;
}

/** Where a select gets its options when they come from a query: `sql_cell.column`. */
export interface OptionsFrom {
  cell: string;
  column: string;
}

/** An input's value: numbers, text, booleans, ISO dates (`YYYY-MM-DD`) or a `[from, to]` pair for ranges. */
export type InputValue = number | string | boolean | null | [number, number] | [string, string];

/** What an input cell's YAML body says. */
export interface InputSpec {
  type: InputType;
  label: string;
  /** The initial value (before the user moves the control). */
  value: InputValue;
  /** Lower bound: a number, or an ISO date for `date` inputs. */
  min?: number | string;
  /** Upper bound: a number, or an ISO date for `date` inputs. */
  max?: number | string;
  /** Step of slider/range/number inputs. */
  step?: number;
  /** Static options (select). */
  options?: SelectOption[];
  /** Options from a query result (select). */
  optionsFrom?: OptionsFrom;
  placeholder?: string;
  /** d3-format string for showing the value, e.g. `.0%`. */
  format?: string;
  /**
   * The control applies only while another input has one value (`enabled_when: { input, equals }`):
   * otherwise it is shown disabled with the reason, so moving it never seems to do nothing.
   */
  enabledWhen?: { input: string; equals: string | number | boolean };
}

/** A named input control whose value is a parameter. */
export interface InputCell extends CellBase {
  kind: 'input';
  /** Null when the body is invalid (see `issues`). */
  spec: InputSpec | null;
}

/** A declarative chart over a named result. */
export interface ChartCell extends CellBase {
  kind: 'chart';
  spec: ChartSpec | null;
}

/** One of the built-in analyses with its options. */
export interface AnalysisCell extends CellBase {
  kind: 'analysis';
  /** Analysis id in the registry, e.g. `whale-curve`. */
  analysis: string | null;
  /** Raw options; string values `"$name"` bind an input's value. */
  options: Record<string, unknown>;
}

/** Any cell; closed tagged union over `kind`. */
export type Cell = ProseCell | SqlCell | InputCell | ChartCell | AnalysisCell;

/** A parsed notebook. */
export interface Notebook {
  frontMatter: FrontMatter;
  cells: Cell[];
  /** Problems with the file as a whole (front matter, duplicate names). */
  issues: string[];
  layout: {
    /** The front matter block exactly as written (`---\n…---\n`), or '' when there is none. */
    frontMatterRaw: string;
    /** Blank lines after the last cell. */
    trailing: string;
  };
}

/** Exhaustiveness guard for switches over tagged unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
