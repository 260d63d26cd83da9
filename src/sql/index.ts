/**
 * Below the engine: the tables every layer passes around (`table.ts`), the connection SQL runs
 * through (`connection.ts`), the one quoting and literal policy (`quote.ts`, `literals.ts`) and the
 * storage type of result columns (`column-type.ts`). Analyses, the model, charts, the notebook
 * runtime and the engine all use these; none carries its own copy.
 */
export {
  fromRows,
  toRows,
  type Cell,
  type ColumnarTable,
  type ColumnInfo,
  type NumericTable,
  type Row,
  type ValueKind,
} from './table.ts';
export type { SqlConnection, SqlParam } from './connection.ts';
export { quoteIdent, quoteLiteral } from './quote.ts';
export { sqlDate, sqlIdent, sqlInteger, sqlLabel, sqlNumber } from './literals.ts';
export { storageType } from './column-type.ts';
export { roundMoney, roundMoneySql } from './money.ts';
