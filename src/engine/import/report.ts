/**
 * The import report: row accounting (read = imported + rejected, always), rejected rows by reason,
 * and warnings. Rejected rows stay in an engine table; helpers page through them and export CSV.
 */
import type { CanonicalTableName } from '../../model/schema.ts';
import { csvLine } from '../csv-field.ts';
import type { Database } from '../database.ts';
import type { ColumnarTable } from '../types.ts';
import type { ImportFormat } from './detect-format.ts';
import type { EncodingGuess } from './encoding.ts';
import type { ImportRules } from './mapping.ts';
import type { CsvDialect } from './sniff-csv.ts';
import { ident } from './sql-expressions.ts';
import type { ImportWarning } from './warnings.ts';

/** Rejected rows sharing one reason. */
export interface RejectGroup {
  reason: string;
  /** Source column the reason is about. */
  column: string;
  /** `error`: bad data; `rule`: left out by a rule the user chose (still counted). */
  kind: 'error' | 'rule';
  count: number;
  /** First data row (1-based) with this reason. */
  firstRow: number;
}

/** The result of one import. */
export interface ImportReport {
  fileName: string;
  format: ImportFormat;
  /** Canonical table the rows went to. */
  canonicalTable: CanonicalTableName;
  /** Table created (usually the canonical table's name). */
  table: string;
  /** Data rows read from the file. */
  read: number;
  /** Rows in the imported table. */
  imported: number;
  /** Rows not imported, each listed in `rejectsTable` with its reason. `read = imported + rejected`. */
  rejected: number;
  rejectGroups: RejectGroup[];
  /** Engine table holding the rejected rows: row, column, reason, kind, value. */
  rejectsTable: string;
  warnings: ImportWarning[];
  rules: ImportRules;
  encoding?: EncodingGuess;
  dialect?: CsvDialect;
  sheet?: string;
  elapsedMs: number;
}

/** A page of rejected rows (row, column, reason, kind, value), in file order. */
export function rejectedRows(db: Database, report: ImportReport, offset = 0, limit = 1000): ColumnarTable {
  return db.querySync(`SELECT * FROM ${ident(report.rejectsTable)} ORDER BY "row" LIMIT $1 OFFSET $2`, [limit, offset]);
}

/** Rejected rows as CSV text for download, every cell safe to open in a spreadsheet (pure; pass the page(s) you fetched). */
export function rejectsToCsv(rows: ColumnarTable): string {
  const lines = [csvLine(rows.columns.map((c) => c.name))];
  for (let r = 0; r < rows.rowCount; r++) lines.push(csvLine(rows.data.map((col) => col[r])));
  return lines.join('\r\n') + '\r\n';
}
