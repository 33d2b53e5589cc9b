import type { DashboardData } from './dashboard'
import type { ReportColumn, ReportRow, ReportTable } from './tables'

/** The voucher liability and referral report tables (built like the dashboard charts' tables). */

type Built = Omit<ReportTable, 'chart' | 'title' | 'period'>
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** Month by month, each kind then the month's 小计; the footer sums the moves, outstanding at the end. */
export function vouchersTable(data: DashboardData): Built {
  const columns: ReportColumn[] = [
    { key: 'month', title: '月份', kind: 'text' },
    { key: 'kind', title: '券种', kind: 'text' },
    { key: 'issued', title: '发放(元)', kind: 'fen' },
    { key: 'used', title: '使用(元)', kind: 'fen' },
    { key: 'expired', title: '过期(元)', kind: 'fen' },
    { key: 'outstanding', title: '月末未用(元)', kind: 'fen' },
  ]
  const rows: ReportRow[] = []
  const subtotals: number[] = []
  const months = [...new Set(data.vouchers.map((v) => v.month))]
  let lastOutstanding = 0
  for (const month of months) {
    const of = data.vouchers.filter((v) => v.month === month)
    rows.push(...of.map((v) => ({ ...v })))
    lastOutstanding = sum(of.map((v) => v.outstanding))
    if (of.length > 1) {
      subtotals.push(rows.length)
      rows.push({
        month,
        kind: '小计',
        issued: sum(of.map((v) => v.issued)),
        used: sum(of.map((v) => v.used)),
        expired: sum(of.map((v) => v.expired)),
        outstanding: lastOutstanding,
      })
    }
  }
  const last = months.at(-1)
  return {
    columns,
    rows,
    subtotals,
    footer: {
      month: '合计',
      kind: '',
      issued: sum(data.vouchers.map((v) => v.issued)),
      used: sum(data.vouchers.map((v) => v.used)),
      expired: sum(data.vouchers.map((v) => v.expired)),
      outstanding: last === data.to ? lastOutstanding : 0,
    },
    note: '按面值计；月末未用 = 截至当月月末已发放、尚未使用、过期或作废的券，合计行取最后一个月。全店范围。',
  }
}

export function referralsTable(data: DashboardData): Built {
  const r = data.referrals
  return {
    columns: [
      { key: 'cardNo', title: '推荐人卡号', kind: 'text' },
      { key: 'name', title: '推荐人', kind: 'text' },
      { key: 'referred', title: '推荐入会', kind: 'count' },
      { key: 'points', title: '奖励积分', kind: 'points' },
    ],
    rows: r.map((x) => ({ ...x })),
    footer: {
      cardNo: '合计',
      name: `${r.length} 位推荐人`,
      referred: sum(r.map((x) => x.referred)),
      points: sum(r.map((x) => x.points)),
    },
    note: '推荐入会按新会员的入会日期计；奖励积分在被推荐人首次消费时发放，按发放日期计。全店范围。',
  }
}
