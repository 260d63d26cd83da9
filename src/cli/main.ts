/**
 * Head-less notebook runner: `npm run notebook -- run <notebook.md> [--data <dir>] [--json <out.json>|-] [--html
 * <out.html>]`.
 * Same engine (DuckDB-WASM) and runtime as the app; see docs/notebook-format.md.
 */
import { parseArgs, usage } from './args.ts';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n\n${usage}\n`);
    return 2;
  }
  try {
    // Loaded only now: it starts DuckDB-WASM, which `--help` and bad usage never need.
    const { runCommand } = await import('./run.ts');
    return await runCommand(args, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 1;
  }
}

// Exit explicitly: the DuckDB instance keeps the event loop alive. Flush stdout first (large JSON on a pipe).
void main(process.argv.slice(2)).then((code) => {
  process.stdout.write('', () => process.exit(code));
});
