/**
 * Notebook and scratch SQL cannot reach outside the engine: a hostile corpus of every read, write,
 * glob, attach, extension and settings form, with URLs pointing at a live local listener and
 * paths at real host files, run through `openResult` (what SQL cells use) and through bound
 * parameters (what inputs use). Each must fail with the clear access message, no host byte may
 * appear in any answer, and no request may reach the listener. Afterwards the engine still
 * imports, exports and reloads datasets through its own registered files.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_DIR } from '../../src/engine/internal-files.ts';
import { createSampleEngine, type NodeEngine } from '../../src/engine/node.ts';
import { EngineError, toRows, type SqlParam } from '../../src/engine/types.ts';

const root = path.resolve(import.meta.dirname, '../..');
const sampleCsv = path.join(root, 'sample-data/default/customers.csv');
const copyTarget = path.join(root, 'security-test-copy-target.csv');
/** Strings that only a host file could bring into an answer. */
const hostMarkers = [
  readFileSync('/etc/hostname', 'utf8').trim(),
  '"name": "customer-asset-workbench"',
  'root:x:0:0',
  readFileSync(sampleCsv, 'utf8').split('\n')[1]!.slice(0, 20),
];

let engine: NodeEngine;
let server: Server;
const hits: string[] = [];
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  engine = await createSampleEngine();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** [name, SQL (`URL` is replaced by the listener's address), bound parameters]. */
const hostile: [string, string, SqlParam[]][] = [
  ['read_text URL', `SELECT * FROM read_text('URL/t')`, []],
  ['read_csv URL', `SELECT * FROM read_csv('URL/c.csv')`, []],
  ['read_csv_auto URL', `SELECT * FROM read_csv_auto('URL/c.csv')`, []],
  ['read_blob URL', `SELECT * FROM read_blob('URL/b')`, []],
  ['read_json URL', `SELECT * FROM read_json('URL/j.json')`, []],
  ['read_parquet URL', `SELECT * FROM read_parquet('URL/p.parquet')`, []],
  ['FROM URL', `SELECT * FROM 'URL/from.csv'`, []],
  ['concatenated URL', `SELECT * FROM read_csv('URL' || '/con' || 'cat.csv')`, []],
  ['URL list', `SELECT * FROM read_csv(['URL/l1.csv', 'URL/l2.csv'])`, []],
  ['URL from a variable', `SET VARIABLE u = 'URL/var'; SELECT * FROM read_text(getvariable('u'))`, []],
  ['URL as a bound parameter', `SELECT * FROM read_text($1)`, ['URL/param']],
  ['read_csv of a bound URL', `SELECT * FROM read_csv($1)`, ['URL/param.csv']],
  ['host path as a bound parameter', `SELECT * FROM read_text($1)`, ['/etc/hostname']],
  ['absolute host path', `SELECT * FROM read_text('/etc/hostname')`, []],
  ['read_csv /etc/passwd', `SELECT * FROM read_csv('/etc/passwd')`, []],
  ['relative host path', `SELECT * FROM read_text('package.json')`, []],
  ['file: URL', `SELECT * FROM read_text('file:///etc/hostname')`, []],
  ['home directory', `SELECT * FROM read_blob('~/.bashrc')`, []],
  ['FROM the sample CSV', `SELECT * FROM 'sample-data/default/customers.csv'`, []],
  ['FROM the sample CSV, absolute', `SELECT * FROM '${sampleCsv}'`, []],
  ['glob', `SELECT * FROM glob('/etc/*')`, []],
  ['sniff_csv', `SELECT * FROM sniff_csv('/etc/passwd')`, []],
  ['.. escape from the internal directory', `SELECT * FROM read_text('${INTERNAL_DIR}../etc/hostname')`, []],
  ['.. escape to the sample CSV', `SELECT * FROM read_csv('${INTERNAL_DIR}..${sampleCsv}')`, []],
  ['COPY TO a host path', `COPY (SELECT * FROM customers) TO '${copyTarget}'`, []],
  ['COPY FROM a host path', `CREATE TABLE stolen (line VARCHAR); COPY stolen FROM '/etc/hostname'`, []],
  ['EXPORT DATABASE', `EXPORT DATABASE '${path.join(root, 'security-test-export')}'`, []],
  ['ATTACH a host path', `ATTACH '${path.join(root, 'security-test.db')}' AS stolen`, []],
  ['ATTACH a URL', `ATTACH 'URL/db.duckdb' AS remote`, []],
  ['LOAD an extension', `LOAD json`, []],
  ['INSTALL then LOAD from the listener', `INSTALL httpfs FROM 'URL'; LOAD httpfs`, []],
  [
    're-enable autoload, then need an extension',
    `SET autoinstall_known_extensions = true; SET autoload_known_extensions = true; SET custom_extension_repository = 'URL'; SELECT '{}'::JSON`,
    [],
  ],
  ['SET enable_external_access = true', `SET enable_external_access = true`, []],
  ['SET allowed_directories', `SET allowed_directories = ['/']`, []],
  ['SET allowed_paths', `SET allowed_paths = ['/etc/hostname']`, []],
  ['SET temp_directory', `SET temp_directory = '/tmp'`, []],
];

describe('notebook SQL cannot reach outside the engine', () => {
  it.each(hostile)('%s fails with the access message', async (_name, template, params) => {
    const sql = template.replaceAll('URL', url);
    const bound = params.map((p) => (typeof p === 'string' ? p.replaceAll('URL', url) : p));
    const err = await engine.openResult(sql, bound).then(
      (r) => new Error(`ran: ${JSON.stringify(r.first.data).slice(0, 200)}`),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    const info = (err as EngineError).info;
    expect(info.code).toBe('query');
    expect(info.message).toMatch(
      /^Notebook SQL cannot (read files or URLs: data comes in through Import data… \(the CLI: --data\) and saved datasets only\.|load DuckDB extensions \(\w+\): JSON, Parquet and Excel files come in through Import data…\.) \(DuckDB: .+\)$/,
    );
    for (const marker of hostMarkers) expect(JSON.stringify(info)).not.toContain(marker);
  });

  it('sent no request to the listener and wrote no host file', () => {
    expect(hits).toEqual([]);
    expect(existsSync(copyTarget)).toBe(false);
    expect(existsSync(path.join(root, 'security-test-export'))).toBe(false);
    expect(existsSync(path.join(root, 'security-test.db'))).toBe(false);
  });

  it('an unregistered name inside the internal directory is simply not there', async () => {
    const err = await engine
      .openResult(`SELECT * FROM read_csv('${INTERNAL_DIR}nothing.csv')`)
      .catch((e: unknown) => e as EngineError);
    expect((err as EngineError).info.message).toMatch(/No files found/);
  });
});

describe('after the corpus the engine still works', () => {
  it('exports a table and reloads it as a dataset', async () => {
    const [exported] = await engine.exportTables(['customers']);
    expect(exported!.rowCount).toBeGreaterThan(0);
    const columns = exported!.columns;
    await engine.loadDataset('reloaded', [
      { table: 'customers', fileName: 'customers.csv', columns, data: exported!.bytes },
    ]);
    expect(toRows(await engine.query('SELECT count(*) AS n FROM customers'))[0]!.n).toBe(exported!.rowCount);
  });

  it('imports a file through the import pipeline', async () => {
    const source = {
      name: 'hostile name ../../etc/x.csv',
      data: new TextEncoder().encode('customer_id,date,revenue\nc1,2024-01-02,10\n'),
    };
    const info = await engine.inspectImport(source);
    const report = await engine.importFile(source, { mapping: info.suggestion.mapping, target: 'transactions' });
    expect(report).toMatchObject({ read: 1, imported: 1, rejected: 0 });
  });

  it('still lets analysts change the memory limit', async () => {
    await engine.query(`SET memory_limit = '1GB'`);
    expect(toRows(await engine.query(`SELECT current_setting('memory_limit') AS m`))[0]!.m).toBe('953.6 MiB');
  });
});
