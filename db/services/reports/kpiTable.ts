import { FIGURE_HELP, FIGURE_LABELS, type FigureName } from '../../rules/figures'
import { monthChinese, monthKeyOf } from '../../rules/months'
import type { DashboardData } from './dashboard'
import type { ReportCellKind, ReportTable } from './tables'
import { periodText } from './tables'

const KINDS: Record<FigureName, ReportCellKind> = {
  members: 'count',
  activeCards: 'count',
  newCards: 'count',
  sleeping: 'count',
  vipSales: 'fen',
  storeSales: 'fen',
  vipShare: 'share',
  pointsIssued: 'points',
  pointsRedeemed: 'points',
  pointsExpired: 'points',
  pointsOutstanding: 'points',
  vouchersIssued: 'fen',
  vouchersUsed: 'fen',
  vouchersExpired: 'fen',
  vouchersOutstanding: 'fen',
}
const FIGURES = (Object.keys(KINDS) as FigureName[]).map((key) => ({
  key,
  label: FIGURE_LABELS[key],
  kind: KINDS[key],
}))

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
