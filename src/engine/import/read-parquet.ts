/**
 * Parquet through hyparquet (pure JS, with hyparquet-compressors for snappy/gzip/zstd/brotli/lz4):
 * DuckDB-WASM's parquet extension would have to be downloaded, which we never do. A browser `File`
 * is read through byte-range slices, so only the needed column chunks are loaded.
 */
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { importError } from './errors.ts';
import { readRange, sourceSize, type ImportSource } from './source.ts';
import { objectsToTextColumns, type TextColumns } from './text-columns.ts';

function asyncBuffer(source: ImportSource): AsyncBuffer {
  return {
    byteLength: sourceSize(source),
    slice: async (start: number, end?: number) => {
      const b = await readRange(source, start, end ?? sourceSize(source));
      return b.slice().buffer;
    },
  };
}

/** The whole Parquet file as text columns. */
export async function readParquet(source: ImportSource): Promise<TextColumns> {
  try {
    const file = asyncBuffer(source);
    const metadata = await parquetMetadataAsync(file);
    const rows = (await parquetReadObjects({ file, metadata, compressors })) as Record<string, unknown>[];
    const data = objectsToTextColumns(rows);
    if (rows.length === 0) {
      const names = metadata.schema.slice(1).map((s) => s.name);
      return { headers: names, columns: names.map(() => []) };
    }
    return data;
  } catch (e) {
    throw importError(
      {
        file: source.name,
        reason: 'unreadable_parquet',
        message: `the Parquet file could not be read (${e instanceof Error ? e.message : String(e)}).`,
        fix: 'Check that the file is complete, or export it again.',
      },
      e,
    );
  }
}
