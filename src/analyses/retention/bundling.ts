/**
 * Bundling and switching cost: churn rate by the number of products or services a customer holds
 * and by contract type. Each extra product ties the customer in (more to move, more to lose), so
 * churn should fall as holdings rise — Kamakura, Wedel, de Rosa & Mazzon (2003), "Cross-selling
 * through database marketing", IJRM 20(1); the Telco sample shows the contract effect starkly.
 */
import type { Row } from '../../sql/table.ts';
import { churnExpression, productsHeldExpression, type ChurnSource } from './churn-flag.ts';
import { quoteIdent } from '../../sql/quote.ts';

/** Where "products held" comes from. */
export type ProductsSource = { kind: 'columns'; columns: string[] } | { kind: 'categories' };

/** SQL: `products_held`, `customers`, `churned` per number of products held. No parameters. */
export function buildChurnByProductsQuery(churn: ChurnSource, products: ProductsSource): string {
  const held = products.kind === 'columns' ? productsHeldExpression(products.columns) : 'coalesce(cat.n, 0)';
  const join =
    products.kind === 'categories'
      ? 'LEFT JOIN (SELECT customer_id, count(DISTINCT category) AS n FROM transactions WHERE category IS NOT NULL GROUP BY customer_id) cat USING (customer_id)'
      : '';
  return `SELECT ${held} AS products_held, count(*) AS customers, count(*) FILTER (WHERE ${churnExpression(churn)}) AS churned
FROM customers c ${join}
WHERE c.customer_id IS NOT NULL
GROUP BY ALL ORDER BY products_held`;
}

/** SQL: `contract`, `customers`, `churned` per value of the contract column. No parameters. */
export function buildChurnByContractQuery(churn: ChurnSource, contractColumn: string): string {
  return `SELECT coalesce(nullif(trim(CAST(c.${quoteIdent(contractColumn)} AS VARCHAR)), ''), '(none)') AS contract,
  count(*) AS customers, count(*) FILTER (WHERE ${churnExpression(churn)}) AS churned
FROM customers c WHERE c.customer_id IS NOT NULL
GROUP BY ALL ORDER BY contract`;
}

/** A group's churn. */
export interface ChurnGroup {
  group: string;
  customers: number;
  churned: number;
  churn_rate: number;
}

/** Adds churn rates; `key` names the grouping column of the rows. Pure. */
export function churnRates(rows: readonly Row[], key: string): ChurnGroup[] {
  return rows.map((r) => {
    const customers = Number(r.customers);
    const churned = Number(r.churned);
    return { group: String(r[key]), customers, churned, churn_rate: customers > 0 ? churned / customers : 0 };
  });
}

/** Overall churn of a set of groups. */
export function overallChurn(groups: readonly ChurnGroup[]): number {
  const n = groups.reduce((s, g) => s + g.customers, 0);
  return n > 0 ? groups.reduce((s, g) => s + g.churned, 0) / n : 0;
}
