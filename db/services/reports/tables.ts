import type { DashboardData } from './dashboard'

/** The dashboard's charts, each of which can be shown, exported and printed as a table. */
export const REPORT_CHARTS = ['newCards', 'sales', 'tiers', 'points', 'giftAlerts', 'birthdayMail', 'league'] as const
export type ReportChartId = (typeof REPORT_CHARTS)[number]

export interface ReportColumn {
  key: string
  title: string
  /** how the xlsx and the printed table format the cells */
  kind: 'text' | 'count' | 'fen' | 'share' | 'points'
}

/** A chart's data as rows: what the screen's table shows, the xlsx holds and the PDF prints. */
export interface ReportTable {
  chart: ReportChartId
  title: string
  /** 2026年1月—2026年11月 · 营业一课 */
  period: string
  columns: ReportColumn[]
  rows: Record<string, string | number | null>[]
  /** e.g. a totals line, same keys as rows */
  footer?: Record<string, string | number | null>
  note?: string
}

export function reportTable(data: DashboardData, chart: ReportChartId): ReportTable {
  void data
  void chart
  throw new Error('not yet')
}
