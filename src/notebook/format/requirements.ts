/**
 * What a notebook's front matter says it needs (`requires: [customers, customers.tenure]`), and
 * which of it the loaded data lacks. A requirement is a table of the data model, or one of its
 * columns as `table.column` (for a notebook written for one export, e.g. the Telco file's `tenure`).
 */
import { canonicalTables } from '../../model/schema.ts';

/** `table` or `table.column`, the table one of the data model's. */
const REQUIREMENT = /^([a-z_]+)(?:\.(.+))?$/;

/** Whether `value` is a requirement a notebook may declare. */
export function isRequirement(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = REQUIREMENT.exec(value);
  return !!m && canonicalTables.some((t) => t.name === m[1]) && (m[2] === undefined || m[2].trim() !== '');
}

/** The table a requirement is about. */
export function requirementTable(requirement: string): string {
  return requirement.split('.')[0]!;
}

/**
 * The requirements the data does not meet, given its tables and their columns (column names
 * compare without regard to case, as SQL identifiers do). A missing table is listed once, not once
 * per column of it the notebook names.
 */
export function unmetRequirements(
  requires: readonly string[],
  tables: Readonly<Record<string, readonly string[]>>,
): string[] {
  const out: string[] = [];
  for (const r of requires) {
    const table = requirementTable(r);
    const columns = tables[table];
    if (!columns) {
      if (!out.includes(table)) out.push(table);
      continue;
    }
    const column = r.slice(table.length + 1);
    if (column && !columns.some((c) => c.toLowerCase() === column.toLowerCase())) out.push(r);
  }
  return out;
}
