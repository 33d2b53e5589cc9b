import { writeXlsx, type XlsxCell } from '../support/sheets'
import { FirstRunPage } from './pages/auth'
import { TillImportPage } from './pages/tillImport'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

const pad = (n: number) => String(n).padStart(2, '0')
const d = new Date(Date.now() - 2 * 86_400_000)
const DAY = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const HEAD = ['小票号', '交易时间', '会员卡号', '实收金额', '课别', '专柜']

test('till import: unknown 课别 / 专柜 spellings are mapped in the wizard, and the next file is read with them', async ({
  app,
}, testInfo) => {
  const { page } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const setup = await page.evaluate(async () => [
    await window.vipdesk.invoke('members:create', { cardNo: 'V3001', name: '林雨桐', phone: '13900008866' }),
    await window.vipdesk.invoke('departments:add', { name: '营业六课', counters: ['兰蔻', '雅诗兰黛'] }),
  ])
  expect(setup.map((r) => r.ok)).toEqual([true, true])

  // 六课 is how this till prints 营业六课, 兰寇 a typo of 兰蔻.
  const first = testInfo.outputPath('小票-对应.xlsx')
  await writeXlsx(first, [
    HEAD,
    ['M1', `${DAY} 10:30`, 'V3001', 100, '六课', '兰蔻'],
    ['M2', `${DAY} 10:40`, 'V3001', 200, '六课', '雅诗兰黛'],
    ['M3', `${DAY} 10:50`, 'V3001', 300, '营业六课', '兰寇'],
  ] satisfies XlsxCell[][])
  const till = new TillImportPage(page)
  await till.open()
  app.double.dialogs.open.push(first)
  await till.pickAndWait()
  await expect(till.willInsert).toHaveText('0')
  const step = page.getByTestId('till-map-departments')
  await expect(step).toContainText('把文件里的写法对应到课别列表')
  const rows = step.getByTestId('till-map-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('课别「六课」')
  await expect(rows.nth(0)).toContainText('2')
  await expect(rows.nth(1)).toContainText('营业六课 的专柜「兰寇」')
  await expect(page.getByTestId('till-map-save')).toBeDisabled()

  // Type to filter, Enter picks: as in the desk's selects.
  for (const [select, typed, picked] of [
    ['till-map-department-六课', '六课', '营业六课'],
    ['till-map-counter-兰寇', '兰蔻', '兰蔻'],
  ] as const) {
    await page.getByTestId(select).click()
    await page.keyboard.type(typed)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId(select)).toContainText(picked)
  }
  await saveScreenshot(page, 'till-import-map-departments')
  await page.getByTestId('till-map-save').click()
  // Checked again with the remembered spellings: every line comes in, nothing is left to map.
  await expect(till.willInsert).toHaveText('3')
  await expect(till.rejectedRows).toHaveText('0')
  await expect(step).toBeHidden()
  await till.commitAndWait()
  await expect(till.inserted).toHaveText('3')

  // The next file with the same spellings is read without asking.
  await till.again.click()
  const next = testInfo.outputPath('小票-下一份.xlsx')
  await writeXlsx(next, [HEAD, ['N1', `${DAY} 11:30`, 'V3001', 50, '六课', '兰寇']] satisfies XlsxCell[][])
  app.double.dialogs.open.push(next)
  await till.pickAndWait()
  await expect(till.willInsert).toHaveText('1')
  await expect(step).toBeHidden()
  await till.commitAndWait()
  const memberId = setup[0]!.ok ? (setup[0]!.data as { id: number }).id : 0
  const saved = await page.evaluate((id) => window.vipdesk.invoke('purchases:ofMember', { memberId: id }), memberId)
  expect(saved.ok && [...new Set(saved.data.rows.map((r) => `${r.department}/${r.counter}`))].sort()).toEqual([
    '营业六课/兰蔻',
    '营业六课/雅诗兰黛',
  ])
})
