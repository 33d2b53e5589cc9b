import { writeFileExplained } from '../../fileErrors'
import { resolve } from 'node:path'
import { programmeReportHtml } from '../../print/programmeReport'
import { reportTableHtml } from '../../print/reportTable'
import { dashboardData } from '../../services/reports/dashboard'
import { REPORT_CHARTS, REPORT_TITLES, reportTable, type ReportChartId } from '../../services/reports/tables'
import { writeReportTableXlsx } from '../../services/reports/tableXlsx'
import { getSettings } from '../../services/settings'
import type { CliContext } from '../context'
import { UsageError } from '../io'

const MONTH = /^\d{4}-\d{2}$/

function monthOption(ctx: CliContext, name: 'month' | 'from' | 'to', command: string): string {
  const m = ctx.args[name]
  if (m === undefined) throw new UsageError(`命令 ${command} 需要 --${name} YYYY-MM`)
  if (!MONTH.test(m)) throw new UsageError(`选项 --${name} 应为 YYYY-MM 格式的月份，收到"${m}"`)
  return m
}

const here = (ctx: CliContext, file: string) => resolve(ctx.io.cwd ?? process.cwd(), file)

async function pdfOf(ctx: CliContext, html: string): Promise<Buffer> {
  // Loaded only here: the other commands need no browser driver.
  const { htmlToPdf } = await import('../../print/chromium')
  return htmlToPdf(html, ctx.io.env)
}

/** `report monthly --month YYYY-MM --pdf FILE [--department 课别]`: the planners' meeting report. */
export async function reportMonthlyCommand(ctx: CliContext): Promise<void> {
  const month = monthOption(ctx, 'month', 'report monthly')
  if (!ctx.args.pdf) throw new UsageError('命令 report monthly 需要 --pdf 文件路径（要保存的 PDF）')
  const file = here(ctx, ctx.args.pdf)
  const report = programmeReportHtml(ctx.db, { month, department: ctx.args.department }, ctx.actor.name)
  const pdf = await pdfOf(ctx, report.html)
  writeFileExplained(file, pdf)
  await ctx.result({ file, month: report.month, bytes: pdf.length })
  await ctx.say(`会员计划月度报告（${report.month}）已保存到 ${file}。`)
}

/**
 * `report table CHART --from YYYY-MM --to YYYY-MM [--department 课别] (--xlsx FILE | --pdf FILE)`:
 * one dashboard chart's data as a spreadsheet or an A4 landscape PDF.
 */
export async function reportTableCommand(ctx: CliContext): Promise<void> {
  const chart = ctx.args.words[2] as ReportChartId
  if (!(REPORT_CHARTS as readonly string[]).includes(chart))
    throw new UsageError(
      `未知报表"${chart}"，可选：${REPORT_CHARTS.map((c) => `${c}（${REPORT_TITLES[c]}）`).join('、')}`,
    )
  const from = monthOption(ctx, 'from', 'report table')
  const to = monthOption(ctx, 'to', 'report table')
  const { xlsx, pdf } = ctx.args
  if (!xlsx === !pdf) throw new UsageError('命令 report table 需要 --xlsx 文件路径 或 --pdf 文件路径（二选一）')
  const data = dashboardData(ctx.db, { from, to, department: ctx.args.department })
  const table = reportTable(data, chart)
  const stamp = { generatedAt: data.generatedAt, timeZone: data.timeZone, operator: ctx.actor.name }
  const file = here(ctx, (xlsx ?? pdf)!)
  if (xlsx) await writeReportTableXlsx(file, table, stamp)
  else
    writeFileExplained(
      file,
      await pdfOf(ctx, reportTableHtml(table, { ...stamp, store: getSettings(ctx.db).storeName })),
    )
  await ctx.result({ file, chart, title: table.title, period: table.period, rows: table.rows.length })
  await ctx.say(`${table.title}（${table.period}，${table.rows.length} 行）已保存到 ${file}。`)
}
