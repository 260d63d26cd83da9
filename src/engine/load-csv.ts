import { canonicalTables } from '../model/schema.ts';
import type { DataFile } from './api.ts';
import type { Database } from './database.ts';
import { internalPath } from './internal-files.ts';
import { EngineError } from './types.ts';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';

/**
 * Loads UTF-8 CSV files that are already in canonical shape (the built-in sample, or a dataset
 * the import wizard has normalised) as tables. Canonical columns get their canonical types and
 * missing optional ones become typed NULL columns; extra columns are kept as the reader types them.
 * A file whose values do not fit a column's type fails with DuckDB's message naming the line.
 */
export function loadCanonicalCsv(db: Database, files: readonly DataFile[]): void {
  for (const file of files) {
    const path = canonicalCsvPath(file.table);
    db.bindings.registerFileBuffer(path, file.bytes);
    try {
      const header = db
        .querySync(`SELECT * FROM read_csv(${quoteLiteral(path)}, header = true, all_varchar = true) LIMIT 0`)
        .columns.map((c) => c.name);
      const def = canonicalTables.find((t) => t.name === file.table);
      if (!def) {
        db.exec(
          `CREATE OR REPLACE TABLE ${quoteIdent(file.table)} AS SELECT * FROM read_csv(${quoteLiteral(path)}, header = true)`,
        );
        continue;
      }
      const missing = def.columns.filter((c) => c.required && !header.includes(c.name));
      if (missing.length) {
        throw new EngineError({
          code: 'input',
          message: `${file.fileName}: required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => c.name).join(', ')} missing (found: ${header.join(', ')})`,
          details: { file: file.fileName },
        });
      }
      const types = def.columns
        .filter((c) => header.includes(c.name))
        .map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`);
      const select = [
        ...def.columns.map((c) =>
          header.includes(c.name) ? quoteIdent(c.name) : `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`,
        ),
        ...header.filter((h) => !def.columns.some((c) => c.name === h)).map(quoteIdent),
      ];
      db.exec(
        `CREATE OR REPLACE TABLE ${quoteIdent(file.table)} AS SELECT ${select.join(', ')} FROM read_csv(${quoteLiteral(path)}, header = true, dateformat = '%Y-%m-%d', types = {${types.join(', ')}})`,
      );
    } catch (e) {
      if (e instanceof EngineError && e.info.code === 'query') {
        throw new EngineError(
          { code: 'input', message: `${file.fileName}: ${e.message}`, details: { file: file.fileName } },
          { cause: e },
        );
      }
      throw e;
    } finally {
      db.bindings.dropFile(path);
    }
  }
}

/** Where `loadCanonicalCsv` registers `table`'s CSV (the benchmarks replay loads by this name). */
export function canonicalCsvPath(table: string): string {
  return internalPath(`input-${table}.csv`);
}

/** Matches a quoted `canonicalCsvPath` in SQL text; group 1 is the table. */
export function canonicalCsvPattern(): RegExp {
  const [before, after] = canonicalCsvPath('TABLE')
    .split('TABLE')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`'${before}(\\w+)${after}'`, 'g');
}
