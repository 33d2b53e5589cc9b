import type { Page } from '@playwright/test'
import { FirstRunPage, LoginPage } from './pages/auth'
import { CampaignsPage } from './pages/campaigns'
import { SettingsPage } from './pages/settings'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

/** Two callers through the staff register's call: 赵敏 (VIP room) linked to her login, and 王强. */
async function addCallers(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const ok = async <T>(p: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>) => {
      const r = await p
      if (!r.ok) throw new Error(r.error.message)
      return r.data
    }
    const v = window.vipdesk
    const ops = await ok(v.invoke('operators:list', undefined))
    const operatorId = ops.find((o) => o.name === '赵敏')!.id
    await ok(v.invoke('care:staffAdd', { name: '赵敏', department: '贵宾室', hireDate: '2020-01-01', operatorId }))
    await ok(v.invoke('care:staffAdd', { name: '王强', department: '营业一课', hireDate: '2020-01-01' }))
  })
}

test('唤醒活动: a planner creates and splits a campaign, a caller records two calls, the report counts them', async ({
  app,
}) => {
  const { page } = app
  const shell = new Shell(page)
  const camp = new CampaignsPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: 'members' })
  await shell.open('settings')
  const settings = new SettingsPage(page)
  await settings.open('operators')
  await settings.addOperator('赵敏', 'viproom', 'viproom-pass')
  await addCallers(page)

  await shell.open('campaigns')
  await camp.tab('list')
  await expect(page.getByTestId('campaigns-empty')).toBeVisible()
  const members = await camp.create('秋季沉睡唤醒', {
    sleepingMonths: 6,
    voucher: '唤醒券',
    onSegment: () => saveScreenshot(page, 'campaigns-create'),
  })
  await expect(camp.row('秋季沉睡唤醒').getByTestId('campaign-unassigned')).toHaveText(`${members} 名未分配`)
  await camp.split('秋季沉睡唤醒', ['赵敏', '王强'])
  await expect(camp.row('秋季沉睡唤醒').getByTestId('campaign-unassigned')).toHaveCount(0)
  await shell.logout()

  // The VIP room works its list from the keyboard after the first call.
  await new LoginPage(page).login('赵敏', 'viproom-pass')
  await shell.open('campaigns')
  await expect(camp.mine).toBeVisible()
  await expect(page.getByTestId('my-calls-who')).toHaveText('赵敏 · 贵宾室')
  await expect(camp.callRows).toHaveCount(Math.ceil(members / 2))
  // Phones are masked in the list (some sample members have none: —).
  const phones = camp.callRows.locator('td:nth-child(2)')
  await expect(phones.filter({ hasText: /\d/ }).first()).toHaveText(/^1\d{2}\*{4}\d{4}$/)
  await expect(phones.filter({ hasText: /^1\d{10}$/ })).toHaveCount(0)
  const first = (await page.getByTestId('call-panel-name').textContent())!
  await page.getByTestId('call-note').locator('input').fill('下周末带家人来')
  await page.getByTestId('call-outcome-reached').click()
  await expect(camp.panel.getByTestId('call-panel-name')).not.toHaveText(first)
  const second = (await page.getByTestId('call-panel-name').textContent())!
  await page.keyboard.press('5')
  await expect(camp.panel.getByTestId('call-panel-name')).not.toHaveText(second)
  const called = camp.callRows.filter({ has: page.getByTestId('my-call-outcome').filter({ hasText: '共 1 次' }) })
  await expect(called).toHaveCount(2)
  await expect(called.filter({ hasText: first })).toContainText('接通')
  await expect(called.filter({ hasText: first })).toContainText('下周末带家人来')
  await expect(called.filter({ hasText: second })).toContainText('表示会来店')
  await saveScreenshot(page, 'campaigns-my-calls')
  await shell.logout()

  await new LoginPage(page).login('admin', 'admin-pass')
  await shell.open('campaigns')
  await camp.tab('list')
  await camp.openReport('秋季沉睡唤醒')
  const zhao = camp.reportRow('赵敏')
  await expect(zhao.getByTestId('report-contacted')).toHaveText('2')
  await expect(zhao.getByTestId('report-reached')).toHaveText('2')
  await expect(camp.reportRow('王强').getByTestId('report-contacted')).toHaveText('0')
  await expect(camp.reportRow('合计').getByTestId('report-contacted')).toHaveText('2')
  await expect(camp.reportRow('合计').getByTestId('report-sales')).toHaveText(/^[\d,]+\.\d{2} 元$/)
  await saveScreenshot(page, 'campaigns-report')
})
