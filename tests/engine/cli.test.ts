import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');

describe('npm run notebook -- run (the real process)', () => {
  it('writes JSON to stdout and an offline HTML report, prints cell errors on stderr and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
    writeFileSync(
      path.join(dir, 'transactions.csv'),
      'customer_id,date,revenue\nc1,2024-01-05,100\nc2,2024-02-01,20\n',
    );
    writeFileSync(path.join(dir, 'notes.csv'), 'customer_id,note\nc1,<img src=x onerror=alert(1)>\n');
    const nb = path.join(dir, 'nb.md');
    writeFileSync(
      nb,
      `---
title: CLI <test>
dataset: any
owner: qa
---

Revenue {totals.revenue:$,.0f} from {totals.n} orders. <script>alert(1)</script>

\`\`\`sql totals
SELECT count(*) AS n, sum(revenue) AS revenue, min(date) AS first FROM transactions
\`\`\`

\`\`\`sql notes_seen
SELECT * FROM notes
\`\`\`

\`\`\`sql broken
SELECT no_such_column FROM transactions
\`\`\`

\`\`\`sql after_broken
SELECT * FROM broken
\`\`\`
`,
    );
    const html = path.join(dir, 'out.html');
    const r = spawnSync(
      path.join(repo, 'node_modules/.bin/tsx'),
      ['src/cli/main.ts', 'run', nb, '--data', dir, '--json', '-', '--html', html],
      {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${nb}: sql broken: Binder Error: Referenced column "no_such_column" not found`);
    expect(r.stderr).toContain(`${nb}: waiting on broken, which failed`);
    const json = JSON.parse(r.stdout);
    expect(json.notebook).toEqual({
      title: 'CLI <test>',
      description: '',
      language: 'en',
      dataset: 'any',
      owner: 'qa',
    });
    expect(json.cells.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ['prose#1', 'ok'],
      ['totals', 'ok'],
      ['notes_seen', 'ok'],
      ['broken', 'error'],
      ['after_broken', 'error'],
    ]);
    expect(json.cells[1]).toEqual({
      id: 'totals',
      kind: 'sql',
      status: 'ok',
      result: {
        columns: [
          { name: 'n', type: 'BIGINT' },
          { name: 'revenue', type: 'DOUBLE' },
          { name: 'first', type: 'DATE' },
        ],
        rowCount: 1,
        rows: [{ n: 2, revenue: 120, first: '2024-01-05' }],
      },
      findings: [],
    });
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/Revenue <[^>]+>\$120<\/[a-z]+> from <[^>]+>2<\/[a-z]+> orders\./);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toMatch(/<script|<img|(?:src|href)=["']?https?:/i);
  });

  it('exits 2 with usage on bad arguments', () => {
    const r = spawnSync(path.join(repo, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'run'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error: missing <notebook.md>');
    expect(r.stderr).toContain('Usage: npm run notebook -- run <notebook.md>');
  });
});
