import { readXlsxRows, writeXlsx, type XlsxCell } from '../support/sheets'
import { FirstRunPage } from './pages/auth'
import { GiftDeskPage } from './pages/giftDesk'
import { GiftReportPage, GiftSheetsPage } from './pages/giftReport'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const yuan = (fen: number) =>
  `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`
const fmt = (n: number) => n.toLocaleString('zh-CN')

// Three gifts and what happens to them this month, through the bridge; the report must agree.
const GIFTS = [
  { code: 'CUP', name: '保温杯', category: 'redemption', unitCostFen: 3550, received: 10 },
  { code: 'CAKE', name: '生日蛋糕', category: 'cake', unitCostFen: 7000, received: 3 },
  { code: 'BOX', name: '生日礼盒', category: 'birthday', unitCostFen: 2500, received: 5 },
] as const
const ISSUES = [
  { code: 'CAKE', quantity: 1, purpose: 'cake' },
  { code: 'BOX', quantity: 2, purpose: 'birthday' },
] as const
const REDEEMED = 2

test('gift report: the month’s figures match what was done; empty month says so; Excel export', async ({
  app,
}, testInfo) => {
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const report = new GiftReportPage(page)

  // Nothing has moved yet: the month says what would fill it.
  await report.open()
  await expect(report.empty).toBeVisible()
  await expect(report.redemptions).toHaveText('0')
  await saveScreenshot(page, 'gift-report-empty')

  const { balance, price } = await page.evaluate(
    async ({ gifts, issues, redeemed }) => {
      const ok = <T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
        if (!r.ok) throw new Error(r.error.message)
        return r.data
      }
      const member = ok(await window.vipdesk.invoke('members:create', { cardNo: 'V-R01', name: '沈曼' }))
      const bought = ok(
        await window.vipdesk.invoke('purchases:record', {
          memberId: member.id,
          receiptNo: 'E2E-R1',
          purchasedAt: Date.now() - 60_000,
          amountFen: 200_000,
        }),
      )
      const price = Math.floor(bought.balance / (redeemed * 2))
      for (const g of gifts) {
        ok(
          await window.vipdesk.invoke('gifts:create', {
            code: g.code,
            name: g.name,
            category: g.category,
            unitCostFen: g.unitCostFen,
            pointsPrice: g.code === 'CUP' ? price : null,
          }),
        )
        ok(await window.vipdesk.invoke('gifts:receive', { code: g.code, quantity: g.received }))
      }
      for (const i of issues) ok(await window.vipdesk.invoke('gifts:issue', i))
      ok(
        await window.vipdesk.invoke('gifts:redeem', {
          memberId: member.id,
          lines: [{ code: 'CUP', qty: redeemed }],
        }),
      )
      return { balance: bought.balance, price }
    },
    { gifts: GIFTS, issues: ISSUES, redeemed: REDEEMED },
  )
  expect(price * REDEEMED).toBeLessThanOrEqual(balance)

  const cost = (code: string) => GIFTS.find((g) => g.code === code)!.unitCostFen
  const out = (code: string) =>
    ISSUES.filter((i) => i.code === code).reduce((s, i) => s + i.quantity, 0) + (code === 'CUP' ? REDEEMED : 0)
  const totalCost = GIFTS.reduce((s, g) => s + out(g.code) * g.unitCostFen, 0)
  const stockValue = GIFTS.reduce((s, g) => s + (g.received - out(g.code)) * g.unitCostFen, 0)

  await page.getByTestId('gifts-tab-stock').click()
  await report.open()
  await expect(report.redemptions).toHaveText('1')
  await expect(report.points).toHaveText(fmt(price * REDEEMED))
  await expect(report.cost).toHaveText(yuan(totalCost))
  await expect(report.stock).toHaveText(yuan(stockValue))
  await expect(report.category('cake')).toContainText(yuan(cost('CAKE')))
  await expect(report.purpose('birthday')).toContainText(yuan(2 * cost('BOX')))
  await expect(report.purpose('redeem')).toContainText(yuan(REDEEMED * cost('CUP')))
  await expect(report.categoryChart).toBeVisible()
  await expect(report.purposeChart).toBeVisible()
  await saveScreenshot(page, 'gift-report')

  // Last month had none of it; back again, the figures return.
  await page.getByTestId('gift-report-prev').click()
  await expect(report.empty).toBeVisible()
  await expect(report.redemptions).toHaveText('0')
  await expect(report.stock).toHaveText(yuan(0))
  await page.getByTestId('gift-report-next').click()
  await expect(report.cost).toHaveText(yuan(totalCost))

  const file = testInfo.outputPath('月报.xlsx')
  app.double.dialogs.save.push(file)
  await report.exportTo(file)
  const { rows } = await readXlsxRows(file)
  expect(rows).toContainEqual(['兑换次数', 1])
  expect(rows).toContainEqual(['礼品成本(元)', totalCost / 100])
})

// One row with a category the store does not have; fixed, the same sheet goes in.
const HEAD = ['编码', '名称', '类别', '成本(元)', '兑换积分', '预警库存', '库存']
const sheet = (category: string): XlsxCell[][] => [
  HEAD,
  ['N01', '真丝围巾', '积分兑换', 58, 1500, 2, 6],
  ['N02', '香薰蜡烛', category, 32.5, null, 0, 4],
  ['N03', '开卡帆布袋', '开卡礼', 12, null, 10, 40],
]

test('gift import and export on 库存: a bad row is listed and nothing goes in; fixed, it imports; export reads back', async ({
  app,
}, testInfo) => {
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const desk = new GiftDeskPage(page)
  const sheets = new GiftSheetsPage(page)
  await desk.open()
  await desk.openStock()
  await expect(desk.stockEmpty).toContainText('导入礼品')

  const bad = testInfo.outputPath('礼品表-有误.xlsx')
  await writeXlsx(bad, sheet('香薰'))
  app.double.dialogs.open.push(bad)
  await sheets.openImport()
  await expect(sheets.total).toHaveText('3')
  await expect(sheets.willInsert).toHaveText('2')
  await expect(sheets.rejectedRows).toHaveText('1')
  expect(await sheets.rejectedTable()).toEqual([
    { row: 3, column: '类别', reason: expect.stringContaining('无法识别的类别') },
  ])
  await saveScreenshot(page, 'gift-import-preview')
  await sheets.cancel.click()
  await expect(sheets.wizard).toBeHidden()
  await expect(desk.stockEmpty).toBeVisible()

  const good = testInfo.outputPath('礼品表.xlsx')
  await writeXlsx(good, sheet('其他'))
  app.double.dialogs.open.push(good)
  await sheets.openImport()
  await expect(sheets.rejectedRows).toHaveText('0')
  await sheets.commitAndWait()
  await expect(sheets.inserted).toHaveText('3')
  await sheets.close.click()
  await expect(desk.stockOnHand('N01')).toHaveText('6')
  await expect(desk.stockOnHand('N02')).toHaveText('4')
  await expect(desk.stockOnHand('N03')).toHaveText('40')
  await saveScreenshot(page, 'gift-stock-imported')

  const out = testInfo.outputPath('礼品目录.xlsx')
  app.double.dialogs.save.push(out)
  await sheets.exportXlsx()
  const { rows } = await readXlsxRows(out)
  expect(rows.map((r) => r.slice(0, 7))).toEqual([
    HEAD,
    ['N01', '真丝围巾', '积分兑换', 58, 1500, 2, 6],
    ['N02', '香薰蜡烛', '其他', 32.5, undefined, 0, 4],
    ['N03', '开卡帆布袋', '开卡礼', 12, undefined, 10, 40],
  ])
})
