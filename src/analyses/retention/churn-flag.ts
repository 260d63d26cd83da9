/**
 * How churn and "holds this product" are read from `customers` columns. Exports spell flags many
 * ways (Yes/No, TRUE/FALSE, 1/0, "No internet service"), so both are defined on the lower-cased
 * text of the value.
 */
import { hasColumn, type DatasetProfile } from '../../model/profile.ts';
import { quoteIdent, quoteLiteral } from '../../sql/quote.ts';
import { customerColumn } from './sql.ts';

/** Values read as "yes" in a churn flag column. */
export const YES_VALUES = ['yes', 'y', 'true', 't', '1', 'churned', 'lost'] as const;

/** Values read as "does not hold it" in a product/service column (plus blanks and anything starting with "no "). */
export const NO_VALUES = ['', 'no', 'n', 'false', 'f', '0', 'none'] as const;

const list = (xs: readonly string[]) => xs.map(quoteLiteral).join(', ');
const text = (col: string) => `lower(trim(CAST(${col} AS VARCHAR)))`;

/** Where churn comes from: `churn_date` being set, or a yes/no column named by the user. */
export type ChurnSource = { kind: 'date' } | { kind: 'column'; column: string } | { kind: 'none' };

/** Resolves the `churn_column` option (empty = use churn_date) against the profile. */
export function resolveChurnSource(profile: DatasetProfile, churnColumn: string | undefined): ChurnSource {
  if (churnColumn) return { kind: 'column', column: customerColumn(profile, churnColumn, 'churn_column') };
  return hasColumn(profile, 'customers', 'churn_date') ? { kind: 'date' } : { kind: 'none' };
}

/** SQL boolean over alias `c` (customers): true when the customer has churned. */
export function churnExpression(source: ChurnSource): string {
  switch (source.kind) {
    case 'date':
      return '(c.churn_date IS NOT NULL)';
    case 'column':
      return `coalesce(${text(`c.${quoteIdent(source.column)}`)} IN (${list(YES_VALUES)}), false)`;
    case 'none':
      return 'false';
  }
}

/**
 * SQL integer over alias `c`: how many of `columns` the customer holds. A column counts when its
 * value is not blank and not a "no" (so "Yes", "DSL" or "Fiber optic" count; "No", "No phone
 * service" do not).
 */
export function productsHeldExpression(columns: readonly string[]): string {
  if (columns.length === 0) throw new Error('products held needs at least one service column');
  return columns
    .map((name) => {
      const v = text(`c.${quoteIdent(name)}`);
      return `CASE WHEN ${v} IS NULL OR ${v} IN (${list(NO_VALUES)}) OR ${v} LIKE 'no %' THEN 0 ELSE 1 END`;
    })
    .join(' + ');
}
