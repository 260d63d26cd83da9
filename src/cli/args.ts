import { currencies, currencyByCode } from '../format/currency.ts';
import { isLocale, locales, type Locale } from '../format/locale.ts';

/** Parsed command line of `npm run notebook -- run <notebook.md> [--data <dir>] [--json <out.json>|-] [--html <out.html>] [--lang en|zh-Hans|zh-Hant] [--currency CODE]`. */
export interface CliArgs {
  command: 'run';
  notebook: string;
  /** Folder of data files; the built-in sample data when absent. */
  data?: string;
  /** Where to write the JSON report; `-` for stdout. */
  json?: string;
  /** Where to write the HTML report. */
  html?: string;
  /** Language of findings in the reports (English by default). */
  lang?: Locale;
  /** ISO code of the currency amounts are in (none by default). */
  currency?: string;
}

/** Usage text printed on bad arguments and for `--help`. */
export const usage = `Usage: npm run notebook -- run <notebook.md> [--data <dir>] [--json <out.json>|-] [--html <out.html>] [--lang en|zh-Hans|zh-Hant] [--currency CODE]

  run <notebook.md>   run every cell of a notebook head-less
  --data <dir>        use the data files in <dir> (default: the built-in sample data)
  --json <file>|-     write results as JSON (- = stdout)
  --html <file>       write a self-contained HTML report (no script, no outside requests)
  --lang <locale>     language of the findings: en (default), zh-Hans or zh-Hant
  --currency <code>   currency of the data's amounts, e.g. CNY, USD, EUR (default: none)

Exit code: 0 when every cell ran, 1 when a cell failed (errors on stderr), 2 on bad usage.`;

/** Parses argv (without node and script). Throws an Error with a plain message on bad usage. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command !== 'run') throw new Error(command ? `unknown command "${command}" (expected run)` : 'missing command');
  const out: Partial<CliArgs> = { command: 'run' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const flag = /^--(data|json|html|lang|currency)(?:=(.*))?$/.exec(arg);
    if (flag) {
      const value = flag[2] ?? rest[++i];
      if (value === undefined || value === '') throw new Error(`--${flag[1]} needs a value`);
      const key = flag[1] as 'data' | 'json' | 'html' | 'lang' | 'currency';
      if (out[key] !== undefined) throw new Error(`--${key} given twice`);
      if (key === 'lang') {
        if (!isLocale(value)) throw new Error(`--lang must be one of ${locales.join(', ')} (got "${value}")`);
        out.lang = value;
      } else if (key === 'currency') {
        if (!currencyByCode(value))
          throw new Error(`--currency must be one of ${currencies.map((c) => c.code).join(', ')} (got "${value}")`);
        out.currency = value.toUpperCase();
      } else out[key] = value;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (out.notebook === undefined) out.notebook = arg;
    else throw new Error(`unexpected argument "${arg}" (one notebook per run)`);
  }
  if (!out.notebook) throw new Error('missing <notebook.md>');
  return out as CliArgs;
}
