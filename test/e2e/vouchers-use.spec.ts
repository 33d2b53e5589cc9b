import { groupVoucherNo } from '../../db/rules/vouchers'
import { writeXlsx, type XlsxCell } from '../support/sheets'
import { FirstRunPage } from './pages/auth'
import { DeskPurchasePage } from './pages/deskPurchase'
import { MembersPage } from './pages/members'
import { TillImportPage } from './pages/tillImport'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const MEMBER = { cardNo: 'V3001', name: '周晓梅', phone: '13900003001' }

test('vouchers: a till import uses two of them, a double use is refused in the file and at the desk', async ({
  app,
}, testInfo) => {
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  // Set-up through the contract, not the subject here: a member and four 30 元 vouchers.
  const created = await page.evaluate((m) => window.vipdesk.invoke('members:create', m), MEMBER)
  expect(created.ok).toBe(true)
  const nos: string[] = []
  let issuedOn = 0
  for (let i = 0; i < 4; i++) {
    const r = await page.evaluate(() =>
      window.vipdesk.invoke('vouchers:issue', { memberId: 1, kind: '积分通用券', reason: '测试发券' }),
    )
    if (!r.ok) throw new Error(r.error.message)
    nos.push(r.data.voucherNo)
    issuedOn = r.data.validFrom
  }
  const [a, b, c, d] = nos as [string, string, string, string]
  // The store's day the vouchers were issued on (yyyymmdd): the till's purchases are that day.
  const day = String(issuedOn).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')

  // prettier-ignore
  const TILL: XlsxCell[][] = [
    ['小票号', '销售时间', '会员卡号', '实收金额', '课别', '券号'],
    ['Q001', `${day} 00:05`, MEMBER.cardNo, 500, '营业一课', `${a}、${b}`], // 2: two vouchers, 60 元 off the points
    ['Q002', `${day} 00:10`, MEMBER.cardNo, 100, '营业一课', a],             // 3: the first again: refused
  ]
  const file = testInfo.outputPath('用券小票.xlsx')
  await writeXlsx(file, TILL)
  const till = new TillImportPage(page)
  await till.open()
  app.double.dialogs.open.push(file)
  await till.pickAndWait()
  await expect(till.willInsert).toHaveText('1')
  await expect(till.rejectedRows).toHaveText('1')
  const refusedInFile = [{ row: 3, column: '券号', reason: `券 ${a} 已在第 2 行使用，一张券只能用一次` }]
  expect(await till.rejectedTable()).toEqual(refusedInFile)
  await expect(till.sample.locator('thead')).toContainText('券号')
  await expect(till.sample).toContainText(`${a}、${b}`)
  await till.commitAndWait()
  await expect(till.inserted).toHaveText('1')
  await expect(till.notImported).toHaveText('1')
  expect(await till.rejectedTable()).toEqual(refusedInFile)

  // At the desk the used voucher is refused with its reason before anything is saved; an unused one pays.
  const desk = new DeskPurchasePage(page)
  await desk.open()
  await desk.findMember('3001', MEMBER.name)
  await desk.amount.fill('200')
  await desk.scanVoucher(a)
  await expect(desk.voucherRefusal).toContainText(`券 ${a} 已使用过`)
  await expect(desk.vouchers).toHaveCount(0)
  await saveScreenshot(page, 'desk-voucher-refused')
  await desk.scanVoucher(c)
  await expect(desk.voucherRefusal).toHaveCount(0)
  await expect(desk.vouchers).toHaveCount(1)
  await expect(desk.vouchers).toContainText('积分通用券 30.00 元')
  // Today may be a member day (× 2): only the part the voucher paid is fixed.
  await expect(desk.previewExplain).toContainText('券抵 30.00 元不积分；170 元')
  await saveScreenshot(page, 'desk-voucher-scanned')
  await desk.save.click()
  await expect(desk.lastVouchers).toHaveText(c)

  // The member's 券 tab: three used, each with its receipt; the unused one is voided there with a reason.
  const members = new MembersPage(page)
  await page.getByTestId('nav-members').click()
  await members.openFromSearch(MEMBER.cardNo, MEMBER.name)
  await members.drawer.tab('vouchers')
  const rows = members.drawer.voucherRows
  await expect(rows).toHaveCount(4)
  await expect(rows.filter({ hasText: 'Q001' })).toHaveCount(2)
  await expect(rows.filter({ hasText: '已使用' })).toHaveCount(3)
  const spare = rows.filter({ hasText: groupVoucherNo(d) })
  await expect(spare).toContainText('未使用')
  await members.drawer.voidVoucher(spare, '会员要求取消')
  await expect(spare).toContainText('已作废')
  await expect(spare.getByTestId('member-voucher-void')).toHaveCount(0)
  await saveScreenshot(page, 'member-vouchers-tab')
})
