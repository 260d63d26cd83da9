/**
 * Most valuable, most growable and below-zero customers (Peppers & Rogers, "Enterprise One to
 * One", 1997): keep the MVCs, grow the MGCs, stop losing money on the BZs. Value is profit after
 * cost to serve when cost data exists (else revenue, and no customer can be shown below zero).
 *
 * The "growable" rule. Peppers & Rogers define growth potential as the gap between a customer's
 * potential and current value; potential ideally comes from a CLV model. Without one we use the
 * best tier a customer can plausibly reach: the `potential_quantile` (default 90th percentile)
 * of value among their peers (same `customers.segment`, else `customers.region`, else everyone),
 * and only for customers whose trend allows it (spend in the second half of the period at least
 * that of the first half). Declining customers get potential = current value: they belong on the
 * early-warning list, not the growth list. MGCs are the eligible customers (not MVC, not BZ) with
 * the largest headroom = potential − value, `growable_share` of all active customers at most.
 * MVCs and BZs are not rated for growth (their potential is their value).
 */
import { fromRows, toRows, type Cell, type Row } from '../../sql/table.ts';
import { hasColumn, type DatasetProfile } from '../../model/profile.ts';
import { defineOptions } from '../options.ts';
import { tv } from '../../format/typed.ts';
import { clause, finding, term, text } from '../messages/finding.ts';
import { note, noteFields } from '../messages/notes.ts';
import type { MessageParam } from '../messages/render.ts';
import type { AnalysisContext, AnalysisDefinition, AnalysisResult, Finding, OptionValues } from '../types.ts';
import { buildCustomerPeriodCte } from './customer-period.ts';
import { keptDataRange, vectorsAvailable } from './customer-period-vectors.ts';
import {
  loadMvcBase,
  mvcRawNumericQuery,
  mvcRows,
  withIds,
  type MvcBaseRead,
  type MvcNumericOptions,
} from './mvc-numerics.ts';
import { monthsCover, readsDatedCosts } from './customer-period-months.ts';
import { buildMvcSummaryQuery, buildPeerLabelsQuery } from './period-summary.ts';
import { sqlDate } from '../../sql/literals.ts';
import { roundMoneySql } from '../../sql/money.ts';
import { num, ratio, shareOfClause } from './format.ts';
import { addDays, formatPeriod, noDataMessage, periodDays, resolvePeriod, type Period } from './periods.ts';
import { shareBar, shareBarColumns, shareBarsChart } from './share-bars.ts';
import { valueNotes, valueSource, type ValueSource } from './value-source.ts';
import { periodOptions } from './options.ts';

/** The options of `mvc-mgc-bz`: the period, the group shares, the potential quantile and the list length. */
export const mvcOptions = defineOptions([
  ...periodOptions,
  {
    name: 'mvc_share',
    type: 'number',
    min: 0,
    max: 1,
    default: 0.2,
    description: 'Share of customers (top by value) who are MVCs.',
  },
  {
    name: 'growable_share',
    type: 'number',
    min: 0,
    max: 1,
    default: 0.2,
    description: 'Largest share of customers flagged as MGCs (largest headroom first).',
  },
  {
    name: 'potential_quantile',
    type: 'number',
    min: 0,
    max: 1,
    default: 0.9,
    description: 'Quantile of peers’ value taken as reachable potential.',
  },
  { name: 'top_n', type: 'integer', min: 1, max: 10000, default: 20, description: 'Customers per list.' },
]);

/** Options of the `mvc-mgc-bz` analysis, as `run` receives them. */
export type MvcOptions = OptionValues<typeof mvcOptions>;

/** Where peers come from. */
export type PeerColumn = 'segment' | 'region' | null;

/** Picks the peer-group column: `customers.segment`, else `customers.region`, else none (everyone). */
export function peerColumn(profile: DatasetProfile): PeerColumn {
  if (hasColumn(profile, 'customers', 'segment')) return 'segment';
  if (hasColumn(profile, 'customers', 'region')) return 'region';
  return null;
}

/**
 * Groups, headroom and the top-N lists in one pass. Each row carries its group's totals
 * (window sums) so the summary needs no second scan. Parameters: $1 start, $2 end, $3 last day
 * of the first half, $4 mvc_share, $5 growable_share, $6 potential_quantile, $7 top_n.
 */
export function buildMvcQuery(source: ValueSource, peer: PeerColumn, period: Period): string {
  const bz = source.profit ? "WHEN value < 0 THEN 'BZ'" : '';
  return `WITH ${mvcBaseCtes(source, peer, period)},
pot AS (SELECT peer, quantile_cont(value, $6::DOUBLE) AS peer_potential FROM v GROUP BY peer),
ranked AS (SELECT v.*, pot.peer_potential, row_number() OVER (ORDER BY value DESC, customer_id) AS value_rank, count(*) OVER () AS n
  FROM v JOIN pot ON pot.peer = v.peer),
pre AS (SELECT *, CASE WHEN value > 0 AND value_rank <= ceil($4::DOUBLE * n) THEN 'MVC' ${bz} END AS grp0,
  CASE WHEN second_half >= first_half THEN greatest(value, peer_potential) ELSE value END AS potential0 FROM ranked),
gr AS (SELECT *, CASE WHEN grp0 IS NULL THEN potential0 ELSE value END AS potential, CASE WHEN grp0 IS NULL THEN potential0 - value ELSE 0 END AS headroom,
  CASE WHEN grp0 IS NULL AND potential - value > 0 THEN row_number() OVER (PARTITION BY grp0 IS NULL AND potential - value > 0 ORDER BY potential - value DESC, customer_id) END AS growth_rank
  FROM pre),
g AS (SELECT *, coalesce(grp0, CASE WHEN growth_rank <= ceil($5::DOUBLE * n) THEN 'MGC' END, 'other') AS grp FROM gr)
SELECT grp, customer_id, value, revenue, service_cost, peer, peer_potential, potential, headroom, first_half, second_half,
  count(*) OVER (PARTITION BY grp) AS grp_customers, sum(value) OVER (PARTITION BY grp) AS grp_value,
  sum(revenue) OVER (PARTITION BY grp) AS grp_revenue, sum(headroom) OVER (PARTITION BY grp) AS grp_headroom, n
FROM g
QUALIFY row_number() OVER (PARTITION BY grp ORDER BY CASE grp WHEN 'MGC' THEN -headroom WHEN 'BZ' THEN value ELSE -value END, customer_id) <= greatest($7::INTEGER, 1)
ORDER BY grp, row_number() OVER (PARTITION BY grp ORDER BY CASE grp WHEN 'MGC' THEN -headroom WHEN 'BZ' THEN value ELSE -value END, customer_id)`;
}

/**
 * CTEs up to `v`: one row per customer active in the period with value, revenue, service_cost,
 * peer, first_half and second_half (spend up to and after the middle day). Parameters: $1 start,
 * $2 end, $3 last day of the first half.
 */
function mvcBaseCtes(
  source: ValueSource,
  peer: PeerColumn,
  period: Period,
  at: readonly string[] = ['$1', '$2', '$3'],
): string {
  const value = source.profit ? 'cur.profit' : 'cur.revenue';
  const peers = peer
    ? `peers AS (SELECT customer_id, coalesce(any_value(${peer}), '(none)') AS peer FROM customers GROUP BY customer_id),`
    : '';
  return `${buildCustomerPeriodCte({ name: 'cur', start: at[0]!, end: at[1]!, period, source })},
${peers}
halves AS (SELECT customer_id, sum(revenue) FILTER (WHERE date <= ${at[2]}::DATE) AS first_half, sum(revenue) FILTER (WHERE date > ${at[2]}::DATE) AS second_half FROM cur_tx GROUP BY customer_id),
v AS (SELECT cur.customer_id, ${value} AS value, cur.revenue, cur.service_cost, ${peer ? "coalesce(peers.peer, '(none)')" : "'all'"} AS peer,
  ${roundMoneySql('coalesce(h.first_half, 0)')} AS first_half, ${roundMoneySql('coalesce(h.second_half, 0)')} AS second_half
  FROM cur JOIN halves h ON h.customer_id = cur.customer_id ${peer ? 'LEFT JOIN peers ON peers.customer_id = cur.customer_id' : ''})`;
}

/**
 * The per-customer base of `buildMvcQuery` (its CTE `v`) in customer_id order, for the prepared
 * path. Dates: the placeholders (or literals) `at` of $1–$3 as there.
 */
export function buildMvcBaseQuery(
  source: ValueSource,
  peer: PeerColumn,
  period: Period,
  at?: readonly string[],
): string {
  return `WITH ${mvcBaseCtes(source, peer, period, at)}\nSELECT * FROM v ORDER BY customer_id`;
}

/**
 * How the engine reads the base of a period: in one pass over the summary when the period is whole
 * months (period-summary.ts), otherwise the raw base with `ix` joined on; both as typed arrays.
 * With only a connection (tests): the raw base with its ids.
 */
export function mvcBaseRead(
  ctx: AnalysisContext,
  source: ValueSource,
  peer: PeerColumn,
  period: Period,
  mid: string,
): MvcBaseRead {
  if (!ctx.numeric || !ctx.summary)
    return { kind: 'rows', sql: buildMvcBaseQuery(source, peer, period), params: [period.start, period.end, mid] };
  const labels = async () => toRows(await ctx.db.query(buildPeerLabelsQuery(peer))).map((r) => String(r.peer));
  const whole = monthsCover(ctx.summary, period, { datedCosts: readsDatedCosts(source, true) });
  const sql = whole
    ? buildMvcSummaryQuery(source, peer, period, mid)
    : mvcRawNumericQuery(
        buildMvcBaseQuery(
          source,
          peer,
          period,
          [period.start, period.end, mid].map((d) => sqlDate(d, 'period date')),
        ),
        peer,
      );
  return { kind: 'numeric', sql, labels };
}

/** Group labels and what to do with them. */
export const mvcGroups = [
  { group: 'MVC', label: 'Most valuable', action: 'Keep: retention first, recognition, key-account service.' },
  { group: 'MGC', label: 'Most growable', action: 'Grow: cross-sell and up-sell toward what their peers already buy.' },
  { group: 'BZ', label: 'Below zero', action: 'Fix or let go: reprice, cut cost to serve, or stop subsidising.' },
  { group: 'other', label: 'Others', action: 'Maintain at low cost.' },
] as const;

/** Summary per group from the list rows (pure): counts, value, shares, headroom. */
export function mvcSummary(rows: readonly Row[]): Row[] {
  const first = new Map<string, Row>();
  for (const r of rows) if (!first.has(String(r.grp))) first.set(String(r.grp), r);
  const n = num(rows[0]?.n);
  const totalValue = [...first.values()].reduce((s, r) => s + num(r.grp_value), 0);
  return mvcGroups.map((g) => {
    const r = first.get(g.group);
    return {
      group: g.group,
      label: g.label,
      action: g.action,
      customers: num(r?.grp_customers),
      customer_share: ratio(num(r?.grp_customers), n),
      value: num(r?.grp_value),
      value_share: ratio(num(r?.grp_value), totalValue),
      revenue: num(r?.grp_revenue),
      headroom: num(r?.grp_headroom),
    };
  });
}

/** Findings (pure). */
export function mvcFindings(summary: readonly Row[], valueName: string, profit: boolean): Finding[] {
  const g = (id: string) => summary.find((r) => r.group === id)!;
  const mvc = g('MVC');
  const mgc = g('MGC');
  const bz = g('BZ');
  const what = valueName === 'profit' ? 'term.profit' : 'term.revenue';
  const total = summary.reduce((s, r) => s + num(r.value), 0);
  const out: Finding[] = [
    num(mvc.customers) === 0
      ? finding('mvc', 'mvc.mvc.none', { what: term(what) })
      : finding(
          'mvc',
          'mvc.mvc',
          {
            customers: tv.count(num(mvc.customers)),
            customer_share: tv.percent(num(mvc.customer_share)),
            value: shareOfClause(num(mvc.value_share), what, 'term.other_customers', { value: num(mvc.value), total }),
            share: tv.percent(num(mvc.value_share)),
          },
          'share',
        ),
    num(mgc.customers) === 0
      ? finding('mgc', 'mvc.mgc.none', { what: term(what) })
      : finding(
          'mgc',
          'mvc.mgc',
          { customers: tv.count(num(mgc.customers)), what: term(what), headroom: tv.money(num(mgc.headroom), 0) },
          'headroom',
        ),
  ];
  if (profit) {
    out.push(
      num(bz.customers) > 0
        ? finding(
            'bz',
            'mvc.bz',
            {
              customers: tv.count(num(bz.customers)),
              customer_share: tv.percent(num(bz.customer_share)),
              cost: tv.money(-num(bz.value), 0),
            },
            'cost',
            num(bz.value),
          )
        : finding('bz', 'mvc.bz.none', {}, undefined, num(bz.value)),
    );
  }
  return out;
}

/** "90th", "75th", "99th", "51st" (第 90): a quantile as a percentile in words. */
function ordinal(q: number): MessageParam {
  const n = Math.round(q * 100);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return clause(`term.ordinal.${suffix as 'th' | 'st' | 'nd' | 'rd'}`, { n: tv.decimal(n, 0) });
}

/** The rows of `buildMvcQuery` from the base kept per dataset version, with the listed customers' ids. */
async function preparedRows(ctx: AnalysisContext, read: MvcBaseRead, o: MvcNumericOptions): Promise<Row[]> {
  const base = await loadMvcBase(ctx, read);
  return withIds(ctx, base, mvcRows(base, o));
}

/** Runs the analysis: in the engine from the base kept per dataset version, or with only `db` and `profile` on the raw tables. */
export async function runMvc(ctx: AnalysisContext, o: MvcOptions): Promise<AnalysisResult> {
  const { profile } = ctx;
  const source = valueSource(profile);
  const range = await keptDataRange(ctx);
  const period: Period = resolvePeriod(o.period_start, o.period_end, range);
  const mid = addDays(period.start, Math.floor(periodDays(period) / 2) - 1);
  const peer = peerColumn(profile);
  const rows = vectorsAvailable(ctx)
    ? await preparedRows(ctx, mvcBaseRead(ctx, source, peer, period, mid), {
        mvcShare: o.mvc_share,
        growableShare: o.growable_share,
        potentialQuantile: o.potential_quantile,
        topN: o.top_n,
        profit: source.profit,
      })
    : toRows(
        await ctx.db.query(buildMvcQuery(source, peer, period), [
          period.start,
          period.end,
          mid,
          o.mvc_share,
          o.growable_share,
          o.potential_quantile,
          o.top_n,
        ]),
      );
  if (rows.length === 0) throw new Error(noDataMessage('mvc-mgc-bz', period, range));
  const summary = mvcSummary(rows);
  const valueName = source.profit ? 'profit' : 'revenue';
  const listCols = [
    'customer_id',
    'value',
    'revenue',
    'service_cost',
    'peer',
    'peer_potential',
    'potential',
    'headroom',
    'first_half',
    'second_half',
  ];
  const list = (grp: string) => {
    const rs = rows
      .filter((r) => r.grp === grp)
      .map((r) => Object.fromEntries(listCols.map((k): [string, Cell] => [k, r[k] ?? null])));
    return fromRows(
      rs,
      listCols.map((name) => ({
        name,
        ...(name === 'customer_id' || name === 'peer'
          ? { type: 'VARCHAR', kind: 'string' as const }
          : { type: 'DOUBLE', kind: 'number' as const }),
      })),
    );
  };
  const summaryCols = Object.keys(summary[0]!).map((name) => ({
    name,
    ...(typeof summary[0]![name] === 'string'
      ? { type: 'VARCHAR', kind: 'string' as const }
      : { type: 'DOUBLE', kind: 'number' as const }),
  }));
  const shares = summary.flatMap((g) => [
    shareBar(String(g.group), 'customers', num(g.customer_share)),
    shareBar(String(g.group), valueName, num(g.value_share)),
  ]);
  // Customers vs value per group, faceted like the tier ladder so the two bars compare directly.
  const chart = shareBarsChart({
    id: 'mvc-groups',
    title: `Share of customers vs share of ${valueName}`,
    subtitle: formatPeriod(period),
    data: 'shares',
    bars: shares,
    groups: mvcGroups.map((g) => g.group),
    series: ['customers', valueName],
    marginRight: 60,
  });
  return {
    tables: {
      summary: fromRows(summary, summaryCols),
      mvc: list('MVC'),
      mgc: list('MGC'),
      bz: list('BZ'),
      shares: fromRows(shares, shareBarColumns),
    },
    scalars: {
      value_measure: valueName,
      mvc_customers: num(summary[0]?.customers),
      mvc_value_share: num(summary[0]?.value_share),
      mgc_headroom: num(summary[1]?.headroom),
      bz_customers: num(summary[2]?.customers),
      bz_value: num(summary[2]?.value),
      bz_loss: -num(summary[2]?.value),
    },
    charts: [chart],
    findings: mvcFindings(summary, valueName, source.profit),
    ...noteFields([
      ...valueNotes(source),
      ...(source.profit ? [] : ['Without cost data no customer can be shown below zero: the BZ group is empty.']),
      peer
        ? note('note.mvc.potential.peers', {
            percentile: ordinal(o.potential_quantile),
            what: term(valueName === 'profit' ? 'term.profit' : 'term.revenue'),
            column: text(`customers.${peer}`),
          })
        : note('note.mvc.potential.all', {
            percentile: ordinal(o.potential_quantile),
            what: term(valueName === 'profit' ? 'term.profit' : 'term.revenue'),
          }),
      note('note.mvc.lists', {
        top: tv.count(o.top_n),
        from: text(period.start),
        to: text(period.end),
        mid: text(mid),
      }),
    ]),
  };
}

/** The `mvc-mgc-bz` analysis. */
export const mvcDefinition: AnalysisDefinition<typeof mvcOptions> = {
  id: 'mvc-mgc-bz',
  title: 'Most valuable, most growable and below-zero customers',
  description: 'Peppers & Rogers: keep the MVCs, grow the MGCs, stop losing money on the BZs. Counts, value and lists.',
  requires: ['transactions'],
  options: mvcOptions,
  run: (ctx, o) => runMvc(ctx, o),
};
