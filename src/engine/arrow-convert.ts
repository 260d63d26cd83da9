import { DataType, type Table } from 'apache-arrow';
import type { Cell, ColumnInfo, ColumnarTable, NumericTable, ValueKind } from './types.ts';

/**
 * Converts an Arrow table from DuckDB into our structured-clone-safe columnar form.
 * The database is opened with castBigIntToDouble/castDecimalToDouble/castTimestampToDate, so
 * integers and decimals arrive as doubles and timestamps as epoch milliseconds; here DATE and
 * TIMESTAMP become `Date`, any stray bigint becomes a number, and nested values become JSON text.
 */
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return --
   Arrow types a column's values and data type as `any`; `kindOf` reads the schema and `convert` narrows each value. */
export function arrowToColumnar(table: Table, duckTypes?: readonly string[]): ColumnarTable {
  const fields = table.schema.fields;
  const columns: ColumnInfo[] = fields.map((f, i) => ({
    name: f.name,
    type: duckTypes?.[i] ?? arrowTypeName(f.type),
    kind: kindOf(f.type),
  }));
  const data: Cell[][] = fields.map((f, i) => {
    const vector = table.getChildAt(i);
    const kind = columns[i]!.kind;
    const out: Cell[] = new Array(table.numRows);
    if (!vector) return out.fill(null);
    for (let r = 0; r < table.numRows; r++) out[r] = convert(vector.get(r), kind, f.type);
    return out;
  });
  return { columns, rowCount: table.numRows, data };
}

function kindOf(type: DataType): ValueKind {
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'string';
  if (DataType.isBool(type)) return 'boolean';
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return 'date';
  return 'other';
}

function convert(value: unknown, kind: ValueKind, type: DataType): Cell {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'number':
      return typeof value === 'bigint' ? Number(value) : (value as number);
    case 'string':
      return value as string;
    case 'boolean':
      return value as boolean;
    case 'date':
      return value instanceof Date ? value : new Date(Number(value));
    case 'other':
      return otherToText(value, type);
  }
}

function otherToText(value: unknown, type: DataType): string {
  if (DataType.isInterval(type) && ArrayBuffer.isView(value)) return Array.from(value as Int32Array).join(' ');
  if (value && typeof value === 'object' && 'toJSON' in value) {
    return JSON.stringify((value as { toJSON(): unknown }).toJSON(), (_k, v) =>
      typeof v === 'bigint' ? Number(v) : v,
    );
  }
  if (typeof value === 'bigint') return value.toString();
  return String(value);
}

/** A readable type name when DuckDB's own is unknown. */
function arrowTypeName(type: DataType): string {
  if (DataType.isFloat(type) || DataType.isDecimal(type)) return 'DOUBLE';
  if (DataType.isInt(type)) return 'INTEGER';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'VARCHAR';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isDate(type)) return 'DATE';
  if (DataType.isTimestamp(type)) return 'TIMESTAMP';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Arrow's concrete types print their name (Float64, Utf8 …)
  return type.toString();
}

/**
 * Reads every column of an Arrow table as a `Float64Array` (NULL → NaN; BIGINT, DECIMAL and
 * INTEGER as doubles). DOUBLE columns without NULLs are copied chunk by chunk from Arrow's own
 * buffers; anything else goes value by value. Throws on a non-numeric column.
 */
export function arrowToNumeric(table: Table): NumericTable {
  const columns: Record<string, Float64Array> = {};
  const n = table.numRows;
  table.schema.fields.forEach((f, i) => {
    if (!(DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type))) {
      throw new Error(`column ${f.name} is not numeric (${String(f.type)})`);
    }
    const out = new Float64Array(n);
    const vector = table.getChildAt(i);
    if (vector) {
      let at = 0;
      for (const data of vector.data) {
        const values = data.values as unknown;
        if (data.nullCount === 0 && values instanceof Float64Array) {
          out.set(values.subarray(0, data.length), at);
        } else {
          for (let r = 0; r < data.length; r++) {
            const v = vector.get(at + r) as unknown;
            out[at + r] = v === null || v === undefined ? NaN : Number(v);
          }
        }
        at += data.length;
      }
    }
    columns[f.name] = out;
  });
  return { rowCount: n, columns };
}
