/**
 * Header names that suggest each canonical column, in English and Chinese (simplified and
 * traditional). Names are compared after `normaliseRoleName`: lower case, no spaces, underscores
 * or punctuation, so `Customer ID`, `customer_id` and `CustomerID` are one name.
 */
import type { CanonicalTableName } from '../../model/schema.ts';

/** Lower case, letters/digits/CJK only. */
export function normaliseRoleName(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const customerId = [
  'customerid', 'custid', 'customerno', 'customernumber', 'customercode', 'customer', 'clientid', 'client', 'memberid', 'member',
  'userid', 'accountid', 'accountno', 'buyerid', 'shopperid',
  '客户编号', '客户id', '客户号', '客户代码', '客户', '顾客编号', '顾客id', '会员编号', '会员id', '会员号', '用户id', '用户编号',
  '客戶編號', '客戶id', '客戶號', '客戶代碼', '客戶', '顧客編號', '顧客id', '會員編號', '會員id', '會員號', '用戶id', '用戶編號',
];
const date = [
  'date', 'transactiondate', 'orderdate', 'invoicedate', 'purchasedate', 'saledate', 'salesdate', 'txdate', 'datetime', 'timestamp', 'day',
  'eventdate',
  '日期', '交易日期', '订单日期', '购买日期', '销售日期', '时间', '交易时间', '下单时间', '发生日期', '发生时间',
  '訂單日期', '購買日期', '銷售日期', '時間', '交易時間', '下單時間', '發生日期', '發生時間',
];
const revenue = [
  'revenue', 'amount', 'sales', 'salesamount', 'saleamount', 'total', 'totalamount', 'value', 'dollarvalue', 'netsales', 'spend', 'ordervalue',
  '金额', '交易金额', '销售额', '销售金额', '收入', '营收', '消费金额', '总额', '总金额', '实付金额', '订单金额',
  '金額', '交易金額', '銷售額', '銷售金額', '營收', '消費金額', '總額', '總金額', '實付金額', '訂單金額',
];
const cost = ['cost', 'cogs', 'costofgoods', 'costofgoodssold', 'unitcost', '成本', '进货成本', '進貨成本', '销售成本', '銷售成本'];
const quantity = ['quantity', 'qty', 'units', 'numberofcds', 'numberofitems', 'items', 'count', '数量', '數量', '件数', '件數', '购买数量', '購買數量'];
const orderId = [
  'orderid', 'orderno', 'ordernumber', 'invoiceno', 'invoice', 'invoiceid', 'invoicenumber', 'transactionid', 'receiptno', 'receipt',
  '订单号', '订单编号', '发票号', '单号', '交易编号', '訂單號', '訂單編號', '發票號', '單號', '交易編號',
];
const product = ['product', 'productid', 'productcode', 'sku', 'stockcode', 'item', 'itemid', 'itemcode', '产品', '商品', '品名', '商品编号', '產品', '商品編號'];
const category = ['category', 'productcategory', 'type', '类别', '品类', '分类', '類別', '品類', '分類'];
const channel = ['channel', 'saleschannel', 'source', '渠道', '销售渠道', '通路', '銷售渠道'];
const region = ['region', 'area', 'country', 'province', 'state', 'city', '地区', '区域', '省份', '城市', '国家', '地區', '區域', '國家'];

/** Every header name that suggests a date column of any table (for Excel serial dates). */
export const dateNames: readonly string[] = [
  ...date, 'surveydate', 'responsedate', 'signupdate', 'joindate', 'churndate', 'enddate', 'startdate',
  '调查日期', '調查日期', '注册日期', '註冊日期', '流失日期',
];

/**
 * Cost-to-serve categories (the sample's support_call, field_visit, return, discount, bad_debt,
 * dispute and their usual English and Chinese wordings), compared like header names.
 */
export const costCategoryNames: readonly string[] = [
  'supportcall', 'support', 'servicecall', 'callcenter', 'helpdesk', 'ticket', 'complaint', 'fieldvisit', 'visit', 'onsite', 'return', 'returns',
  'refund', 'discount', 'rebate', 'baddebt', 'writeoff', 'dispute', 'chargeback', 'shipping', 'delivery', 'freight', 'installation', 'repair', 'warranty',
  '客服来电', '客服電話', '客服来电', '客服', '来电', '來電', '投诉', '投訴', '上门服务', '上門服務', '上门', '上門', '拜访', '拜訪', '退货', '退貨', '退款',
  '折扣', '返利', '坏账', '壞帳', '壞賬', '纠纷', '糾紛', '争议', '爭議', '运费', '運費', '配送', '安装', '安裝', '维修', '維修', '保修',
];

/** Unit-price headers: with a quantity and no amount column, revenue is derived as quantity × unit price. */
export const unitPriceNames = ['unitprice', 'price', 'priceeach', 'unitcost', '单价', '價格', '单位价格', '單價', '价格'];

/** Canonical table → canonical column → header names suggesting it. */
export const roleNames: Record<CanonicalTableName, Record<string, readonly string[]>> = {
  transactions: { customer_id: customerId, date, revenue, cost, quantity, order_id: orderId, product, category, channel },
  customers: {
    customer_id: customerId,
    name: ['name', 'customername', 'fullname', '姓名', '客户名称', '客户姓名', '名称', '客戶名稱', '客戶姓名', '名稱'],
    signup_date: ['signupdate', 'joindate', 'registrationdate', 'startdate', 'firstpurchasedate', 'since', '注册日期', '入会日期', '开户日期', '註冊日期', '入會日期', '開戶日期'],
    region,
    channel: ['acquisitionchannel', ...channel],
    plan: ['plan', 'contract', 'tier', 'level', 'membershiplevel', '套餐', '合约', '等级', '会员等级', '合約', '等級', '會員等級'],
    segment: ['segment', 'customersegment', 'customertype', '客户类型', '分群', '细分', '客戶類型', '細分'],
    acquisition_cost: ['acquisitioncost', 'cac', 'costtoacquire', '获客成本', '獲客成本'],
    churn_date: ['churndate', 'enddate', 'leavedate', '流失日期', '解约日期', '解約日期'],
    churn_reason: ['churnreason', 'reason', '流失原因', '解约原因', '解約原因'],
  },
  service_costs: {
    customer_id: customerId,
    amount: [
      'servicecost', 'costtoserve', 'amount', 'cost', 'costamount', 'expense',
      '服务成本', '服務成本', '成本', '成本金额', '成本金額', '金额', '金額', '费用', '費用', '费用金额', '費用金額', '服务费用', '服務費用',
    ],
    date,
    category: [
      'category', 'costtype', 'type', 'costcategory', 'eventtype',
      '类别', '类型', '類別', '類型', '费用类型', '費用類型', '成本类别', '成本類別', '成本类型', '成本類型', '费用类别', '費用類別',
    ],
  },
  surveys: {
    customer_id: customerId,
    satisfaction: ['satisfaction', 'csat', 'satisfactionscore', 'score', 'rating', '满意度', '滿意度', '评分', '評分', '满意度评分', '滿意度評分', '满意程度', '滿意程度'],
    date: ['surveydate', 'responsedate', '调查日期', '調查日期', '问卷日期', '問卷日期', '填写日期', '填寫日期', ...date],
    scale: ['scale', '量表'],
    recommend: ['recommend', 'nps', 'likelihoodtorecommend', 'npsscore', '推荐', '推荐意愿', '推薦', '推薦意願'],
    repurchase_intent: ['repurchaseintent', 'repurchase', 'intenttorepurchase', '复购意愿', '回购意愿', '回購意願', '複購意願'],
  },
};
