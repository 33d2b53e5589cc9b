import { FirstRunPage } from './pages/auth'
import { YearlyDeskPage } from './pages/yearlyDesk'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

// Three members in the queue, each with a balance that makes a different best mix.
const QUEUE = [
  { cardNo: 'V2026-0201', name: '周若兰', points: 12_500 },
  { cardNo: 'V2026-0202', name: '林雨桐', points: 8_000 },
  { cardNo: 'V2026-0203', name: '陈思远', points: 5_600 },
]
const fmt = (n: number) => n.toLocaleString('en-US')

/** MM-DD of the store's day (Asia/Shanghai) `days` from now: the window is set around today. */
function storeMmdd(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' })
  return parts.format(new Date(Date.now() + days * 86_400_000)).replace('/', '-')
}

test('the yearly-redemption desk serving three members in a row', async ({ app }) => {
  const { page } = app
  const desk = new YearlyDeskPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })

  // Set-up through the bridge: the event's window around today, three members with points.
  const setUp = await page.evaluate(
    async ({ queue, from, to }) => {
      const errors: string[] = []
      const settings = await window.vipdesk.invoke('settings:get', undefined)
      if (!settings.ok) throw new Error(settings.error.message)
      const vouchers = { ...settings.data.vouchers, yearly: { ...settings.data.vouchers.yearly, from, to } }
      const saved = await window.vipdesk.invoke('settings:update', { vouchers })
      if (!saved.ok) errors.push(saved.error.message)
      for (const m of queue) {
        const created = await window.vipdesk.invoke('members:create', { cardNo: m.cardNo, name: m.name })
        if (!created.ok) throw new Error(created.error.message)
        const added = await window.vipdesk.invoke('points:adjust', {
          memberId: created.data.id,
          points: m.points,
          reason: '年度兑换演练',
        })
        if (!added.ok) errors.push(added.error.message)
      }
      return errors
    },
    { queue: QUEUE, from: storeMmdd(-1), to: storeMmdd(1) },
  )
  expect(setUp).toEqual([])

  await desk.open()
  await expect(desk.empty).toBeVisible()
  await expect(desk.progressMembers).toHaveText('0')

  // 1: 12,500 points → 120 元 (50 + 40 + 30) preselected: read it back, Enter.
  await desk.scan(QUEUE[0]!.cardNo)
  await expect(desk.memberName).toHaveText(QUEUE[0]!.name)
  await expect(desk.memberPoints).toHaveText(fmt(12_500))
  await expect(desk.most(3000)).toHaveText('4')
  await expect(desk.chosen).toHaveText('120.00 元')
  await expect(desk.left).toHaveText('500')
  await page.keyboard.press('Enter')
  await expect(desk.last).toContainText(QUEUE[0]!.name)
  await expect(desk.lastAfter).toHaveText('500')
  await expect.poll(() => app.printed.length).toBe(1)
  expect(app.printed[0]).toContain('积分兑换券')
  expect(app.printed[0]).toContain('V2026-0201')
  await expect(desk.card).toBeFocused()
  await expect(desk.card).toHaveValue('')
  await expect(desk.progressMembers).toHaveText('1')

  // 2: 8,000 points → 50 元 + 30 元 preselected; the member would rather have two 40s: −/+, one click.
  await desk.scan(QUEUE[1]!.cardNo)
  await expect(desk.memberName).toHaveText(QUEUE[1]!.name)
  await expect(desk.chosen).toHaveText('80.00 元')
  await expect(desk.count(5000)).toHaveText('1')
  await expect(desk.count(3000)).toHaveText('1')
  await desk.minus(5000).click()
  await desk.minus(3000).click()
  await desk.plus(4000).click()
  await desk.plus(4000).click()
  await expect(desk.count(4000)).toHaveText('2')
  await expect(desk.plus(3000)).toBeDisabled()
  await expect(desk.chosen).toHaveText('80.00 元')
  await saveScreenshot(page, 'yearly-desk')
  await desk.confirmButton.click()
  await expect(desk.last).toContainText(QUEUE[1]!.name)
  await expect(desk.lastAfter).toHaveText('0')
  await expect.poll(() => app.printed.length).toBe(2)
  expect(app.printed[1]).toContain('40.00 元')
  expect(app.printed[1]).not.toContain('50.00 元')
  await expect(desk.card).toBeFocused()

  // 3: 5,600 points → one 50 元; Enter twice.
  await desk.scan(QUEUE[2]!.cardNo)
  await expect(desk.memberName).toHaveText(QUEUE[2]!.name)
  await expect(desk.chosen).toHaveText('50.00 元')
  await page.keyboard.press('Enter')
  await expect(desk.last).toContainText(QUEUE[2]!.name)
  await expect(desk.lastAfter).toHaveText('600')
  await expect.poll(() => app.printed.length).toBe(3)
  await expect(desk.progressMembers).toHaveText('3')
  await expect(desk.progressValue).toHaveText('250.00 元')
  await saveScreenshot(page, 'yearly-desk-served')

  // The second member again: nothing left to take, refused with the reason, nothing changes.
  await desk.scan(QUEUE[1]!.cardNo)
  await expect(desk.refused).toContainText('积分不足')
  await expect(desk.confirmButton).toBeDisabled()

  // Balances as the ledger has them, checked through the bridge.
  const balances = await page.evaluate(
    async (cards) => {
      const out: number[] = []
      for (const cardNo of cards) {
        const r = await window.vipdesk.invoke('yearly:options', { cardNo })
        if (!r.ok) throw new Error(r.error.message)
        out.push(r.data.points)
      }
      return out
    },
    QUEUE.map((m) => m.cardNo),
  )
  expect(balances).toEqual([500, 0, 600])
  expect(app.printed).toHaveLength(3)

  // The dashboard shows the event's progress.
  await page.getByTestId('nav-reports').click()
  await expect(page.getByTestId('dashboard-yearly')).toContainText('250.00 元')
})

test('the yearly desk outside the window: a banner, an unknown card refused, 期外兑换 with a reason', async ({
  app,
}) => {
  const { page } = app
  const desk = new YearlyDeskPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const member = QUEUE[0]!
  const setUp = await page.evaluate(
    async ({ m, from, to }) => {
      const settings = await window.vipdesk.invoke('settings:get', undefined)
      if (!settings.ok) throw new Error(settings.error.message)
      const vouchers = { ...settings.data.vouchers, yearly: { ...settings.data.vouchers.yearly, from, to } }
      const saved = await window.vipdesk.invoke('settings:update', { vouchers })
      const created = await window.vipdesk.invoke('members:create', { cardNo: m.cardNo, name: m.name })
      if (!created.ok) throw new Error(created.error.message)
      const added = await window.vipdesk.invoke('points:adjust', {
        memberId: created.data.id,
        points: 4_000,
        reason: '测试',
      })
      return [saved, added].map((r) => (r.ok ? '' : r.error.message))
    },
    { m: member, from: storeMmdd(10), to: storeMmdd(12) },
  )
  expect(setUp).toEqual(['', ''])

  await desk.open()
  await expect(desk.closed).toContainText('不在兑换期内')
  // A mistyped card is refused; the next scan replaces it without clearing by hand.
  await desk.scan('V2026-9999')
  await expect(desk.refused).toContainText('找不到卡号 V2026-9999')
  await desk.scan(member.cardNo)
  await expect(desk.memberName).toHaveText(member.name)
  await expect(desk.refused).toHaveCount(0)
  await expect(desk.chosen).toHaveText('40.00 元')
  // Enter does nothing until 期外兑换 has its reason.
  await page.keyboard.press('Enter')
  await expect(desk.confirmButton).toBeDisabled()
  await page.getByTestId('yearly-late').click()
  await page.getByTestId('yearly-late-reason').fill('会员出差错过活动')
  await desk.confirmButton.click()
  await expect(desk.last).toContainText(member.name)
  await expect(desk.lastAfter).toHaveText('0')
  await expect.poll(() => app.printed.length).toBe(1)
  await expect(desk.card).toBeFocused()
})
