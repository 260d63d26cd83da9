// A closed notebook stops running (NotebookRuntime.stop): the app stops the runtime of the
// notebook the user leaves, so its queued cells never reach the engine the next notebook uses.
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/engine/types.ts';
import { parseNotebook } from '../../src/notebook/format/index.ts';
import { createRuntime, type NotebookEffects } from '../../src/notebook/runtime/index.ts';

const md = [
  '```sql a',
  'SELECT 1 AS x',
  '```',
  '',
  '```sql b',
  'SELECT * FROM a',
  '```',
  '',
  '```sql c',
  'SELECT * FROM b',
  '```',
  '',
].join('\n');

/** Effects whose sql runs wait until `release` is called; every call is logged. */
function gatedEffects() {
  const log: string[] = [];
  const gates: (() => void)[] = [];
  const t = fromRows([{ x: 1 }], [{ name: 'x', type: 'INTEGER', kind: 'number' }]);
  const effects: NotebookEffects = {
    async runSql({ table }) {
      log.push(`sql ${table}`);
      await new Promise<void>((r) => gates.push(r));
      return { columns: t.columns, rowCount: 1, preview: t };
    },
    runAnalysis: () => Promise.reject(new Error('unused')),
    registerTable: async () => undefined,
    readTable: async () => t,
    cancel: async () => {
      log.push('cancel');
      return true;
    },
  };
  return { effects, log, release: () => gates.splice(0).forEach((g) => g()) };
}

describe('NotebookRuntime.stop', () => {
  it('cancels the cell in flight, drops its result and runs nothing queued', async () => {
    const { effects, log, release } = gatedEffects();
    const rt = createRuntime(parseNotebook(md), effects);
    const done = rt.runAll();
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['sql a']);
    rt.stop();
    release();
    await done;
    expect(log).toEqual(['sql a', 'cancel']);
    expect(rt.cells().map((c) => c.status)).not.toContain('ok');
  });

  it('ignores runs and input changes after it', async () => {
    const { effects, log } = gatedEffects();
    const rt = createRuntime(parseNotebook(md), effects);
    rt.stop();
    await rt.runAll();
    await rt.run(rt.cells()[0]!.id);
    expect(log).toEqual([]);
    expect(rt.isStopped).toBe(true);
  });
});
