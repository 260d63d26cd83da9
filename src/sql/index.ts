/**
 * SQL text below the engine: the one quoting and literal policy (`quote.ts`, `literals.ts`) and the
 * storage type of result columns (`column-type.ts`). Analyses, the model, the notebook runtime and
 * the engine all use these; none carries its own copy.
 */
export { quoteIdent, quoteLiteral } from './quote.ts';
export { sqlDate, sqlIdent, sqlInteger, sqlLabel, sqlNumber } from './literals.ts';
export { storageType } from './column-type.ts';
