import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { FirstRunPage } from './pages/auth'
import { DashboardPage } from './pages/dashboard'
import { ReportExportPage } from './pages/reportExport'
import { expect, test } from './support/fixtures'
import { allowTestFor, forWork, PDF_RENDER, REPORT } from './support/timeouts'

const pad = (n: number) => String(n).padStart(2, '0')

test('报表导出: a chart table saved as .xlsx reads back with title, headers and numbers; the monthly report saves as PDF', async ({
  app,
}) => {
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const now = new Date()
  const thisMonth = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`

  // This month: 1,500 元 of VIP sales in 营业一课 against 6,000 元 for the store, 500 元 in 营业二课.
  const problems = await page.evaluate(
    async ({ thisMonth }) => {
      const out: string[] = []
      const ok = <T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T | null => {
        if (r.ok) return r.data
        out.push(r.error.message)
        return null
      }
      const invoke = window.vipdesk.invoke
      const a = ok(await invoke('members:create', { cardNo: 'EX-1', name: '导出甲', source: '社区' }))!
      const b = ok(await invoke('members:create', { cardNo: 'EX-2', name: '导出乙', source: '推荐' }))!
      ok(
        await invoke('purchases:record', {
          memberId: a.id,
          receiptNo: 'EX-R1',
          amountFen: 150_000,
          department: '营业一课',
        }),
      )
      ok(
        await invoke('purchases:record', {
          memberId: b.id,
          receiptNo: 'EX-R2',
          amountFen: 50_000,
          department: '营业二课',
        }),
      )
      ok(await invoke('reports:storeSalesSave', { month: thisMonth, department: '营业一课', amountFen: 600_000 }))
      return out
    },
    { thisMonth },
  )
  expect(problems).toEqual([])

  const dashboard = new DashboardPage(page)
  const exports = new ReportExportPage(page)
  await dashboard.open()
  await expect(dashboard.chart('sales').locator('canvas')).toBeVisible(forWork(REPORT))

  // 导出 Excel: main asks where (the double answers) and writes the workbook.
  const xlsx = join(app.dataDir, 'VIP销售占比.xlsx')
  app.double.dialogs.save.push(xlsx)
  await exports.exportChart('sales', '导出 Excel', xlsx)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  expect(ws.getCell('A1').value).toBe('VIP销售占比')
  expect(String(ws.getCell('A2').value)).toMatch(/期间：.*生成时间：\d{4}-\d\d-\d\d \d\d:\d\d.*操作员：admin/)
  expect(ws.getRow(3).values).toEqual([undefined, '月份', '课别', 'VIP销售额(元)', '全店销售额(元)', 'VIP占比'])
  const rows = ws.getRows(4, ws.rowCount - 3)!.map((r) => r.values as unknown[])
  const first = rows.find((r) => r[1] === thisMonth && r[2] === '营业一课')!
  expect(first.slice(3, 6)).toEqual([1500, 6000, 0.25])
  expect(ws.getRow(4).getCell(3).numFmt).toBe('#,##0.00')
  const second = rows.find((r) => r[1] === thisMonth && r[2] === '营业二课')!
  expect(second[3]).toBe(500)

  // 存为 PDF of the same table.
  const pdf = join(app.dataDir, 'VIP销售占比.pdf')
  app.double.dialogs.save.push(pdf)
  await exports.exportChart('sales', '存为 PDF', pdf)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(text).toContain('VIP销售占比')
  expect(text).toMatch(/营业一课\s+1,500\.00\s+6,000\.00\s+25\.0%/)

  // 月度报告: previewed, then saved as a PDF of several A4 landscape pages. Saved through the bridge:
  // the dialog's preview grows past the window, pushing its buttons out of reach (reported).
  await exports.openMonthly()
  const monthly = join(app.dataDir, '会员计划月报.pdf')
  app.double.dialogs.save.push(monthly)
  // The call's own envelope is the signal; the test may run as long as the render may take.
  allowTestFor(PDF_RENDER)
  const saved = await page.evaluate((month) => window.vipdesk.invoke('reports:monthlySave', { month }), thisMonth)
  expect(saved).toEqual({ ok: true, data: { file: monthly } })
  const info = execFileSync('pdfinfo', [monthly], { encoding: 'utf8' })
  expect(info).toMatch(/Page size:\s+841\.\d+ x 594\.\d+ pts/)
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(2)
  expect(execFileSync('pdftotext', [monthly, '-'], { encoding: 'utf8' })).toContain('会员计划月度报告')
})
