/**
 * What each programme figure means (docs/domain.md "Reports and what the figures mean"), in one
 * place for the services that count them, the dashboard's explanations and the printed reports.
 * Pure: safe for the renderer.
 */

/** Points movements by what they mean for the programme's liability. */
export const POINTS_REDEEMED_KINDS = ['redeem', 'refund'] as const
export const POINTS_EXPIRED_KINDS = ['expire'] as const
/** Everything else (earnings net of returns, opening balances, adjustments, transfers) is issued. */
export const isIssuedKind = (kind: string): boolean =>
  !(POINTS_REDEEMED_KINDS as readonly string[]).includes(kind) &&
  !(POINTS_EXPIRED_KINDS as readonly string[]).includes(kind)

/** A card is active when it was used for a purchase in the last 12 months. */
export const ACTIVE_MONTHS = 12

export const FIGURE_HELP = {
  members: '截至月末已开卡、未注销的会员',
  activeCards: '近 12 个月内有消费的会员卡',
  newCards: '当月新开的会员卡（含后来注销的）',
  sleeping: '未注销、连续若干个月（设置中的沉睡月数）没有消费的会员',
  vipSales: '会员当月消费额，已扣除退货',
  storeSales: '全店当月销售额（企划录入或导入）',
  vipShare: 'VIP 销售额 ÷ 全店销售额，只计有全店销售数据的课别',
  pointsIssued: '当月发放的积分：消费积分（扣除退货）、期初、调整',
  pointsRedeemed: '当月兑换礼品用掉的积分（扣除退货退回的）',
  pointsExpired: '当月过期清零的积分',
  pointsOutstanding: '截至月末会员尚未使用的积分（本计划的负债）',
  vouchersIssued: '当月发出的券面值合计（积分兑换、生日礼券、唤醒券、人工发放）',
  vouchersUsed: '当月核销的券面值合计',
  vouchersExpired: '当月过期未用的券面值合计',
  vouchersOutstanding: '截至月末已发出、尚未使用、过期或作废的券面值（本计划的负债）',
} as const

export type FigureName = keyof typeof FIGURE_HELP

/** Each figure's name in tables, printed reports and the command line (money in 元). */
export const FIGURE_LABELS: Record<FigureName, string> = {
  members: '会员数',
  activeCards: '活跃卡',
  newCards: '新开卡',
  sleeping: '沉睡会员',
  vipSales: 'VIP销售额(元)',
  storeSales: '全店销售额(元)',
  vipShare: 'VIP销售占比',
  pointsIssued: '发放积分',
  pointsRedeemed: '兑换积分',
  pointsExpired: '过期积分',
  pointsOutstanding: '积分余额',
  vouchersIssued: '发券金额(元)',
  vouchersUsed: '核销金额(元)',
  vouchersExpired: '过期券金额(元)',
  vouchersOutstanding: '未用券余额(元)',
}

const NUMERALS = '一二三四五六七八九十'

/**
 * 课别 in the store's own order: 营业一课 before 营业二课 (a plain sort would put 二 first), other
 * names after them alphabetically, purchases without a department ('') last.
 */
export function compareDepartments(a: string, b: string): number {
  if (a === b) return 0
  if (a === '') return 1
  if (b === '') return -1
  const rank = (d: string) => {
    const m = /^营业(.+)课$/.exec(d)
    const n = m ? NUMERALS.indexOf(m[1]!) : -1
    return n < 0 ? 100 : n
  }
  return rank(a) - rank(b) || a.localeCompare(b, 'zh-CN')
}
