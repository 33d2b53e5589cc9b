import { FirstRunPage } from './pages/auth'
import { BirthdayMailPage } from './pages/birthdayMail'
import { DashboardPage } from './pages/dashboard'
import { VoucherSettingsPage } from './pages/voucherSettings'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'
import { forWork, PRINT_RUN, REPORT } from './support/timeouts'

test('设置 → 券: the admin edits a kind and the yearly table, a nameless new kind is refused by field', async ({
  app,
}) => {
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const s = new VoucherSettingsPage(page)
  await s.open()
  await expect(s.kindName(0)).toHaveValue('积分通用券')
  await s.type(s.kindValue(2), '25')
  await s.type(s.kindDays(2), '45')
  await s.type(s.yearlyPoints(0), '3500')
  await s.type(s.yearlyValue(0), '35')

  // A new kind left without a name: refused in Chinese on its row, nothing saved.
  await page.getByTestId('voucher-kind-add').click()
  await s.save.click()
  await expect(s.kindError(3)).toContainText('请填写券种名称')
  const before = await page.evaluate(() => window.vipdesk.invoke('settings:get', undefined))
  expect(before.ok && before.data.vouchers.kinds).toHaveLength(3)

  await s.kindName(3).fill('店庆券')
  await s.save.click()
  await expect(s.kindError(3)).toHaveCount(0)
  await expect(s.kindName(3)).toBeDisabled()
  const saved = await page.evaluate(() => window.vipdesk.invoke('settings:get', undefined))
  expect(saved.ok).toBe(true)
  if (!saved.ok) return
  expect(saved.data.vouchers.kinds.map((k) => k.name)).toEqual(['积分通用券', '生日礼券', '唤醒券', '店庆券'])
  expect(saved.data.vouchers.kinds[2]).toMatchObject({ valueFen: 2500, validDays: 45 })
  expect(saved.data.vouchers.yearly.table[0]).toEqual({ points: 3500, valueFen: 3500 })
  await s.kindName(0).scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'settings-vouchers')
})

test('生日礼券: a print run issues the voucher and the card carries its number; the liability report shows it', async ({
  app,
}) => {
  test.slow()
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  // Next month, which the birthday list opens on.
  const now = new Date()
  const first = new Date(now.getFullYear(), now.getMonth() + 1, 1)
  const mm = String(first.getMonth() + 1).padStart(2, '0')
  const made = await page.evaluate(
    async ({ mm }) =>
      Promise.all(
        [
          { cardNo: 'G001', name: '林晓', tier: '金卡' },
          { cardNo: 'G002', name: '周敏', tier: '普卡' },
        ].map((m, i) =>
          window.vipdesk.invoke('members:create', {
            ...m,
            birthday: `1980-${mm}-0${i + 5}`,
            province: '浙江省',
            city: '杭州市',
            district: '上城区',
            address: '解放路 1 号',
            postalCode: '310002',
            mailConsent: true,
          }),
        ),
      ),
    { mm },
  )
  expect(made.map((r) => (r.ok ? '' : r.error.message))).toEqual(['', ''])

  const birthdays = new BirthdayMailPage(page)
  await birthdays.open()
  await expect(page.getByTestId('birthday-vouchers')).toContainText('生日礼券 1 位应发，已发 0 张')
  await birthdays.openPrint()
  await birthdays.choose('folded-a5', 'none')
  await birthdays.print()
  await expect.poll(() => app.printed.length, forWork(PRINT_RUN)).toBe(1)
  const no = /券号 (\d{12})/.exec(app.printed[0]!)?.[1]
  expect(no, 'the gold member’s card carries a voucher number').toBeTruthy()
  expect(app.printed[0]!.match(/券号 \d{12}/g)).toHaveLength(1)
  await expect(page.getByTestId('birthday-vouchers')).toContainText('已发 1 张')

  // The preview of her card shows the same number.
  await birthdays.row('G001').locator('.n-checkbox').click()
  await page.getByTestId('birthday-preview').click()
  await expect(birthdays.previewName).toContainText('林晓', forWork(REPORT))
  await expect(birthdays.preview.locator('body')).toContainText(`券号 ${no}`)
  await birthdays.preview.getByText(`券号 ${no}`).scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'birthday-voucher-card')
  await birthdays.closePanel()

  // The costs count it at face value.
  await birthdays.tab('costs')
  await expect(page.getByTestId('costs-vouchers')).toContainText('已发放 1 张')
  await expect(page.getByTestId('costs-vouchers')).toContainText('50.00')

  // 券负债 in the reports: the voucher issued this month, outstanding.
  const dashboard = new DashboardPage(page)
  await dashboard.open()
  await page.getByTestId('chart-table-toggle-vouchers').click()
  const table = page.getByTestId('chart-table-vouchers')
  await expect(table).toContainText('生日礼券', forWork(REPORT))
  await expect(table).toContainText('50.00')
  await page.getByTestId('chart-card-vouchers').scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'report-vouchers')
})
