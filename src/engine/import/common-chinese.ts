/**
 * Frequent Chinese characters, simplified and traditional, used to tell a GBK/GB18030 decode from
 * a Big5 decode of the same bytes: the right decoding yields mostly everyday characters, the wrong
 * one yields valid but rare characters (or replacement characters). The list holds the most
 * frequent characters of modern written Chinese (after Jun Da's frequency lists) plus the words
 * business exports use in headers (customer, date, amount, order, region…), in both scripts.
 */
const everyday =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吗究切流包育拉快存该且完类保六候七商术单亚送候消费订号额区域客户编交易期金额成本满意数量地区销售价格单价品类渠道会员电话姓名这个们为时国说过还发经对进动现长东两问车门间开关样机实点会该当从产业话边学书体员买卖钱价货' +
  // Traditional forms of the above that differ from the simplified ones.
  '這們為時國說過還發經對進動現長東兩問車門間開關樣機實點會該當從產業話邊學書體員買賣錢價貨個來麼對後頭麼見氣與現聽話電區域戶編號額費訂滿數量銷售價格單價類別渠道會員話姓總處場師報馬張難請愛讓認論嗎類親務業義萬質樂';

/** The set of characters counted as "everyday" by the encoding detector. */
export const commonChinese: ReadonlySet<string> = new Set(everyday);
