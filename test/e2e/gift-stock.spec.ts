import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FirstRunPage } from './pages/auth'
import { GiftDeskPage } from './pages/giftDesk'
import { GiftStockPage } from './pages/giftStock'
import { MembersPage } from './pages/members'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'
import { forWork, REPORT } from './support/timeouts'

const MEMBER = { cardNo: 'V2026-0301', name: '顾清欢', phone: '13700005678' }
// A 32×32 orange square: a real picture, so the thumbnails have something to show.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mO4VmFDU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULACQ5KFvs3yzaAAAAAElFTkSuQmCC'
const p2 = (n: number) => String(n).padStart(2, '0')
const ymd = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`

test('gift stock: form with photo, edit, receive, issue, stocktake, drawer; slip at the desk; return from 兑换记录', async ({
  app,
}) => {
  const { page } = app
  const shell = new Shell(page)
  const desk = new GiftDeskPage(page)
  const stock = new GiftStockPage(page)
  const members = new MembersPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })

  // Set-up through the bridge, not the subject here: a member with 5,000 points.
  const memberId = await page.evaluate(async (m) => {
    const created = await window.vipdesk.invoke('members:create', m)
    if (!created.ok) throw new Error(created.error.message)
    const adjusted = await window.vipdesk.invoke('points:adjust', {
      memberId: created.data.id,
      points: 5000,
      reason: '期初积分',
    })
    if (!adjusted.ok) throw new Error(adjusted.error.message)
    return created.data.id
  }, MEMBER)
  expect(memberId).toBeGreaterThan(0)

  // A new gift through the form, with a window around today and a photo from the open dialog.
  const photo = join(app.dataDir, 'cup.png')
  writeFileSync(photo, Buffer.from(PNG, 'base64'))
  app.double.dialogs.open.push(photo)
  await desk.open()
  await desk.openStock()
  await stock.openNew()
  const today = new Date()
  const from = new Date(today.getFullYear(), today.getMonth(), 1)
  const until = new Date(today.getFullYear(), today.getMonth() + 3, 0)
  await stock.fill({
    code: 'G10',
    name: '保温杯',
    costYuan: '35',
    points: 800,
    reorder: 2,
    window: [ymd(from), ymd(until)],
  })
  await stock.pickPhoto()
  await saveScreenshot(page, 'gift-form')
  await stock.save()
  await expect(stock.row('G10')).toContainText('保温杯')
  await expect(desk.stockOnHand('G10')).toHaveText('0')

  // Edit: the code is fixed, the name changes; the photo stays.
  await stock.openEdit('G10')
  await expect(stock.form.getByTestId('gift-form-photo-preview')).toBeVisible()
  await stock.fill({ name: '保温杯（大）' })
  await stock.save()
  await expect(stock.row('G10')).toContainText('保温杯（大）')

  // Goods in, one birthday gift out to the member, then a count one short.
  await desk.receive('G10', 10, '35', '华美贸易')
  await expect(desk.stockOnHand('G10')).toHaveText('10')
  await expect(stock.totalValue).toHaveText('350.00 元')
  await stock.issue('G10', '生日赠送', 1, MEMBER)
  await expect(desk.stockOnHand('G10')).toHaveText('9')

  // A count without a reason is refused in Chinese and changes nothing.
  await stock.startStocktake('G10', 8, '盘亏 -1 件')
  await stock.stocktakeDialog().getByTestId('gift-stocktake-save').click()
  await expect(stock.stocktakeDialog()).toContainText('请填写盘点差异原因')
  await expect(stock.stocktakeDialog()).toBeVisible()
  await expect(desk.stockOnHand('G10')).toHaveText('9')
  await stock.finishStocktake('破损报废')
  await expect(desk.stockOnHand('G10')).toHaveText('8')
  await expect(stock.totalValue).toHaveText('280.00 元')

  // The drawer: photo, value and every movement, newest first.
  await stock.openDrawer('G10', '保温杯（大）')
  await expect(stock.drawer.getByTestId('gift-drawer-photo')).toBeVisible()
  await expect(stock.drawer.getByTestId('gift-drawer-value')).toHaveText('280.00 元')
  await expect(stock.moves).toHaveCount(3)
  await expect(stock.moves.getByTestId('gift-move-kind')).toHaveText(['盘点调整', '领用发放', '入库'])
  await expect(stock.moves.getByTestId('gift-move-qty')).toHaveText(['-1', '-1', '+10'])
  await expect(stock.moves.getByTestId('gift-move-after')).toHaveText(['8', '9', '10'])
  await expect(stock.moves.nth(0)).toContainText('破损报废')
  await expect(stock.moves.nth(1)).toContainText(`生日赠送 · 卡号 ${MEMBER.cardNo}`)
  await expect(stock.moves.nth(2)).toContainText('华美贸易')
  await expect(stock.moves.nth(2)).toContainText('admin')
  await saveScreenshot(page, 'gift-drawer')
  await stock.closeDrawer()

  // At the desk: two cups, then the slip preview shows what the member signs for.
  await desk.open()
  await desk.findMember('5678', MEMBER.name)
  await desk.setQuantity('G10', 2)
  await desk.redeem(/积分 5,000 → 3,400/)
  await expect(desk.lastAfter).toHaveText('3,400')
  await page.getByTestId('gifts-desk-slip').click()
  const slip = page.frameLocator('[data-testid="slip-frame"]')
  await expect(slip.locator('body')).toContainText('积分兑换单', forWork(REPORT))
  await expect(slip.locator('tr.line')).toHaveText([/保温杯（大）\s*×2\s*1,600/])
  await expect(slip.locator('body')).toContainText(MEMBER.name)
  await expect(slip.locator('body')).toContainText('兑换前积分5,000')
  await expect(slip.locator('body')).toContainText('兑换后积分3,400')
  await expect(slip.locator('body')).toContainText('经办人admin')
  await expect(slip.locator('body')).toContainText('137****5678')
  await saveScreenshot(page, 'redemption-slip')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('slip-preview')).toHaveCount(0)

  // The member's 兑换记录: one cup back for a defect; stock and points come back.
  await shell.open('members')
  await members.openFromSearch('5678', MEMBER.name)
  await page.getByTestId('member-tab-redemptions').click()
  const row = page.getByTestId('redemption-row')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('redemption-gifts')).toContainText('保温杯（大） × 2')
  await expect(row.getByTestId('redemption-points')).toHaveText('1,600')
  await row.getByTestId('redemption-return').click()
  const back = page.getByTestId('gift-return-dialog')
  const qty = back.getByTestId('gift-return-qty').locator('input')
  await expect(qty).toHaveValue('2')
  await qty.fill('1')
  await qty.blur()
  await expect(back.getByTestId('gift-return-refund')).toHaveText('800')
  // No defect written: refused, nothing returned.
  await back.getByTestId('gift-return-save').click()
  await expect(back).toContainText('请填写质量问题')
  await back.getByTestId('gift-return-reason').locator('input').fill('杯盖破损')
  await back.getByTestId('gift-return-save').click()
  await expect(back).toHaveCount(0)
  await expect(row.getByTestId('redemption-returned')).toHaveText('已退 1')
  await page.getByTestId('member-tab-points').click()
  await expect(page.getByTestId('ledger-balance')).toHaveText('4,200')
  await page.getByTestId('member-tab-redemptions').click()
  await expect(row.getByTestId('redemption-returned')).toHaveText('已退 1')
  await saveScreenshot(page, 'member-redemptions')
  // The slip is reachable from the history too.
  await row.getByTestId('redemption-slip').click()
  await expect(slip.locator('tr.line')).toHaveText([/保温杯（大）\s*×2/], forWork(REPORT))
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('slip-preview')).toHaveCount(0)
  await members.drawer.close()

  await desk.open()
  await desk.openStock()
  await expect(desk.stockOnHand('G10')).toHaveText('7')
})
