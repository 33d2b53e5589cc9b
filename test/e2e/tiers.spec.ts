import { FirstRunPage } from './pages/auth'
import { MembersPage } from './pages/members'
import { Shell } from './pages/shell'
import { TiersPages } from './pages/tiers'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

test('tiers: a purchase upgrades, an expired card is renewed with a reason, sleeping members are listed', async ({
  app,
}) => {
  const { page } = app
  const tiers = new TiersPages(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  // Set-up through the bridge: a member whose two-year card lapsed long ago and who never bought.
  const old = await page.evaluate(() =>
    window.vipdesk.invoke('members:create', { cardNo: 'V2020-0001', name: '陈旧卡', joinDate: '2020-03-01' }),
  )
  expect(old.ok).toBe(true)
  const buyer = await page.evaluate(() =>
    window.vipdesk.invoke('members:create', { cardNo: 'V2026-0002', name: '周金卡', phone: '13900002222' }),
  )
  expect(buyer.ok).toBe(true)
  const id = buyer.ok ? buyer.data.id : 0
  const bought = await page.evaluate(
    (memberId) => window.vipdesk.invoke('purchases:record', { memberId, receiptNo: 'T-1', amountFen: 512000 }),
    id,
  )
  expect(bought.ok).toBe(true)
  const history = await page.evaluate((memberId) => window.vipdesk.invoke('tiers:history', { memberId }), id)
  expect(history.ok && history.data.rows[0]?.reason).toBe('近12个月消费 5,120 元，达到金卡标准')

  await tiers.openPoints('expired-cards')
  await expect(tiers.expiredTable).toContainText('V2020-0001')
  await expect(tiers.expiredTable).toContainText('未达标')
  await saveScreenshot(page, 'expired-cards')
  await tiers.renewAnyway('老顾客回访')
  await expect(tiers.expiredEmpty).toBeVisible()

  await tiers.openPoints('sleeping')
  await expect(tiers.sleepingTable).toContainText('V2020-0001')
  await expect(tiers.sleepingTable).toContainText('从未消费')
  await expect(tiers.sleepingTable).not.toContainText('V2026-0002')
  await saveScreenshot(page, 'sleeping-members')

  // The drawer's 等级变化 tab tells the member's story: the upgrade, and the renewed card.
  const members = new MembersPage(page)
  await new Shell(page).open('members')
  await members.openFromSearch('2222', '周金卡')
  await members.drawer.tab('tiers')
  await expect(page.getByTestId('tier-current')).toHaveText('金卡')
  await expect(page.getByTestId('tier-history-row')).toContainText(['近12个月消费 5,120 元，达到金卡标准'])
  await saveScreenshot(page, 'member-tier-history')

  await members.drawer.close()

  await tiers.openSettings()
  await expect(tiers.tierRows).toHaveCount(4)
  await saveScreenshot(page, 'tier-settings')
})
