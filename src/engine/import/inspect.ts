/**
 * `inspectFile`: everything the import wizard shows before importing — format, encoding, dialect,
 * sheets, columns with detected types, sample rows and a suggested mapping — from the head of the
 * file only, so it is quick even for a 10M-row file.
 */
import { canonicalTables, type CanonicalTableName } from '../../model/schema.ts';
import type { Database } from '../database.ts';
import { toRows, type ColumnarTable } from '../types.ts';
import { analyseSource, type SourceOverrides } from './analyse-source.ts';
import type { ImportFormat } from './detect-format.ts';
import type { EncodingGuess } from './encoding.ts';
import { counted } from './counts.ts';
import { columnSignature } from './mapping.ts';
import { isDateName, suggestMapping, type MappingSuggestion, type ProfiledColumn } from './roles.ts';
import { dropTables } from './run-sql.ts';
import type { CsvDialect } from './sniff-csv.ts';
import { stageHead } from './stage-head.ts';
import { fileStem, type ImportSource } from './source.ts';
import { ident } from './sql-expressions.ts';
import { profileColumn, type NumberFormat } from './value-formats.ts';

/** Options for `inspectFile`. */
export interface InspectOptions extends SourceOverrides {
  /** Rows profiled for type detection (default 1000). */
  profileRows?: number;
  /** Rows returned for the preview (default 20). */
  previewRows?: number;
  /** Suggest a mapping onto this table instead of the best-fitting one. */
  table?: CanonicalTableName;
}

/** What the wizard needs to show a file. */
export interface InspectResult {
  fileName: string;
  format: ImportFormat;
  gzip: boolean;
  encoding?: EncodingGuess;
  dialect?: CsvDialect;
  sheets?: string[];
  sheet?: string;
  /** Columns in file order with their detected type and format. */
  columns: ProfiledColumn[];
  /** First rows as text, as they are in the file. */
  preview: ColumnarTable;
  /** Signature of the header list, to find a saved mapping. */
  signature: string;
  suggestion: MappingSuggestion;
  /** Things to check before importing (encoding uncertainty…). */
  warnings: string[];
}

let nextInspect = 1;

/** Inspects a file (reads its head; XLSX, Parquet and JSON are read whole). */
export async function inspectFile(
  db: Database,
  source: ImportSource,
  options: InspectOptions = {},
): Promise<InspectResult> {
  const analysis = await analyseSource(source, options);
  const staging = `__inspect_${nextInspect++}`;
  const warnings: string[] = [];
  if (analysis.encoding?.warning) warnings.push(analysis.encoding.warning);
  try {
    const staged = await stageHead(db, source, analysis, staging, options);
    if (staged.headerWarning) warnings.push(staged.headerWarning);
    if (staged.replacements > 0 && !analysis.encoding?.warning)
      warnings.push(
        `${counted(staged.replacements, 'character')} could not be decoded as ${analysis.encoding?.encoding}; check the preview and choose another encoding if the text looks garbled.`,
      );
    const sample = db.querySync(
      `SELECT * FROM ${ident(staging)} LIMIT ${Math.max(1, Math.floor(options.profileRows ?? 1000))}`,
    );
    const hint = analysis.dialect ? { decimal: analysis.dialect.decimal } : {};
    const columns: ProfiledColumn[] = sample.columns.map((c, i) =>
      profiledColumn(
        c.name,
        sample.data[i]!.map((v) => (v === null ? null : String(v))),
        hint,
      ),
    );
    const previewRows = toRows(sample).slice(0, options.previewRows ?? 20);
    const preview: ColumnarTable = {
      columns: sample.columns,
      rowCount: previewRows.length,
      data: sample.columns.map((c) => previewRows.map((r) => r[c.name] ?? null)),
    };
    const result: InspectResult = {
      fileName: source.name,
      format: analysis.format,
      gzip: analysis.gzip,
      columns,
      preview,
      signature: columnSignature(staged.headers),
      suggestion: suggestMapping(columns, options.table ?? tableNamedBy(source.name, columns)),
      warnings,
    };
    if (analysis.encoding) result.encoding = analysis.encoding;
    if (analysis.dialect) result.dialect = analysis.dialect;
    if (staged.sheets) result.sheets = staged.sheets;
    if (staged.sheet) result.sheet = staged.sheet;
    return result;
  } finally {
    dropTables(db, staging);
  }
}

/** A column's profile, and for a text column a few distinct values (the role suggester reads them). */
export function profiledColumn(
  name: string,
  values: readonly (string | null)[],
  hint: Partial<NumberFormat>,
): ProfiledColumn {
  const profile = profileColumn(values, hint, { dateName: isDateName(name) });
  const col: ProfiledColumn = { name, profile };
  if (profile.type === 'text')
    col.sample = [
      ...new Set(values.filter((v): v is string => v !== null && v.trim() !== '').map((v) => v.trim())),
    ].slice(0, 50);
  return col;
}

/**
 * A file named after a canonical table (`service_costs.csv`, `customers.xlsx`) goes to that table
 * when its columns can fill the table's required roles: the name is the user's own statement of
 * what the file holds, and a cost file otherwise looks like transactions (id, date, amount).
 */
function tableNamedBy(fileName: string, columns: readonly ProfiledColumn[]): CanonicalTableName | undefined {
  const stem = fileStem(fileName)
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const table = canonicalTables.find((t) => t.name === stem);
  if (!table) return undefined;
  return suggestMapping(columns, table.name).missing.length === 0 ? table.name : undefined;
}
