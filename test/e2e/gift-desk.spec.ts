import { FirstRunPage } from './pages/auth'
import { GiftDeskPage } from './pages/giftDesk'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const MEMBER = { cardNo: 'V2026-0101', name: '周若兰', phone: '13800001234' }
const fmt = (n: number) => n.toLocaleString('en-US')

test('gift desk: find the member, redeem a gift, points and stock drop; a refusal shows why and changes nothing', async ({
  app,
}) => {
  const { page } = app
  const desk = new GiftDeskPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })

  // An empty catalogue says how to fill it.
  await desk.open()
  await expect(desk.empty).toBeVisible()
  await desk.openStock()
  await expect(desk.stockEmpty).toContainText('import gifts')
  await saveScreenshot(page, 'gift-stock-empty')
  // A gift added by hand starts with no stock.
  await desk.addGift('G02', '真丝围巾', 10)
  await expect(desk.stockOnHand('G02')).toHaveText('0')

  // Set-up through the bridge, not the subject here: a member with points, a cup in stock.
  const balance = await page.evaluate(async (m) => {
    const created = await window.vipdesk.invoke('members:create', m)
    if (!created.ok) throw new Error(created.error.message)
    const bought = await window.vipdesk.invoke('purchases:record', {
      memberId: created.data.id,
      receiptNo: 'E2E-1',
      purchasedAt: Date.now() - 60_000,
      amountFen: 100_000,
    })
    if (!bought.ok) throw new Error(bought.error.message)
    return bought.data.balance
  }, MEMBER)
  expect(balance).toBeGreaterThan(0)
  // Priced from the balance (member days and weekends multiply): one cup fits, two more do not.
  const price = Math.floor(balance * 0.4)
  const setUp = await page.evaluate(async (price) => {
    const results = [
      await window.vipdesk.invoke('gifts:create', {
        code: 'G01',
        name: '保温杯',
        category: 'redemption',
        pointsPrice: price,
        unitCostFen: 3500,
        reorderLevel: 4,
      }),
      await window.vipdesk.invoke('gifts:receive', { code: 'G01', quantity: 5, supplier: '华美贸易' }),
    ]
    return results.map((r) => (r.ok ? '' : r.error.message))
  }, price)
  expect(setUp).toEqual(['', ''])

  await desk.open()
  await desk.findMember('1234', MEMBER.name)
  // Entering 礼品库存 recounts low stock: the scarf has none yet, the cup is above its level.
  await expect(page.getByTestId('nav-gifts-low')).toContainText('1')
  await expect(desk.memberPoints).toHaveText(fmt(balance))
  await expect(desk.offerOnHand('G01')).toHaveText('5')
  await expect(desk.refusedReason('G02')).toHaveText('真丝围巾已无库存')
  await desk.setQuantity('G01', 1)
  await expect(desk.total).toHaveText(fmt(price))
  await saveScreenshot(page, 'gift-desk')
  await desk.redeem(new RegExp(`积分 ${fmt(balance)} → ${fmt(balance - price)}`))
  await expect(desk.lastAfter).toHaveText(fmt(balance - price))
  await expect(desk.memberPoints).toHaveText(fmt(balance - price))
  await expect(desk.offerOnHand('G01')).toHaveText('4')
  await saveScreenshot(page, 'gift-desk-redeemed')

  // Two more cups cost more than is left: refused with the reason, nothing moves.
  await desk.setQuantity('G01', 2)
  await desk.redeem(/确认兑换/)
  await expect(desk.refused).toContainText('积分不足')
  await expect(desk.last).toHaveCount(0)
  await expect(desk.memberPoints).toHaveText(fmt(balance - price))
  await expect(desk.offerOnHand('G01')).toHaveText('4')
  await saveScreenshot(page, 'gift-desk-refused')

  // The stock screen agrees, flags the cup at its reorder level, and the sidebar counts both gifts.
  await desk.openStock()
  await expect(desk.stockOnHand('G01')).toHaveText('4')
  await expect(page.getByTestId('gift-stock-G01')).toContainText('低库存')
  await expect(page.getByTestId('nav-gifts-low')).toContainText('2')
  await saveScreenshot(page, 'gift-stock')

  // Goods in through the 入库 dialog: the scarf leaves the low-stock list and the badge follows.
  await page.getByTestId('gift-stock-low-only').click()
  await expect(page.locator('[data-testid^="gift-stock-G"]')).toHaveCount(2)
  await desk.receive('G02', 3, '12.5', '丝绸之家')
  await expect(desk.stockOnHand('G02')).toHaveCount(0)
  await page.getByTestId('gift-stock-low-only').click()
  await expect(desk.stockOnHand('G02')).toHaveText('3')
  await expect(page.getByTestId('nav-gifts-low')).toContainText('1')
  const moves = await page.evaluate(() => window.vipdesk.invoke('gifts:movements', { code: 'G02' }))
  expect(moves).toMatchObject({
    ok: true,
    data: [{ kind: 'receive', quantity: 3, unitCostFen: 1250, supplier: '丝绸之家' }],
  })
})
