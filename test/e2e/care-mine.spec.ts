import type { Page } from '@playwright/test'
import { FirstRunPage, LoginPage } from './pages/auth'
import { CareMinePage } from './pages/careMine'
import { SettingsPage } from './pages/settings'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const today = () => {
  const d = new Date()
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate()
}
const dayText = (n: number) =>
  `${Math.floor(n / 10000)}-${String(Math.floor(n / 100) % 100).padStart(2, '0')}-${String(n % 100).padStart(2, '0')}`

/**
 * Sets the job up the way a planner would, through the staff register's and assignment's calls
 * (as the logged-in admin): 刘芳 linked to her login with three VIPs, 周强 with one, and an old
 * contact of 刘芳's whose follow-up has long passed. Returns 刘芳's cards, the overdue one first.
 */
async function setUpCare(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const ok = async <T>(p: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>) => {
      const r = await p
      if (!r.ok) throw new Error(r.error.message)
      return r.data
    }
    const v = window.vipdesk
    const ops = await ok(v.invoke('operators:list', undefined))
    const operatorId = ops.find((o) => o.name === '刘芳')!.id
    const hire = { hireDate: '2020-01-01' }
    const liu = await ok(v.invoke('care:staffAdd', { name: '刘芳', department: '营业一课', ...hire, operatorId }))
    const zhou = await ok(v.invoke('care:staffAdd', { name: '周强', department: '贵宾室', ...hire }))
    const list = await ok(v.invoke('members:list', { page: 1, pageSize: 50 }))
    const members = list.rows.filter((m) => m.phone && m.status === 'active').slice(0, 4)
    for (const [i, m] of members.entries())
      await ok(v.invoke('care:assign', { memberId: m.id, staffId: i < 3 ? liu.id : zhou.id, from: '2025-01-01' }))
    const late = members[2]!
    await ok(
      v.invoke('care:logContact', {
        memberId: late.id,
        kind: 'phone',
        day: '2025-03-01',
        note: '约好再联系',
        nextFollowUp: '2025-03-15',
      }),
    )
    return [late.cardNo, members[0]!.cardNo, members[1]!.cardNo]
  })
}

test('我的VIP: a maintainer logs in, sees their VIPs, logs a contact and finds it in the member drawer', async ({
  app,
}) => {
  const { page } = app
  const shell = new Shell(page)
  const settings = new SettingsPage(page)
  const mine = new CareMinePage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: 'members' })
  await shell.open('settings')
  await settings.open('operators')
  await settings.addOperator('刘芳', 'clerk', 'clerk-pass')
  const [overdue, first] = await setUpCare(page)

  // A planner (here the admin, who has no staff record) picks a maintainer to look over.
  await shell.open('care')
  await expect(mine.root).toBeVisible()
  await mine.pickStaff('刘芳')
  await expect(mine.rows).toHaveCount(3)
  await mine.pickStaff('周强')
  await expect(mine.rows).toHaveCount(1)
  await shell.logout()

  await new LoginPage(page).login('刘芳', 'clerk-pass')
  await expect(shell.navItems).toHaveText(['会员', '高端VIP维护', '生日关怀', '设置'])
  await shell.open('care')
  await expect(mine.tabs).toHaveText(['我的VIP'])
  await expect(mine.staffPicker).toHaveCount(0)
  await expect(page.getByTestId('my-vips-who')).toHaveText('刘芳 · 营业一课')
  await expect(mine.rows).toHaveCount(3)
  await expect(mine.rows.first()).toHaveAttribute('data-card', overdue!)
  await expect(mine.row(overdue!).getByTestId('vip-overdue')).toHaveText('已逾期')
  await expect(mine.row(first!).getByTestId('vip-phone')).toHaveText(/^1\d{2}\*{4}\d{4}$/)
  await saveScreenshot(page, 'care-mine')

  // The maintainer calls: the full number is one (audited) click away.
  await mine.row(first!).getByTestId('vip-reveal-phone').click()
  await expect(mine.row(first!).getByTestId('vip-phone')).toHaveText(/^1\d{10}$/)

  // Logging the visit closes the overdue follow-up; keyboard only once the dialog is open.
  await mine.openLog(overdue!)
  await expect(page.getByTestId('contact-kind-phone').locator('input')).toBeFocused()
  await mine.kind('visit')
  await page.getByTestId('contact-next-7').click()
  await mine.note.fill('到店试衣，喜欢新款大衣')
  await saveScreenshot(page, 'care-mine-contact')
  await mine.note.press('Control+Enter')
  await expect(mine.dialog).toBeHidden()
  const row = mine.row(overdue!)
  await expect(row.getByTestId('vip-last-contact')).toContainText(`${dayText(today())} 到店接待`)
  await expect(row.getByTestId('vip-overdue')).toHaveCount(0)
  await expect(mine.rows.first()).not.toHaveAttribute('data-card', overdue!)

  // Refused without changing anything: a future day.
  const refused = await page.evaluate(
    (day) => window.vipdesk.invoke('care:logContact', { memberId: 1, kind: 'phone', day }),
    `${new Date().getFullYear() + 1}-01-01`,
  )
  expect(refused).toMatchObject({ ok: false, error: { kind: 'validation', message: '联系日期不能晚于今天' } })

  await row.getByTestId('vip-open').click()
  await expect(page.getByTestId('member-drawer')).toBeVisible()
  await page.getByTestId('member-tab-care').click()
  await expect(mine.drawerLogRows).toHaveCount(2)
  await expect(mine.drawerLogRows.first()).toContainText('到店试衣，喜欢新款大衣')
  await expect(mine.drawerLogRows.first()).toContainText('刘芳')
  await expect(mine.drawerMaintainers).toHaveCount(1)
  await expect(mine.drawerMaintainers.first()).toContainText('当前')
  await saveScreenshot(page, 'care-mine-drawer')
})
