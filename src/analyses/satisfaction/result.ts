/**
 * Small helpers to turn typed rows into result tables.
 */
import { fromRows, type ColumnInfo, type ColumnarTable, type Row } from '../../sql/table.ts';
import { notApplicable } from '../not-applicable.ts';
import { note, type Note } from '../messages/notes.ts';
import type { AnalysisResult } from '../types.ts';

/** A columnar table from plain objects; column types inferred from the first non-null value. */
export function tableOf(rows: readonly object[], names?: readonly string[]): ColumnarTable {
  const rs = rows as readonly Row[];
  const keys = names ?? (rs[0] ? Object.keys(rs[0]) : []);
  const columns: ColumnInfo[] = keys.map((name) => {
    const v = rs.find((r) => r[name] != null)?.[name];
    if (typeof v === 'number') return { name, type: 'DOUBLE', kind: 'number' };
    if (typeof v === 'boolean') return { name, type: 'BOOLEAN', kind: 'boolean' };
    if (v instanceof Date) return { name, type: 'DATE', kind: 'date' };
    return { name, type: 'VARCHAR', kind: 'string' };
  });
  return fromRows(rs, columns);
}

/**
 * A result that only explains why nothing could be computed: the analysis does not apply to this
 * data (the last note says why; `needs` names the tables that would make it apply).
 */
export function notesOnly(notes: Note[], needs: readonly string[] = []): AnalysisResult {
  return notApplicable(notes.at(-1) ?? note('note.sat.nothing'), needs, notes);
}
