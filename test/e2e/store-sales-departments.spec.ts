import { FirstRunPage } from './pages/auth'
import { StoreSalesPage } from './pages/storeSales'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const JAN = `${new Date().getFullYear()}-01`

test('store sales: the grid’s columns are the list’s active departments; a deactivated one is read only', async ({
  app,
}) => {
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const stopped = await page.evaluate(async (month) => {
    const api = window.vipdesk.invoke
    await api('departments:add', { name: '营业六课', counters: [] })
    await api('reports:storeSalesSave', { month, department: '营业五课', amountFen: 500_000 })
    const list = await api('departments:list', undefined)
    const five = list.ok ? list.data.find((d) => d.name === '营业五课')! : null
    await api('departments:setActive', { id: five!.id, active: false })
    // The service refuses it too, whatever a screen would offer.
    return api('reports:storeSalesSave', { month, department: '营业五课', amountFen: 600_000 })
  }, JAN)
  expect(stopped).toMatchObject({
    ok: false,
    error: { message: '课别「营业五课」已停用，不能再录入（如需修改请先在 设置 → 课别与专柜 中启用）' },
  })

  const sales = new StoreSalesPage(page)
  await sales.open()
  const headings = await sales.grid.locator('thead th').evaluateAll((ths) => ths.map((t) => t.textContent?.trim()))
  // The list's order, the deactivated department with figures after the active ones.
  expect(headings).toEqual([
    '月份',
    '营业一课',
    '营业二课',
    '营业三课',
    '营业四课',
    '企划',
    '贵宾室',
    '营业六课',
    '营业五课（已停用）',
    '合计',
  ])
  await expect(sales.cell(JAN, '营业五课')).toHaveText('5,000.00')
  await sales.cell(JAN, '营业五课').click()
  await expect(page.getByText('课别「营业五课」已停用，数字只读')).toBeVisible()
  await expect(page.getByTestId('store-sales-input')).toHaveCount(0)
  await sales.enter(JAN, '营业六课', '1000', '1,000.00')
  await expect(page.getByTestId('store-sales-new-department')).toHaveCount(0)
  await saveScreenshot(page, 'store-sales-departments')
  // New 课别 are added in settings, one click away.
  await page.getByTestId('store-sales-departments-link').click()
  await expect(page.getByTestId('departments-settings')).toBeVisible()
})
