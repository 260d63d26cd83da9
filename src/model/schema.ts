/**
 * The canonical data model (docs/import.md, "Roles and mapping"). Imports map user columns onto these roles;
 * the sample data is generated in exactly this shape; every analysis reads these tables.
 */

/** Names of the canonical tables. Only `transactions` is mandatory. */
export type CanonicalTableName = 'transactions' | 'customers' | 'service_costs' | 'surveys';

/** One column of a canonical table. */
export interface CanonicalColumn {
  name: string;
  /** DuckDB type the column has after import. */
  type: 'VARCHAR' | 'DATE' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
  required: boolean;
  description: string;
}

export interface CanonicalTable {
  name: CanonicalTableName;
  required: boolean;
  description: string;
  columns: CanonicalColumn[];
}

const col = (name: string, type: CanonicalColumn['type'], required: boolean, description: string): CanonicalColumn => ({
  name,
  type,
  required,
  description,
});

/** The four canonical tables, their columns, types and which are required. */
export const canonicalTables: readonly CanonicalTable[] = [
  {
    name: 'transactions',
    required: true,
    description: 'One row per purchase line or order: who bought, when, for how much.',
    columns: [
      col('customer_id', 'VARCHAR', true, 'Customer identifier'),
      col('date', 'DATE', true, 'Transaction date'),
      col('revenue', 'DOUBLE', true, 'Revenue of the line/order (negative for returns/credits)'),
      col('cost', 'DOUBLE', false, 'Cost of goods sold for the line/order'),
      col('quantity', 'DOUBLE', false, 'Units'),
      col('order_id', 'VARCHAR', false, 'Order / invoice number'),
      col('product', 'VARCHAR', false, 'Product or SKU'),
      col('category', 'VARCHAR', false, 'Product category'),
      col('channel', 'VARCHAR', false, 'Sales channel'),
    ],
  },
  {
    name: 'customers',
    required: false,
    description: 'One row per customer with attributes.',
    columns: [
      col('customer_id', 'VARCHAR', true, 'Customer identifier'),
      col('name', 'VARCHAR', false, 'Display name'),
      col('signup_date', 'DATE', false, 'Acquisition / first contract date'),
      col('region', 'VARCHAR', false, 'Region'),
      col('channel', 'VARCHAR', false, 'Acquisition channel'),
      col('plan', 'VARCHAR', false, 'Plan / contract type'),
      col('segment', 'VARCHAR', false, 'Business segment'),
      col('acquisition_cost', 'DOUBLE', false, 'What it cost to acquire the customer'),
      col('churn_date', 'DATE', false, 'Date the customer left (blank when still active)'),
      col('churn_reason', 'VARCHAR', false, 'Stated reason for leaving'),
    ],
  },
  {
    name: 'service_costs',
    required: false,
    description: 'Cost-to-serve events: support calls, field visits, returns, discounts, bad debt, disputes.',
    columns: [
      col('customer_id', 'VARCHAR', true, 'Customer identifier'),
      col('amount', 'DOUBLE', true, 'Cost amount (positive = cost to us)'),
      col('date', 'DATE', false, 'Event date'),
      col(
        'category',
        'VARCHAR',
        false,
        'Cost category, e.g. support_call, field_visit, return, discount, bad_debt, dispute',
      ),
    ],
  },
  {
    name: 'surveys',
    required: false,
    description: 'Satisfaction survey responses.',
    columns: [
      col('customer_id', 'VARCHAR', true, 'Customer identifier'),
      col('satisfaction', 'INTEGER', true, 'Satisfaction score on the declared scale'),
      col('date', 'DATE', false, 'Response date'),
      col('scale', 'VARCHAR', false, "Scale of the satisfaction score: '1-5', '1-7', '1-10' or '0-10'"),
      col('recommend', 'INTEGER', false, 'Likelihood to recommend, 0–10'),
      col('repurchase_intent', 'INTEGER', false, 'Stated repurchase intent, 1–5'),
    ],
  },
];

/** Looks up a canonical table definition by name. */
export function canonicalTable(name: CanonicalTableName): CanonicalTable {
  const table = canonicalTables.find((t) => t.name === name);
  if (!table) throw new Error(`unknown canonical table: ${name}`);
  return table;
}

/** `CREATE TABLE` DDL for a canonical table (all columns; optional ones may stay NULL). */
export function canonicalDdl(name: CanonicalTableName): string {
  const table = canonicalTable(name);
  const cols = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
  return `CREATE OR REPLACE TABLE ${name} (${cols})`;
}
