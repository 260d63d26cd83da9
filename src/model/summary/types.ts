/** What analyses learn about the customer-base summary when it is current for the active data. */
export interface SummaryState {
  /** The period the summary covers (first and last transaction date, `YYYY-MM-DD`); null when there are none. */
  dateFrom: string | null;
  dateTo: string | null;
  /** Fingerprint of the canonical tables it was built from. */
  source: string;
  /**
   * Whether every order lies within one calendar month, so the monthly table's order counts add
   * up to any whole-month period's (`summary.info.orders_within_months`).
   */
  ordersWithinMonths: boolean;
  /** Milliseconds the last build took in this engine (0 when it was found current). */
  buildMs: number;
}
