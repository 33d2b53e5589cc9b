import type { EChartsCoreOption } from 'echarts/core'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { Db } from '../handle'
import { monthChinese, monthKeyOf, monthText, shiftMonth } from '../rules/months'
import { dashboardData, type DashboardData } from '../services/reports/dashboard'
import { parseMonth } from '../services/reports/kpi'
import { kpiTable, type KpiRow } from '../services/reports/kpiTable'
import { formatCell, formatStamp } from '../rules/tableFormat'
import { periodText, reportTable, type ReportChartId } from '../services/reports/tables'
import { getSettings } from '../services/settings'
import {
  birthdayMailOption,
  DASHBOARD_CHART_PARTS,
  leagueChartHeight,
  leagueOption,
  newCardsOption,
  pointsOption,
  salesOption,
  tiersOption,
  vouchersOption,
} from './charts/dashboardCharts'
import { departmentLabel } from './charts/chartScale'
import { escapeHtml as e, FONT_SANS, printDocument } from './document'
import { reportTableFragment } from './reportTable'
import { A4_LANDSCAPE, PAGE_NUMBERS_CSS, REPORT_TABLE_CSS } from './reportTableStyle'
import { PROGRAMME_REPORT_CSS } from './programmeReportStyle'

// The printed page runs no script: charts arrive as SVG markup rendered here, without a DOM.
use([SVGRenderer, ...DASHBOARD_CHART_PARTS])

export interface ProgrammeReportInput {
  month: string
  department?: string | null
}

export interface ProgrammeReport {
  html: string
  month: string
}

/** 1,030 × 260 CSS px is the page's full width (273 mm) by 69 mm: a chart and a 13-row table fit a page. */
const WIDE = 1030
const TALL = 260

function svg(option: EChartsCoreOption, width = WIDE, height = TALL): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option)
    return `<figure class="chart">${chart.renderToSVGString()}</figure>`
  } finally {
    chart.dispose()
  }
}

const style = { print: true, fontFamily: FONT_SANS }

/** The report month's departments only: the chart above shows the twelve months. */
function monthSales(data: DashboardData): DashboardData {
  const month = data.to
  return {
    ...data,
    from: month,
    sales: {
      ...data.sales,
      months: [month],
      cells: data.sales.cells.filter((c) => c.month === month),
      totals: data.sales.totals.filter((t) => t.month === month),
    },
  }
}

function section(title: string, period: string, content: string, cls = 'page'): string {
  return `<section class="${cls}"><h2>${e(title)}<small>${e(period)}</small></h2>${content}</section>`
}

function chartPage(data: DashboardData, chart: ReportChartId, option: EChartsCoreOption): string {
  const table = reportTable(data, chart)
  return section(table.title, table.period, svg(option) + reportTableFragment(table))
}

/** Twelve months of sales in the chart; the report month's departments in the table below it. */
function salesPage(data: DashboardData): string {
  const table = { ...reportTable(monthSales(data), 'sales'), footer: undefined }
  const heading = `<h3>${e(monthChinese(monthKeyOf(data.to)!))}各课别</h3>`
  return section(
    table.title,
    periodText(data),
    svg(salesOption(data.sales, style)) + heading + reportTableFragment(table),
  )
}

/** Twelve months of vouchers in the chart; the report month's kinds in the table (the liability per kind). */
function vouchersPage(data: DashboardData): string {
  const month = { ...data, from: data.to, vouchers: data.vouchers.filter((v) => v.month === data.to) }
  const table = reportTable(month, 'vouchers')
  const heading = `<h3>${e(monthChinese(monthKeyOf(data.to)!))}各券种</h3>`
  const months = data.points.map((p) => p.month)
  return section(
    table.title,
    periodText({ ...data, department: null }),
    svg(vouchersOption(months, data.vouchers, style)) + heading + reportTableFragment(table),
  )
}

const HEADLINE: { key: string; kind: 'count' | 'share' }[] = [
  { key: 'members', kind: 'count' },
  { key: 'activeCards', kind: 'count' },
  { key: 'newCards', kind: 'count' },
  { key: 'vipShare', kind: 'share' },
]

/** Four figures in large type above the table, for a glance across the meeting table. */
function headline(rows: KpiRow[]): string {
  const cards = HEADLINE.map(({ key, kind }) => {
    const row = rows.find((r) => r.key === key)!
    const change = row.change
    const trend = change ? (change > 0 ? 'up' : 'down') : ''
    const changeText = change == null ? '' : `较上月 ${formatCell(change, { kind, signed: true })}`
    return `<div><span>${e(row.figure)}</span><b>${e(formatCell(row.current, { kind }))}</b><i class="${trend}">${e(changeText)}</i></div>`
  })
  return `<div class="summary">${cards.join('')}</div>`
}

/**
 * 会员计划月度报告: the month's figures against the month before, then each dashboard chart over the
 * twelve months to that month with its table, the gift stock alerts and the maintainers' league.
 */
export function programmeReportHtml(db: Db, input: ProgrammeReportInput, operator: string): ProgrammeReport {
  const month = parseMonth(input?.month)
  const department = input?.department?.trim() || null
  const data = dashboardData(db, { from: monthText(shiftMonth(month, -11)), to: monthText(month), department })
  const store = getSettings(db).storeName
  const title = `会员计划月度报告`
  const scope = department ? departmentLabel(department) : '全店'
  const kpi = kpiTable(data)
  const cover = `<header class="cover"><div><div class="store">${e(store)}</div><h1>${title}<small>${e(monthChinese(month))} · ${e(scope)}</small></h1></div>
<div class="meta">统计期间 <b>${e(reportTable(data, 'points').period)}</b><br>生成时间 ${e(formatStamp(data.generatedAt, data.timeZone))} · 操作员 ${e(operator)}</div></header>`
  const first = `<section>${headline(kpi.rows)}<h2>${e(kpi.title)}<small>${e(kpi.period)}</small></h2>${reportTableFragment(kpi)}</section>`

  const tiers = reportTable(data, 'tiers')
  const alerts = reportTable(data, 'giftAlerts')
  const tiersAndAlerts = `<section class="page"><div class="pair">
<div><h2>${e(tiers.title)}<small>${e(tiers.period)}</small></h2>${svg(tiersOption(data.tiers, style), 480, 280)}${reportTableFragment(tiers)}</div>
<div><h2>${e(alerts.title)}<small>${e(alerts.period)}</small></h2>${reportTableFragment(alerts)}</div></div></section>`

  const league = reportTable(data, 'league')
  const leagueChart = data.league.rows.length
    ? svg(leagueOption(data.league, style), WIDE, Math.min(leagueChartHeight(data.league.rows.length), 360))
    : ''
  const body = `<main class="paper">${cover}${first}
${chartPage(data, 'newCards', newCardsOption(data.newCards, style))}
${salesPage(data)}
${chartPage(data, 'points', pointsOption(data.points, style))}
${tiersAndAlerts}
${chartPage(data, 'birthdayMail', birthdayMailOption(data.birthdayMail, style))}
${vouchersPage(data)}
${section(league.title, league.period, leagueChart + reportTableFragment(league))}</main>`
  return {
    html: printDocument({
      title: `${store} ${title} ${monthText(month)}`,
      css: PAGE_NUMBERS_CSS + REPORT_TABLE_CSS + PROGRAMME_REPORT_CSS,
      body,
      page: A4_LANDSCAPE,
    }),
    month: monthText(month),
  }
}
