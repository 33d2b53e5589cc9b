import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPdfRenderer, type PdfRenderer } from '../../db/print/chromium'
import { programmeReportHtml } from '../../db/print/programmeReport'
import { reportTableHtml } from '../../db/print/reportTable'
import { dashboardData } from '../../db/services/reports/dashboard'
import { reportTable } from '../../db/services/reports/tables'
import { addStaffRow, holdRow } from '../support/care'
import { buildReportScenario, type ReportScenario } from '../support/reportScenario'

// The printed reports through headless Chromium, as the CLI makes them: paper size, the words a
// reader looks for, the charts as inline SVG.
let t: ReportScenario
let pdf: PdfRenderer

beforeAll(async () => {
  t = buildReportScenario({ members: 300, purchases: 3000 })
  const buyers = t.db.sqlite
    .prepare(`SELECT DISTINCT member_id FROM purchases WHERE purchase_date >= 20261001 ORDER BY member_id LIMIT 4`)
    .pluck()
    .all() as number[]
  const staff = addStaffRow(t.db, '孙丽')
  for (const m of buyers) holdRow(t.db, staff, m, 20260101)
  pdf = await openPdfRenderer()
}, 60_000)
afterAll(async () => {
  await pdf?.close()
  t.close()
})

function inspect(bytes: Buffer, name: string): { info: string; text: string } {
  const file = join(t.dir, name)
  writeFileSync(file, bytes)
  return {
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  }
}

describe('a table on A4 landscape', () => {
  it('prints title, period, time made, operator, store and the figures', async () => {
    const data = dashboardData(t.db, { from: '2026-01', to: '2026-11' })
    const table = reportTable(data, 'points')
    const html = reportTableHtml(table, {
      store: '和平百货',
      operator: '王企划',
      generatedAt: data.generatedAt,
      timeZone: data.timeZone,
    })
    expect(html).toContain('size: A4 landscape')
    const { info, text } = inspect(await pdf.pdf(html), 'points.pdf')
    expect(info).toMatch(/Page size:\s+841\.\d+ x 594\.\d+ pts/)
    expect(text).toContain('积分发放与余额')
    expect(text).toContain('2026年1月—2026年11月')
    expect(text).toContain('王企划')
    expect(text).toContain('和平百货')
    expect(text).toContain('2026-11-23 10:00')
    const oct = table.rows.find((r) => r.month === '2026-10')!
    expect(text).toContain((oct.outstanding as number).toLocaleString('en-US'))
    expect(text).toContain((table.footer!.expired as number).toLocaleString('en-US'))
    expect(text).toMatch(/第 1 页，共 \d+ 页/)
  }, 60_000)

  it('repeats the header on every page of a long table', async () => {
    const data = dashboardData(t.db, { from: '2026-01', to: '2026-11' })
    const { info, text } = inspect(
      await pdf.pdf(
        reportTableHtml(reportTable(data, 'sales'), {
          store: '和平百货',
          operator: '王企划',
          generatedAt: 0,
          timeZone: 'Asia/Shanghai',
        }),
      ),
      'sales.pdf',
    )
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    expect(pages).toBeGreaterThan(1)
    expect(text.split('\f').filter((p) => p.includes('全店销售额(元)'))).toHaveLength(pages)
  }, 60_000)
})

describe('the monthly programme report', () => {
  it('holds the KPI table and the charts as SVG, over several pages', async () => {
    const report = programmeReportHtml(t.db, { month: '2026-10' }, '王企划')
    expect(report.month).toBe('2026-10')
    for (const label of ['会员数', '活跃卡', '新开卡', '沉睡会员', 'VIP销售占比', '积分余额', '变化率'])
      expect(report.html).toContain(label)
    expect(report.html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(6)
    expect(report.html).not.toMatch(/<script/i)
    const { info, text } = inspect(await pdf.pdf(report.html), 'monthly.pdf')
    expect(info).toMatch(/Page size:\s+841\.\d+ x 594\.\d+ pts/)
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(2)
    expect(text).toContain('会员计划月度报告')
    expect(text).toContain('2026年10月')
    expect(text).toContain('王企划')
    expect(text).toContain('孙丽')
    expect(text).toContain('礼品库存预警')
  }, 60_000)

  it('takes a department and refuses a bad month in Chinese', () => {
    const dep = t.storeDepartments[0]!
    expect(programmeReportHtml(t.db, { month: '2026-10', department: dep }, 'x').html).toContain(`2026年10月 · ${dep}`)
    expect(() => programmeReportHtml(t.db, { month: '2026-13' }, 'x')).toThrow('月份应为 YYYY-MM 格式')
    expect(() => programmeReportHtml(t.db, { month: '2027-01' }, 'x')).toThrow('月份不能晚于本月')
  })
})
