/**
 * English findings: the source catalogue. Its keys and `{placeholders}` define the Chinese ones.
 * `{name}` is a typed parameter formatted for the reader; `{name|one|other}` picks the English
 * singular or plural by the parameter's number. Sentences read the way a consultant says them.
 */
export const findingsEn = {
  'common.empty': '',
  'common.period': '.',

  // Profitability: the whale curve
  'whale.empty': 'No customer was active in the period, so there is no whale curve to draw.',
  'whale.headline.loss':
    'The customer base as a whole loses money: total profit is {total}. The top {k} of customers earn {top_profit}, the profitable {peak_customers} earn {peak_profit}, and the {loss_makers} who lose money take away {loss}.',
  'whale.headline.same_margin':
    'The top {k} of customers bring {revenue} of revenue and the same share of profit: every customer earns the same margin here, so profit simply follows revenue.',
  'whale.same_margin':
    'This data cannot show who really makes the profit: without what each customer costs to serve, no one can lose money. Import a service_costs table, or set a handling cost per order or per return, to see the loss-makers.',
  'whale.headline.earn': 'The top {k} of customers earn {top} of profit.',
  'whale.headline.and': 'The top {k} of customers bring {revenue} of revenue and {top} of profit.',
  'whale.headline.but': 'The top {k} of customers bring {revenue} of revenue but {top} of profit.',
  'whale.headline.and_only': 'The top {k} of customers bring {revenue} of revenue and only {top} of profit.',
  'whale.peak.none':
    'Every customer is profitable (or breaks even), so the curve rises all the way to {peak} with no hump: there are no loss-makers to fix.',
  'whale.peak':
    'Profit peaks at {peak} of the total after the most profitable {peak_customers} of customers; every customer after that point loses money.',
  'whale.loss_makers':
    '{share} of customers are unprofitable. Together they lose {loss}, {loss_share} of total profit, which the best customers have to earn back.',
  'whale.decomposition':
    'The top {k} earn {top} of profit; the rest of the profitable customers add {rest}; the loss-makers take away {loss} ({top} + {rest} − {loss} = {total}).',
  'whale.all_profit': 'The best {share} of customers alone earn {total} of the profit.',
  'whale.single': 'There is only one customer, so the curve is a single step and the shares say little.',
  'whale.what_if':
    '{action} ({fixed} {fixed|customer|customers}) lifts total profit from {before} to {after}{rel}{peak}',
  'whale.what_if.break_even': 'Bringing the worst {share} of loss-makers to break-even',
  'whale.what_if.drop': 'Letting go of the worst {share} of loss-makers',
  'whale.what_if.rel': ' ({rel})',
  'whale.what_if.peak': '; the curve then peaks at {after} instead of {before}.',
  'whale.what_if.peak_from_loss': '; the curve then peaks at {after} instead of a loss.',

  // Words used inside sentences, and segmentation: tiers
  'term.profit': 'profit',
  'term.revenue': 'revenue',
  'term.orders': 'orders',
  'term.other_tiers': 'the other tiers',
  'term.other_cells': 'the other cells',
  'term.other_customers': 'the other customers',
  'seg.share_of': '{share} of {what}',
  'seg.share_of.over': '{share} of {what} — more than all of it, because {others} together lose money',
  'seg.amount_of.loss': '{amount} of {what} (the customers as a whole lose {loss}, so a share of {what} would mislead)',
  'seg.amount_of.zero': '{amount} of {what} (the customers as a whole break even, so a share of {what} means nothing)',
  'tiers.top.revenue': '{customers} of customers are {names} and earn {value} of revenue.',
  'tiers.top.profit_over': '{customers} of customers are {names} and earn {revenue} of revenue and {value}.',
  'tiers.top.profit': '{customers} of customers are {names} and earn {value} of profit ({revenue} of revenue).',
  'tiers.bottom': 'The {tier} tier holds {customers} of customers but only {revenue} of revenue{tail}.',
  'tiers.bottom.loses': ', and loses money ({profit} of total profit)',
  'tiers.bottom.earns': ' and {profit} of profit',
  'tiers.bottom.amount': ' and {value}',
  'tiers.one_tier':
    'Everyone ({customers} {customers|customer|customers}) falls in the {tier} tier: their {what} is too alike for tiers to tell them apart.',

  // Segmentation: RFM
  'rfm.champions': 'Champions (recent and frequent) are {customers} of customers and bring {share} of {what}.',
  'rfm.at_risk':
    "{customers} {customers|customer who used to buy often has|customers who used to buy often have} gone quiet (at risk or can't lose), with {share} of {what} — the first list for a win-back call.",
  'rfm.lost': '{share} of customers are lost (long gone, rarely bought).',
  'rfm.no_recency_spread':
    'Every customer ({customers} {customers|customer|customers}) last bought equally recently, so recency cannot tell them apart: the R × F segments (champions, at risk, lost) say nothing about this data. Move the as-of date, or compare them by frequency and spend.',

  // Segmentation: tier migration and early warning
  'migration.movement':
    'Of {total} customers in the earlier period, {up} moved up a tier or more, {down} moved down and {gone} stopped buying; {arrived} customers arrived or came back.',
  'migration.no_core': 'No core customers in the earlier period.',
  'migration.early_warning':
    'Of {core} core {core|customer|customers} ({names}), {full} stopped buying and {partial} cut their spending by more than {drop}: {at_risk} a year at risk.',

  // Segmentation: value × loyalty, and MVC / MGC / BZ
  'value_loyalty.core':
    'Core customers (high value, high loyalty) are {customers} of customers and earn {value}. Serve them best.',
  'value_loyalty.stabilise':
    '{customers} of customers are valuable but not loyal; they carry {share} of {what} and are the biggest loss risk. Stabilise them.',
  'value_loyalty.stabilise.amount':
    '{customers} of customers are valuable but not loyal; they carry {value} and are the biggest loss risk. Stabilise them.',
  'value_loyalty.stabilise.none':
    'No customer is valuable but disloyal: there is no one in that quadrant to stabilise.',
  'mvc.mvc':
    'The {customers} most valuable {customers|customer|customers} ({customer_share}) {customers|earns|earn} {value}.',
  'mvc.mvc.none': 'No customer has a positive {what} in this period, so none counts as most valuable.',
  'mvc.mgc.none': 'No customer falls short of what their best peers bring, so none counts as most growable.',
  'mvc.mgc':
    '{customers} customers are most growable: had each brought the {what} their best peers bring, {what} over the period would have been {headroom} higher.',
  'mvc.bz':
    '{customers} customers ({customer_share}) are below zero: serving them cost {cost} more than they brought in.',
  'mvc.bz.none': 'No customer is below zero in this period.',

  // Profitability: diagnostics (cost to serve)
  'diagnostics.waterfall':
    'Cost to serve takes {share} of the {gross} gross margin, leaving {net} net profit; the largest item is {item} ({item_cost}).',
  'diagnostics.waterfall.acquisition':
    'Cost to serve and acquisition take {share} of the {gross} gross margin, leaving {net} net profit; the largest item is {item} ({item_cost}).',
  'diagnostics.cost_driver':
    "What turns customers into loss-makers is mostly {category}: a loss-maker costs {lift} as much in it as the average customer, and it is {share_loss_makers} of loss-makers' cost to serve against {share_all} for all customers.",
  'diagnostics.tiers':
    'The top spend tier earns {top} of profit; the bottom tier {bottom}, with {unprofitable} of its customers unprofitable.',
  'diagnostics.tiers.loses': 'loses {loss}',
  'diagnostics.tiers.earns': 'earns {share}',
  'diagnostics.tiers.earns_amount': 'earns {amount}',
  'diagnostics.tiers.loss_base':
    'The customers as a whole lose {total}, so shares of profit would mislead: the top spend tier {top}; the bottom tier {bottom}, with {unprofitable} of its customers unprofitable.',

  // Retention: bundling and churn reasons
  'bundling.held.one': '{n} product',
  'bundling.held': '{n} products',
  'bundling.overall': '{rate} of customers have churned.',
  'bundling.effect': 'Customers holding {few} churn at {few_rate}; those holding {many} at {many_rate}.',
  'bundling.effect.peak':
    'Churn peaks among customers holding {peak} ({peak_rate}) and falls to {many_rate} for those holding {many}; customers holding {few} churn at {few_rate}.',
  'bundling.contract': '{worst} customers churn at {worst_rate}, {best} at {best_rate}.',
  'bundling.contract.ratio': '{worst} customers churn at {worst_rate}, {best} at {best_rate}: {ratio} the rate.',
  'churn_reasons.top': '"{reason}" is the most common reason: {share} of the {lost} customers lost.',
  'churn_reasons.vital_few': '{vital} of {reasons} reasons account for {share} of the customers lost.',
  'churn_reasons.top_value': 'By value, "{reason}" costs most: {share} of the {lost} lost.',

  // Retention: cohorts and tenure
  'cohorts.retention_p1.month': "On average {rate} of a month's new customers buy again in the next month.",
  'cohorts.retention_p1.quarter': "On average {rate} of a quarter's new customers buy again in the next quarter.",
  'cohorts.retention_1y': 'A year after acquisition {rate} of customers are still buying.',
  'cohorts.loyal_spend':
    'Customers in tenure year {years}+ spend {ratio} what they spent in their first year (the seed figure: loyal customers spend {low}–{high} new ones{verdict}).',
  'cohorts.loyal_spend.below': '; yours is below that range',
  'cohorts.loyal_spend.above': '; yours is above it',
  'cohorts.loyal_spend.within': '; yours is within it',
  'cohorts.repeat_share':
    "{share} of revenue comes from repeat purchases (the seed: {seed} of a top salesman's sales came from repeat buyers).",
  'cohorts.year1_spend': 'A new customer spends {spend} in their first year.',

  // Retention: customer equity, leaky bucket, margin multiple, retention what-if
  'per.month': 'a month',
  'per.quarter': 'a quarter',
  'per.year': 'a year',
  'period_margin.month': "a month's margin",
  'period_margin.quarter': "a quarter's margin",
  'period_margin.year': "a year's margin",
  'target.customers': 'customers',
  'target.revenue': 'revenue',
  'equity.equity': 'The {customers} current customers are worth {equity} in future margin (customer equity).',
  'equity.retention': "{rate} of {from}'s customers bought again in {to}: each is worth {multiple} {margin}.",
  'equity.top_segment': '{segment} holds {share} of customer equity with {customers} of the customers.',
  'leaky.end_change':
    'Losing {churn} {per} and winning {acquired} new customers, the base goes from {start} to {end} in {duration} ({change}).',
  'leaky.spend_ratio':
    'Holding {target} flat costs {acquisition} {per} by acquiring {extra} more customers, or {retention} by keeping {keep} more (churn down to {churn}): acquisition costs {ratio} as much.',
  'leaky.no_shrink.customers': 'Acquisition already outpaces churn: the customers do not shrink.',
  'leaky.no_shrink.revenue': 'Acquisition already outpaces churn: the revenue does not shrink.',
  'leaky.no_leak':
    'Hardly any customers leave ({churn} {per}): the bucket barely leaks, so neither acquiring more nor keeping more changes much here.',
  'margin_multiple.clv':
    'At {retention} retention and {discount} discount rate, a customer earning {margin} a period is worth {clv}.',
  'margin_multiple.clv.net':
    'At {retention} retention and {discount} discount rate, a customer earning {margin} a period is worth {clv} after acquisition cost.',
  'retention_what_if.equity_change.adds':
    "Lifting retention from {from} to {to} adds {change} of customer equity after paying for the programme ({profit_change} on today's {before}).",
  'retention_what_if.equity_change.loses':
    "Lifting retention from {from} to {to} loses {change} of customer equity after paying for the programme ({profit_change} on today's {before}).",
  'retention_what_if.claim':
    "Reichheld & Sasser: {points} more retention raise profit {low}–{high}. On your numbers, +{points} raise the base's lifetime profit by {change} before programme cost.",
  'retention_what_if.no_room':
    'Retention is already {from}, so there is no room to lift it by {uplift}: a retention programme here would only cost money ({change} of customer equity). Look at margin and acquisition instead.',
  'retention_what_if.never_pays': 'At this cost the programme never pays for itself, whatever the uplift.',
  'retention_what_if.break_even': 'The programme pays for itself from an uplift of {uplift}.',
  'retention_what_if.cost_per_kept':
    'Each customer kept costs {cost} through the programme vs {acquisition} to acquire a replacement.',
  'retention_what_if.target_first': 'Target {segment} first: each unit spent there saves {saves} of margin.',

  // Customer lifetime value (BG/NBD + Gamma-Gamma)
  'per.day': 'a day',
  'per.week': 'a week',
  'clv.expected_purchases':
    'Over the next {horizon} after {from} the model expects {purchases} purchases from these {customers} customers, worth {value} in margin (discounted at {discount} a year).',
  'clv.top20': 'The top {top} of customers by expected value hold {share} of it.',
  'clv.at_risk':
    '{customers} repeat buyers are more likely gone than active (P(alive) below {half}); together they spent {spent} up to {until} — the early-warning list.',
  'clv.at_risk.none': 'No repeat buyer looks more likely gone than active (P(alive) is above {half} for all of them).',
  'clv.dropout':
    'An active customer buys about {rate} times {per}, and after each purchase about {dropout} drop out for good — which is why a long silence after frequent buying is a warning sign.',
  'clv.holdout':
    'Holdout check: for {from} → {to} ({length}) the model, fitted only on the earlier data, expected {expected} repeat purchases; {actual} happened ({error}).',
  'clv.holdout.none':
    'Holdout check: for {from} → {to} ({length}) the model, fitted only on the earlier data, expected {expected} repeat purchases; {actual} happened (no purchases).',

  // Contractual churn: the shifted-beta-geometric model (sbg-retention)
  'bgbb.unit.year': 'year',
  'bgbb.unit.quarter': 'quarter',
  'bgbb.unit.month': 'month',
  'bgbb.expected':
    'Over the next {horizon} the model expects {transactions} transactions from these {customers} customers; {alive} of them are more likely active than gone.',
  'bgbb.note.opportunities':
    'One opportunity per {unit}: a customer counts once per period, the period of her first transaction starts her history, and the period of {end} is the last one counted.',
  'bgbb.note.too_few': 'Only {customers} customers: too few to fit the model (it needs at least 10).',
  'bgbb.note.no_repeat': 'Nobody transacted again after the first time, so the model has nothing to fit.',
  'bgbb.note.no_opportunity': 'Nobody has had a second {unit} to transact in yet, so the model has nothing to fit.',
  'bgbb.note.not_pinned':
    'The data do not pin the model down (an estimate runs off to its limit), so there are no predictions.',
  'bgbb.note.no_se': 'The information matrix is singular at the estimate, so the parameters have no standard errors.',
  'bgbb.note.model':
    'BG/BB (Fader, Hardie & Shang 2010): at each opportunity an active customer transacts with her own probability, and before each she may drop out for good with another; both differ between customers (beta distributions).',
  'sbg.survival':
    'After {horizon}, {share} of a new cohort is projected to still be a customer. The retention rate rises from {first} at the first renewal to {later} by period {period} — not because anyone changes, but because the likely leavers go first.',
  'sbg.derl':
    'The {active} current customers are expected to renew {derl} more times each on average (discounted at {discount} a year).',
  'sbg.derl.value':
    'The {active} current customers are expected to renew {derl} more times each on average (discounted at {discount} a year): {value} of margin at their current revenue and a {margin} margin.',
  'sbg.segments':
    '"{best}" keeps the most customers: {best_share} of a new cohort is projected to still be there after {horizon}, against {worst_share} for "{worst}".',
  'sbg.note.too_few': '{segment}: {customers} customers are too few to fit the model (it needs at least {min}).',
  'sbg.note.nobody_left': '{segment}: nobody has left yet, so there is no churn to estimate; the model is not fitted.',
  'sbg.note.all_left_first':
    '{segment}: everyone left in the first period, so there is no retention to project; the model is not fitted.',
  'sbg.note.not_pinned':
    '{segment}: the data do not pin the model down (an estimate runs off to its limit), so it is not fitted.',
  'sbg.note.homogeneous':
    '{segment}: customers hardly differ in how likely they are to leave, so the model reduces to one retention rate for everyone, {rate} a period.',
  'sbg.note.no_se':
    '{segment}: the information matrix is singular at the estimate, so its parameters have no standard errors.',
  'sbg.note.curve': 'Fitted on the retention curve given in the options ({periods} observed).',
  'sbg.note.tenure_column':
    'Tenure is read from the column {column}, one period being {unit}: a customer still there after t periods has renewed t times; one who left, left in her last period.',
  'sbg.note.tenure_dates':
    'Tenure is counted in whole periods of {unit} from signup_date to churn_date, or to {as_of} for customers still there; a customer who left during her k-th period left in period k.',
  'sbg.note.dropped': '{customers} customers without a usable tenure are left out.',
  'sbg.note.derl_infinite':
    'Without discounting, customers this loyal (α ≤ 1) have no finite expected remaining lifetime: set a discount rate above 0.',
  'sbg.note.nothing_fitted': 'No group could be fitted, so there is no projection.',
  'sbg.note.model':
    'Shifted-beta-geometric model (Fader & Hardie 2007): at the end of each period every customer renews with her own probability, and those probabilities differ between customers (a beta distribution). Remaining lifetime is discounted as in Fader & Hardie (2010).',
  'chart.sbg.survival.title': 'How many of a new cohort are still customers',
  'chart.sbg.survival.subtitle': 'Dots: observed (Kaplan–Meier); lines: the sBG projection',
  'chart.sbg.retention.title': 'Retention rises as the likely leavers go',
  'chart.sbg.retention.subtitle': 'Projected share of those there at the start of each period who renew at its end',
  'chart.sbg.still': '↑ Still customers',
  'chart.sbg.retention_rate': '↑ Retention rate',
  'chart.sbg.group': 'Group',
  'chart.sbg.x.month': 'Months since joining →',
  'chart.sbg.x.quarter': 'Quarters since joining →',
  'chart.sbg.x.year': 'Years since joining →',
  'chart.value.sbg.all': 'All customers',

  // Satisfaction and loyalty, the loyalty quadrant, the satisfaction what-if, word of mouth
  'outcome.retained': 'retained',
  'outcome.repurchased': 'repurchased',
  'outcome.wallet_kept': 'kept their share of wallet',
  'outcome.stated_intent': 'intend to repurchase',
  'satisfaction.top_box':
    'Of customers who score {top}, {top_rate} {outcome}; of those who score {next}, {next_rate}: {ratio} as likely{ci}{turned} "Satisfied" is not the goal; "completely satisfied" is.',
  'satisfaction.top_box.ci': ' (95% CI {low}–{high})',
  'satisfaction.top_box.turned':
    '. Turned round, {next_leave} at {next} did not, against {top_leave} at {top}: {ratio} the loss rate.',
  'satisfaction.zones':
    'Zone of affection from {affection} up ({affection_rate} {outcome}); zone of defection at {defection} and below ({defection_rate}). In between, more satisfaction buys little loyalty.',
  'satisfaction.value_at_stake':
    '{customers} analysed customers sit in the zone of defection, with {revenue} of revenue and {profit} of profit in the {window} before their survey ({share} of the revenue analysed); the curve expects {defectors} of them to go.',
  'satisfaction.competitive':
    'In {steep}, dropping one level below the top costs {steep_drop} of loyalty; in {flat}, {flat_drop}. The steeper curve marks the more competitive market: there, anything short of delight walks.',
  'quadrant.hostages':
    '{customers} customers ({share}) are hostages: they stayed although not satisfied, carrying {revenue} of revenue. They leave when the barrier falls — fix their problems first; the list is in the hostages table.',
  'quadrant.mercenaries':
    '{customers} satisfied customers ({share}) did not stay: mercenaries. Satisfaction alone did not hold them.',
  'satisfaction_what_if.move':
    'Lifting {share} of the {customers} customers at {from} to {to} ({rate_from} → {rate_to} {outcome}) would add about {extra} {outcome} customers (95% interval {extra_low} to {extra_high}), worth {profit} of profit ({profit_low} to {profit_high}).',
  'satisfaction_what_if.at_stake':
    'At stake in the zone of defection ({defection} and below): {customers} customers, {revenue} of revenue and {profit} of profit in the {window} before their survey.',
  'wom.net_advocacy': 'Net advocacy runs from {bottom} at {bottom_level} to {top} at {top_level}.',
  'wom.vocal_u':
    'Who talks: {bottom} at the bottom, {middle} in the quietest middle level, {top} at the top — word of mouth happens at the extremes.',
  'wom.vocal_u.unhappy':
    'Who talks: {bottom} at the bottom, {middle} in the quietest middle level, {top} at the top — word of mouth happens at the extremes, and the unhappy talk most.',

  // Cost-to-serve categories the diagnostics name
  'cost.acquisition': 'acquisition (amortised)',
  'cost.bad_debt': 'bad debt',
  'cost.discount': 'discount',
  'cost.dispute': 'dispute',
  'cost.field_visit': 'field visit',
  'cost.return': 'return',
  'cost.support_call': 'support call',
  'cost.litigation': 'litigation',

  // Whale curve: chart words and notes
  'whale.chart.title.share': 'The top {k} of customers earn {share} of profit',
  'whale.chart.title.money': 'The customer base loses money overall (total profit {total})',
  'whale.chart.subtitle.share': 'Cumulative share of total profit, customers ranked from most to least profitable',
  'whale.chart.subtitle.money':
    'Cumulative profit in money (shares of a negative total would mislead), customers ranked from most to least profitable',
  'whale.chart.x': 'Share of customers (most profitable first) →',
  'whale.chart.y.share': '↑ Cumulative share of total profit',
  'whale.chart.y.money': '↑ Cumulative profit{unit}',
  'whale.chart.peak.share': 'Peak: {customers} of customers → {profit} of profit',
  'whale.chart.peak.money': 'Peak: {customers} of customers → {profit}',
  'whale.chart.break_even': 'Break-even: customers to the right lose money',
  'whale.chart.break_even.arrow': 'Break-even: customers to the right lose money →',
  'whale.chart.top': 'Top {k} → {share}',
  'whale.chart.after_fixing': 'After fixing the worst {share} of loss-makers',
  'whale.chart.after_dropping': 'After dropping the worst {share} of loss-makers',
  'whale.chart.whatif_label': '{action}: {end}',
  'whale.chart.whatif_end.share': "{share} of today's profit",
  'whale.chart.whatif_end.money': 'total profit {total}',
  'whale.chart.pareto.title': 'Top {k}: {revenue} of revenue, {profit} of profit',
  'whale.chart.pareto.title.none': 'Revenue concentration against profit concentration',
  'whale.chart.pareto.subtitle':
    'Grey: cumulative share of revenue (customers ranked by revenue). Blue: cumulative share of profit (ranked by profit).',
  'whale.chart.key.today': 'Today',
  'whale.chart.key.revenue': 'Revenue (customers ranked by revenue)',
  'whale.chart.key.profit': 'Profit (customers ranked by profit)',
  'whale.chart.pareto.x': 'Share of customers →',
  'whale.chart.pareto.y': '↑ Cumulative share',
  'whale.chart.revenue_point': 'Revenue: {share}',
  'whale.chart.profit_point': 'Profit: {share}',
  'whale.note.nothing_to_fix': 'The what-if found no loss-making customer to fix.',
  'whale.note.money_mode.negative':
    'Total profit is negative ({total}), so the curve is drawn in money, not as a share of total profit: a percentage of a total that is not positive would turn the picture upside down.',
  'whale.note.money_mode.zero':
    'Total profit is zero ({total}), so the curve is drawn in money, not as a share of total profit: a percentage of a total that is not positive would turn the picture upside down.',
  'whale.note.break_even':
    '{customers} {customers|customer exactly breaks even; it forms|customers exactly break even; they form} the flat stretch at the top of the curve.',
  'whale.note.tied':
    '{customers} {customers|customer shares its|customers share their} profit with another customer. Tied customers are ranked by customer id; since they have the same profit, that order changes no figure read off the curve.',
  'note.cost_recorded': 'Gross margin is revenue minus the recorded cost of goods (every transaction line has a cost).',
  'note.no_cost_to_serve':
    'There is no recorded cost-to-serve data; cost to serve comes only from the allocation rules you set.',
  'rfm.note.recency':
    'Recency is counted in {unit} from {as_of} (the as-of date); frequency = distinct orders (or purchase days when order ids are missing) and monetary = total {measure} from {since} to {as_of}.',
  'rfm.note.scores':
    'Scores are {bins} quantile bins: min({bins}, 1 + ⌊{bins} × percent rank⌋); tied customers share a score.',
  'term.unit.days': 'days',
  'term.unit.weeks': 'weeks',
  'term.unit.months': 'months',
  'value_loyalty.note.cutoffs':
    'Cut-offs: value {value_how} = {value}, loyalty {loyalty_how} = {loyalty}; a customer at a cut-off counts as high. Period {from} to {to}.',
  'value_loyalty.note.no_answer':
    '{customers} active {customers|customer has|customers have} no survey answer and {customers|is|are} left out of the matrix.',
  'term.cutoff.median': 'median',
  'term.cutoff.set': 'set',
  'tiers.note.quantiles': 'Thresholds are quantiles of {measure} ({quantiles} of customers): {thresholds}.',
  'tiers.note.manual': 'Thresholds entered by the user: {thresholds} per month.',
  'tiers.note.graded': 'Only customers with at least one purchase from {from} to {to} are graded.',
  'term.avg_monthly.spend': 'average monthly spend',
  'term.avg_monthly.profit': 'average monthly profit',
  'term.avg_monthly.orders': 'average monthly orders',
  'note.mvc.no_costs': 'Without cost data no customer can be shown below zero: the BZ group is empty.',
  'migration.note.thresholds':
    'Both periods are graded with the earlier period’s thresholds ({thresholds} per month), so a drop in spend shows as a move down.',
  'note.migration.new_gone':
    '"new" = no purchase in the earlier period (first-time or returning); "gone" = no purchase in the later period.',
  'migration.note.early_warning':
    'Early warning: core = {names} in the earlier period; partial churn = monthly {measure} down more than {drop} against the customer’s own earlier level; value at risk = 12 × the monthly drop.{tail}',
  'migration.note.list_top': ' The list shows the top {shown} of {total}.',
  'term.spend': 'spend',
  'note.seg.no_cost_data':
    'No cost data (no transactions.cost, no service_costs): profit cannot be computed, so value is revenue and profit columns are empty.',
  'note.seg.assumed_margin':
    'No transactions.cost (COGS): gross margin is assumed at 35% of revenue, then cost to serve is subtracted.',
  'note.seg.no_service_costs': 'No service_costs table: profit is gross margin (revenue − cost) without cost to serve.',
  'note.seg.undated_service_costs': 'service_costs has no dates: undated costs are charged to every period analysed.',
  'note.seg.profit_requested': 'Profit was requested but the data has no costs: customers are ranked by spend instead.',
  'note.vl.value_profit': 'Value is profit per customer (revenue − cost − cost to serve) over the period.',
  'note.vl.value_revenue_chosen': 'Value is revenue, as chosen.',
  'note.vl.value_revenue_no_costs': 'Value is revenue: the data has no costs, so profit cannot be computed.',
  'note.vl.no_surveys': 'No surveys: loyalty is measured from behaviour (share of months with a purchase) instead.',
  'note.no_acquisition_cost':
    'Acquisition cost amortisation was asked for, but the customers table has no acquisition_cost values; it is left out.',

  // Profitability diagnostics: chart words
  'diagnostics.chart.waterfall.title': 'From gross margin to {net} net profit',
  'diagnostics.chart.waterfall.subtitle': 'Each bar is what one cost-to-serve category takes out of the margin',
  'diagnostics.chart.money': '↑ Money{unit}',
  'diagnostics.chart.profit': '↑ Profit{unit}',
  'diagnostics.chart.tiers.title': 'Profit by spend tier',
  'diagnostics.chart.tiers.subtitle':
    'Customers split into equal-sized tiers by revenue; bars show each tier’s total profit',

  // Customer-asset scorecard (analysis `scorecard`)
  'scorecard.quarter': 'Q{q} {year}',
  'scorecard.change.pp': ' ({delta} on the quarter before)',
  'scorecard.change.relative': ' ({delta} on the quarter before)',
  'scorecard.change.same': ' (unchanged on the quarter before)',
  'scorecard.criterion.satisfaction': 'Satisfaction',
  'scorecard.criterion.loyalty': 'Loyalty',
  'scorecard.criterion.retention': 'Retention',
  'scorecard.criterion.clv': 'Customer lifetime value',
  'scorecard.criterion.word_of_mouth': 'Word of mouth',
  'scorecard.criterion.equity': 'Customer equity',
  'scorecard.criterion.core_share': 'The top 20%’s share of profit',
  'scorecard.criterion.loss_drag': 'The loss-makers’ drag',
  'scorecard.criterion.value_at_risk': 'Value at risk among slipping core customers',
  'scorecard.satisfaction':
    'Satisfaction: {value} of the survey answers in the 12 months to the end of {period} gave one of the top two scores{change}.',
  'scorecard.loyalty':
    'Loyalty: {value} of the {customers} customers who bought in {period} had bought before{change}.',
  'scorecard.retention': 'Retention: {value} of {prev}’s customers bought again in {period}{change}.',
  'scorecard.clv':
    'Customer lifetime value: at {period}’s retention and margin, a customer is worth {value} in future margin{change}.',
  'scorecard.word_of_mouth':
    'Word of mouth: net promoters {value} in the 12 months to the end of {period}, the share of answers that would recommend us (9–10) minus the share that would not (0–6){change}.',
  'scorecard.equity':
    'Customer equity: the {customers} customers of {period} are worth {value} in future margin{change}.',
  'scorecard.core_share': 'Core customers: the top 20% earned {value} of {period}’s profit{change}.',
  'scorecard.loss_drag':
    'Loss-makers: {count} {count|customer|customers} lost {value} in {period}, profit the others earned and they gave away{change}.',
  'scorecard.value_at_risk':
    'Value at risk: {count} of {prev}’s top-20% customers spent less than half as much in {period}; they had earned {value} of profit in {prev}{change}.',
  'scorecard.na.no_quarter':
    '{criterion} cannot be shown yet: the data holds no complete calendar quarter of purchases. Transactions covering at least one full quarter would show it.',
  'scorecard.na.surveys':
    '{criterion} cannot be shown: the data has no dated survey answers. A surveys table (customer, date, satisfaction score) would show it.',
  'scorecard.na.recommend':
    '{criterion} cannot be shown: the surveys have no recommendation score. A recommend column (0–10: would you recommend us?) would show it.',
  'scorecard.na.no_answers':
    '{criterion} cannot be shown for {period}: no survey answer is dated in the 12 months to its end.',
  'scorecard.na.history':
    '{criterion} cannot be shown for {period}: it compares each quarter with the one before, and the data starts too late. A longer purchase history would show it.',
  'scorecard.na.no_profit': '{criterion} cannot be shown for {period}: total profit was not positive ({profit}).',
  'scorecard.note.short': 'The data holds {quarters} complete {quarters|quarter|quarters}; the trends show those.',

  // Satisfaction, quadrant, word of mouth, satisfaction what-if: chart words
  'satisfaction.chart.x': 'Satisfaction ({scale})',
  'satisfaction.chart.y': 'Customers {outcome}',
  'satisfaction.chart.curve.title': 'Satisfaction is not loyalty: share {outcome} by satisfaction',
  'satisfaction.chart.curve.subtitle': '{customers} customers · overall {overall} {outcome}',
  'satisfaction.chart.curve.caption':
    'Bars: 95% Wilson intervals. Faint points: fewer than {min} respondents. Shading: zones located from the curve’s own slope (see notes).',
  'satisfaction.chart.segments.title': 'One curve per {segment}',
  'satisfaction.chart.segments.caption':
    'Faint points, not joined: fewer than {min} respondents in that {segment} at that level.',
  'satisfaction.chart.steepness.title': 'How much loyalty the top box buys, by {segment}',
  'satisfaction.chart.quadrant.subtitle': 'Satisfied = {from} or more on {scale}; loyal = {outcome}',
  'satisfaction.chart.quadrant.cell': '{name}\n{customers} ({share})\nprofit {profit}',
  'quadrant.name.apostles': 'Apostles',
  'quadrant.name.mercenaries': 'Mercenaries',
  'quadrant.name.hostages': 'Hostages',
  'quadrant.name.defectors': 'Defectors / terrorists',
  'satisfaction.chart.what_if.title': 'Lift {share} of customers one level: extra customers {outcome}',
  'satisfaction.chart.what_if.x': 'Move from level ({scale}) to the next',
  'satisfaction.chart.what_if.y': 'Extra customers {outcome}',
  'chart.sat.segments.subtitle': 'Where competition bites, loyalty falls fastest below the top box',
  'chart.sat.steepness.subtitle': 'Loyalty at the top level minus loyalty one level below (percentage points)',
  'chart.sat.steepness.x': 'Top-box step',
  'chart.sat.quadrant.title': 'Apostles, mercenaries, hostages, defectors',
  'chart.sat.wom.title': 'Word of mouth happens at the extremes',
  'chart.sat.wom.subtitle':
    'Bars: net advocacy (% promoters − % detractors). Line: share who talk at all (promoters + detractors)',
  'chart.sat.wom.y': 'Share of respondents',
  'chart.sat.what_if.subtitle':
    'By starting level; bars show the 95% interval from the binomial variance of the two rates',
  'chart.value.defection': 'defection',
  'chart.value.indifference': 'indifference',
  'chart.value.affection': 'affection',
  'chart.value.satisfied': 'Satisfied',
  'chart.value.not_satisfied': 'Not satisfied',
  'chart.value.loyal': 'Loyal',
  'chart.value.not_loyal': 'Not loyal',
  'chart.value.apostles': 'apostles',
  'chart.value.mercenaries': 'mercenaries',
  'chart.value.hostages': 'hostages',
  'chart.value.defectors': 'defectors',
  'chart.value.negative': 'negative',
  'chart.value.positive': 'positive',

  // Fixed chart phrases of the other analyses, found by their English (no parameters)
  'chart.cohorts.heatmap.title.month': 'Retention by monthly acquisition cohort',
  'chart.cohorts.heatmap.subtitle.month': 'Share of each cohort buying in each month after acquisition',
  'chart.cohorts.x.month': 'Months since acquisition →',
  'chart.cohorts.curves.subtitle.month':
    'Thin lines: one per monthly cohort, darker = more recent, labelled at their last month; thick line: all cohorts, weighted by size',
  'chart.leaky.x.month': 'Months from now →',
  'chart.cohorts.heatmap.title.quarter': 'Retention by quarterly acquisition cohort',
  'chart.cohorts.heatmap.subtitle.quarter': 'Share of each cohort buying in each quarter after acquisition',
  'chart.cohorts.x.quarter': 'Quarters since acquisition →',
  'chart.cohorts.curves.subtitle.quarter':
    'Thin lines: one per quarterly cohort, darker = more recent, labelled at their last quarter; thick line: all cohorts, weighted by size',
  'chart.leaky.x.quarter': 'Quarters from now →',
  'chart.cohorts.heatmap.title.year': 'Retention by yearly acquisition cohort',
  'chart.cohorts.heatmap.subtitle.year': 'Share of each cohort buying in each year after acquisition',
  'chart.cohorts.x.year': 'Years since acquisition →',
  'chart.cohorts.curves.subtitle.year':
    'Thin lines: one per yearly cohort, darker = more recent, labelled at their last year; thick line: all cohorts, weighted by size',
  'chart.leaky.x.year': 'Years from now →',
  'chart.clv.new.x.day': 'Days since the first purchase →',
  'chart.clv.new.subtitle.day': 'Expected repeat purchases of a customer who just made a first purchase, by days since',
  'chart.clv.new.subtitle.band.day':
    'Expected repeat purchases of a customer who just made a first purchase, by days since; shaded: 95% interval from the uncertainty of the fitted parameters',
  'chart.clv.new.x.week': 'Weeks since the first purchase →',
  'chart.clv.new.subtitle.week':
    'Expected repeat purchases of a customer who just made a first purchase, by weeks since',
  'chart.clv.new.subtitle.band.week':
    'Expected repeat purchases of a customer who just made a first purchase, by weeks since; shaded: 95% interval from the uncertainty of the fitted parameters',
  'chart.clv.new.x.month': 'Months since the first purchase →',
  'chart.clv.new.subtitle.month':
    'Expected repeat purchases of a customer who just made a first purchase, by months since',
  'chart.clv.new.subtitle.band.month':
    'Expected repeat purchases of a customer who just made a first purchase, by months since; shaded: 95% interval from the uncertainty of the fitted parameters',
  'chart.cohorts.y': 'Cohort',
  'chart.cohorts.retention': 'Retention',
  'chart.cohorts.curves.title': 'Retention curves by cohort',
  'chart.cohorts.still_buying': '↑ Still buying',
  'chart.cohorts.tenure.title': 'Spend and profit per customer by tenure year',
  'chart.cohorts.tenure.subtitle': 'Per customer still buying, among customers observed for the whole year',
  'chart.cohorts.tenure.y': '↑ Per active customer',
  'chart.cohorts.repeat.title': 'Revenue from repeat vs new purchases',
  'chart.cohorts.year': 'Year',
  'chart.revenue_axis': '↑ Revenue',
  'chart.value.revenue_cap': 'Revenue',
  'chart.value.profit_cap': 'Profit',
  'chart.value.new_first': 'New (first purchase)',
  'chart.value.repeat': 'Repeat',
  'chart.leaky.title': 'The leaky bucket',
  'chart.leaky.y': '↑ Customers',
  'chart.leaky.fill.title': 'Fill the bucket or plug the leak?',
  'chart.leaky.fill.subtitle.customers': 'Cumulative spend to hold customers flat',
  'chart.leaky.fill.subtitle.revenue': 'Cumulative spend to hold revenue flat',
  'chart.leaky.fill.y': '↑ Cumulative spend',
  'chart.value.leaky_fill': 'Fill: acquire more',
  'chart.value.leaky_plug': 'Plug: retain more',
  'chart.contract.title': 'Commitment keeps customers',
  'chart.contract.subtitle': 'Churn rate by contract type',
  'chart.contract.x': 'Churn rate →',
  'chart.products.title': 'Churn by number of products held',
  'chart.products.subtitle': 'Churn rate by number of products/services held; dashed: all customers',
  'chart.products.x': 'Products / services held',
  'chart.products.y': '↑ Churn rate',
  'chart.bridge.title': 'What the programme does to customer equity',
  'chart.bridge.y': '↑ Present value',
  'chart.value.bridge1': '1 Equity today',
  'chart.value.bridge2': '2 + Margin kept',
  'chart.value.bridge3': '3 − Programme cost',
  'chart.value.bridge4': '4 Equity with programme',
  'chart.uplift.title': 'Net gain by retention uplift',
  'chart.uplift.x': 'Retention uplift (points) →',
  'chart.uplift.y': '↑ Change in customer equity',
  'chart.targets.title': 'Which segments to target first',
  'chart.targets.subtitle': 'Margin saved per unit of programme cost (dashed: the programme pays for itself)',
  'chart.targets.x': 'Value saved per unit of cost →',
  'chart.value.top20': 'Top 20%',
  'chart.value.middle30': 'Middle 30%',
  'chart.value.bottom50': 'Bottom 50%',
  'chart.equity.title': 'Customer equity by segment',
  'chart.equity.x': 'Customer equity →',
  'chart.multiple.title': 'A customer is worth a multiple of one year’s margin',
  'chart.multiple.color': 'Discount rate',
  'chart.multiple.x': 'Retention rate →',
  'chart.multiple.y': '↑ Multiple of the yearly margin',
  'chart.holdout.title': 'Did the model see the future? Expected vs actual repeat purchases in the holdout',
  'chart.holdout.x': 'Repeat purchases in the calibration period',
  'chart.holdout.y': 'Repeat purchases in the holdout (average) ↑',
  'chart.holdout.actual': 'actual',
  'chart.holdout.expected': 'expected',
  'chart.clv.new.title': 'How often will a new customer buy?',
  'chart.clv.new.y': '↑ Expected repeat purchases',
  'chart.palive.title': 'How likely is each repeat buyer still active?',
  'chart.palive.y': 'Customers ↑',
  'chart.clv.share_x': 'Share of customers →',
  'chart.clv.share_y': '↑ Share of expected value',
  'chart.reasons.title': 'Why customers leave',
  'chart.reasons.value.title': 'Which reasons cost the most',
  'chart.reasons.subtitle.customers': 'Bars: share of customers lost; line: cumulative',
  'chart.reasons.subtitle.value': 'Bars: share of value lost; line: cumulative',
  'chart.reasons.y.customers': '↑ Share of customers lost',
  'chart.reasons.y.value': '↑ Share of value lost',
  'chart.rfm.count.title': 'Customers per R × F cell',
  'chart.rfm.revenue.title': 'Total revenue per R × F cell',
  'chart.rfm.profit.title': 'Total profit per R × F cell',
  'chart.rfm.subtitle': 'Small print = the segment the cell belongs to',
  'chart.rfm.x': 'Recency score (5 = most recent) →',
  'chart.rfm.y': '↑ Frequency score',
  'chart.value.rfm_at_risk': 'at risk',
  'chart.value.rfm_cant_lose': "can't lose",
  'chart.value.rfm_champions': 'champions',
  'chart.value.rfm_hibernating': 'hibernating',
  'chart.value.rfm_lost': 'lost',
  'chart.value.rfm_loyal': 'loyal',
  'chart.value.rfm_new': 'new',
  'chart.value.rfm_potential': 'potential loyalists',
  'chart.value.rfm_promising': 'promising',
  'chart.value.rfm_need_attention': 'need attention',
  'chart.value.rfm_about_to_sleep': 'about to sleep',
  'chart.value.gone': 'gone',
  'chart.migration.matrix.title': 'Tier migration: where each tier’s customers went',
  'chart.migration.x': 'Later period tier',
  'chart.migration.y': 'Earlier period tier',
  'chart.migration.share_of_row': 'Share of row',
  'chart.share': 'Share',
  'chart.value.customers': 'customers',
  'chart.value.profit': 'profit',
  'chart.value.revenue': 'revenue',
  'chart.value.value': 'value',
  'chart.value.other': 'other',
  'chart.mvc.title.profit': 'Share of customers vs share of profit',
  'chart.mvc.title.revenue': 'Share of customers vs share of revenue',
  'chart.vl.cells.title.profit': 'Share of customers vs share of profit per cell',
  'chart.vl.cells.title.revenue': 'Share of customers vs share of revenue per cell',
  'chart.tiers.title': 'Tier ladder: share of customers vs share of value',
  'chart.vl.subtitle': 'Customers aggregated into bins; dot area = customers; dashed lines = cut-offs',
  'chart.value.vl_core': 'core',
  'chart.value.vl_stabilise': 'stabilise',
  'chart.value.vl_general': 'general',
  'chart.value.vl_minimal': 'minimal',
  'chart.vl.corner.core': 'core ↗',
  'chart.vl.corner.stabilise': 'stabilise ↘',
  'chart.vl.corner.general': '↖ general policies',
  'chart.vl.corner.minimal': '↙ no special attention',
  'chart.vl.loyalty.tenure': 'tenure (months)',
  'chart.vl.loyalty.repeat_rate': 'repeat-purchase rate',
  'chart.vl.loyalty.active_months': 'share of months active',
  'chart.vl.loyalty.survey': 'survey loyalty (0–1)',
  'chart.value.gross_margin': 'Gross margin',
  'chart.value.net_profit': 'Net profit',
  'chart.value.bad_debt': 'Bad debt',
  'chart.value.discount': 'Discount',
  'chart.value.dispute': 'Dispute',
  'chart.value.field_visit': 'Field visit',
  'chart.value.return': 'Return',
  'chart.value.support_call': 'Support call',
  'chart.value.litigation': 'Litigation',
  'chart.value.acquisition': 'Acquisition (amortised)',
  'chart.value.total': 'Total',
  'chart.value.cost': 'Cost',
  'chart.column.region': 'region',
  'chart.column.channel': 'channel',
  'chart.column.segment': 'segment',

  // Chart words with numbers or names
  'leaky.chart.subtitle.month': 'Customers per month at {churn} churn and {acquired} new a month',
  'leaky.chart.subtitle.quarter': 'Customers per quarter at {churn} churn and {acquired} new a quarter',
  'leaky.chart.subtitle.year': 'Customers per year at {churn} churn and {acquired} new a year',
  'retention_what_if.chart.subtitle.month': '+{points} points of retention over {horizon} months',
  'retention_what_if.chart.subtitle.quarter': '+{points} points of retention over {horizon} quarters',
  'retention_what_if.chart.subtitle.year': '+{points} points of retention over {horizon} years',
  'chart.vl.title.profit.0': 'Value × loyalty (profit vs tenure (months))',
  'chart.vl.title.profit.1': 'Value × loyalty (profit vs repeat-purchase rate)',
  'chart.vl.title.profit.2': 'Value × loyalty (profit vs share of months active)',
  'chart.vl.title.profit.3': 'Value × loyalty (profit vs survey loyalty (0–1))',
  'chart.vl.title.revenue.0': 'Value × loyalty (revenue vs tenure (months))',
  'chart.vl.title.revenue.1': 'Value × loyalty (revenue vs repeat-purchase rate)',
  'chart.vl.title.revenue.2': 'Value × loyalty (revenue vs share of months active)',
  'chart.vl.title.revenue.3': 'Value × loyalty (revenue vs survey loyalty (0–1))',
  'leaky.chart.today': 'Today: {customers}',
  'leaky.chart.long_run': 'Long run: {customers}',
  'retention_what_if.chart.break_even': 'Break-even at +{points} points',
  'chart.retention_what_if.never': 'The programme never breaks even at this cost',
  'equity.chart.subtitle': 'Customers × CLV; retention {from} → {to}',
  'equity.chart.label': '{kept} kept · CLV {clv}',
  'clv.chart.holdout.subtitle':
    'Average per customer over the {length} holdout, by repeat purchases in the calibration period',
  'clv.chart.p_alive.subtitle':
    'P(alive) of customers with at least one repeat purchase; the {customers} one-time buyers are left out (the model puts them at 100%)',
  'clv.chart.concentration.title': 'The top 20% of customers hold {share} of expected value',
  'clv.chart.concentration.subtitle': 'Cumulative share of the expected margin over {horizon}, customers ranked by it',
  'clv.chart.concentration.label': 'top 20%: {share}',
  'seg.chart.period': '{start} to {end}',
  'seg.chart.measure.spend': 'average monthly spend',
  'seg.chart.measure.profit': 'average monthly profit',
  'seg.chart.measure.orders': 'average monthly orders',
  'tiers.chart.subtitle': '{measure}, {period}',
  'migration.chart.sub': '{early} → {late}, {measure}',
  'migration.chart.matrix.subtitle': '{sub}; numbers = customers',
  'migration.chart.value.title': 'Tier migration: {what} gained or lost by each move',
  'migration.chart.value.subtitle':
    '{sub}; later − earlier period total (gone = all of it lost, new = all of it gained)',
  'migration.chart.value.color': 'Change in {what}',
  'margin_multiple.chart.subtitle':
    'Margin multiple r/(1+i−r) by retention rate, per discount rate; labels: the published grid at {low} (above) and {high} (below)',
  'margin_multiple.chart.subtitle.variant':
    'Margin multiple ({formula}) by retention rate, per discount rate; labels: the grid at {low} (above) and {high} (below)',
  'margin_multiple.chart.first_now': 'first margin now',
  'margin_multiple.chart.growth': 'margin growth {growth} a period',
  'margin_multiple.chart.margins': '{n} margins',
  // Analysis titles (the slide footer names the analysis a chart comes from, in the deck's language)
  'analysis.title.tiers': 'Tier ladder',
  'analysis.title.rfm': 'RFM segments',
  'analysis.title.value-loyalty': 'Value × loyalty matrix',
  'analysis.title.mvc-mgc-bz': 'Most valuable, most growable and below-zero customers',
  'analysis.title.migration': 'Tier migration and early warning',
  'analysis.title.whale-curve': 'Whale curve: who really makes the profit',
  'analysis.title.profit-diagnostics': 'Profit diagnostics: where the margin goes',
  'analysis.title.satisfaction-loyalty': 'Satisfaction–loyalty curve',
  'analysis.title.loyalty-quadrant': 'Loyalty quadrant (apostles, mercenaries, hostages, defectors)',
  'analysis.title.word-of-mouth': 'Word of mouth by satisfaction',
  'analysis.title.satisfaction-what-if': 'Satisfaction what-if and value at stake',
  'analysis.title.cohorts': 'Cohorts and old-customer value',
  'analysis.title.margin-multiple': 'Margin multiple (CLV)',
  'analysis.title.customer-equity': 'Customer equity',
  'analysis.title.retention-what-if': 'Retention what-if',
  'analysis.title.leaky-bucket': 'The leaky bucket',
  'analysis.title.bundling': 'Bundling and switching cost',
  'analysis.title.churn-reasons': 'Why customers leave',
  'analysis.title.clv-bgnbd': 'Who will buy again? (BG/NBD + Gamma-Gamma CLV)',
  'analysis.title.scorecard': 'Customer-asset scorecard',
  'analysis.title.sbg-retention': 'How long will subscribers stay? (sBG)',
  'analysis.title.clv-bgbb': 'Who will give again? (BG/BB)',

  // Notes of the other analyses (retention, CLV, satisfaction, MVC/MGC/BZ, profit)
  'term.period.month': 'month',
  'term.period.quarter': 'quarter',
  'term.period.year': 'year',
  'term.periods.month': 'months',
  'term.periods.quarter': 'quarters',
  'term.periods.year': 'years',
  'term.ordinal.st': '{n}st',
  'term.ordinal.nd': '{n}nd',
  'term.ordinal.rd': '{n}rd',
  'term.ordinal.th': '{n}th',
  'note.retention.assumed_margin':
    'No cost of goods in the data: margin is assumed at {margin} of revenue (option margin_pct).',
  'note.retention.too_short':
    'Retention needs two complete {period} of transactions (or at least two complete months); the data has fewer.',
  'note.retention.too_short.month': 'Retention needs two complete {period} of transactions; the data has fewer.',
  'note.retention.shorter_period':
    'The data does not hold two complete {asked}, so retention compares the last two complete {used} ({prev} and {last}) instead; horizons keep their length (one {asked_one} = {n} {used}).',
  'note.retention.partial_first':
    'The data starts inside {prev}, so that {period} is partial and retention is understated.',
  'note.retention.spend_tiers':
    'Spend tiers are set within each period: retention follows customers by their tier in the earlier period; margin and counts use the later one.',
  'note.retention.no_base': 'The data holds no customer base to measure retention on.',
  'note.retention.no_customers':
    'No customer base observed in the last complete period, so there is nothing to evaluate.',
  'note.retention_what_if.programme_cost':
    'Programme cost not set: assumed {cost} per customer {per} ({share} of the margin per customer).',
  'note.retention_what_if.acquisition_cost':
    'Acquisition cost not set: assumed {multiple} the retention cost per customer. Studies put acquiring a customer at {low}–{high} the cost of keeping one.',
  'note.retention_what_if.present_values':
    'Present values over {horizon} at {rate} {per}; the programme is paid for every customer still in the base at the start of each {period}. Segments are assumed to respond alike.',
  'note.retention_what_if.margin_raised': 'Margin per customer raised by {change} (option margin_change).',
  'note.retention_what_if.margin_lowered': 'Margin per customer lowered by {change} (option margin_change).',
  'note.leaky.acquisition_cost':
    "No acquisition cost in the data: assumed one {period}'s revenue per customer ({cost}); set option acquisition_cost.",
  'note.leaky.retention_cost':
    'Retention cost per customer kept assumed at 1/{multiple} of the acquisition cost (studies: acquiring costs {low}–{high} retaining).',
  'note.equity.capped':
    'Retention of {segments} was {full} and is capped at {cap} (a perpetuity at {full} has no finite value).',
  'note.equity.formula':
    'CLV = margin per customer × r/(1 + i − r) (Gupta & Lehmann 2003), with i = {rate} {per}; it counts margins from the next {period} on.',
  'note.margin_multiple.formula':
    'Gupta & Lehmann (2003): CLV = m·r/(1+i−r) for constant margin m, retention r and discount rate i, first margin one period from now.',
  'note.margin_multiple.infinite':
    '{cells} grid {cells|cell is|cells are} empty: there margin growth outgrows the discount rate (r(1+g) ≥ 1+i), so the value has no finite limit.',
  'note.cohorts.dropped': '{cohorts} older cohorts are left out of the heatmap (option max_cohorts).',
  'note.cohorts.acquired':
    'A customer is acquired in the period of their first transaction in the data; customers who bought before the data starts look new in its first period.',
  'note.cohorts.short_tenure':
    'The data covers fewer than {years} whole tenure years, so the loyal-vs-new ratio cannot be computed yet.',
  'note.churn_reasons.none':
    'No churn reasons in the data (customers column "{column}" is missing or empty). Record why customers leave — a reason or complaint category per lost customer — to see which root causes matter most.',
  'note.churn_reasons.lost_value':
    'Lost value = revenue in the 12 months before the churn date (before the last purchase when no churn date is recorded).',
  'note.churn_reasons.no_value': 'No transactions and no value_column: the Pareto by lost value is empty.',
  'note.churn_reasons.no_churn': 'No churned customers found.',
  'note.bundling.no_churn':
    'No churn data: the customers table has no churn_date values. Name a Yes/No churn column with option churn_column.',
  'note.bundling.no_service_columns': 'products_from is columns but no service_columns were named.',
  'note.bundling.categories': 'Products held = distinct product categories each customer has bought.',
  'note.bundling.no_products':
    'No product holdings: name the service columns (option service_columns) or import transactions with a category.',
  'note.bundling.no_contract':
    'No contract types: the customers table has no values in "{column}" (option contract_column).',
  'note.bundling.association':
    'These are associations, not proof: customers who hold more or sign longer may differ in other ways too.',
  'note.mvc.potential.peers':
    'Potential = the {percentile} percentile of {what} among peers (same {column}), for customers whose second-half spend is at least their first-half spend; declining customers have no headroom.',
  'note.mvc.potential.all':
    'Potential = the {percentile} percentile of {what} among peers (all customers: no segment or region column), for customers whose second-half spend is at least their first-half spend; declining customers have no headroom.',
  'note.mvc.lists': 'Lists show the top {top} of each group; period {from} to {to} (halves split after {mid}).',
  'note.clv.time_unit':
    'Time unit: {unit}. Recency, T, α and the horizon are in {unit}; a purchase occasion is a day with at least one sale (several orders on one day count once; a day of returns only does not count). Frequency = repeat occasions after the first.',
  'note.clv.time_unit.months':
    'Time unit: {unit} (average months of 30.4375 days). Recency, T, α and the horizon are in {unit}; a purchase occasion is a day with at least one sale (several orders on one day count once; a day of returns only does not count). Frequency = repeat occasions after the first.',
  'note.clv.one_time':
    '{customers} customers ({share}) bought only once before {until}. BG/NBD assumes customers can only drop out right after a purchase, so it gives every one-time buyer P(alive) = 100%; their expected purchases come from the population\'s average behaviour, not from anything they did. Read their scores as "unknown", not "safe".',
  'note.clv.fitted.holdout':
    'Fitted on transactions up to {until}; predictions are made as of that day, and the {until} → {to} period is only used to check them.',
  'note.clv.fitted':
    'Fitted on all transactions up to {until}. Set calibration_end and holdout_end to check the model on data it has not seen.',
  'note.clv.expected_value':
    'Expected value = margin ({margin} of revenue) × expected purchases in each month of the horizon × expected spend per purchase (Gamma-Gamma), discounted at {discount} a year to {until}.',
  'note.clv.intervals':
    'Parameter uncertainty (standard errors from the observed information; 95% intervals by the delta method): expected purchases {low}–{high}. They cover the estimation error of the parameters only, not whether the model suits the data (the holdout check tests that).',
  'note.clv.intervals.value':
    'Parameter uncertainty (standard errors from the observed information; 95% intervals by the delta method): expected purchases {low}–{high}, expected margin {value_low}–{value_high}. They cover the estimation error of the parameters only, not whether the model suits the data (the holdout check tests that).',
  'note.clv.no_intervals': 'No intervals: for BG/NBD, {why}.',
  'note.clv.no_spend_interval':
    "The interval of expected value leaves out the spend model's uncertainty: for Gamma-Gamma, {why}.",
  'note.clv.why.curvature':
    "the likelihood's curvature could not be computed at the estimate ({params}), so there are no standard errors",
  'note.clv.why.singular':
    'the observed information matrix is singular at the estimate: the data do not pin down all of {params} (the likelihood is flat in some direction), so there are no standard errors',
  'note.clv.plain_spend':
    'Fewer than {min} repeat buyers: spend per purchase is the plain average of repeat purchases, not a Gamma-Gamma estimate.',
  'note.clv.correlation':
    'Gamma-Gamma assumes spend per purchase is unrelated to how often a customer buys: the correlation among repeat buyers is {rho}.',
  'note.clv.correlation.strong':
    'Gamma-Gamma assumes spend per purchase is unrelated to how often a customer buys: the correlation among repeat buyers is {rho}, too strong to ignore — treat expected values with caution.',
  'note.clv.not_converged': 'The model fit stopped before converging fully; parameters may be imprecise.',
  'note.clv.no_transactions': 'The CLV models need a transactions table (customer_id, date, revenue).',
  'note.clv.no_rows': 'There are no transactions with a customer, a date and a revenue: nothing to model.',
  'note.clv.too_few': 'Only {customers} {customers|customer|customers} before {until}: too few to fit the models.',
  'note.clv.too_few.no_repeat':
    'Only {customers} {customers|customer|customers}, none with a repeat purchase, before {until}: too few to fit the models.',
  'note.sat.missing_surveys':
    'No survey responses in this dataset, so the satisfaction–loyalty analyses cannot run. They need a `surveys` table with customer_id and satisfaction (a score on 1–5, 1–7, 1–10 or 0–10), ideally with the response date (to follow what each customer did afterwards in `transactions`), plus optional recommend (0–10) for word of mouth and repurchase_intent (1–5) for stated intent. Map your survey export onto `surveys` in the import wizard, using the same customer ids as the transactions.',
  'note.sat.outcome.retained':
    'retained: bought at least once in (survey date + {gap}, + {window} days] and not churned by its end',
  'note.sat.outcome.repurchased': 'repurchased: bought at least once in (survey date + {gap}, + {window} days]',
  'note.sat.outcome.wallet_kept':
    'kept share of wallet: spend in (survey date + {gap}, + {window} days] ≥ {min} × spend in the {window} days up to the survey',
  'note.sat.outcome.stated_intent': 'stated intent: repurchase intent ≥ {intent} on 1–5',
  'note.sat.no_transactions':
    'The "{outcome}" outcome follows customers in `transactions`, and there are none. Load transactions, or use outcome: stated_intent.',
  'note.sat.no_dates':
    'The survey responses have no date, so what customers did afterwards cannot be followed (outcome "{outcome}"). Map the response date, or use outcome: stated_intent if the survey asked about repurchase intent.',
  'note.sat.no_intent':
    'The stated_intent outcome needs `surveys.repurchase_intent` (1–5), which this dataset does not have. Use a behavioural outcome (retained, repurchased, wallet_kept) instead.',
  'note.sat.unknown_scale':
    'surveys.scale holds {declared}, which is not a known scale; the scale was detected from the scores instead.',
  'note.sat.mixed_scales':
    'surveys.scale mixes {scales} scales; the most frequent ({declared}) is used and scores outside it are dropped. Set the scale option to choose.',
  'note.sat.no_scale':
    'Satisfaction scores run from {min} to {max}, which fits none of the supported scales (1–5, 1–7, 1–10, 0–10). Set the scale option or fix the scores.',
  'note.sat.scale.declared': 'Scale {scale} (declared in surveys.scale).',
  'note.sat.scale.detected': 'Scale {scale} (detected from the scores).',
  'note.sat.no_customers': 'No customers table, so there is no "{segment}" to compare curves by; showing one curve.',
  'note.sat.no_segment': 'customers has no column "{segment}" (it has {columns}); showing one curve.',
  'note.sat.outcome':
    'Loyalty outcome — {outcome}. Several responses per customer: the latest one whose outcome can be observed is used.',
  'note.sat.rows': '{rows} survey rows from {customers} customers; {usable} with a usable response.',
  'note.sat.rows.outcome':
    '{rows} survey rows from {customers} customers; {usable} with a usable response, {with_outcome} with a loyalty outcome.',
  'note.sat.out_of_scale': '{rows} survey rows have no customer id or a score outside {scale} and were dropped.',
  'note.sat.censored':
    '{customers} respondents answered too recently: their outcome window ends after the data ({end}), so whether they stayed is not yet known (censored) and they are excluded.',
  'note.sat.censored.last':
    '{customers} respondents answered too recently: their outcome window ends after the data (last transaction), so whether they stayed is not yet known (censored) and they are excluded.',
  'note.sat.undated': '{customers} respondents have no dated response and cannot be followed; excluded.',
  'note.sat.no_purchases':
    '{customers} respondents have no transactions at all — usually survey ids that do not match the transaction ids, or prospects who never bought. They have no loyalty outcome; check the id mapping.',
  'note.sat.no_purchases.curve':
    '{customers} respondents have no transactions at all — usually survey ids that do not match the transaction ids, or prospects who never bought. They have no loyalty outcome and are left out of the curve; check the id mapping.',
  'note.sat.no_wallet':
    '{customers} respondents spent nothing in the {window} days before the survey, so there is no wallet share to keep; excluded.',
  'note.sat.undated_costs':
    'service_costs has no dates, so cost to serve cannot be placed in time: profit here is gross margin only.',
  'note.sat.no_cost': 'transactions has no cost: profit is revenue less cost to serve.',
  'note.sat.at_stake':
    "Revenue and profit are each customer's in the {window} days up to the survey (what is at stake); profit = revenue − cost − cost to serve.",
  'note.sat.nothing': 'Nothing to compute on this data.',
  'note.sat.no_outcome_yet':
    'No respondent has a loyalty outcome yet: nothing to draw. Try a shorter window_days or an earlier data_end.',
  'note.sat.unreliable':
    '{count|Level|Levels} {levels} {count|has|have} fewer than {min} respondents: drawn, but not used to place the zones (wide intervals).',
  'note.sat.zones.none': 'Fewer than three levels have {min}+ respondents, so no zones were located.',
  'note.sat.zones.manual': 'Zones set by the defection_max / affection_min options.',
  'note.sat.zones.midpoint': 'The curve has no flat stretch, so zones are split at the midpoint of the loyalty range.',
  'note.sat_what_if.value.mean':
    'Each extra loyal customer is valued at {value}: the mean profit loyal respondents brought in their {window}-day outcome window. Set value_per_loyal to use your own figure.',
  'note.sat_what_if.value.set': 'Each extra loyal customer is valued at {value} (value_per_loyal option).',
  'note.sat_what_if.causal':
    'The what-if reads the curve causally: customers lifted a level are assumed to behave like those already there. The interval reflects sampling error in the two rates only.',
  'note.sat_what_if.empty':
    'No respondents with an outcome at level {from} or {to}: the what-if cannot be computed there.',
  'note.quadrant.cut': 'Satisfied = {cut} or more on {scale}. Loyal = {outcome}.',
  'note.quadrant.cut.default':
    'Satisfied = {cut} or more on {scale} (default: the top quarter of the scale; set satisfied_from to change). Loyal = {outcome}.',
  'note.quadrant.no_outcome': 'No respondent has a loyalty outcome yet: no quadrant to draw.',
  'note.wom.latest': 'Every respondent’s latest response is used (word of mouth needs no outcome window).',
  'note.wom.no_recommend':
    'The surveys have no "would you recommend" answers (surveys.recommend, 0–10), so word of mouth cannot be measured. Add the question to the survey, or map it in the import wizard; the other satisfaction analyses do not need it.',
  'note.profit.margin_chosen':
    'Gross margin is assumed at {margin} of revenue (as chosen), not taken from the cost column.',
  'note.profit.margin_assumed':
    'There is no cost-of-goods data, so gross margin is assumed to be {margin} of revenue for every customer. Change the assumed margin to see how sensitive the result is.',
  'note.profit.margin_recorded':
    'Gross margin is revenue minus the recorded cost of goods; any line without a cost uses the assumed {margin} margin.',
  'note.profit.no_line_cost':
    'No transaction line in the period has a cost, so gross margin is assumed to be {margin} of revenue throughout.',
  'note.profit.some_lines':
    'Gross margin is revenue minus the recorded cost of goods, except for {without} of {lines} transaction lines ({share}) that have no cost: those use the assumed {margin} margin.',
  'note.profit.no_cost_to_serve':
    'There is no cost-to-serve data (no service_costs table) and no allocation rule is set, so profit here is gross margin only. Loss-making customers come mostly from service cost, bad debt and disputes: set a cost per order or per return to see them.',
  'note.diagnostics.no_column':
    'The customers table has no column "{column}" (it has {columns}), so profit is not broken down by it; choose one of those columns.',
  'note.diagnostics.no_customers':
    'There is no customers table, so profit is not broken down by {column}; import customers with a {column} column to see it.',
  'note.diagnostics.no_cost_to_serve':
    'No cost to serve is recorded or allocated, so there is nothing to break down by category.',
  'chart.value.all_customers': 'All customers',
  'note.missing_table':
    '{analysis} needs a table {tables}, which this dataset does not have. Import it with the import wizard (Data → Import), mapping its columns onto {tables}.',
  'note.missing_tables':
    '{analysis} needs the tables {tables}, which this dataset does not have. Import them with the import wizard (Data → Import), mapping their columns onto {tables}.',
  'analysis.tiers': 'Tier ladder',
  'analysis.rfm': 'RFM segments',
  'analysis.migration': 'Tier migration and early warning',
  'analysis.value-loyalty': 'Value × loyalty matrix',
  'analysis.mvc-mgc-bz': 'Most valuable, most growable and below-zero customers',
  'analysis.retention-what-if': 'Retention what-if',
  'analysis.margin-multiple': 'Margin multiple (CLV)',
  'analysis.leaky-bucket': 'The leaky bucket',
  'analysis.churn-reasons': 'Why customers leave',
  'analysis.bundling': 'Bundling and switching cost',
  'analysis.cohorts': 'Cohorts and old-customer value',
  'analysis.customer-equity': 'Customer equity',
  'analysis.scorecard': 'Customer-asset scorecard',
  'analysis.clv-bgnbd': 'Who will buy again? (BG/NBD + Gamma-Gamma CLV)',
  'analysis.satisfaction-what-if': 'Satisfaction what-if and value at stake',
  'analysis.loyalty-quadrant': 'Loyalty quadrant (apostles, mercenaries, hostages, defectors)',
  'analysis.word-of-mouth': 'Word of mouth by satisfaction',
  'analysis.satisfaction-loyalty': 'Satisfaction–loyalty curve',
  'analysis.whale-curve': 'Whale curve: who really makes the profit',
  'analysis.profit-diagnostics': 'Profit diagnostics: where the margin goes',
  'note.cell_na.notebook':
    'This notebook needs {needs}, which the loaded data does not have. Import data that has {count|it|them} with the import wizard (Data → Import).',
  'note.cell_na.notebook.dataset':
    'This notebook needs {needs}, which the loaded data does not have (it is written for the {dataset} data). Import data that has {count|it|them} with the import wizard (Data → Import).',
  'note.cell_na.query_table':
    'This query reads the {table} table, which this dataset does not have. Import it with the import wizard (Data → Import) to run this cell.',
  'note.cell_na.dependency': '{cell} does not apply to this data: {why}',
} as const satisfies Record<string, string>;
