/**
 * Day-first or month-first? The sample may not tell (every day ≤ 12), but the whole column
 * usually does: one SQL pass counts values whose first or second part exceeds 12.
 */
import type { Database } from '../database.ts';
import type { ColumnarTable } from '../types.ts';
import { isProduct, type ImportMapping } from './mapping.ts';
import { ident } from './sql-expressions.ts';
import { swapDayMonth } from './value-formats.ts';

/** SQL counting values whose first / second number is above 12 (pure). */
export function buildDayMonthQuery(from: string, column: string): string {
  const c = ident(column);
  return `SELECT count(*) FILTER (WHERE TRY_CAST(regexp_extract(trim(${c}), '^(\\d{1,2})[/.-]', 1) AS INTEGER) > 12) AS first_over,
    count(*) FILTER (WHERE TRY_CAST(regexp_extract(trim(${c}), '^\\d{1,2}[/.-](\\d{1,2})[/.-]', 1) AS INTEGER) > 12) AS second_over FROM ${from}`;
}

/**
 * Settles ambiguous date formats over all rows of `from` (a table or table function); notes say
 * what stays undecided. Runs a query only when a mapped date is ambiguous.
 */
export async function resolveAmbiguousDates(
  db: Database,
  from: string,
  mapping: ImportMapping,
  run: (sql: string) => Promise<ColumnarTable> = (sql) => db.run(sql),
): Promise<{ mapping: ImportMapping; notes: string[] }> {
  const notes: string[] = [];
  const columns = { ...mapping.columns };
  for (const [target, m] of Object.entries(columns)) {
    if (isProduct(m) || !m.date?.ambiguous) continue;
    const row = (await run(buildDayMonthQuery(from, m.source))).data.map((col) => Number(col[0]));
    const [firstOver, secondOver] = [row[0] ?? 0, row[1] ?? 0];
    const dayFirst = m.date.patterns[0]!.startsWith('%d');
    let date = { ...m.date, ambiguous: false };
    if (firstOver === 0 && secondOver === 0) {
      notes.push(
        `${m.source} (${target}): every date fits both day-first and month-first; read as ${dayFirst ? 'day/month/year' : 'month/day/year'} — change the format if that is wrong.`,
      );
    } else if ((secondOver > 0 && dayFirst) || (firstOver > 0 && !dayFirst)) {
      date = swapDayMonth(m.date);
    }
    columns[target] = { ...m, date };
  }
  return { mapping: { ...mapping, columns }, notes };
}
