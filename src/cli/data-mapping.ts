import { parse } from 'yaml';

/** File name of the mapping file the CLI looks for in a `--data` folder. */
export const mappingFileName = 'mapping.yaml';

/** How one table is made from one file: which file, and which file column feeds each canonical column. */
export interface TableMapping {
  table: string;
  /** Path of the CSV file, relative to the data folder. */
  file: string;
  /** Canonical column → column name in the file. Unmapped file columns keep their own names. */
  columns: Record<string, string>;
}

/**
 * Reads `mapping.yaml`:
 *
 * ```yaml
 * customers:
 *   file: Telco-Customer-Churn.csv
 *   columns: { customer_id: customerID, plan: Contract }
 * ```
 * Throws a message naming the key at fault.
 */
export function parseDataMapping(text: string): TableMapping[] {
  const raw: unknown = parse(text);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${mappingFileName}: expected table: { file, columns } entries`);
  return Object.entries(raw as Record<string, unknown>).map(([table, spec]) => {
    const s = (spec ?? {}) as { file?: unknown; columns?: unknown };
    if (typeof s.file !== 'string') throw new Error(`${mappingFileName}: ${table}: missing file: <name>.csv`);
    const columns = s.columns ?? {};
    if (typeof columns !== 'object' || Array.isArray(columns) || Object.values(columns).some((v) => typeof v !== 'string')) {
      throw new Error(`${mappingFileName}: ${table}: columns must map canonical_name: file_column`);
    }
    return { table, file: s.file, columns: columns as Record<string, string> };
  });
}

/**
 * Renames header fields of CSV text (first line only; quoted fields handled) so a file's columns
 * carry the canonical names. Throws when a mapped column is not in the header.
 */
export function renameCsvHeader(csv: string, columns: Record<string, string>, fileName: string): string {
  const end = csv.search(/\r?\n/);
  const headerLine = end < 0 ? csv : csv.slice(0, end);
  const fields = splitCsvLine(headerLine.replace(/^\uFEFF/, ''));
  const rename = new Map(Object.entries(columns).map(([canonical, source]) => [source, canonical]));
  for (const source of rename.keys()) {
    if (!fields.includes(source)) throw new Error(`${fileName}: column "${source}" (mapped in ${mappingFileName}) is not in the file (columns: ${fields.join(', ')})`);
  }
  const header = fields.map((f) => rename.get(f) ?? f).map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
  return header + (end < 0 ? '' : csv.slice(end));
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; }
    else field += c;
  }
  out.push(field);
  return out;
}
