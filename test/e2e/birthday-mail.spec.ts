import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FirstRunPage, LoginPage } from './pages/auth'
import { BirthdayMailPage } from './pages/birthdayMail'
import { SettingsPage } from './pages/settings'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'
import { forWork, PRINT_RUN, REPORT } from './support/timeouts'
import { giftPhoto } from '../support/png'

/** Next month, which the list opens on: 'YYYY-MM', a birthday in it, and the picker's text. */
function nextMonth() {
  const now = new Date()
  const first = new Date(now.getFullYear(), now.getMonth() + 1, 1)
  const pad = (n: number) => String(n).padStart(2, '0')
  const mm = pad(first.getMonth() + 1)
  return {
    label: `${first.getFullYear()}-${mm}`,
    shown: `${first.getFullYear()} 年 ${mm} 月`,
    born: (year: number, day: number) => `${year}-${mm}-${pad(day)}`,
    after: `1970-${pad(((first.getMonth() + 1) % 12) + 1)}-03`,
  }
}

const ADDRESS = { province: '浙江省', city: '杭州市', district: '上城区', address: '解放路 1 号', postalCode: '310002' }

test('生日关怀: a clerk lists next month, prints two cards with labels, marks one returned, and saves a PDF', async ({
  app,
}) => {
  // One long flow through five screens, two print runs and a real PDF: on two busy cores it
  // needs more than the default minute.
  test.slow()
  const { page } = app
  const shell = new Shell(page)
  const birthdays = new BirthdayMailPage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })

  const month = nextMonth()
  const seed = [
    {
      cardNo: 'E001',
      name: '林晓',
      birthday: month.born(1980, 5),
      phone: '13812345678',
      mail: true,
      sms: true,
      address: true,
    },
    {
      cardNo: 'E002',
      name: '周敏',
      birthday: month.born(1975, 12),
      phone: '13987654321',
      mail: true,
      sms: true,
      address: true,
    },
    {
      cardNo: 'E003',
      name: '吴刚',
      birthday: month.born(1990, 20),
      phone: '13700001111',
      mail: true,
      sms: true,
      address: false,
    },
    {
      cardNo: 'E004',
      name: '郑洁',
      birthday: month.born(1985, 25),
      phone: null,
      mail: true,
      sms: false,
      address: true,
    },
    { cardNo: 'E005', name: '王五', birthday: month.after, phone: '13600002222', mail: true, sms: true, address: true },
  ]
  const problems = await page.evaluate(
    async ({ seed, address }) => {
      const out: string[] = []
      for (const m of seed) {
        const r = await window.vipdesk.invoke('members:create', {
          cardNo: m.cardNo,
          name: m.name,
          birthday: m.birthday,
          ...(m.phone ? { phone: m.phone } : {}),
          ...(m.address ? address : {}),
          mailConsent: m.mail,
          smsConsent: m.sms,
        })
        if (!r.ok) out.push(r.error.message)
      }
      return out
    },
    { seed, address: ADDRESS },
  )
  expect(problems).toEqual([])
  // What the counts line must say, worked out from the seed, not from the app.
  const born = seed.filter((m) => m.birthday.slice(5, 7) === month.label.slice(5))
  const expected =
    `${born.length} 位本月生日 · ${born.filter((m) => m.address).length} 位有地址 · ` +
    `${born.filter((m) => m.sms).length} 位可发短信 · ${born.filter((m) => m.mail && m.address).length} 位可寄贺卡 · ` +
    `已打印 0 · 待打印 ${born.filter((m) => m.mail && m.address).length} · 地址退回 0`

  // The admin gives the store a logo for the cards (门店设置 → 门店标志).
  const settings = new SettingsPage(page)
  await shell.open('settings')
  await expect(page.getByTestId('store-logo')).toContainText('未设置')
  const logo = join(app.dataDir, '标志.png')
  writeFileSync(logo, giftPhoto([150, 30, 40], 120))
  app.double.dialogs.open.push(logo)
  await page.getByTestId('store-logo-pick').click()
  await expect(page.getByTestId('store-logo-img')).toHaveAttribute('src', /^data:image\/png;base64,/)
  await saveScreenshot(page, 'birthday-store-logo')

  // A clerk does the birthday mail.
  await settings.open('operators')
  await settings.addOperator('刘芳', 'clerk', 'clerk-pass')
  await shell.logout()
  await new LoginPage(page).login('刘芳', 'clerk-pass')

  await birthdays.open()
  await expect(birthdays.monthInput()).toHaveValue(month.shown)
  await birthdays.stepMonth('prev')
  await expect(birthdays.monthInput()).not.toHaveValue(month.shown)
  await birthdays.stepMonth('next')
  await expect(birthdays.monthInput()).toHaveValue(month.shown)
  await expect(birthdays.counts).toHaveText(expected)
  await expect(birthdays.names()).toHaveText(['林晓', '周敏', '吴刚', '郑洁'])
  await expect(birthdays.row('E001')).toContainText('138****5678')
  await saveScreenshot(page, 'birthday-month')

  await birthdays.filter('printed', '未打印')
  await expect(birthdays.names()).toHaveText(['林晓', '周敏', '吴刚', '郑洁'])
  // 吴刚 has no address: his row cannot be ticked.
  await expect(birthdays.row('E003').locator('.n-checkbox')).toHaveClass(/n-checkbox--disabled/)
  await birthdays.tick('E001')
  await birthdays.tick('E002')
  await expect(birthdays.printOpen).toContainText('已选 2 位')

  await birthdays.openPrint()
  await birthdays.choose('postcard', '3x7', 2)
  await expect(page.getByTestId('birthday-offset')).toContainText('从第 3 个开始')
  await expect(birthdays.previewName).toContainText('周敏', forWork(REPORT))
  await expect(birthdays.preview.locator('body')).toContainText('周敏')
  // The store's logo picked above is on the card.
  await expect(page.getByTestId('birthday-card-preview')).toHaveAttribute('srcdoc', /data:image\/png;base64,/)
  await expect(birthdays.plan).toContainText('2 张贺卡 · 其中重印 0 · 标签 1 张 · 贺卡费用 4.00 元')
  await expect(birthdays.reprint).toHaveCount(0)
  // Which paper and how it goes in, and no store address yet: the sender block would be the name only.
  await expect(page.getByTestId('birthday-paper-postcard')).toContainText('148×100 毫米明信片卡纸')
  await expect(page.getByTestId('birthday-sender-warning')).toContainText('还没有设置门店地址：标签和明信片上的寄件人')
  // The warning sits right under the paper guide, both on screen as the panel opens (README picture).
  await expect(page.getByTestId('birthday-paper-postcard')).toBeInViewport({ ratio: 1 })
  await expect(page.getByTestId('birthday-sender-warning')).toBeInViewport({ ratio: 1 })
  await saveScreenshot(page, 'birthday-print')
  await birthdays.choose('folded-a5', 'none')
  await expect(page.getByTestId('birthday-paper-folded-a5')).toContainText('双面打印，短边翻转')
  await expect(page.getByTestId('birthday-sender-warning')).toHaveCount(0)
  await birthdays.choose('postcard', '3x7', 2)
  await expect(birthdays.plan).toContainText('标签 1 张')

  // A test print first: one sample card through the printer, no batch recorded, the panel stays.
  await page.getByTestId('birthday-test-print').click()
  await expect.poll(() => app.printed.length, forWork(PRINT_RUN)).toBe(1)
  expect(app.printed[0]).toContain('王小明')

  await birthdays.print()
  await expect.poll(() => app.printed.length, forWork(PRINT_RUN)).toBe(3)
  expect(app.printed[1]).toContain('林晓')
  expect(app.printed[1]).toContain('周敏')
  expect(app.printed[1]).not.toContain('郑洁')
  expect(app.printed[2]).toContain('310002')

  // The run is a batch of two; one card comes back undeliverable.
  await birthdays.tab('batches')
  await expect(birthdays.batchRow(1).getByTestId('batch-count')).toHaveText('2')
  await birthdays.expandBatch(1)
  await expect(page.getByTestId('batch-card-name')).toHaveText(['林晓', '周敏'])
  await birthdays.markReturned(['E001'])
  await expect(birthdays.batchCard('E001').getByTestId('batch-card-status')).toContainText('退回')
  await expect(birthdays.batchRow(1).getByTestId('batch-returned')).toHaveText('1')
  await saveScreenshot(page, 'birthday-batches')

  await birthdays.tab('month')
  await expect(birthdays.counts).toContainText('已打印 2')
  await expect(birthdays.counts).toContainText('地址退回 1')
  await expect(birthdays.counts).toContainText('待打印 1')
  await expect(birthdays.cardStatus('E001')).toContainText('退回')
  await expect(birthdays.cardStatus('E002')).toHaveText('已打印')
  await expect(birthdays.cardStatus('E004')).toHaveText('未打印')
  await expect(birthdays.row('E001').getByTestId('birthday-address')).toHaveText('退回')

  // 周敏 again without 重印: main refuses, in Chinese, before anything prints.
  await birthdays.tick('E002')
  await birthdays.openPrint()
  await expect(birthdays.reprint).toBeVisible()
  await expect(birthdays.refusal).toContainText('本次生日的贺卡已打印过')
  await expect(page.getByTestId('birthday-print')).toBeDisabled()
  await birthdays.closePanel()
  expect(app.printed).toHaveLength(3)

  // Nothing ticked: the rest still to print (郑洁) saved as a PDF.
  await birthdays.tick('E002')
  await expect(birthdays.printOpen).toContainText('全部待打印')
  await birthdays.openPrint()
  await expect(birthdays.plan).toContainText('1 张贺卡')
  const file = join(app.dataDir, '生日贺卡.pdf')
  app.double.dialogs.save.push(file)
  await birthdays.savePdf()
  expect(existsSync(file)).toBe(true)
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  await expect(birthdays.counts).toContainText('已打印 3')
  await expect(birthdays.counts).toContainText('待打印 0')

  await birthdays.tab('costs')
  await expect(page.getByTestId('costs-cards')).toContainText('3 张（2 批）')
  await saveScreenshot(page, 'birthday-costs')
  await birthdays.tab('settings')
  await expect(page.getByTestId('bs-sms-template')).toBeVisible()
  await saveScreenshot(page, 'birthday-settings')
})
