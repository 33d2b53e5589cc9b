import { DepartmentsPage } from './pages/departments'
import { FirstRunPage } from './pages/auth'
import { DeskPurchasePage } from './pages/deskPurchase'
import { SettingsPage } from './pages/settings'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const MEMBER = { cardNo: 'V2026-0066', name: '周晓梅', phone: '13900006677' }

test('课别与专柜: a department added in settings with its counters is picked at the desk and stays picked', async ({
  app,
}) => {
  const { page } = app
  const shell = new Shell(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const created = await page.evaluate((m) => window.vipdesk.invoke('members:create', m), MEMBER)
  expect(created.ok).toBe(true)

  await shell.open('settings')
  const settings = new SettingsPage(page)
  await settings.open('departments')
  const list = new DepartmentsPage(page)
  await expect(list.department('营业一课')).toBeVisible()
  await list.add('营业六课', ['雅诗兰黛', '兰蔻'])
  // The same name again is refused in Chinese, and nothing is added.
  await list.newName.fill('营业六课')
  await list.newName.press('Enter')
  await expect(page.getByText('已有课别「营业六课」')).toBeVisible()
  await expect(list.department('营业六课')).toHaveCount(1)
  await list.newName.fill('')
  // 改名 of a counter keeps the old name as its alias (old lines and till files still find it).
  const six = list.department('营业六课')
  await six.getByTestId('counter-雅诗兰黛').getByTestId('counter-rename').click()
  const renamed = six.getByTestId('counter-rename-input').locator('input')
  await expect(renamed).toBeFocused()
  await renamed.fill('雅诗兰黛专柜')
  await renamed.press('Enter')
  await expect(six.getByTestId('counter-雅诗兰黛专柜')).toContainText('也认作 雅诗兰黛')
  await saveScreenshot(page, 'settings-departments')

  const desk = new DeskPurchasePage(page)
  await desk.open()
  await desk.findMember('6677', MEMBER.name)
  await desk.amount.fill('880')
  // Keyboard only: Enter from 金额 to 课别, type to filter, Enter picks and moves on to 专柜.
  await desk.amount.press('Enter')
  await expect(desk.department.locator('input')).toBeFocused()
  await page.keyboard.type('六课')
  await page.keyboard.press('Enter')
  await expect(desk.department).toContainText('营业六课')
  await expect(desk.counter.locator('input')).toBeFocused()
  await page.keyboard.type('兰蔻')
  await page.keyboard.press('Enter')
  await expect(desk.counter).toContainText('兰蔻')
  await expect(desk.receipt).toBeFocused()
  await saveScreenshot(page, 'desk-purchase-departments')
  await page.keyboard.press('Enter')
  await expect(desk.lastReceipt).toHaveText(/^服务台\d{8}-0001$/)

  // Ready for the next entry: the amount is empty, 课别 and 专柜 are still picked.
  await expect(desk.amount).toBeFocused()
  await expect(desk.amount).toHaveValue('')
  await expect(desk.department).toContainText('营业六课')
  await expect(desk.counter).toContainText('兰蔻')
  await desk.amount.fill('120')
  await desk.save.click()
  await expect(desk.lastReceipt).toHaveText(/^服务台\d{8}-0002$/)
  // Both saved under the picked 课别 and 专柜.
  const id = created.ok ? created.data.id : 0
  const saved = await page.evaluate((memberId) => window.vipdesk.invoke('purchases:ofMember', { memberId }), id)
  expect(saved.ok && saved.data.rows.map((r) => [r.department, r.counter])).toEqual([
    ['营业六课', '兰蔻'],
    ['营业六课', '兰蔻'],
  ])
})
