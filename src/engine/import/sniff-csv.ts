/**
 * CSV/TSV/TXT dialect sniffing on the decoded head of a file (pure). DuckDB has its own sniffer,
 * but we need the answer before loading (to show and override it, and to rewrite
 * whitespace-aligned columns, which DuckDB cannot read) and for the text we already transcoded.
 */

/** The column separator: a character, or `whitespace` for space-aligned columns. */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

/** How a delimited text file is laid out. Every field can be overridden by the user. */
export interface CsvDialect {
  delimiter: Delimiter;
  /** Quote character (`"` in nearly every export). */
  quote: '"' | "'";
  /** Whether the first line holds column names. */
  header: boolean;
  /** Decimal mark used by numbers in the file. */
  decimal: '.' | ',';
  /** Thousands separator used by numbers in the file ('' when none seen). */
  thousands: '' | ',' | '.' | ' ';
}

const candidates: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Splits one line on a delimiter, honouring quotes (enough for sniffing, not a full parser). */
export function splitLine(line: string, delimiter: Delimiter, quote = '"'): string[] {
  if (delimiter === 'whitespace') return line.trim().split(/[ \t]+/);
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === quote && line[i + 1] === quote) {
        field += quote;
        i++;
      } else if (ch === quote) quoted = false;
      else field += ch;
    } else if (ch === quote && field === '') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** The non-blank lines of a head; the last one is dropped when the head was cut mid-line. */
export function headLines(text: string, complete: boolean, max = 200): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (!complete) lines.pop();
  return lines.filter((l) => l.trim() !== '').slice(0, max);
}

/** Detects the dialect from the first lines of the text. `complete` says the text is the whole file. */
export function sniffCsv(text: string, complete = false, override: Partial<CsvDialect> = {}): CsvDialect {
  const lines = headLines(text, complete);
  const quote =
    override.quote ?? (/(^|[,;\t|])'/.test(lines[0] ?? '') && !/(^|[,;\t|])"/.test(lines[0] ?? '') ? "'" : '"');
  const delimiter = override.delimiter ?? sniffDelimiter(lines, quote);
  const rows = lines.map((l) => splitLine(l, delimiter, quote));
  const { decimal, thousands } = sniffNumberStyle(rows.slice(1).flat(), delimiter);
  return {
    delimiter,
    quote,
    header: override.header ?? sniffHeader(rows),
    decimal: override.decimal ?? decimal,
    thousands: override.thousands ?? thousands,
  };
}

/** The delimiter giving the most fields with the same count on (nearly) every line. */
function sniffDelimiter(lines: readonly string[], quote: string): Delimiter {
  let best: { d: Delimiter; score: number } = { d: ',', score: 0 };
  for (const d of [...candidates, 'whitespace' as const]) {
    const counts = lines.map((l) => splitLine(l, d, quote).length);
    const mode = modeOf(counts);
    if (mode < 2) continue;
    const consistency = counts.filter((c) => c === mode).length / counts.length;
    // Whitespace splitting also "works" on ordinary prose with spaces; prefer real delimiters.
    const score = consistency * (d === 'whitespace' ? 0.9 : 1) + Math.min(mode, 50) / 1000;
    if (consistency >= 0.9 && score > best.score) best = { d, score };
  }
  return best.d;
}

function modeOf(xs: readonly number[]): number {
  const freq = new Map<number, number>();
  for (const x of xs) freq.set(x, (freq.get(x) ?? 0) + 1);
  let mode = 0;
  let n = 0;
  for (const [x, f] of freq) if (f > n || (f === n && x > mode)) [mode, n] = [x, f];
  return mode;
}

const looksNumeric = (s: string) => /^[-+(]?\s*[¥$€£]?\s*\d[\d.,\s]*\)?$/.test(s.trim());
const looksDate = (s: string) =>
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|^\d{8}$/.test(s.trim());

/**
 * A header line has no numbers or dates. When every column is text we assume a header (exports
 * nearly always have one). Repeated names do not make it data: `uniqueHeaders` renames the
 * repeats and the import warns about it.
 */
function sniffHeader(rows: readonly string[][]): boolean {
  const first = rows[0];
  if (!first || rows.length < 2) return true;
  return !first.some((v) => v.trim() !== '' && (looksNumeric(v) || looksDate(v)));
}

/**
 * Decimal comma when numbers look like `1.234,56` or `12,5` and never like `1,234.56`; with `;` as
 * the delimiter a lone comma is read as decimal (the European export convention).
 */
function sniffNumberStyle(values: readonly string[], delimiter: Delimiter): Pick<CsvDialect, 'decimal' | 'thousands'> {
  let dotDecimal = 0;
  let commaDecimal = 0;
  let commaThousands = 0;
  let dotThousands = 0;
  for (const raw of values) {
    const v = raw
      .trim()
      .replace(/^[-+(]|[)]$/g, '')
      .replace(/^[¥￥$€£]|NT\$|HK\$|\s*[€£¥￥元]$/g, '');
    if (/^\d{1,3}(,\d{3})+\.\d+$/.test(v)) {
      commaThousands++;
      dotDecimal++;
    } else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(v)) {
      dotThousands++;
      commaDecimal++;
    } else if (/^\d+,\d{1,2}$/.test(v) || (delimiter === ';' && /^\d+,\d+$/.test(v))) commaDecimal++;
    else if (/^\d+\.\d+$/.test(v)) dotDecimal++;
    else if (/^\d{1,3}(,\d{3})+$/.test(v)) commaThousands++;
    else if (/^\d{1,3}(\.\d{3}){2,}$/.test(v)) dotThousands++;
  }
  if (commaDecimal > dotDecimal) return { decimal: ',', thousands: dotThousands > 0 ? '.' : '' };
  return { decimal: '.', thousands: commaThousands > 0 ? ',' : '' };
}
