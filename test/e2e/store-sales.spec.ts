import { basename } from 'node:path'
import { writeCsv, writeXlsx } from '../support/sheets'
import { FirstRunPage, LoginPage } from './pages/auth'
import { StoreSalesPage } from './pages/storeSales'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const pad = (n: number) => String(n).padStart(2, '0')
const now = new Date()
const YEAR = now.getFullYear()
const THIS_MONTH = `${YEAR}-${pad(now.getMonth() + 1)}`
/** January of this year: always a month that may be entered. */
const JAN = `${YEAR}-01`
const NEXT_MONTH = (() => {
  const d = new Date(YEAR, now.getMonth() + 1, 1)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
})()

test('store sales: type a figure into the grid, import a bad file (nothing imported), then a good one', async ({
  app,
}, testInfo) => {
  let page = app.page
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  let sales = new StoreSalesPage(page)
  await sales.open()
  await expect(sales.empty).toBeVisible()
  await expect(page.getByTestId('store-sales-help')).toContainText('月份、课别、销售额')
  await expect(sales.grid.locator('tbody tr')).toHaveCount(now.getMonth() + 1)

  // Typed in 元 with separators; Esc leaves a cell as it was.
  await sales.enter(JAN, '营业一课', '1,234,567.89', '1,234,567.89')
  await expect(sales.empty).toBeHidden()
  await sales.cell(JAN, '营业二课').click()
  await page.getByTestId('store-sales-input').locator('input').fill('99')
  await page.getByTestId('store-sales-input').locator('input').press('Escape')
  await expect(sales.cell(JAN, '营业二课')).toHaveText('—')
  await expect(sales.cell(JAN, '营业二课')).toBeFocused()
  // Keyboard only: the arrow moves to the cell on the right, Enter opens it.
  await sales.cell(JAN, '营业一课').focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await page.getByTestId('store-sales-input').locator('input').fill('0.29')
  await page.keyboard.press('Enter')
  await expect(sales.cell(JAN, '营业二课')).toHaveText('0.29')
  await expect(sales.monthTotal(JAN)).toHaveText('1,234,568.18')

  // Still there after the app is restarted.
  page = await app.restart()
  await new LoginPage(page).login('admin', 'admin-pass')
  sales = new StoreSalesPage(page)
  await sales.open()
  await expect(sales.cell(JAN, '营业一课')).toHaveText('1,234,567.89')
  await expect(sales.total).toHaveText('1,234,568.18')

  // A file with bad rows: every problem listed, nothing imported.
  const bad = testInfo.outputPath('全店销售-有错.csv')
  writeCsv(bad, [
    ['月份', '课别', '销售额'],
    [JAN, '营业三课', '3,000.00'],
    [NEXT_MONTH, '营业四课', '100'],
    [JAN, '营业五课', '十万'],
  ])
  app.double.dialogs.open.push(bad)
  await sales.importAndWait('未导入')
  await expect(sales.errors).toBeVisible()
  await expect(sales.errors).toContainText('没有导入任何数据')
  const issues = await sales.errorRows()
  expect(issues.map((i) => [i.row, i.column])).toEqual([
    [3, '月份'],
    [4, '销售额'],
  ])
  expect(issues[0]!.reason).toContain('未来')
  await expect(sales.cell(JAN, '营业三课')).toHaveText('—')
  await saveScreenshot(page, 'store-sales-import-errors')

  // A good .xlsx: replaces 营业一课's January, adds the rest.
  const good = testInfo.outputPath('全店销售.xlsx')
  await writeXlsx(good, [
    ['月份', '课别', '销售额'],
    [JAN, '营业一课', '2,000,000.00'],
    [JAN, '营业三课', 3000.5],
    [THIS_MONTH, '营业五课', '88,888.88'],
    [JAN, '营业四课', '1,000'],
  ])
  app.double.dialogs.open.push(good)
  await sales.importAndWait(basename(good))
  await expect(sales.errors).toBeHidden()
  await expect(sales.cell(JAN, '营业一课')).toHaveText('2,000,000.00')
  await expect(sales.cell(JAN, '营业三课')).toHaveText('3,000.50')
  await expect(sales.cell(THIS_MONTH, '营业五课')).toHaveText('88,888.88')
  await expect(sales.cell(JAN, '营业四课')).toHaveText('1,000.00')
  // Cancelling the dialog changes nothing.
  app.double.dialogs.open.push(null)
  await sales.importAndWait('已取消')
  await expect(sales.cell(JAN, '营业一课')).toHaveText('2,000,000.00')
  await saveScreenshot(page, 'store-sales')
})
