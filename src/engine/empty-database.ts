/**
 * The bytes of an empty DuckDB database file, to register before `ATTACH`ing a new database.
 *
 * Why: DuckDB-WASM cannot create a database file under `INTERNAL_DIR`. A registered empty buffer
 * "exists, but is not a valid DuckDB database file", and an unregistered name falls through to
 * the host disk in Node, where the directory does not exist (and the external-access lock forbids
 * any other). Registering these bytes instead makes ATTACH open a valid, empty database that
 * DuckDB then grows in the buffer. They are exactly what DuckDB-WASM 1.32 (DuckDB 1.4.3) writes
 * for `ATTACH 'new.duckdb'` on a host path (12,288 bytes, the same on every run): a main header
 * (checksum, `DUCK`, storage version 64, the library's version and commit) and two database headers
 * (iteration 0, no metadata, no free list, 0 blocks, 256 KiB blocks, vectors of 2,048). Newer
 * DuckDB versions read storage version 64 too. `tests/engine/database-file.test.ts` checks it.
 */
const BLOCK = 4096;

/** Non-zero runs of the file: offset → hex bytes (everything else is zero). */
const RUNS: readonly [number, string][] = [
  [0x0, '67fd9328818d2eb34455434b40'],
  [0x34, '76312e342e33'],
  [0x54, '64316463383866393530'],
  ...[BLOCK, 2 * BLOCK].flatMap((at): [number, string][] => [
    [at, 'c48025b08a4e3fd2'],
    [at + 0x10, 'ffffffffffffffffffffffffffffffff'],
    [at + 0x2a, '040000000000000800000000000001'],
    [at + 0x54, '64316463383866393530'],
  ]),
];

/** A fresh copy of the empty database file (DuckDB writes into the buffer it is given). */
export function emptyDatabaseFile(): Uint8Array {
  const bytes = new Uint8Array(3 * BLOCK);
  for (const [offset, hex] of RUNS) {
    for (let i = 0; i < hex.length / 2; i++) bytes[offset + i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return bytes;
}
