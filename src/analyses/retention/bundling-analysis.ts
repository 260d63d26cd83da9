/** Analysis `bundling`: churn by products held and by contract type. */
import { tv } from '../../format/typed.ts';
import { clause, finding, text } from '../messages/finding.ts';
import { toRows } from '../../sql/table.ts';
import { hasColumn, hasTable } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import { note, noteFields, type Note } from '../messages/notes.ts';
import type { AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import {
  buildChurnByContractQuery,
  buildChurnByProductsQuery,
  churnRates,
  overallChurn,
  type ChurnGroup,
  type ProductsSource,
} from './bundling.ts';
import { resolveChurnSource } from './churn-flag.ts';
import { churnColumnOptions } from './options.ts';
import { customerColumn } from './sql.ts';
import { table } from './table.ts';

/** The options of `bundling`: where products held, contract type and churn are read from. */
export const bundlingOptions = defineOptions([
  {
    name: 'service_columns',
    type: 'string[]',
    default: [],
    description:
      'Customers columns that each mark a product or service held (a value other than blank/No counts as held).',
  },
  {
    name: 'products_from',
    type: 'enum',
    values: ['auto', 'columns', 'categories'],
    default: 'auto',
    description:
      'Products held from service_columns, or from the distinct transaction categories a customer bought; auto picks the first available.',
  },
  {
    name: 'contract_column',
    type: 'string',
    default: 'plan',
    description: 'Customers column holding the contract type (canonical: plan).',
  },
  ...churnColumnOptions,
]);

/** Options of the `bundling` analysis, as `run` receives them. */
export type BundlingOptions = OptionValues<typeof bundlingOptions>;

const groupColumns = { group: 'string', customers: 'number', churned: 'number', churn_rate: 'number' } as const;

/** Upper-cases the first letter: a group name opens the sentence. */
const capitalise = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

const held = (g: ChurnGroup) => clause(g.group === '1' ? 'bundling.held.one' : 'bundling.held', { n: text(g.group) });

/**
 * The bundling finding over the groups big enough to read (≥ 30 customers, holding something):
 * from fewest to most products held, or — when churn first rises — from the peak down, so the
 * sentence never claims a fall the data does not show.
 */
export function bundlingFinding(big: readonly ChurnGroup[]): Finding | null {
  const few = big[0];
  const many = big[big.length - 1];
  if (!few || !many || few === many) return null;
  const peak = big.reduce((a, b) => (b.churn_rate > a.churn_rate ? b : a));
  const value = many.churn_rate > 0 ? peak.churn_rate / many.churn_rate : null;
  if (peak === few || peak === many) {
    return finding(
      'bundling_effect',
      'bundling.effect',
      {
        few: held(few),
        few_rate: tv.percent(few.churn_rate, 1),
        many: held(many),
        many_rate: tv.percent(many.churn_rate, 1),
      },
      'many_rate',
      value,
    );
  }
  return finding(
    'bundling_effect',
    'bundling.effect.peak',
    {
      peak: held(peak),
      peak_rate: tv.percent(peak.churn_rate, 1),
      many: held(many),
      many_rate: tv.percent(many.churn_rate, 1),
      few: held(few),
      few_rate: tv.percent(few.churn_rate, 1),
    },
    'peak_rate',
    value,
  );
}

export const bundlingAnalysis: AnalysisDefinition<typeof bundlingOptions> = {
  id: 'bundling',
  title: 'Bundling and switching cost',
  description:
    'Churn rate by the number of products or services held and by contract type: does holding more, or committing longer, keep customers?',
  requires: ['customers'],
  options: bundlingOptions,
  async run(ctx, o): Promise<AnalysisResult> {
    const notes: Note[] = [];
    const churn = resolveChurnSource(ctx.profile, o.churn_column || undefined);
    if (churn.kind === 'none') {
      return {
        tables: {},
        scalars: {},
        charts: [],
        findings: [],
        ...noteFields([note('note.bundling.no_churn')]),
      };
    }
    let products: ProductsSource | null = null;
    const useColumns = o.products_from === 'columns' || (o.products_from === 'auto' && o.service_columns.length > 0);
    if (useColumns) {
      if (o.service_columns.length === 0) notes.push(note('note.bundling.no_service_columns'));
      else
        products = {
          kind: 'columns',
          columns: o.service_columns.map((c) => customerColumn(ctx.profile, c, 'service_columns')),
        };
    } else if (hasTable(ctx.profile, 'transactions') && hasColumn(ctx.profile, 'transactions', 'category')) {
      products = { kind: 'categories' };
      notes.push(note('note.bundling.categories'));
    } else {
      notes.push(note('note.bundling.no_products'));
    }
    const byProducts: ChurnGroup[] = products
      ? churnRates(toRows(await ctx.db.query(buildChurnByProductsQuery(churn, products))), 'products_held')
      : [];
    const contractColumn = (ctx.profile.tables.customers?.columns ?? []).some(
      (c) => c.toLowerCase() === o.contract_column.toLowerCase(),
    )
      ? customerColumn(ctx.profile, o.contract_column, 'contract_column')
      : null;
    if (!contractColumn || !hasColumn(ctx.profile, 'customers', contractColumn))
      notes.push(note('note.bundling.no_contract', { column: text(o.contract_column) }));
    const byContract: ChurnGroup[] =
      contractColumn && hasColumn(ctx.profile, 'customers', contractColumn)
        ? churnRates(toRows(await ctx.db.query(buildChurnByContractQuery(churn, contractColumn))), 'contract').sort(
            (a, b) => b.churn_rate - a.churn_rate,
          )
        : [];
    const overall = overallChurn(byProducts.length ? byProducts : byContract);
    notes.push(note('note.bundling.association'));

    const findings: Finding[] = [
      finding('overall_churn', 'bundling.overall', { rate: tv.percent(overall, 1) }, 'rate'),
    ];
    // Customers holding nothing (never bought) are not a bundling story; small groups are noise.
    const big = byProducts.filter((g) => g.customers >= 30 && g.group !== '0');
    const declining = big.every((g, k) => k === 0 || g.churn_rate <= big[k - 1]!.churn_rate);
    const bundling = bundlingFinding(big);
    if (bundling) findings.push(bundling);
    const worst = byContract[0];
    const best = byContract[byContract.length - 1];
    if (worst && best && worst !== best) {
      const ratio = best.churn_rate > 0 ? worst.churn_rate / best.churn_rate : null;
      findings.push(
        finding(
          'contract_effect',
          ratio !== null && ratio >= 1.5 ? 'bundling.contract.ratio' : 'bundling.contract',
          {
            worst: text(capitalise(worst.group)),
            worst_rate: tv.percent(worst.churn_rate, 1),
            best: text(best.group),
            best_rate: tv.percent(best.churn_rate, 1),
            ratio: tv.ratio(ratio, 0),
          },
          ratio !== null && ratio >= 1.5 ? 'ratio' : 'worst_rate',
          ratio,
        ),
      );
    }
    const scalars: AnalysisResult['scalars'] = { overall_churn: overall };
    for (const g of byContract)
      scalars[`churn_${g.group.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_')}`] = g.churn_rate;

    const charts: AnalysisResult['charts'] = [];
    if (byProducts.length) {
      charts.push({
        id: 'churn-by-products',
        // The claim goes in the title only when the data bears it out.
        title:
          big.length > 1 && declining ? 'The more they hold, the less they leave' : 'Churn by number of products held',
        subtitle: 'Churn rate by number of products/services held; dashed: all customers',
        data: 'by_products',
        x: { label: 'Products / services held', type: 'band' },
        y: { label: '↑ Churn rate', tickFormat: '.0%', grid: true },
        marks: [
          { type: 'barY', x: 'group', y: 'churn_rate', fill: 'negative', options: { tip: true } },
          {
            type: 'text',
            x: 'group',
            y: 'churn_rate',
            text: 'churn_rate',
            textFormat: '.0%',
            options: { dy: -10, fontSize: 14, fontWeight: 'bold' },
          },
          { type: 'ruleY', values: [overall], options: { strokeDasharray: '4,3' } },
          { type: 'ruleY', values: [0] },
        ],
      });
    }
    if (byContract.length) {
      charts.push({
        id: 'churn-by-contract',
        title: 'Commitment keeps customers',
        subtitle: 'Churn rate by contract type',
        data: 'by_contract',
        marginLeft: 130,
        marginRight: 70,
        x: { label: 'Churn rate →', tickFormat: '.0%', grid: true },
        y: { label: null, domain: byContract.map((g) => g.group) },
        marks: [
          { type: 'barX', x: 'churn_rate', y: 'group', fill: 'negative', options: { tip: true } },
          {
            type: 'text',
            x: 'churn_rate',
            y: 'group',
            text: 'churn_rate',
            textFormat: '.1%',
            options: { dx: 8, textAnchor: 'start', fontSize: 14, fontWeight: 'bold' },
          },
          { type: 'ruleX', values: [0] },
        ],
      });
    }
    return {
      tables: { by_products: table(byProducts, groupColumns), by_contract: table(byContract, groupColumns) },
      scalars,
      charts,
      findings,
      ...noteFields(notes),
    };
  },
};
