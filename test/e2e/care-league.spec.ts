import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FirstRunPage } from './pages/auth'
import { CakeListPage, CareLeaguePage } from './pages/careLeague'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'
import { forWork, PRINT_RUN, REPORT } from './support/timeouts'

/** The month before this one, which the screen opens on: its 1st and a noon on a given day. */
function lastMonth() {
  const now = new Date()
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    label: `${first.getFullYear()}-${pad(first.getMonth() + 1)}`,
    from: `${first.getFullYear()}-${pad(first.getMonth() + 1)}-01`,
    noon: (day: number) => new Date(first.getFullYear(), first.getMonth(), day, 12).getTime(),
  }
}

test('月度评比: the league of last month matches the purchases, the report previews and saves as PDF', async ({
  app,
}) => {
  const { page } = app
  const league = new CareLeaguePage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })

  // Set-up through the bridge: two maintainers, their VIPs since the 1st of last month, and purchases.
  const month = lastMonth()
  const problems = await page.evaluate(
    async ({ from, days }) => {
      const out: string[] = []
      const ok = <T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T | null => {
        if (r.ok) return r.data
        out.push(r.error.message)
        return null
      }
      const invoke = window.vipdesk.invoke
      const staff = []
      for (const name of ['张丽', '王强'])
        staff.push(ok(await invoke('care:staffAdd', { name, department: '营业一课', hireDate: '2020-03-01' }))!.id)
      // 张丽: 5 VIPs with 15 purchases (3.0); 王强: 2 VIPs with 3 purchases (1.5)
      let receipt = 0
      for (let i = 0; i < 7; i++) {
        const m = ok(await invoke('members:create', { cardNo: `VIP-E2E-${i + 1}`, name: `贵宾${i + 1}` }))!
        ok(await invoke('care:assign', { memberId: m.id, staffId: staff[i < 5 ? 0 : 1]!, from }))
        const count = i < 5 ? 3 : i === 5 ? 3 : 0
        for (let k = 0; k < count; k++)
          ok(
            await invoke('purchases:record', {
              memberId: m.id,
              receiptNo: `E2E-${++receipt}`,
              purchasedAt: days[k]!,
              amountFen: 20_000 + i * 1000,
            }),
          )
      }
      return out
    },
    { from: month.from, days: [month.noon(3), month.noon(12), month.noon(21)] },
  )
  expect(problems).toEqual([])

  await league.open()
  await expect(league.month.locator('input')).toHaveValue(`${month.label.replace('-', ' 年 ')} 月`)
  const first = league.row(1)
  await expect(first.staff).toHaveText('张丽')
  await expect(first.vips).toHaveText('5')
  await expect(first.purchases).toHaveText('15')
  await expect(first.average).toHaveText('3.0')
  await expect(first.rank).toContainText('冠军')
  const second = league.row(2)
  await expect(second.staff).toHaveText('王强')
  await expect(second.vips).toHaveText('2')
  await expect(second.purchases).toHaveText('3')
  await expect(second.average).toHaveText('1.5')
  await expect(league.verdict).toContainText('张丽')
  await expect(league.chart.locator('canvas')).toBeVisible()
  await saveScreenshot(page, 'care-league')

  // The report preview is the printed document itself.
  await league.showReport()
  await expect(league.preview.locator('h1')).toContainText('VIP维护人月度评比', forWork(REPORT))
  await expect(league.preview.locator('table.league')).toContainText('张丽')
  await expect(league.preview.locator('figure.chart svg')).toBeVisible()
  await saveScreenshot(page, 'care-league-report')

  // 保存为 PDF: main asks where (the double answers), renders the same document and writes it.
  const file = join(app.dataDir, '月度评比.pdf')
  app.double.dialogs.save.push(file)
  await league.save()
  await expect(league.saved).toContainText(file)
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toMatch(/张丽.*5\s+15\s+3\.0/)
  expect(text).toMatch(/王强.*2\s+3\s+1\.5/)

  // 打印报告: the system print dialog (answered by the double) receives it once.
  await league.printButton.click()
  await expect.poll(() => app.printed.length, forWork(PRINT_RUN)).toBe(1)
  expect(app.printed[0]).toContain('张丽')
})

test("生日蛋糕: next month's list by points, a delivery scheduled and recorded issues the cake and flowers", async ({
  app,
}) => {
  const { page } = app
  const cakes = new CakeListPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })

  const now = new Date()
  const next = new Date(now.getFullYear(), now.getMonth() + 1, 1)
  const pad = (n: number) => String(n).padStart(2, '0')
  const born = (day: number) => `1980-${pad(next.getMonth() + 1)}-${pad(day)}`
  const problems = await page.evaluate(
    async ({ births }) => {
      const out: string[] = []
      const ok = <T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T | null => {
        if (r.ok) return r.data
        out.push(r.error.message)
        return null
      }
      const invoke = window.vipdesk.invoke
      const staff = ok(await invoke('care:staffAdd', { name: '陈静', department: '贵宾室', hireDate: '2019-05-01' }))!
      const at = Date.now() - 60_000
      for (const [i, birthday] of births.entries()) {
        const m = ok(await invoke('members:create', { cardNo: `CAKE-${i + 1}`, name: `寿星${i + 1}`, birthday }))!
        ok(
          await invoke('purchases:record', {
            memberId: m.id,
            receiptNo: `CK-${i + 1}`,
            purchasedAt: at,
            amountFen: (3 - i) * 100_000,
          }),
        )
        if (i === 0) ok(await invoke('care:assign', { memberId: m.id, staffId: staff.id }))
      }
      for (const g of [
        { code: 'CK01', name: '生日蛋糕（8寸）', unitCostFen: 7000 },
        { code: 'FL01', name: '鲜花花束', unitCostFen: 3000 },
      ]) {
        ok(await invoke('gifts:create', { ...g, category: 'cake', pointsPrice: null }))
        ok(await invoke('gifts:receive', { code: g.code, quantity: 2 }))
      }
      return out
    },
    { births: [born(20), born(22), born(25)] },
  )
  expect(problems).toEqual([])

  await cakes.open()
  await expect(cakes.names()).toHaveText(['寿星1', '寿星2', '寿星3'])
  await expect(cakes.row('CAKE-1')).toContainText('陈静')
  await expect(cakes.status('CAKE-1')).toHaveText('未安排')

  await cakes.schedule('CAKE-1', '陈静')
  await expect(cakes.status('CAKE-1')).toHaveText('已安排')
  await expect(cakes.row('CAKE-1')).toContainText('15:00')
  await cakes.deliver('CAKE-1')
  await expect(cakes.status('CAKE-1')).toHaveText('已送达')
  await expect(cakes.row('CAKE-1')).toContainText('100.00')
  await expect(cakes.total).toContainText('成本合计 100.00 元')
  await saveScreenshot(page, 'care-cakes')

  // The stock went down by one cake and one bunch of flowers, both named for the member.
  const onHand = await page.evaluate(async () => {
    const r = await window.vipdesk.invoke('care:cakeGifts', undefined)
    return r.ok ? r.data.gifts.map((g) => [g.code, g.onHand]) : r.error.message
  })
  expect(onHand).toEqual([
    ['CK01', 1],
    ['FL01', 1],
  ])
})
