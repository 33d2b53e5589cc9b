import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { FirstRunPage } from './pages/auth'
import { MembersPage } from './pages/members'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

test('会员 list: two purchase filters narrow it to a call list, and 导出 writes exactly those rows to .xlsx with full phones as text', async ({
  app,
}) => {
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })

  // Three buyers today: only 筛选甲 spent at least 1,000 元 in 营业一课.
  const problems = await page.evaluate(async () => {
    const out: string[] = []
    const invoke = window.vipdesk.invoke
    const buyers: [string, string, string, number, string][] = [
      ['FX-1', '筛选甲', '13800138001', 300_000, '营业一课'],
      ['FX-2', '筛选乙', '13800138002', 20_000, '营业一课'],
      ['FX-3', '筛选丙', '13800138003', 500_000, '营业二课'],
    ]
    for (const [cardNo, name, phone, amountFen, department] of buyers) {
      const m = await invoke('members:create', { cardNo, name, phone, smsConsent: true })
      if (!m.ok) {
        out.push(m.error.message)
        continue
      }
      const p = await invoke('purchases:record', {
        memberId: m.data.id,
        receiptNo: `R-${cardNo}`,
        amountFen,
        department,
      })
      if (!p.ok) out.push(p.error.message)
    }
    return out
  })
  expect(problems).toEqual([])

  // The list was read before the members existed: leave and come back to read it again.
  const members = new MembersPage(page)
  const shell = new Shell(page)
  await shell.open('points')
  await shell.open('members')
  await expect(members.rows).toHaveCount(3)

  // The call-list filters wait behind 更多筛选, which counts those that are set.
  await expect(members.moreFilters).toHaveText('更多筛选 ▾')
  await members.openMoreFilters()
  await members.pickFilter('department', '营业一课')
  await expect(members.rows).toHaveCount(2)
  await members.filter('spend-min').fill('1000')
  await members.filter('spend-min').press('Enter')
  await expect(members.rows).toHaveCount(1)
  await expect(members.moreFilters).toContainText('更多筛选 (2)')
  await expect(members.row('筛选甲')).toHaveCount(1)
  await saveScreenshot(page, 'member-filters')

  const file = join(app.dataDir, '电话名单.xlsx')
  app.double.dialogs.save.push(file)
  await members.exportAs('xlsx', true)

  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  expect(ws.rowCount).toBe(2)
  const headers = (ws.getRow(1).values as unknown[]).slice(1)
  expect(headers.slice(0, 4)).toEqual(['卡号', '姓名', '性别', '手机'])
  const row = ws.getRow(2)
  expect(row.getCell(1).value).toBe('FX-1')
  expect(row.getCell(2).value).toBe('筛选甲')
  expect(row.getCell(4).value).toBe('13800138001')
  expect(row.getCell(4).numFmt).toBe('@')
})
