import type { CanonicalTableName } from './schema.ts';

/**
 * What data the active dataset holds: which canonical tables exist, their row counts,
 * and which optional columns carry at least one non-null value. Analyses read this to
 * decide what they can compute and to say plainly what is missing.
 */
export interface DatasetProfile {
  tables: Partial<Record<CanonicalTableName, TableProfile>>;
}

export interface TableProfile {
  rowCount: number;
  /** Columns present in the table. */
  columns: string[];
  /** Columns with at least one non-null value. */
  populated: string[];
}

/** True when the table exists and has rows. */
export function hasTable(profile: DatasetProfile, table: CanonicalTableName): boolean {
  return (profile.tables[table]?.rowCount ?? 0) > 0;
}

/** True when the table exists and the column carries at least one value. */
export function hasColumn(profile: DatasetProfile, table: CanonicalTableName, column: string): boolean {
  return profile.tables[table]?.populated.includes(column) ?? false;
}
