/**
 * A data folder on disk, for the CLI's `--data` and tests (Node only: not exported from the
 * worker-safe `index.ts`; import it from `src/engine/import/node-folder.ts`).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FolderSource } from './import-folder.ts';

/** Reads files of `dir` as import sources. */
export function nodeFolder(dir: string): FolderSource {
  return {
    // Symbolic links are followed (a data folder may link to files kept elsewhere).
    list: async () =>
      (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() || d.isSymbolicLink()).map((d) => d.name),
    open: async (name) => ({ name, data: new Uint8Array(await readFile(path.join(dir, name))) }),
  };
}
