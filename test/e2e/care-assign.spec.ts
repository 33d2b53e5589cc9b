import { FirstRunPage, LoginPage } from './pages/auth'
import { CareAssignPage } from './pages/careAssign'
import { SettingsPage } from './pages/settings'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

test('高端VIP维护: a planner registers staff, auto-assigns, edits a row, applies, and hands over a leaver', async ({
  app,
}) => {
  const { page } = app
  const shell = new Shell(page)
  const care = new CareAssignPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: 'members' })
  await shell.open('settings')
  const settings = new SettingsPage(page)
  await settings.open('operators')
  await settings.addOperator('企划小陈', 'planner', 'plan-pass')
  await shell.logout()
  await new LoginPage(page).login('企划小陈', 'plan-pass')

  // A short list keeps the proposal readable: six members, two maintainers.
  await shell.open('settings')
  await care.setListSize(6)
  await expect(page.getByText('界面出错')).toHaveCount(0)
  await saveScreenshot(page, 'care-settings')

  await shell.open('care')
  await care.tab('staff')
  await expect(page.getByTestId('staff-empty')).toContainText('新增维护人')
  await care.addStaff('李娜', '营业一课', '2024-01-02')
  await care.addStaff('王强', '营业二课', '2023-05-01')
  await care.addStaff('新人小赵', '贵宾室', new Date().toLocaleDateString('sv-SE'))
  await expect(care.staffRows).toHaveCount(3)
  await expect(care.staffRow('新人小赵')).toContainText('未满6个月')
  await expect(care.staffRow('李娜')).toContainText('可维护')
  // A second 李娜 is refused with the reason.
  await page.getByTestId('staff-new').click()
  await page.getByTestId('staff-name').fill('李娜')
  await page.getByTestId('staff-hire-date').fill('2024-01-02')
  await page.getByTestId('staff-save').click()
  await expect(page.getByText('已有名为"李娜"的维护人')).toBeVisible()
  await page.getByTestId('staff-form').getByText('取消').click()
  await saveScreenshot(page, 'care-staff')

  // The proposal: six members, three each; only eligible staff are offered.
  await care.tab('auto')
  await page.getByTestId('auto-generate').click()
  await expect(care.autoRows).toHaveCount(6)
  await expect(care.loads).toHaveCount(2)
  await expect(care.loadRow('李娜').getByTestId('auto-load-count')).toHaveText('3 / 8')
  await expect(care.loadRow('王强').getByTestId('auto-load-count')).toHaveText('3 / 8')
  // The planner gives 王强's first member to 李娜 and drops the last row; totals follow.
  const first = care.autoRows.filter({ hasText: '王强' }).first()
  const moved = (await first.getByTestId('auto-row-name').textContent())!
  await care.changeRowStaff(first, '李娜')
  await expect(care.loadRow('李娜').getByTestId('auto-load-count')).toHaveText('4 / 8')
  const last = care.autoRows.last()
  const dropped = (await last.getByTestId('auto-row-name').textContent())!
  await last.getByTestId('auto-row-remove').click()
  await expect(care.autoRows).toHaveCount(5)
  await saveScreenshot(page, 'care-auto-assign')
  await page.getByTestId('auto-apply').click()
  await expect(page.getByText('已按方案分配 5 位VIP')).toBeVisible()

  // The list shows the maintainers; the dropped member still waits.
  await care.tab('vips')
  await expect(care.vipRows).toHaveCount(6)
  await expect(care.vipRows.filter({ hasText: moved.split('（')[0]! })).toContainText('李娜')
  await page.getByTestId('vip-filter-unassigned').click()
  await expect(care.vipRows).toHaveCount(1)
  await expect(care.vipRows.first()).toContainText(dropped.split('（')[0]!)
  await page.getByTestId('vip-filter').getByText('全部').click()
  await saveScreenshot(page, 'care-high-value')

  // 李娜 leaves: her VIPs show as needing a new maintainer until the hand-over moves them.
  await care.tab('staff')
  const liLoad = (await care.staffRow('李娜').getByTestId('staff-row-load').textContent())!.split('/')[0]!.trim()
  await care.staffRow('李娜').getByTestId('staff-leave').click()
  await page.getByTestId('leave-confirm').click()
  await expect(page.getByTestId('handover-dialog')).toBeVisible()
  await page.getByTestId('handover-staff').click()
  await page.locator('.n-base-select-option', { hasText: '王强' }).click()
  await page.getByTestId('handover-confirm').click()
  await expect(page.getByText(`已把 ${liLoad} 位VIP交给 王强`)).toBeVisible()
  await care.tab('vips')
  await page.getByTestId('vip-filter-left').click()
  await expect(care.vipRows).toHaveCount(0)
  await page.getByTestId('vip-filter-assigned').click()
  await expect(care.vipRows).toHaveCount(5)
  for (const row of await care.vipRows.all()) await expect(row.getByTestId('vip-row-staff')).toHaveText('王强')
  // The member's history names both maintainers and the hand-over.
  await care.vipRows
    .filter({ hasText: moved.split('（')[0]! })
    .getByTestId('vip-history')
    .click()
  await expect(page.getByTestId('history-table').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('history-table')).toContainText('李娜 离职交接')
  await saveScreenshot(page, 'care-history')
})
