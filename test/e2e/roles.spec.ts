import { FirstRunPage, LoginPage } from './pages/auth'
import { MembersPage } from './pages/members'
import { SettingsPage } from './pages/settings'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

test('roles: a clerk and a VIP-room operator see only their jobs, and main refuses what the UI hides', async ({
  app,
}) => {
  const { page } = app
  const shell = new Shell(page)
  const members = new MembersPage(page)
  const settings = new SettingsPage(page)
  const login = new LoginPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: 'members' })

  await shell.open('settings')
  await expect(settings.tabs).toHaveText([
    '门店设置',
    '积分规则',
    '等级与有效期',
    '维护设置',
    '券',
    '课别与专柜',
    '操作员',
    '数据与备份',
    '操作日志',
    '连接',
  ])
  await settings.open('operators')
  await settings.addOperator('王丽', 'clerk', 'clerk-pass')
  await settings.addOperator('赵敏', 'viproom', 'viproom-pass')
  await expect(settings.operatorRows).toHaveCount(3)
  await saveScreenshot(page, 'settings')
  await shell.logout()

  // 文员: looks members up and sends birthday mail; nothing that changes or exposes a record.
  await login.login('王丽', 'clerk-pass')
  await expect(shell.operator).toHaveText('王丽')
  await expect(shell.role).toHaveText('文员')
  await expect(shell.navItems).toHaveText(['会员', '高端VIP维护', '生日关怀', '设置'])
  // Any operator may be a maintainer: the clerk sees 我的VIP only, empty until a planner links them.
  await shell.open('care')
  await expect(page.locator('[data-testid^="care-tab-"]')).toHaveText(['我的VIP'])
  await expect(page.getByTestId('my-vips-unlinked')).toBeVisible()
  await shell.open('members')
  await expect(members.rows).toHaveCount(50)
  await expect(members.newButton).toHaveCount(0)
  await expect(members.importButton).toHaveCount(0)
  // A member with a phone on file: the list and the drawer only ever show it masked.
  await members.rows
    .filter({ hasText: /1\d{2}\*{4}\d{4}/ })
    .first()
    .click()
  await expect(members.drawer.phone).toHaveText(/^1\d{2}\*{4}\d{4}$/)
  await expect(members.drawer.revealPhone).toHaveCount(0)
  await expect(members.drawer.edit).toHaveCount(0)
  await members.drawer.close()
  await members.exportButton.click()
  await expect(page.getByTestId('export-confirm')).toBeVisible()
  await expect(page.getByTestId('export-full')).toHaveCount(0)
  await page.keyboard.press('Escape')

  await shell.open('settings')
  await expect(settings.tabs).toHaveText([
    '门店设置',
    '积分规则',
    '等级与有效期',
    '维护设置',
    '券',
    '课别与专柜',
    '连接',
  ])
  await expect(page.getByTestId('store-name')).toBeVisible()
  await expect(settings.storeSave).toHaveCount(0)

  // The hidden buttons are a courtesy; the main process checks the role on every call.
  const created = await page.evaluate(() =>
    window.vipdesk.invoke('members:create', { cardNo: 'HACK0001', name: '越权测试' }),
  )
  expect(created).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  const revealed = await page.evaluate(() => window.vipdesk.invoke('members:reveal', { id: 1, field: 'phone' }))
  expect(revealed).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  await shell.open('members')
  await members.search.fill('HACK0001')
  await expect(members.searchEmpty).toBeVisible()
  await shell.logout()

  // 贵宾室: members, gifts and top-VIP care; may edit members but not import or read the audit log.
  await login.login('赵敏', 'viproom-pass')
  await expect(shell.role).toHaveText('贵宾室')
  await expect(shell.navItems).toHaveText(['会员', '消费积分', '礼品库存', '高端VIP维护', '唤醒活动', '设置'])
  await expect(members.newButton).toBeVisible()
  await expect(members.importButton).toHaveCount(0)
  // The service desk keys in purchases; importing till files is the planners' job.
  await shell.open('points')
  await expect(page.locator('[data-testid^="points-tab-"]')).toHaveText([
    '录入消费',
    '积分到期提醒',
    '过期卡',
    '沉睡会员',
  ])
  // The VIP room keeps the gifts: it lands on the redemption desk.
  await shell.open('gifts')
  await expect(page.getByTestId('gifts-desk')).toBeVisible()
  await expect(page.locator('[data-testid^="gifts-tab-"]')).toHaveText(['兑换台', '年度兑换', '库存', '礼品册', '月报'])
  // It delivers the birthday cakes; choosing and judging the VIPs is the planners' job.
  await shell.open('care')
  await expect(page.locator('[data-testid^="care-tab-"]')).toHaveText(['我的VIP', '生日蛋糕'])
  const league = await page.evaluate(() => window.vipdesk.invoke('care:league', { month: '2026-10' }))
  expect(league).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  await shell.open('settings')
  await expect(settings.tabs).toHaveText([
    '门店设置',
    '积分规则',
    '等级与有效期',
    '维护设置',
    '券',
    '课别与专柜',
    '连接',
  ])
  const audit = await page.evaluate(() => window.vipdesk.invoke('audit:list', { page: 1, pageSize: 50 }))
  expect(audit).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
})
