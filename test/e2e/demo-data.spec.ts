import { FirstRunPage } from './pages/auth'
import { CareLeaguePage } from './pages/careLeague'
import { GiftDeskPage } from './pages/giftDesk'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const DEMO_STAFF = ['李娜', '王芳', '张伟', '刘敏', '陈静', '杨洋', '赵丽', '黄磊', '周婷', '吴倩']

test('first run with 示例数据: the gift desk offers stocked gifts and 月度评比 ranks the maintainers', async ({
  app,
}) => {
  const { page } = app
  const firstRun = new FirstRunPage(page)
  await firstRun.createAdmin('admin-pass')
  await expect(page.getByTestId('seed-members-only')).toBeVisible()
  await saveScreenshot(page, 'first-run-sample')
  await firstRun.answerSampleOffer(true)
  await expect(page.getByTestId('members-view')).toBeVisible()

  // A member the small redemption is for (under 3,000 points), found as the desk finds anyone.
  const member = await page.evaluate(async () => {
    const list = await window.vipdesk.invoke('members:list', { pageSize: 500, status: 'active' })
    if (!list.ok) throw new Error(list.error.message)
    const names = new Map<string, number>()
    for (const r of list.data.rows) names.set(r.name, (names.get(r.name) ?? 0) + 1)
    const m = list.data.rows.find((r) => r.points >= 1000 && r.points < 3000 && names.get(r.name) === 1)
    if (!m) throw new Error('no member with 1,000–2,999 points')
    return { cardNo: m.cardNo, name: m.name }
  })
  const desk = new GiftDeskPage(page)
  await desk.open()
  await desk.findMember(member.cardNo, member.name)
  await expect(desk.offer('R001')).toBeVisible()
  await expect(desk.offerOnHand('R001')).not.toHaveText('0')
  await expect(page.getByTestId('gift-offer').locator('tbody tr')).not.toHaveCount(0)
  // The yearly vouchers wait for 3,000 points; the reason is on screen.
  await expect(desk.refusedReason('R009')).toContainText('积分不足')
  await saveScreenshot(page, 'demo-gift-desk')

  const league = new CareLeaguePage(page)
  await league.open()
  await expect(league.table).toBeVisible()
  await expect(league.row(1).staff).toHaveText(new RegExp(DEMO_STAFF.join('|')))
  await expect(page.locator('[data-testid^="league-row-"]')).toHaveCount(DEMO_STAFF.length)
  await saveScreenshot(page, 'demo-care-league')
})
