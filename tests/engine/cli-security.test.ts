/**
 * The head-less CLI runs a stranger's notebook with `--data`: no host file and no URL can be read
 * by its SQL, so the JSON and HTML reports hold no host-file content, no request reaches the
 * listener, and the run exits non-zero for the refused cells.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileCells, hostileNotebook } from '../fixtures/hostile-notebook.ts';

const repo = path.resolve(import.meta.dirname, '../..');
/** Strings that only a host file could bring into a report. */
const hostMarkers = [
  'root:x:0:0',
  '"name": "customer-asset-workbench"',
  '"devDependencies"',
  readFileSync(path.join(repo, 'sample-data/default/customers.csv'), 'utf8').split('\n')[1]!.slice(0, 20),
];

/** Runs the CLI without blocking the event loop (the listener must keep answering). */
function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(repo, 'node_modules/.bin/tsx'), args, {
      cwd: repo,
      env: { ...process.env, TZ: 'UTC' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run notebook -- run, on a hostile notebook', () => {
  it('reports every read as refused, leaks no host byte into JSON or HTML, contacts no one and exits 1', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('stolen\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const dir = mkdtempSync(path.join(tmpdir(), 'cli-hostile-'));
      writeFileSync(path.join(dir, 'transactions.csv'), 'customer_id,date,revenue\nc1,2024-01-05,100\n');
      const nb = path.join(dir, 'hostile.md');
      writeFileSync(nb, hostileNotebook(url));
      const html = path.join(dir, 'out.html');
      const r = await runCli(['src/cli/main.ts', 'run', nb, '--data', dir, '--json', '-', '--html', html]);
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout) as { cells: { id: string; status: string; error?: string }[] };
      const status = Object.fromEntries(json.cells.map((c) => [c.id, c.status]));
      expect(status).toMatchObject({ ok: 'ok', urls: 'ok', u: 'ok' });
      for (const [name] of hostileCells) {
        expect(status[name], name).toBe('error');
        expect(r.stderr).toMatch(
          new RegExp(`sql ${name}: Notebook SQL cannot (read files or URLs|load DuckDB extensions)`),
        );
      }
      const page = readFileSync(html, 'utf8');
      for (const marker of hostMarkers) {
        expect(r.stdout).not.toContain(marker);
        expect(page).not.toContain(marker);
      }
      expect(hits).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
