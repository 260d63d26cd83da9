/**
 * Issue 14: headline numbers checked against hand-computed values on every dataset a user could
 * bring — the built-in sample, UCI Online Retail (transactions only), CDNOW master (transactions
 * only), IBM Telco churn (customers only) and the sample re-exported the way a Chinese ERP would
 * (GBK, Chinese file names and headers). Each dataset is imported through the same pipeline as the
 * app and the CLI (no mapping file); then every analysis runs with its default options and its
 * headline numbers must equal those of the hand-written naive query for it (bench/reference/*.sql, or the variant for the path the data takes,
 * written on the raw tables without any of the engine's code), to 1e-9 relative. An analysis the
 * data cannot support must say so (not applicable, with its reason) rather than give numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, type LoadedData } from '../../src/cli/load-data.ts';
import { toRows } from '../../src/engine/types.ts';
import {
  compareHeadline,
  declaredHeadline,
  referenceIds,
  referenceSql,
  type ReferenceVariant,
} from '../../bench/reference/headline.ts';
import { canonicalTables } from '../../src/model/schema.ts';
import { folderWith, gbkExport } from './dataset-folders.ts';

/**
 * The reference queries are written on all four canonical tables; a dataset without one of them
 * (Online Retail has no customers, service costs or surveys) reads an empty stand-in with the
 * canonical columns, given as a CTE that shadows the missing name — the data itself is untouched.
 */
function withStandIns(sql: string, present: readonly string[]): string {
  const missing = canonicalTables.filter((t) => !present.includes(t.name));
  if (missing.length === 0) return sql;
  const ctes = missing.map(
    (t) =>
      `${t.name} AS (SELECT ${t.columns.map((c) => `CAST(NULL AS ${c.type}) AS ${c.name}`).join(', ')} WHERE false)`,
  );
  const body = sql.replace(/^(\s*--[^\n]*\n)*/, '');
  return /^WITH\s/i.test(body)
    ? body.replace(/^WITH\s/i, `WITH ${ctes.join(', ')}, `)
    : `WITH ${ctes.join(', ')} ${body}`;
}

/**
 * What a reference query assumes that a dataset does not give, so the comparison would test the
 * reference rather than the analysis. Every skip names its reason; the analysis still runs.
 */
const skips: Record<string, Record<string, string>> = {
  'IBM Telco churn': {
    bundling:
      "the reference groups the sample's plans; Telco's own services and contracts are checked against IBM's published figures in retention-telco.test.ts",
    'churn-reasons': "the reference reads the sample's churn_reason column, which Telco's export does not have",
  },
  'the sample as a GBK export with Chinese headers (transactions and service costs)': {
    'leaky-bucket':
      'the reference counts acquisitions from customers.signup_date; without a customers table the analysis counts first purchases',
  },
};

/**
 * Data that takes an analysis down another path is compared with the reference written for that
 * path (bench/reference/<variant>/): under two complete years the retention analyses measure
 * quarters; without any cost, customers are valued by revenue.
 */
const shortAndCostless: Record<string, ReferenceVariant> = {
  'customer-equity': 'quarterly',
  'leaky-bucket': 'quarterly',
  'retention-what-if': 'quarterly',
  'mvc-mgc-bz': 'revenue-valued',
  'value-loyalty': 'revenue-valued',
};
const variants: Record<string, Record<string, ReferenceVariant>> = {
  'UCI Online Retail': shortAndCostless,
  'CDNOW master': shortAndCostless,
};

describe.each([
  ['the built-in sample', (): string | undefined => undefined, 20],
  ['UCI Online Retail', () => folderWith('online_retail.csv.gz'), 13],
  ['CDNOW master', () => folderWith('CDNOW_master.txt'), 13],
  ['IBM Telco churn', () => folderWith('Telco-Customer-Churn.csv'), 2],
  [
    'the sample as a GBK export with Chinese headers (transactions and service costs)',
    () => gbkExport(['transactions', 'service_costs']),
    13,
  ],
] as const)('headline numbers on %s', (_name, folder, expectedApplicable) => {
  const skipped = skips[_name] ?? {};
  const variant = variants[_name] ?? {};
  let data: LoadedData;
  const applicable: string[] = [];
  beforeAll(async () => {
    data = await loadData(folder());
    expect(data.failed).toEqual([]);
  }, 300_000);

  it.each(referenceIds())(
    '%s: equal to the hand-written query, or not applicable with a reason',
    async (id) => {
      const result = await data.engine.runAnalysis(id, {});
      if (result.notApplicable) {
        expect(result.notApplicable.reason).toMatch(/\w{3,}.*\w{3,}/);
        return;
      }
      applicable.push(id);
      if (skipped[id]) return;
      const sql = referenceSql(id, variant[id]);
      const rows = toRows(await data.engine.query(withStandIns(sql, data.tables)));
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0]!)).toEqual(declaredHeadline(sql));
      expect(compareHeadline(rows[0]!, result.scalars).filter((c) => !c.ok)).toEqual([]);
    },
    300_000,
  );

  it('checked as many analyses as the data supports', () => {
    // Guards against a dataset that silently stops supporting analyses (an import that maps a
    // column wrongly would turn numbers into "not applicable" and the checks above into no-ops).
    expect(applicable.length, applicable.join(', ')).toBe(expectedApplicable);
  });
});
