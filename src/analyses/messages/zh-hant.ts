/**
 * 繁體中文 findings (Taiwan/Hong Kong business usage: 顧客終身價值, 顧客資產, 流失, 保留, 口碑,
 * 最有價值顧客, 最具成長性顧客, 負值顧客; 「」 quotes), written as a consultant would say them.
 * Numbers come formatted for zh-Hant (99.2萬, 1.29億).
 */
import type { FindingKey } from './catalogs.ts';

export const findingsZhHant: Record<FindingKey, string> = {
  'common.empty': '',
  'common.period': '。',

  'whale.empty': '這段期間沒有活躍顧客，因此畫不出鯨魚曲線。',
  'whale.headline.loss':
    '顧客群整體處於虧損：總利潤為 {total}。前 {k} 的顧客賺了 {top_profit}，獲利的 {peak_customers} 顧客合計賺了 {peak_profit}，而虧損的 {loss_makers} 顧客吃掉了 {loss}。',
  'whale.headline.same_margin':
    '前 {k} 的顧客帶來 {revenue} 的營收，利潤占比也相同：這裡每位顧客的利潤率都一樣，利潤只是跟著營收走。',
  'whale.same_margin':
    '這份資料看不出究竟是誰在創造利潤：不知道服務每位顧客的成本，就不會有顧客虧損。請匯入服務成本表（service_costs），或為每筆訂單、每次退貨設定處理成本，才能看到虧損顧客。',
  'whale.headline.earn': '前 {k} 的顧客貢獻了 {top} 的利潤。',
  'whale.headline.and': '前 {k} 的顧客帶來 {revenue} 的營收和 {top} 的利潤。',
  'whale.headline.but': '前 {k} 的顧客只帶來 {revenue} 的營收，卻貢獻了 {top} 的利潤。',
  'whale.headline.and_only': '前 {k} 的顧客帶來 {revenue} 的營收，但只貢獻了 {top} 的利潤。',
  'whale.peak.none': '每位顧客都獲利（或損益兩平），曲線一路升到 {peak}，沒有駝峰：沒有需要處理的虧損顧客。',
  'whale.peak': '利潤在最賺錢的 {peak_customers} 顧客處達到高峰，為總利潤的 {peak}；此後的每位顧客都在虧錢。',
  'whale.loss_makers': '{share} 的顧客不賺錢。他們合計虧損 {loss}，相當於總利潤的 {loss_share}，要靠最好的顧客賺回來。',
  'whale.decomposition':
    '前 {k} 的顧客貢獻 {top} 的利潤；其餘獲利顧客再貢獻 {rest}；虧損顧客吃掉 {loss}（{top} + {rest} − {loss} = {total}）。',
  'whale.all_profit': '僅最好的 {share} 顧客就賺取了 {total} 的利潤。',
  'whale.single': '只有一位顧客，曲線只有一級台階，各項占比說明不了什麼。',
  'whale.what_if': '{action}（{fixed} 位顧客），總利潤將從 {before} 提升到 {after}{rel}{peak}',
  'whale.what_if.break_even': '讓最差的 {share} 虧損顧客達到損益兩平',
  'whale.what_if.drop': '放棄最差的 {share} 虧損顧客',
  'whale.what_if.rel': '（{rel}）',
  'whale.what_if.peak': '；曲線高峰隨之變為 {after}，而不是 {before}。',
  'whale.what_if.peak_from_loss': '；曲線高峰隨之變為 {after}，不再是虧損。',

  'term.profit': '利潤',
  'term.revenue': '營收',
  'term.orders': '訂單數',
  'term.other_tiers': '其他等級',
  'term.other_cells': '其他象限',
  'term.other_customers': '其他顧客',
  'seg.share_of': '{share} 的{what}',
  'seg.share_of.over': '{share} 的{what}——比全部還多，因為{others}合計在虧損',
  'seg.amount_of.loss': '{amount} 的{what}（顧客整體虧損 {loss}，用{what}占比來衡量會產生誤導）',
  'seg.amount_of.zero': '{amount} 的{what}（顧客整體損益兩平，{what}占比沒有意義）',
  'tiers.top.revenue': '{customers} 的顧客屬於{names}，貢獻了 {value} 的營收。',
  'tiers.top.profit_over': '{customers} 的顧客屬於{names}，貢獻了 {revenue} 的營收和 {value}。',
  'tiers.top.profit': '{customers} 的顧客屬於{names}，貢獻了 {value} 的利潤（營收占 {revenue}）。',
  'tiers.bottom': '{tier}等級占顧客數的 {customers}，卻只貢獻了 {revenue} 的營收{tail}。',
  'tiers.bottom.loses': '，而且在虧錢（占總利潤的 {profit}）',
  'tiers.bottom.earns': '和 {profit} 的利潤',
  'tiers.bottom.amount': '，以及 {value}',
  'tiers.one_tier': '全部 {customers} 位顧客都落在{tier}等級：他們的{what}太接近，分級無法把他們區分開。',

  'rfm.champions': '「冠軍顧客」（最近買過、買得頻繁）占顧客的 {customers}，帶來 {share} 的{what}。',
  'rfm.at_risk':
    '{customers} 位曾經常購買的顧客已經沉寂（「有流失風險」或「不能失去」），合計占 {share} 的{what}——這是挽回電話的第一份名單。',
  'rfm.lost': '{share} 的顧客已經流失（很久沒來，也很少購買）。',
  'rfm.no_recency_spread':
    '全部 {customers} 位顧客最近一次購買的時間相同，按最近購買時間無法區分他們：R × F 區隔（冠軍顧客、有流失風險、已流失）在這份資料上沒有意義。可以調整截止日期，或按購買頻次和金額來比較。',

  'migration.movement':
    '前一期的 {total} 位顧客中，{up} 升了一級或以上，{down} 降了級，{gone} 不再購買；另有 {arrived} 位顧客是新來或回流的。',
  'migration.no_core': '前一期沒有核心顧客。',
  'migration.early_warning':
    '{core} 位核心顧客（{names}）中，{full} 已完全流失，{partial} 的消費減少了 {drop} 以上（部分流失）：每年有 {at_risk} 的價值面臨風險。',

  'value_loyalty.core': '核心顧客（高價值、高忠誠）占顧客的 {customers}，貢獻了 {value}。要為他們提供最好的服務。',
  'value_loyalty.stabilise':
    '{customers} 的顧客價值高但忠誠度低；他們貢獻了 {share} 的{what}，是最大的流失風險。要先穩住他們。',
  'value_loyalty.stabilise.amount':
    '{customers} 的顧客價值高但忠誠度低；他們貢獻了 {value}，是最大的流失風險。要先穩住他們。',
  'value_loyalty.stabilise.none': '沒有「價值高但忠誠度低」的顧客：這一象限裡沒有需要穩住的人。',
  'mvc.mvc': '{customers} 位最有價值顧客（占 {customer_share}）貢獻了 {value}。',
  'mvc.mgc':
    '{customers} 位是最具成長性顧客：如果每位都能帶來同類中佼佼者的{what}水準，這段期間的{what}將再多 {headroom}。',
  'mvc.bz': '{customers} 位顧客（占 {customer_share}）是負值顧客：服務他們的成本比他們帶來的多出 {cost}。',
  'mvc.bz.none': '這段期間沒有負值顧客。',
  'mvc.mvc.none': '這段期間沒有顧客的{what}為正，因此沒有最有價值顧客。',
  'mvc.mgc.none': '沒有顧客落後於同類中的佼佼者，因此沒有最具成長性顧客。',

  'diagnostics.waterfall':
    '服務成本吃掉了 {gross} 毛利中的 {share}，只剩下 {net} 的淨利潤；其中最大的一項是{item}（{item_cost}）。',
  'diagnostics.waterfall.acquisition':
    '服務成本和獲客成本吃掉了 {gross} 毛利中的 {share}，只剩下 {net} 的淨利潤；其中最大的一項是{item}（{item_cost}）。',
  'diagnostics.cost_driver':
    '讓顧客變成虧損顧客的，主要是{category}：虧損顧客在這一項上的成本是平均顧客的 {lift}，占虧損顧客服務成本的 {share_loss_makers}，而在全體顧客中只占 {share_all}。',
  'diagnostics.tiers': '消費最高的等級貢獻了 {top} 的利潤；最低的等級{bottom}，其中 {unprofitable} 的顧客不賺錢。',
  'diagnostics.tiers.loses': '虧損 {loss}',
  'diagnostics.tiers.earns': '貢獻 {share}',
  'diagnostics.tiers.earns_amount': '獲利 {amount}',
  'diagnostics.tiers.loss_base':
    '顧客整體虧損 {total}，用利潤占比來衡量會產生誤導：消費最高的等級{top}；最低的等級{bottom}，其中 {unprofitable} 的顧客不賺錢。',

  'bundling.held.one': '{n} 種產品',
  'bundling.held': '{n} 種產品',
  'bundling.overall': '{rate} 的顧客已經流失。',
  'bundling.effect': '持有 {few} 的顧客流失率為 {few_rate}；持有 {many} 的顧客為 {many_rate}。',
  'bundling.effect.peak':
    '持有 {peak} 的顧客流失率最高（{peak_rate}），持有 {many} 的顧客降到 {many_rate}；持有 {few} 的顧客流失率為 {few_rate}。',
  'bundling.contract': '「{worst}」顧客的流失率為 {worst_rate}，「{best}」顧客為 {best_rate}。',
  'bundling.contract.ratio':
    '「{worst}」顧客的流失率為 {worst_rate}，「{best}」顧客為 {best_rate}：前者是後者的 {ratio}。',
  'churn_reasons.top': '「{reason}」是最常見的流失原因：在流失的 {lost} 位顧客中占 {share}。',
  'churn_reasons.vital_few': '{reasons} 個原因中的 {vital} 個，就占了流失顧客的 {share}。',
  'churn_reasons.top_value': '按價值計，「{reason}」的損失最大：占流失總價值 {lost} 的 {share}。',

  'cohorts.retention_p1.month': '平均而言，每個月的新顧客中有 {rate} 會在下個月再次購買。',
  'cohorts.retention_p1.quarter': '平均而言，每一季的新顧客中有 {rate} 會在下一季再次購買。',
  'cohorts.retention_1y': '獲客一年後，仍有 {rate} 的顧客在購買。',
  'cohorts.loyal_spend':
    '合作第 {years} 年以上的顧客，消費額是他們第一年的 {ratio}（參考數字：忠誠顧客的消費是新顧客的 {low}–{high}{verdict}）。',
  'cohorts.loyal_spend.below': '；你們的低於這個範圍',
  'cohorts.loyal_spend.above': '；你們的高於這個範圍',
  'cohorts.loyal_spend.within': '；你們的在這個範圍內',
  'cohorts.repeat_share': '{share} 的營收來自重複購買（參考：一位頂尖業務員 {seed} 的業績來自回頭客）。',
  'cohorts.year1_spend': '新顧客第一年的消費為 {spend}。',

  'per.month': '每月',
  'per.quarter': '每季',
  'per.year': '每年',
  'period_margin.month': '月度利潤',
  'period_margin.quarter': '季度利潤',
  'period_margin.year': '年度利潤',
  'target.customers': '顧客數',
  'target.revenue': '營收',
  'equity.equity': '現有的 {customers} 位顧客未來能帶來 {equity} 的利潤（顧客資產）。',
  'equity.retention': '{from} 的顧客中有 {rate} 在 {to} 再次購買：每位顧客的價值相當於{margin}的 {multiple}。',
  'equity.top_segment': '「{segment}」以 {customers} 的顧客占了 {share} 的顧客資產。',
  'leaky.end_change':
    '{per}流失 {churn}、新增 {acquired} 位顧客，{duration}後顧客數將從 {start} 變為 {end}（{change}）。',
  'leaky.spend_ratio':
    '要讓{target}維持不變，{per}要麼花 {acquisition} 多獲取 {extra} 位新顧客，要麼花 {retention} 多留住 {keep} 位顧客（流失率降到 {churn}）：獲客的花費是保留的 {ratio}。',
  'leaky.no_shrink.customers': '新增顧客已經快過流失：顧客數不會減少。',
  'leaky.no_shrink.revenue': '新增顧客已經快過流失：營收不會減少。',
  'leaky.no_leak': '幾乎沒有顧客流失（{per}流失 {churn}）：這個桶基本不漏，多獲客還是多保留都改變不了什麼。',
  'margin_multiple.clv':
    '在 {retention} 的保留率和 {discount} 的折現率下，每期貢獻 {margin} 利潤的顧客，終身價值為 {clv}。',
  'margin_multiple.clv.net':
    '在 {retention} 的保留率和 {discount} 的折現率下，每期貢獻 {margin} 利潤的顧客，扣除獲客成本後的終身價值為 {clv}。',
  'retention_what_if.equity_change.adds':
    '把保留率從 {from} 提高到 {to}，扣除專案費用後，顧客資產增加 {change}（相對於目前的 {before}，變化 {profit_change}）。',
  'retention_what_if.equity_change.loses':
    '把保留率從 {from} 提高到 {to}，扣除專案費用後，顧客資產反而減少 {change}（相對於目前的 {before}，變化 {profit_change}）。',
  'retention_what_if.claim':
    '賴克霍德與薩瑟（Reichheld & Sasser）：保留率提高 {points}，利潤可提升 {low}–{high}。按你們的資料，保留率提高 {points}，顧客群的終身利潤在扣除專案費用前將提升 {change}。',
  'retention_what_if.no_room':
    '保留率已經是 {from}，沒有再提高 {uplift} 的空間：在這裡做保留計畫只會花錢（顧客資產減少 {change}）。不如從毛利和獲客著手。',
  'retention_what_if.never_pays': '在這個成本下，無論保留率提高多少，專案都回收不了成本。',
  'retention_what_if.break_even': '保留率提高 {uplift} 以上，專案就能回收成本。',
  'retention_what_if.cost_per_kept': '透過專案每留住一位顧客花費 {cost}，而獲取一位新顧客來替代要花 {acquisition}。',
  'retention_what_if.target_first': '優先鎖定「{segment}」：在那裡每投入一單位費用，可以保住 {saves} 的利潤。',

  'per.day': '每天',
  'per.week': '每週',
  'clv.expected_purchases':
    '模型預計 {from} 之後的 {horizon} 內，這 {customers} 位顧客將購買 {purchases} 次，帶來 {value} 的利潤（按每年 {discount} 折現）。',
  'clv.top20': '按預期價值排序，前 {top} 的顧客占了全部預期價值的 {share}。',
  'clv.at_risk':
    '{customers} 位回頭客更可能已經流失而非仍然活躍（P(alive) 低於 {half}）；截至 {until}，他們合計消費了 {spent}——這就是預警名單。',
  'clv.at_risk.none': '沒有哪位回頭客看起來更可能已經流失（所有人的 P(alive) 都高於 {half}）。',
  'clv.dropout':
    '活躍顧客{per}大約購買 {rate} 次，每次購買後約有 {dropout} 會永久流失——所以頻繁購買之後的長期沉默是一個警訊。',
  'clv.holdout':
    '保留期檢驗：模型只用之前的資料擬合，預計 {from} → {to}（{length}）會有 {expected} 次重複購買；實際發生 {actual} 次（{error}）。',
  'clv.holdout.none':
    '保留期檢驗：模型只用之前的資料擬合，預計 {from} → {to}（{length}）會有 {expected} 次重複購買；實際發生 {actual} 次（沒有購買）。',

  'outcome.retained': '留了下來',
  'outcome.repurchased': '再次購買',
  'outcome.wallet_kept': '保住了錢包份額',
  'outcome.stated_intent': '表示會再次購買',
  'satisfaction.top_box':
    '打 {top} 分的顧客中，{top_rate} {outcome}；打 {next} 分的顧客中只有 {next_rate}：可能性是後者的 {ratio}{ci}{turned}「滿意」不是目標，「完全滿意」才是。',
  'satisfaction.top_box.ci': '（95% 信賴區間 {low}–{high}）',
  'satisfaction.top_box.turned':
    '。反過來看，打 {next} 分的顧客有 {next_leave} 沒有做到，打 {top} 分的只有 {top_leave}：流失率是後者的 {ratio}。',
  'satisfaction.zones':
    '{affection} 分以上是「情感區」（{affection_rate} {outcome}）；{defection} 分以下是「背離區」（{defection_rate}）。兩者之間，滿意度再提高也換不來多少忠誠。',
  'satisfaction.value_at_stake':
    '分析的顧客中有 {customers} 位處在背離區，他們在調查前 {window}內帶來 {revenue} 的營收和 {profit} 的利潤（占分析營收的 {share}）；按曲線預計，其中 {defectors} 位會流失。',
  'satisfaction.competitive':
    '在「{steep}」，比最高分低一級，忠誠度就下降 {steep_drop}；在「{flat}」只下降 {flat_drop}。曲線越陡，市場競爭越激烈：在那裡，顧客只要沒被打動就會離開。',
  'quadrant.hostages':
    '{customers} 位顧客（占 {share}）是「人質」：雖然不滿意卻留了下來，帶來 {revenue} 的營收。一旦轉換障礙消失他們就會離開——先解決他們的問題；名單在 hostages 表裡。',
  'quadrant.mercenaries':
    '{customers} 位滿意的顧客（占 {share}）並沒有留下：他們是「唯利是圖者」。光靠滿意留不住他們。',
  'satisfaction_what_if.move':
    '把 {from} 分的 {customers} 位顧客中的 {share} 提升到 {to} 分（{outcome}的比例從 {rate_from} 升到 {rate_to}），大約會多出 {extra} 位顧客{outcome}（95% 區間 {extra_low} 到 {extra_high}），價值 {profit} 的利潤（{profit_low} 到 {profit_high}）。',
  'satisfaction_what_if.at_stake':
    '背離區（{defection} 分以下）面臨風險的是：{customers} 位顧客，以及他們在調查前 {window}內帶來的 {revenue} 營收和 {profit} 利潤。',
  'wom.net_advocacy': '淨推薦率從 {bottom_level} 分的 {bottom} 一路升到 {top_level} 分的 {top}。',
  'wom.vocal_u':
    '誰在傳播口碑：最低分的顧客有 {bottom}，最安靜的中間檔只有 {middle}，最高分的有 {top}——口碑發生在兩端。',
  'wom.vocal_u.unhappy':
    '誰在傳播口碑：最低分的顧客有 {bottom}，最安靜的中間檔只有 {middle}，最高分的有 {top}——口碑發生在兩端，而不滿意的顧客說得最多。',

  'cost.acquisition': '獲客成本（攤銷）',
  'cost.bad_debt': '呆帳',
  'cost.discount': '折扣',
  'cost.dispute': '糾紛',
  'cost.field_visit': '到府服務',
  'cost.return': '退貨',
  'cost.support_call': '客服來電',
  'cost.litigation': '訴訟',

  'whale.chart.title.share': '前 {k} 的顧客貢獻了 {share} 的利潤',
  'whale.chart.title.money': '顧客群整體虧損（總利潤 {total}）',
  'whale.chart.subtitle.share': '累計利潤占總利潤的比例，顧客按利潤從高到低排序',
  'whale.chart.subtitle.money': '以金額表示的累計利潤（總額為負時，占比會誤導），顧客按利潤從高到低排序',
  'whale.chart.x': '顧客占比（利潤最高者在前）→',
  'whale.chart.y.share': '↑ 累計利潤占比',
  'whale.chart.y.money': '↑ 累計利潤{unit}',
  'whale.chart.peak.share': '高峰：{customers} 的顧客 → {profit} 的利潤',
  'whale.chart.peak.money': '高峰：{customers} 的顧客 → {profit}',
  'whale.chart.break_even': '損益兩平點：右邊的顧客都在虧錢',
  'whale.chart.break_even.arrow': '損益兩平點：右邊的顧客都在虧錢 →',
  'whale.chart.top': '前 {k} → {share}',
  'whale.chart.after_fixing': '處理最差的 {share} 虧損顧客後',
  'whale.chart.after_dropping': '放棄最差的 {share} 虧損顧客後',
  'whale.chart.whatif_label': '{action}：{end}',
  'whale.chart.whatif_end.share': '達到目前利潤的 {share}',
  'whale.chart.whatif_end.money': '總利潤 {total}',
  'whale.chart.pareto.title': '前 {k}：{revenue} 的營收，{profit} 的利潤',
  'whale.chart.pareto.title.none': '營收集中度與利潤集中度對比',
  'whale.chart.pareto.subtitle': '灰色：累計營收占比（顧客按營收排序）。藍色：累計利潤占比（按利潤排序）。',
  'whale.chart.key.today': '今天',
  'whale.chart.key.revenue': '營收（顧客按營收排序）',
  'whale.chart.key.profit': '利潤（顧客按利潤排序）',
  'whale.chart.pareto.x': '顧客占比 →',
  'whale.chart.pareto.y': '↑ 累計占比',
  'whale.chart.revenue_point': '營收：{share}',
  'whale.chart.profit_point': '利潤：{share}',
  'whale.note.nothing_to_fix': '假設分析沒有找到需要處理的虧損顧客。',
  'whale.note.money_mode.negative':
    '總利潤為負（{total}），因此曲線以金額繪製，而不是總利潤的占比：對一個非正數的總額取百分比，會讓整張圖上下顛倒。',
  'whale.note.money_mode.zero':
    '總利潤為零（{total}），因此曲線以金額繪製，而不是總利潤的占比：對一個非正數的總額取百分比，會讓整張圖上下顛倒。',
  'whale.note.break_even': '{customers} 位顧客恰好損益兩平，構成了曲線頂端平坦的一段。',
  'whale.note.tied':
    '{customers} 位顧客與其他顧客的利潤相同。利潤相同的顧客按顧客編號排序；既然利潤一樣，這個順序不會改變曲線上讀出的任何數字。',
  'note.cost_recorded': '毛利 = 營收減去記錄的商品成本（每筆交易明細都有成本）。',
  'note.no_cost_to_serve': '沒有記錄的服務成本資料；服務成本只來自你設定的分攤規則。',
  'note.no_acquisition_cost': '要求攤銷獲客成本，但顧客表中沒有 acquisition_cost 值，因此未計入。',

  'diagnostics.chart.waterfall.title': '從毛利到 {net} 的淨利潤',
  'diagnostics.chart.waterfall.subtitle': '每根長條是一類服務成本從毛利中拿走的部分',
  'diagnostics.chart.money': '↑ 金額{unit}',
  'diagnostics.chart.profit': '↑ 利潤{unit}',
  'diagnostics.chart.tiers.title': '各消費等級的利潤',
  'diagnostics.chart.tiers.subtitle': '按營收把顧客分成人數相等的等級；長條表示每個等級的總利潤',

  // 顧客資產計分卡（分析 `scorecard`）
  'scorecard.quarter': '{year} 年第 {q} 季',
  'scorecard.change.pp': '（較上一季 {delta}）',
  'scorecard.change.relative': '（較上一季 {delta}）',
  'scorecard.change.same': '（與上一季持平）',
  'scorecard.criterion.satisfaction': '滿意度',
  'scorecard.criterion.loyalty': '忠誠度',
  'scorecard.criterion.retention': '留存率',
  'scorecard.criterion.clv': '顧客終身價值',
  'scorecard.criterion.word_of_mouth': '口碑',
  'scorecard.criterion.equity': '顧客資產價值',
  'scorecard.criterion.core_share': '前 20% 顧客的利潤占比',
  'scorecard.criterion.loss_drag': '負值顧客的拖累',
  'scorecard.criterion.value_at_risk': '下滑核心顧客的風險價值',
  'scorecard.satisfaction':
    '滿意度：截至 {period} 底的 12 個月內，調查問卷中，{value} 給出了量表最高的兩級分數{change}。',
  'scorecard.loyalty': '忠誠度：{period} 購買的 {customers} 位顧客中，{value} 是先前買過的老顧客{change}。',
  'scorecard.retention': '留存率：{prev} 的顧客中，{value} 在 {period} 再次購買{change}。',
  'scorecard.clv': '顧客終身價值：按 {period} 的留存率與利潤，每位顧客未來還能帶來 {value} 的利潤{change}。',
  'scorecard.word_of_mouth':
    '口碑：截至 {period} 底的 12 個月內，淨推薦值為 {value}，即願意推薦（9–10 分）的問卷占比減去不願推薦（0–6 分）的占比{change}。',
  'scorecard.equity': '顧客資產價值：{period} 的 {customers} 位顧客未來還能帶來 {value} 的利潤{change}。',
  'scorecard.core_share': '核心顧客：前 20% 的顧客貢獻了 {period} {value} 的利潤{change}。',
  'scorecard.loss_drag': '負值顧客：{count} 位顧客在 {period} 虧損 {value}，把其他顧客賺來的利潤白白送掉{change}。',
  'scorecard.value_at_risk':
    '風險價值：{prev} 前 20% 的核心顧客中，有 {count} 位在 {period} 的消費不到原本的一半；他們在 {prev} 貢獻了 {value} 的利潤{change}。',
  'scorecard.na.no_quarter':
    '暫時無法顯示{criterion}：資料中還沒有一個完整的自然季的交易。至少涵蓋一個完整季的交易資料就能顯示。',
  'scorecard.na.surveys':
    '無法顯示{criterion}：資料中沒有附日期的調查問卷。補上一張調查表（顧客、日期、滿意度評分）就能顯示。',
  'scorecard.na.recommend':
    '無法顯示{criterion}：調查中沒有推薦意願評分。補上推薦意願一欄（0–10 分：您會向別人推薦我們嗎？）就能顯示。',
  'scorecard.na.no_answers': '無法顯示 {period} 的{criterion}：截至該季底的 12 個月內沒有附日期的調查問卷。',
  'scorecard.na.history':
    '無法顯示 {period} 的{criterion}：它要拿每一季與上一季比較，而資料開始得太晚。更長的購買紀錄就能顯示。',
  'scorecard.na.no_profit': '無法顯示 {period} 的{criterion}：當季總利潤不為正（{profit}）。',
  'scorecard.note.short': '資料只有 {quarters} 個完整的季，趨勢只顯示這些季。',
};
