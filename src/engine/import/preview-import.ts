/**
 * `previewImport`: the first rows as they will be imported (typed canonical columns) and the
 * rejected rows among them, from the head of the file, with the same SQL as the real import.
 */
import type { Database } from '../database.ts';
import type { ColumnarTable } from '../types.ts';
import { analyseSource, type SourceOverrides } from './analyse-source.ts';
import { mapRows } from './import-file.ts';
import { defaultRules, type ImportMapping, type ImportRules } from './mapping.ts';
import { dropTables } from './run-sql.ts';
import { stageHead } from './stage-head.ts';
import type { ImportSource } from './source.ts';
import { ident } from './sql-expressions.ts';

/** Options for `previewImport`. */
export interface PreviewOptions extends SourceOverrides {
  rules?: Partial<ImportRules>;
  /** Rows of each table returned (default 20). */
  limit?: number;
}

/** What the wizard shows under the mapping. */
export interface ImportPreview {
  /** Imported rows from the head, typed as in the canonical table. */
  rows: ColumnarTable;
  /** Rejected rows from the head: row, column, reason, kind, value. */
  rejects: ColumnarTable;
  /** Counts over the head (not the whole file). */
  read: number;
  rejected: number;
}

let nextPreview = 1;

/** Maps the head of the file and returns typed rows and rejects; leaves no tables behind. */
export async function previewImport(
  db: Database,
  source: ImportSource,
  mapping: ImportMapping,
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  const analysis = await analyseSource(source, options);
  const n = nextPreview++;
  const [staging, target] = [`__preview_${n}`, `__preview_${n}_rows`];
  let rejects = `__rejects_${target}`;
  const limit = Math.max(1, Math.floor(options.limit ?? 20));
  try {
    const staged = await stageHead(db, source, analysis, staging, options);
    const report = await mapRows(
      db,
      { from: ident(staging), columns: staged.headers },
      mapping,
      { ...defaultRules, ...options.rules },
      target,
    );
    rejects = report.rejectsTable;
    const rejected = report.rejected;
    return {
      rows: db.querySync(`SELECT * FROM ${ident(target)} LIMIT ${limit}`),
      rejects: db.querySync(`SELECT * FROM ${ident(rejects)} ORDER BY "row" LIMIT ${limit}`),
      read: staged.rows,
      rejected,
    };
  } finally {
    dropTables(db, staging, target, rejects);
  }
}
