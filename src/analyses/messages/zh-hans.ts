/**
 * 简体中文 findings, written as a Chinese consultant would put them on a slide (前 20% 的客户贡献了
 * 138% 的利润), with the field's terms: 客户终身价值, 客户资产, 流失, 留存, 口碑, 最有价值客户,
 * 最具增长性客户, 负值客户. Numbers come formatted for zh (99.2万, 1.29亿).
 */
import type { FindingKey } from './catalogs.ts';

export const findingsZhHans: Record<FindingKey, string> = {
  'common.empty': '',
  'common.period': '。',

  'whale.empty': '这一期间没有活跃客户，因此画不出鲸鱼曲线。',
  'whale.headline.loss':
    '客户群整体处于亏损：总利润为 {total}。前 {k} 的客户赚了 {top_profit}，盈利的 {peak_customers} 客户合计赚了 {peak_profit}，而亏损的 {loss_makers} 客户吃掉了 {loss}。',
  'whale.headline.same_margin':
    '前 {k} 的客户带来 {revenue} 的收入，利润占比也相同：这里每位客户的利润率都一样，利润只是跟着收入走。',
  'whale.same_margin':
    '这份数据看不出究竟是谁在创造利润：不知道服务每位客户的成本，就不会有客户亏损。请导入服务成本表（service_costs），或为每笔订单、每次退货设定处理成本，才能看到亏损客户。',
  'whale.headline.earn': '前 {k} 的客户贡献了 {top} 的利润。',
  'whale.headline.and': '前 {k} 的客户带来 {revenue} 的收入和 {top} 的利润。',
  'whale.headline.but': '前 {k} 的客户只带来 {revenue} 的收入，却贡献了 {top} 的利润。',
  'whale.headline.and_only': '前 {k} 的客户带来 {revenue} 的收入，但只贡献了 {top} 的利润。',
  'whale.peak.none': '每位客户都盈利（或保本），曲线一路升到 {peak}，没有驼峰：没有需要处理的亏损客户。',
  'whale.peak': '利润在最赚钱的 {peak_customers} 客户处达到峰值，为总利润的 {peak}；此后的每位客户都在亏钱。',
  'whale.loss_makers': '{share} 的客户不赚钱。他们合计亏损 {loss}，相当于总利润的 {loss_share}，要靠最好的客户赚回来。',
  'whale.decomposition':
    '前 {k} 的客户贡献 {top} 的利润；其余盈利客户再贡献 {rest}；亏损客户吃掉 {loss}（{top} + {rest} − {loss} = {total}）。',
  'whale.all_profit': '仅最好的 {share} 客户就赚取了 {total} 的利润。',
  'whale.single': '只有一位客户，曲线只有一级台阶，各项占比说明不了什么。',
  'whale.what_if': '{action}（{fixed} 位客户），总利润将从 {before} 提升到 {after}{rel}{peak}',
  'whale.what_if.break_even': '让最差的 {share} 亏损客户达到盈亏平衡',
  'whale.what_if.drop': '放弃最差的 {share} 亏损客户',
  'whale.what_if.rel': '（{rel}）',
  'whale.what_if.peak': '；曲线峰值随之变为 {after}，而不是 {before}。',
  'whale.what_if.peak_from_loss': '；曲线峰值随之变为 {after}，不再是亏损。',

  'term.profit': '利润',
  'term.revenue': '收入',
  'term.orders': '订单数',
  'term.other_tiers': '其他层级',
  'term.other_cells': '其他象限',
  'term.other_customers': '其他客户',
  'seg.share_of': '{share} 的{what}',
  'seg.share_of.over': '{share} 的{what}——比全部还多，因为{others}合计在亏损',
  'seg.amount_of.loss': '{amount} 的{what}（客户整体亏损 {loss}，用{what}占比来衡量会产生误导）',
  'seg.amount_of.zero': '{amount} 的{what}（客户整体盈亏持平，{what}占比没有意义）',
  'tiers.top.revenue': '{customers} 的客户属于{names}，贡献了 {value} 的收入。',
  'tiers.top.profit_over': '{customers} 的客户属于{names}，贡献了 {revenue} 的收入和 {value}。',
  'tiers.top.profit': '{customers} 的客户属于{names}，贡献了 {value} 的利润（收入占 {revenue}）。',
  'tiers.bottom': '{tier}层级占客户数的 {customers}，却只贡献了 {revenue} 的收入{tail}。',
  'tiers.bottom.loses': '，而且在亏钱（占总利润的 {profit}）',
  'tiers.bottom.earns': '和 {profit} 的利润',
  'tiers.bottom.amount': '，以及 {value}',
  'tiers.one_tier': '全部 {customers} 位客户都落在{tier}层级：他们的{what}太接近，分层无法把他们区分开。',

  'rfm.champions': '“冠军客户”（最近买过、买得频繁）占客户的 {customers}，带来 {share} 的{what}。',
  'rfm.at_risk':
    '{customers} 位曾经常购买的客户已经沉寂（“有流失风险”或“不能失去”），合计占 {share} 的{what}——这是挽回电话的第一份名单。',
  'rfm.lost': '{share} 的客户已经流失（很久没来，也很少购买）。',
  'rfm.no_recency_spread':
    '全部 {customers} 位客户最近一次购买的时间相同，按最近购买时间无法区分他们：R × F 细分（冠军客户、有流失风险、已流失）在这份数据上没有意义。可以调整截止日期，或按购买频次和金额来比较。',

  'migration.movement':
    '前一期的 {total} 位客户中，{up} 升了一级或以上，{down} 降了级，{gone} 不再购买；另有 {arrived} 位客户是新来或回流的。',
  'migration.no_core': '前一期没有核心客户。',
  'migration.early_warning':
    '{core} 位核心客户（{names}）中，{full} 已完全流失，{partial} 的消费减少了 {drop} 以上（部分流失）：每年有 {at_risk} 的价值面临风险。',

  'value_loyalty.core': '核心客户（高价值、高忠诚）占客户的 {customers}，贡献了 {value}。要为他们提供最好的服务。',
  'value_loyalty.stabilise':
    '{customers} 的客户价值高但忠诚度低；他们贡献了 {share} 的{what}，是最大的流失风险。要先稳住他们。',
  'value_loyalty.stabilise.amount':
    '{customers} 的客户价值高但忠诚度低；他们贡献了 {value}，是最大的流失风险。要先稳住他们。',
  'value_loyalty.stabilise.none': '没有“价值高但忠诚度低”的客户：这一象限里没有需要稳住的人。',
  'mvc.mvc': '{customers} 位最有价值客户（占 {customer_share}）贡献了 {value}。',
  'mvc.mgc':
    '{customers} 位是最具增长性客户：如果每位都能带来同类中佼佼者的{what}水平，这一期间的{what}将再多 {headroom}。',
  'mvc.bz': '{customers} 位客户（占 {customer_share}）是负值客户：服务他们的成本比他们带来的多出 {cost}。',
  'mvc.bz.none': '这一期间没有负值客户。',
  'mvc.mvc.none': '这一期间没有客户的{what}为正，因此没有最有价值客户。',
  'mvc.mgc.none': '没有客户落后于同类中的佼佼者，因此没有最具增长性客户。',

  'diagnostics.waterfall':
    '服务成本吃掉了 {gross} 毛利中的 {share}，只剩下 {net} 的净利润；其中最大的一项是{item}（{item_cost}）。',
  'diagnostics.waterfall.acquisition':
    '服务成本和获客成本吃掉了 {gross} 毛利中的 {share}，只剩下 {net} 的净利润；其中最大的一项是{item}（{item_cost}）。',
  'diagnostics.cost_driver':
    '让客户变成亏损客户的，主要是{category}：亏损客户在这一项上的成本是平均客户的 {lift}，占亏损客户服务成本的 {share_loss_makers}，而在全体客户中只占 {share_all}。',
  'diagnostics.tiers': '消费最高的层级贡献了 {top} 的利润；最低的层级{bottom}，其中 {unprofitable} 的客户不赚钱。',
  'diagnostics.tiers.loses': '亏损 {loss}',
  'diagnostics.tiers.earns': '贡献 {share}',
  'diagnostics.tiers.earns_amount': '盈利 {amount}',
  'diagnostics.tiers.loss_base':
    '客户整体亏损 {total}，用利润占比来衡量会产生误导：消费最高的层级{top}；最低的层级{bottom}，其中 {unprofitable} 的客户不赚钱。',

  'bundling.held.one': '{n} 种产品',
  'bundling.held': '{n} 种产品',
  'bundling.overall': '{rate} 的客户已经流失。',
  'bundling.effect': '持有 {few} 的客户流失率为 {few_rate}；持有 {many} 的客户为 {many_rate}。',
  'bundling.effect.peak':
    '持有 {peak} 的客户流失率最高（{peak_rate}），持有 {many} 的客户降到 {many_rate}；持有 {few} 的客户流失率为 {few_rate}。',
  'bundling.contract': '“{worst}”客户的流失率为 {worst_rate}，“{best}”客户为 {best_rate}。',
  'bundling.contract.ratio': '“{worst}”客户的流失率为 {worst_rate}，“{best}”客户为 {best_rate}：前者是后者的 {ratio}。',
  'churn_reasons.top': '“{reason}”是最常见的流失原因：在流失的 {lost} 位客户中占 {share}。',
  'churn_reasons.vital_few': '{reasons} 个原因中的 {vital} 个，就占了流失客户的 {share}。',
  'churn_reasons.top_value': '按价值计，“{reason}”的损失最大：占流失总价值 {lost} 的 {share}。',

  'cohorts.retention_p1.month': '平均而言，每个月的新客户中有 {rate} 会在下个月再次购买。',
  'cohorts.retention_p1.quarter': '平均而言，每个季度的新客户中有 {rate} 会在下个季度再次购买。',
  'cohorts.retention_1y': '获客一年后，仍有 {rate} 的客户在购买。',
  'cohorts.loyal_spend':
    '合作第 {years} 年及以上的客户，消费额是他们第一年的 {ratio}（参考数字：忠诚客户的消费是新客户的 {low}–{high}{verdict}）。',
  'cohorts.loyal_spend.below': '；你们的低于这一范围',
  'cohorts.loyal_spend.above': '；你们的高于这一范围',
  'cohorts.loyal_spend.within': '；你们的在这一范围内',
  'cohorts.repeat_share': '{share} 的收入来自重复购买（参考：一位顶尖销售员 {seed} 的业绩来自回头客）。',
  'cohorts.year1_spend': '新客户第一年的消费为 {spend}。',

  'per.month': '每月',
  'per.quarter': '每季度',
  'per.year': '每年',
  'period_margin.month': '月度利润',
  'period_margin.quarter': '季度利润',
  'period_margin.year': '年度利润',
  'target.customers': '客户数',
  'target.revenue': '收入',
  'equity.equity': '现有的 {customers} 位客户未来能带来 {equity} 的利润（客户资产）。',
  'equity.retention': '{from} 的客户中有 {rate} 在 {to} 再次购买：每位客户的价值相当于{margin}的 {multiple}。',
  'equity.top_segment': '“{segment}”以 {customers} 的客户占了 {share} 的客户资产。',
  'leaky.end_change':
    '{per}流失 {churn}、新增 {acquired} 位客户，{duration}后客户数将从 {start} 变为 {end}（{change}）。',
  'leaky.spend_ratio':
    '要让{target}保持不变，{per}要么花 {acquisition} 多获取 {extra} 位新客户，要么花 {retention} 多留住 {keep} 位客户（流失率降到 {churn}）：获客的花费是留存的 {ratio}。',
  'leaky.no_shrink.customers': '新增客户已经快过流失：客户数不会减少。',
  'leaky.no_shrink.revenue': '新增客户已经快过流失：收入不会减少。',
  'leaky.no_leak': '几乎没有客户流失（{per}流失 {churn}）：这个桶基本不漏，多获客还是多保留都改变不了什么。',
  'margin_multiple.clv':
    '在 {retention} 的留存率和 {discount} 的折现率下，每期贡献 {margin} 利润的客户，终身价值为 {clv}。',
  'margin_multiple.clv.net':
    '在 {retention} 的留存率和 {discount} 的折现率下，每期贡献 {margin} 利润的客户，扣除获客成本后的终身价值为 {clv}。',
  'retention_what_if.equity_change.adds':
    '把留存率从 {from} 提高到 {to}，扣除项目费用后，客户资产增加 {change}（相对于目前的 {before}，变化 {profit_change}）。',
  'retention_what_if.equity_change.loses':
    '把留存率从 {from} 提高到 {to}，扣除项目费用后，客户资产反而减少 {change}（相对于目前的 {before}，变化 {profit_change}）。',
  'retention_what_if.claim':
    '赖克霍德与萨瑟（Reichheld & Sasser）：留存率提高 {points}，利润可提升 {low}–{high}。按你们的数据，留存率提高 {points}，客户群的终身利润在扣除项目费用前将提升 {change}。',
  'retention_what_if.no_room':
    '保留率已经是 {from}，没有再提高 {uplift} 的空间：在这里做保留计划只会花钱（客户资产减少 {change}）。不如从毛利和获客着手。',
  'retention_what_if.never_pays': '在这个成本下，无论留存率提高多少，项目都收不回成本。',
  'retention_what_if.break_even': '留存率提高 {uplift} 以上，项目就能收回成本。',
  'retention_what_if.cost_per_kept': '通过项目每留住一位客户花费 {cost}，而获取一位新客户来替代要花 {acquisition}。',
  'retention_what_if.target_first': '优先针对“{segment}”：在那里每投入一单位费用，可以保住 {saves} 的利润。',

  'per.day': '每天',
  'per.week': '每周',
  'clv.expected_purchases':
    '模型预计 {from} 之后的 {horizon} 内，这 {customers} 位客户将购买 {purchases} 次，带来 {value} 的利润（按每年 {discount} 折现）。',
  'clv.top20': '按预期价值排序，前 {top} 的客户占了全部预期价值的 {share}。',
  'clv.at_risk':
    '{customers} 位回头客更可能已经流失而非仍然活跃（P(alive) 低于 {half}）；截至 {until}，他们合计消费了 {spent}——这就是预警名单。',
  'clv.at_risk.none': '没有哪位回头客看起来更可能已经流失（所有人的 P(alive) 都高于 {half}）。',
  'clv.dropout':
    '活跃客户{per}大约购买 {rate} 次，每次购买后约有 {dropout} 会永久流失——所以频繁购买之后的长期沉默是一个警讯。',
  'clv.holdout':
    '留出期检验：模型只用之前的数据拟合，预计 {from} → {to}（{length}）会有 {expected} 次重复购买；实际发生 {actual} 次（{error}）。',
  'clv.holdout.none':
    '留出期检验：模型只用之前的数据拟合，预计 {from} → {to}（{length}）会有 {expected} 次重复购买；实际发生 {actual} 次（没有购买）。',

  'outcome.retained': '留了下来',
  'outcome.repurchased': '再次购买',
  'outcome.wallet_kept': '保住了钱包份额',
  'outcome.stated_intent': '表示会再次购买',
  'satisfaction.top_box':
    '打 {top} 分的客户中，{top_rate} {outcome}；打 {next} 分的客户中只有 {next_rate}：可能性是后者的 {ratio}{ci}{turned}“满意”不是目标，“完全满意”才是。',
  'satisfaction.top_box.ci': '（95% 置信区间 {low}–{high}）',
  'satisfaction.top_box.turned':
    '。反过来看，打 {next} 分的客户有 {next_leave} 没有做到，打 {top} 分的只有 {top_leave}：流失率是后者的 {ratio}。',
  'satisfaction.zones':
    '{affection} 分及以上是“情感区”（{affection_rate} {outcome}）；{defection} 分及以下是“背离区”（{defection_rate}）。两者之间，满意度再提高也换不来多少忠诚。',
  'satisfaction.value_at_stake':
    '分析的客户中有 {customers} 位处在背离区，他们在调查前 {window}内带来 {revenue} 的收入和 {profit} 的利润（占分析收入的 {share}）；按曲线预计，其中 {defectors} 位会流失。',
  'satisfaction.competitive':
    '在“{steep}”，比最高分低一级，忠诚度就下降 {steep_drop}；在“{flat}”只下降 {flat_drop}。曲线越陡，市场竞争越激烈：在那里，客户只要没被打动就会离开。',
  'quadrant.hostages':
    '{customers} 位客户（占 {share}）是“人质”：虽然不满意却留了下来，带来 {revenue} 的收入。一旦转换障碍消失他们就会离开——先解决他们的问题；名单在 hostages 表里。',
  'quadrant.mercenaries': '{customers} 位满意的客户（占 {share}）并没有留下：他们是“唯利是图者”。光靠满意留不住他们。',
  'satisfaction_what_if.move':
    '把 {from} 分的 {customers} 位客户中的 {share} 提升到 {to} 分（{outcome}的比例从 {rate_from} 升到 {rate_to}），大约会多出 {extra} 位客户{outcome}（95% 区间 {extra_low} 到 {extra_high}），价值 {profit} 的利润（{profit_low} 到 {profit_high}）。',
  'satisfaction_what_if.at_stake':
    '背离区（{defection} 分及以下）面临风险的是：{customers} 位客户，以及他们在调查前 {window}内带来的 {revenue} 收入和 {profit} 利润。',
  'wom.net_advocacy': '净推荐率从 {bottom_level} 分的 {bottom} 一路升到 {top_level} 分的 {top}。',
  'wom.vocal_u':
    '谁在传播口碑：最低分的客户有 {bottom}，最安静的中间档只有 {middle}，最高分的有 {top}——口碑发生在两端。',
  'wom.vocal_u.unhappy':
    '谁在传播口碑：最低分的客户有 {bottom}，最安静的中间档只有 {middle}，最高分的有 {top}——口碑发生在两端，而不满意的客户说得最多。',

  'cost.acquisition': '获客成本（摊销）',
  'cost.bad_debt': '坏账',
  'cost.discount': '折扣',
  'cost.dispute': '纠纷',
  'cost.field_visit': '上门服务',
  'cost.return': '退货',
  'cost.support_call': '客服来电',
  'cost.litigation': '诉讼',

  'whale.chart.title.share': '前 {k} 的客户贡献了 {share} 的利润',
  'whale.chart.title.money': '客户群整体亏损（总利润 {total}）',
  'whale.chart.subtitle.share': '累计利润占总利润的比例，客户按利润从高到低排序',
  'whale.chart.subtitle.money': '以金额表示的累计利润（总额为负时，占比会误导），客户按利润从高到低排序',
  'whale.chart.x': '客户占比（利润最高者在前）→',
  'whale.chart.y.share': '↑ 累计利润占比',
  'whale.chart.y.money': '↑ 累计利润{unit}',
  'whale.chart.peak.share': '峰值：{customers} 的客户 → {profit} 的利润',
  'whale.chart.peak.money': '峰值：{customers} 的客户 → {profit}',
  'whale.chart.break_even': '盈亏平衡点：右边的客户都在亏钱',
  'whale.chart.break_even.arrow': '盈亏平衡点：右边的客户都在亏钱 →',
  'whale.chart.top': '前 {k} → {share}',
  'whale.chart.after_fixing': '处理最差的 {share} 亏损客户后',
  'whale.chart.after_dropping': '放弃最差的 {share} 亏损客户后',
  'whale.chart.whatif_label': '{action}：{end}',
  'whale.chart.whatif_end.share': '达到目前利润的 {share}',
  'whale.chart.whatif_end.money': '总利润 {total}',
  'whale.chart.pareto.title': '前 {k}：{revenue} 的收入，{profit} 的利润',
  'whale.chart.pareto.title.none': '收入集中度与利润集中度对比',
  'whale.chart.pareto.subtitle': '灰色：累计收入占比（客户按收入排序）。蓝色：累计利润占比（按利润排序）。',
  'whale.chart.key.today': '今天',
  'whale.chart.key.revenue': '收入（客户按收入排序）',
  'whale.chart.key.profit': '利润（客户按利润排序）',
  'whale.chart.pareto.x': '客户占比 →',
  'whale.chart.pareto.y': '↑ 累计占比',
  'whale.chart.revenue_point': '收入：{share}',
  'whale.chart.profit_point': '利润：{share}',
  'whale.note.nothing_to_fix': '假设分析没有找到需要处理的亏损客户。',
  'whale.note.money_mode.negative':
    '总利润为负（{total}），因此曲线以金额绘制，而不是总利润的占比：对一个非正数的总额取百分比，会让整张图上下颠倒。',
  'whale.note.money_mode.zero':
    '总利润为零（{total}），因此曲线以金额绘制，而不是总利润的占比：对一个非正数的总额取百分比，会让整张图上下颠倒。',
  'whale.note.break_even': '{customers} 位客户恰好盈亏平衡，构成了曲线顶端平坦的一段。',
  'whale.note.tied':
    '{customers} 位客户与其他客户的利润相同。利润相同的客户按客户编号排序；既然利润一样，这个顺序不会改变曲线上读出的任何数字。',
  'note.cost_recorded': '毛利 = 收入减去记录的商品成本（每笔交易明细都有成本）。',
  'note.no_cost_to_serve': '没有记录的服务成本数据；服务成本只来自你设定的分摊规则。',
  'note.no_acquisition_cost': '要求摊销获客成本，但客户表中没有 acquisition_cost 值，因此未计入。',

  'diagnostics.chart.waterfall.title': '从毛利到 {net} 的净利润',
  'diagnostics.chart.waterfall.subtitle': '每根柱子是一类服务成本从毛利中拿走的部分',
  'diagnostics.chart.money': '↑ 金额{unit}',
  'diagnostics.chart.profit': '↑ 利润{unit}',
  'diagnostics.chart.tiers.title': '各消费层级的利润',
  'diagnostics.chart.tiers.subtitle': '按收入把客户分成人数相等的层级；柱子表示每个层级的总利润',

  // 客户资产计分卡（分析 `scorecard`）
  'scorecard.quarter': '{year} 年第 {q} 季度',
  'scorecard.change.pp': '（较上一季度 {delta}）',
  'scorecard.change.relative': '（较上一季度 {delta}）',
  'scorecard.change.same': '（与上一季度持平）',
  'scorecard.criterion.satisfaction': '满意度',
  'scorecard.criterion.loyalty': '忠诚度',
  'scorecard.criterion.retention': '留存率',
  'scorecard.criterion.clv': '客户终身价值',
  'scorecard.criterion.word_of_mouth': '口碑',
  'scorecard.criterion.equity': '客户资产价值',
  'scorecard.criterion.core_share': '前 20% 客户的利润占比',
  'scorecard.criterion.loss_drag': '负值客户的拖累',
  'scorecard.criterion.value_at_risk': '下滑核心客户的风险价值',
  'scorecard.satisfaction':
    '满意度：截至 {period} 末的 12 个月里，调研答卷中，{value} 打出了量表最高的两档分数{change}。',
  'scorecard.loyalty': '忠诚度：{period} 购买的 {customers} 位客户中，{value} 是此前买过的老客户{change}。',
  'scorecard.retention': '留存率：{prev} 的客户中，{value} 在 {period} 再次购买{change}。',
  'scorecard.clv': '客户终身价值：按 {period} 的留存率和利润，每位客户未来还能带来 {value} 的利润{change}。',
  'scorecard.word_of_mouth':
    '口碑：截至 {period} 末的 12 个月里，净推荐值为 {value}，即愿意推荐（9–10 分）的答卷占比减去不愿推荐（0–6 分）的占比{change}。',
  'scorecard.equity': '客户资产价值：{period} 的 {customers} 位客户未来还能带来 {value} 的利润{change}。',
  'scorecard.core_share': '核心客户：前 20% 的客户贡献了 {period} {value} 的利润{change}。',
  'scorecard.loss_drag': '负值客户：{count} 位客户在 {period} 亏损 {value}，把其他客户赚来的利润白白送掉{change}。',
  'scorecard.value_at_risk':
    '风险价值：{prev} 前 20% 的核心客户中，有 {count} 位在 {period} 的消费不到原来的一半；他们在 {prev} 贡献了 {value} 的利润{change}。',
  'scorecard.na.no_quarter':
    '暂时无法显示{criterion}：数据里还没有一个完整的自然季度的交易。至少覆盖一个完整季度的交易数据就能显示。',
  'scorecard.na.surveys':
    '无法显示{criterion}：数据中没有带日期的调研答卷。补充一张调研表（客户、日期、满意度评分）就能显示。',
  'scorecard.na.recommend':
    '无法显示{criterion}：调研中没有推荐意愿评分。补充推荐意愿一栏（0–10 分：您会向别人推荐我们吗？）就能显示。',
  'scorecard.na.no_answers': '无法显示 {period} 的{criterion}：截至该季度末的 12 个月里没有带日期的调研答卷。',
  'scorecard.na.history':
    '无法显示 {period} 的{criterion}：它要拿每个季度和上一季度比较，而数据开始得太晚。更长的购买历史就能显示。',
  'scorecard.na.no_profit': '无法显示 {period} 的{criterion}：当季总利润不为正（{profit}）。',
  'scorecard.note.short': '数据只有 {quarters} 个完整季度，趋势只显示这些季度。',
};
