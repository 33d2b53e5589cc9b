import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FirstRunPage, LoginPage } from './pages/auth'
import { DeskPurchasePage, MemberPointsTabs } from './pages/deskPurchase'
import { MembersPage } from './pages/members'
import { SettingsPage } from './pages/settings'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'
import { EXPORT, forWork } from './support/timeouts'

const MEMBER = { cardNo: 'V2026-0088', name: '林雨桐', phone: '13900008866' }

/** The latest member day (9th / 19th / 29th) before today that is not in a reward weekend (Fri–Sun). */
function lastMemberDay(): string {
  const d = new Date()
  do d.setDate(d.getDate() - 1)
  while (![9, 19, 29].includes(d.getDate()) || [0, 5, 6].includes(d.getDay()))
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} 10:30`
}

test('desk purchase: find by phone tail, preview member-day points, save, return, ledger, adjust by role', async ({
  app,
}) => {
  const { page } = app
  const shell = new Shell(page)
  const members = new MembersPage(page)
  const desk = new DeskPurchasePage(page)
  const tabs = new MemberPointsTabs(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  // Set-up, not the subject here: one member with a known phone and a VIP-room operator.
  const created = await page.evaluate(
    (m) => window.vipdesk.invoke('members:create', m),
    MEMBER as { cardNo: string; name: string; phone: string },
  )
  expect(created.ok).toBe(true)
  const settings = new SettingsPage(page)
  await shell.open('settings')
  await settings.open('operators')
  await settings.addOperator('赵敏', 'viproom', 'viproom-pass')

  await desk.open()
  await expect(desk.empty).toBeVisible()
  await expect(desk.search).toBeFocused()
  await desk.findMember('8866', MEMBER.name)
  // The member is read back and the cursor waits in 金额.
  await expect(desk.memberPoints).toHaveText('0')
  await expect(desk.amount).toBeFocused()
  // Left empty, the desk numbers the receipt itself when it is saved.
  await expect(desk.receipt).toHaveValue('')

  await desk.setTime(lastMemberDay())
  await desk.amount.fill('1280')
  await expect(desk.previewExplain).toHaveText('1,280 元 × 2 (会员日) = 2,560')
  await expect(desk.previewPoints).toHaveText('+2,560')
  // Enter walks 金额 → 课别 (typed to filter the list, Enter picks) → 单号, and saves from the last box;
  // 营业一课 has no counters on a new store's list, so 专柜 is skipped.
  await desk.amount.press('Enter')
  await expect(desk.department.locator('input')).toBeFocused()
  await page.keyboard.type('一课')
  await page.keyboard.press('Enter')
  await expect(desk.department).toContainText('营业一课')
  await expect(desk.receipt).toBeFocused()
  await saveScreenshot(page, 'desk-purchase')
  await page.keyboard.press('Enter')
  await expect(desk.lastBalance).toHaveText('2,560')
  await expect(desk.memberPoints).toHaveText('2,560')
  await expect(desk.lastReceipt).toHaveText(/^服务台\d{8}-0001$/)
  const receiptNo = await desk.lastReceipt.innerText()
  // Ready for the next one: empty amount with the cursor in it, a fresh receipt number.
  await expect(desk.amount).toBeFocused()
  await expect(desk.amount).toHaveValue('')

  // The same receipt again is refused under 单号.
  await desk.amount.fill('10')
  await desk.receipt.fill(receiptNo)
  await desk.save.click()
  await expect(page.getByText(`单号 ${receiptNo} 第 1 行已经录入过`)).toBeVisible()

  // A return: a negative amount asks for the original receipt and takes its share of the points back.
  await desk.amount.fill('-640')
  await expect(desk.previewError).toHaveText('退货（负金额）须填写原单号')
  await desk.originalReceipt.fill(receiptNo)
  await expect(desk.previewPoints).toHaveText('-1,280')
  await desk.receipt.fill(`${receiptNo}-R`)
  await desk.save.click()
  await expect(desk.lastBalance).toHaveText('1,280')
  await saveScreenshot(page, 'desk-purchase-saved')

  // The member drawer: both purchases, and the ledger with its running balance.
  await shell.open('members')
  await members.openFromSearch('8866', MEMBER.name)
  await tabs.tab('purchases')
  await expect(tabs.purchaseRows).toHaveCount(2)
  await expect(tabs.purchaseRows.first()).toContainText('退货')
  await expect(tabs.purchaseRows.nth(1)).toContainText('1,280 元 × 2 (会员日) = 2,560')
  await saveScreenshot(page, 'member-purchases')
  await tabs.tab('points')
  await expect(tabs.ledgerRows).toHaveCount(2)
  await expect(tabs.ledgerRows.first()).toContainText('退货扣减')
  await expect(tabs.ledgerRows.first().getByTestId('ledger-balance-after')).toHaveText('1,280')
  await expect(tabs.ledgerRows.nth(1)).toContainText('消费积分')
  await expect(tabs.ledgerRows.nth(1).getByTestId('ledger-delta')).toHaveText('+2,560')

  // 调整积分: a reason is required; the drawer's balance follows the adjustment.
  await tabs.adjustPoints('add', 100, ' ')
  await expect(tabs.feedback()).toContainText('请填写调整原因')
  await page.getByTestId('adjust-reason').fill('补录漏积分')
  await page.getByTestId('adjust-reason').press('Enter')
  await expect(tabs.dialog).toBeHidden()
  await expect(tabs.ledgerRows).toHaveCount(3)
  await expect(tabs.ledgerRows.first()).toContainText('人工调整')
  await expect(tabs.ledgerRows.first()).toContainText('补录漏积分')
  await expect(tabs.ledgerRows.first().getByTestId('ledger-balance-after')).toHaveText('1,380')
  await expect(tabs.balance).toHaveText('1,380')
  await saveScreenshot(page, 'member-ledger')
  // Taking more than the balance is refused, and the dialog stays open with the reason.
  await tabs.adjustPoints('deduct', 5000, '错录冲正')
  await expect(page.getByTestId('adjust-error')).toContainText('积分不足')
  await page.keyboard.press('Escape')
  await expect(tabs.dialog).toBeHidden()
  await members.drawer.close()
  await shell.logout()

  // 贵宾室: keys in purchases and reads the ledger, but may not adjust points.
  await new LoginPage(page).login('赵敏', 'viproom-pass')
  await members.openFromSearch('8866', MEMBER.name)
  await tabs.tab('points')
  await expect(tabs.ledgerRows).toHaveCount(3)
  await expect(tabs.adjust).toHaveCount(0)
  const refused = await page.evaluate(() =>
    window.vipdesk.invoke('points:adjust', { memberId: 1, points: 10, reason: '越权测试' }),
  )
  expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  await members.drawer.close()
  await desk.open()
  await expect(desk.empty).toBeVisible()

  // 积分到期提醒: this year's points lapse on 1 January, so they show once that is within the window.
  await page.getByTestId('points-tab-expiring').click()
  await page.getByTestId('expiring-days').getByText('60 天').click()
  const now = new Date()
  const lapse = new Date(now.getFullYear() + 1, 0, 1).getTime()
  if (lapse - now.getTime() <= 60 * 86400000) {
    await expect(page.getByTestId('expiring-row')).toHaveCount(1)
    await expect(page.getByTestId('expiring-row')).toContainText('139****8866')
    await expect(page.getByTestId('expiring-summary')).toContainText('1,380')
    await saveScreenshot(page, 'expiring-points')
    // The reminder list goes to a file chosen in main's save dialog.
    const file = join(app.dataDir, '积分到期提醒.csv')
    app.double.dialogs.save.push(file)
    const exportCsv = page.getByTestId('expiring-export-csv')
    await exportCsv.click()
    await expect(exportCsv).toHaveAttribute('data-result', file, forWork(EXPORT))
    const csv = readFileSync(file, 'utf8')
    expect(csv).toContain('V2026-0088,林雨桐,139****8866,1380,2027-01-01,1380')
    await page.getByTestId('expiring-row').click()
    await expect(members.drawer.name).toHaveText(MEMBER.name)
  } else await expect(page.getByTestId('expiring-empty')).toBeVisible()
})

test('ledger: points spent before a return are owed, and the drawer says so', async ({ app }) => {
  const { page } = app
  const members = new MembersPage(page)
  const tabs = new MemberPointsTabs(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  // Through the bridge, as the desk would: a purchase, its points spent, then the whole receipt returned.
  const earned = await page.evaluate(async () => {
    const fail = (what: string) => {
      throw new Error(what)
    }
    const m = await window.vipdesk.invoke('members:create', {
      cardNo: 'V2026-0099',
      name: '欠分测试',
      phone: '13900009999',
    })
    if (!m.ok) return fail('create')
    const memberId = m.data.id
    const bought = await window.vipdesk.invoke('purchases:record', { memberId, receiptNo: 'D-1', amountFen: 100000 })
    if (!bought.ok) return fail('purchase')
    const spent = await window.vipdesk.invoke('points:adjust', {
      memberId,
      points: -bought.data.balance,
      reason: '手工兑换',
    })
    if (!spent.ok) return fail('adjust')
    const back = await window.vipdesk.invoke('purchases:record', {
      memberId,
      receiptNo: 'D-1R',
      amountFen: -100000,
      originalReceiptNo: 'D-1',
    })
    if (!back.ok) return fail('return')
    return bought.data.points
  })
  expect(earned).toBeGreaterThanOrEqual(1000)
  await members.openFromSearch('9999', '欠分测试')
  await tabs.tab('points')
  await expect(tabs.balance).toHaveText('0')
  await expect(page.getByTestId('ledger-debt')).toContainText(`待抵扣 ${earned.toLocaleString('en-US')}`)
  await expect(tabs.ledgerRows.first()).toContainText('退货扣减')
})
