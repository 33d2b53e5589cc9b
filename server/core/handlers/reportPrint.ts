import { writeFile } from 'node:fs/promises'
import { programmeReportHtml } from '../../../db/print/programmeReport'
import { reportTableHtml } from '../../../db/print/reportTable'
import { explainFileError } from '../../../db/services/members/export'
import { dashboardData, type DashboardData, type DashboardQuery } from '../../../db/services/reports/dashboard'
import { reportTable, REPORT_TITLES, type ReportChartId } from '../../../db/services/reports/tables'
import { writeReportTableXlsx } from '../../../db/services/reports/tableXlsx'
import { getSettings } from '../../../db/services/settings'
import { actorOf, type HandlerContext } from '../context'
import type { Handlers } from '../dispatch'

type TableInput = { chart: ReportChartId; query: DashboardQuery }

/** The chart's table with who made it and when; built before any dialog, so bad input fails at once. */
function tableOf(input: TableInput, ctx: HandlerContext) {
  const data = dashboardData(ctx.state.db, input?.query)
  const table = reportTable(data, input?.chart)
  const stamp = { generatedAt: data.generatedAt, timeZone: data.timeZone, operator: actorOf(ctx).name }
  return { data, table, stamp, store: getSettings(ctx.state.db).storeName }
}

/** VIP销售占比-2026-01至2026-11: the range (the league: its month), then the department if one. */
function fileStem(chart: ReportChartId, data: DashboardData): string {
  const range = chart === 'league' ? data.league.month : data.from === data.to ? data.to : `${data.from}至${data.to}`
  const department = data.department ? `-${data.department}` : ''
  return safeName(`${REPORT_TITLES[chart]}-${range}${department}`)
}

/** A department may hold characters Windows refuses in file names. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_')

async function save(file: string, bytes: Buffer): Promise<void> {
  try {
    await writeFile(file, bytes)
  } catch (e) {
    throw explainFileError(e, file)
  }
}

/** 报表: each chart's table as .xlsx or PDF, and the monthly programme report. */
export const reportPrintHandlers = {
  'reports:table': (input, ctx) => reportTable(dashboardData(ctx.state.db, input?.query), input?.chart),
  'reports:tableXlsx': async (input, ctx) => {
    const { data, table, stamp } = tableOf(input, ctx)
    const file = await ctx.shell.pickSaveFile({
      title: `导出${table.title}`,
      defaultName: `${fileStem(table.chart, data)}.xlsx`,
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    })
    if (!file) return null
    await writeReportTableXlsx(file, table, stamp)
    return { file }
  },
  'reports:tablePdf': async (input, ctx) => {
    const { data, table, stamp, store } = tableOf(input, ctx)
    const file = await ctx.shell.pickSaveFile({
      title: `保存${table.title}`,
      defaultName: `${fileStem(table.chart, data)}.pdf`,
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    })
    if (!file) return null
    await save(file, await ctx.shell.printer.pdf(reportTableHtml(table, { ...stamp, store })))
    return { file }
  },
  'reports:tablePrint': async (input, ctx) => {
    const { table, stamp, store } = tableOf(input, ctx)
    return { printed: await ctx.shell.printer.print(reportTableHtml(table, { ...stamp, store })) }
  },
  'reports:monthly': (input, ctx) => programmeReportHtml(ctx.state.db, input, actorOf(ctx).name),
  'reports:monthlySave': async (input, ctx) => {
    const report = programmeReportHtml(ctx.state.db, input, actorOf(ctx).name)
    const department = input?.department?.trim()
    const file = await ctx.shell.pickSaveFile({
      title: '保存会员计划月报',
      defaultName: safeName(`会员计划月报-${report.month}${department ? `-${department}` : ''}.pdf`),
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    })
    if (!file) return null
    await save(file, await ctx.shell.printer.pdf(report.html))
    return { file }
  },
  'reports:monthlyPrint': async (input, ctx) => ({
    printed: await ctx.shell.printer.print(programmeReportHtml(ctx.state.db, input, actorOf(ctx).name).html),
  }),
} satisfies Partial<Handlers>
