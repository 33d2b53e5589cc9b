import { FIGURE_HELP, type FigureName } from '../../rules/figures'
import { monthChinese, monthKeyOf } from '../../rules/months'
import type { DashboardData } from './dashboard'
import type { ReportCellKind, ReportTable } from './tables'
import { periodText } from './tables'

const FIGURES: { key: FigureName; label: string; kind: ReportCellKind }[] = [
  { key: 'members', label: '会员数', kind: 'count' },
  { key: 'activeCards', label: '活跃卡', kind: 'count' },
  { key: 'newCards', label: '新开卡', kind: 'count' },
  { key: 'sleeping', label: '沉睡会员', kind: 'count' },
  { key: 'vipSales', label: 'VIP销售额(元)', kind: 'fen' },
  { key: 'storeSales', label: '全店销售额(元)', kind: 'fen' },
  { key: 'vipShare', label: 'VIP销售占比', kind: 'share' },
  { key: 'pointsIssued', label: '发放积分', kind: 'points' },
  { key: 'pointsRedeemed', label: '兑换积分', kind: 'points' },
  { key: 'pointsExpired', label: '过期积分', kind: 'points' },
  { key: 'pointsOutstanding', label: '积分余额', kind: 'points' },
]

const monthName = (text: string) => {
  const key = monthKeyOf(text)
  return key ? monthChinese(key) : text
}

/** A type, not an interface: it must fit ReportRow's index signature. */
export type KpiRow = {
  key: FigureName
  figure: string
  current: number | null
  previous: number | null
  change: number | null
  rate: number | null
  help: string
}

export type KpiTable = Omit<ReportTable, 'chart' | 'rows'> & { chart: 'kpi'; rows: KpiRow[] }

/**
 * The month's figures against the month before: the first table of the monthly report. A share's
 * change is in percentage points, so it has no rate of its own.
 */
export function kpiTable(data: DashboardData): KpiTable {
  const { current, previous } = data.kpi
  const rows = FIGURES.map(({ key, label, kind }): KpiRow => {
    const now = current[key]
    const before = previous[key]
    const change = now == null || before == null ? null : now - before
    return {
      key,
      figure: label,
      current: now,
      previous: before,
      change,
      rate: kind === 'share' || change == null || !before ? null : change / before,
      help: FIGURE_HELP[key],
    }
  })
  return {
    chart: 'kpi',
    title: '本月主要指标',
    period: periodText({ from: data.kpi.month, to: data.kpi.month, department: data.department }),
    columns: [
      { key: 'figure', title: '指标', kind: 'text' },
      { key: 'current', title: monthName(data.kpi.month), kind: 'count', byRow: true },
      { key: 'previous', title: monthName(data.kpi.previousMonth), kind: 'count', byRow: true },
      { key: 'change', title: '变化', kind: 'count', signed: true, byRow: true },
      { key: 'rate', title: '变化率', kind: 'share', signed: true },
      { key: 'help', title: '口径', kind: 'text' },
    ],
    rows,
    rowKinds: FIGURES.map((f) => f.kind),
    note: 'VIP销售占比的变化为百分点；“—”表示未录入全店销售或上月为零。',
  }
}
