/**
 * Rewrites CSV text through `csvField`, for CSV the engine wrote with DuckDB's COPY (the rejected
 * rows saved with a dataset, including files saved before the formula rule existed): every cell
 * is re-quoted and neutralised on its way out to the user.
 */
import { csvLine } from './csv-field.ts';

/** Parses RFC 4180 CSV (`""` escapes, CRLF or LF) into records of fields; an unquoted empty field is null. */
export function parseCsv(text: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string | null;
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, quote);
        i = quote + 1;
        if (text[i] === '"') {
          value += '"';
          i++;
        } else break;
      }
      field = value;
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      field = end === i ? null : text.slice(i, end);
      i = end;
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      if (i === n) record.push(null);
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    records.push(record);
    record = [];
  }
  if (record.length) records.push(record);
  return records;
}

/** `text` (CSV with a header line) with every cell neutralised; CRLF line ends, as our own CSV. */
export function neutraliseCsv(text: string): string {
  const records = parseCsv(text.replace(/^\ufeff/, ''));
  return records.length ? records.map(csvLine).join('\r\n') + '\r\n' : '';
}
