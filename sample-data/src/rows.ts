/**
 * Row shapes of the four canonical CSV files (src/model/schema.ts), in column order.
 * Dates are ISO `YYYY-MM-DD` strings; `null` is written as an empty field.
 */

/** One row of customers.csv. */
export interface CustomerRow {
  customer_id: string;
  name: string;
  signup_date: string;
  region: string;
  channel: string;
  plan: string;
  segment: string;
  acquisition_cost: number;
  churn_date: string | null;
  churn_reason: string | null;
}

/** One row of transactions.csv (one order line). */
export interface TransactionRow {
  customer_id: string;
  date: string;
  revenue: number;
  cost: number;
  quantity: number;
  order_id: string;
  product: string;
  category: string;
  channel: string;
}

/** Cost-to-serve categories the model produces. */
export type ServiceCategory = 'support_call' | 'field_visit' | 'return' | 'discount' | 'bad_debt' | 'dispute';

/** One row of service_costs.csv. */
export interface ServiceCostRow {
  customer_id: string;
  amount: number;
  date: string;
  category: ServiceCategory;
}

/** One row of surveys.csv. */
export interface SurveyRow {
  customer_id: string;
  satisfaction: number;
  date: string;
  scale: '1-5';
  recommend: number;
  repurchase_intent: number;
}

/** Everything generated for one customer. */
export interface CustomerRecord {
  customer: CustomerRow;
  transactions: TransactionRow[];
  serviceCosts: ServiceCostRow[];
  surveys: SurveyRow[];
}

/** Column order of each file: exactly the canonical names. */
export const columns = {
  customers: [
    'customer_id',
    'name',
    'signup_date',
    'region',
    'channel',
    'plan',
    'segment',
    'acquisition_cost',
    'churn_date',
    'churn_reason',
  ],
  transactions: ['customer_id', 'date', 'revenue', 'cost', 'quantity', 'order_id', 'product', 'category', 'channel'],
  service_costs: ['customer_id', 'amount', 'date', 'category'],
  surveys: ['customer_id', 'satisfaction', 'date', 'scale', 'recommend', 'repurchase_intent'],
} as const;

/** Names of the output files (without `.csv`). */
export type SampleFile = keyof typeof columns;

/** The files in the order they are written. */
export const sampleFiles: readonly SampleFile[] = ['customers', 'transactions', 'service_costs', 'surveys'];
