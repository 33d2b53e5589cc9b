import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { giftPhoto } from '../support/png'
import { FirstRunPage } from './pages/auth'
import { GiftCataloguePage } from './pages/giftCatalogue'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'
import { forWork, REPORT } from './support/timeouts'

test('gift catalogue: preview the redemption gifts by band, save the PDF, print it', async ({ app }) => {
  const { page } = app
  const catalogue = new GiftCataloguePage(page)
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })

  // No redemption gifts yet: the tab says how to get some into the catalogue.
  await catalogue.open()
  await expect(catalogue.empty).toContainText('没有可兑换的礼品')
  await expect(catalogue.saveButton).toBeDisabled()
  await saveScreenshot(page, 'gift-catalogue-empty')

  // Set-up through the bridge: a photo picked in main's open dialog, gifts in three bands.
  const picture = join(app.dataDir, '保温杯.png')
  writeFileSync(picture, giftPhoto([40, 90, 160], 240, 20))
  app.double.dialogs.open.push(picture)
  const setUp = await page.evaluate(async () => {
    const photo = await window.vipdesk.invoke('gifts:pickPhoto', undefined)
    if (!photo.ok || !photo.data) throw new Error('no photo')
    const gifts = [
      { code: 'G01', name: '不锈钢保温杯', pointsPrice: 800, photo: photo.data.photo },
      { code: 'G02', name: '真丝方巾', pointsPrice: 2500, maxBalance: 3000 },
      { code: 'G03', name: '羊绒围巾', pointsPrice: 6000 },
      { code: 'G04', name: '停用的台灯', pointsPrice: 900, active: false },
      { code: 'G05', name: '开卡礼盒', category: 'opening' as const },
    ]
    const results = []
    for (const g of gifts)
      results.push(await window.vipdesk.invoke('gifts:create', { category: 'redemption' as const, ...g }))
    return results.map((r) => (r.ok ? '' : r.error.message))
  })
  expect(setUp).toEqual(['', '', '', '', ''])

  await page.getByTestId('gifts-tab-stock').click()
  await catalogue.open()
  // The catalogue is laid out in main, photos and all, before the preview shows it.
  await expect(catalogue.count).toContainText('共 3 种礼品', forWork(REPORT))
  await expect(catalogue.card('不锈钢保温杯')).toContainText('800')
  await expect(catalogue.card('真丝方巾')).toContainText('限积分 3,000 分以下会员')
  await expect(catalogue.card('羊绒围巾')).toContainText('6,000')
  await expect(catalogue.preview.locator('.card')).toHaveCount(3)
  await expect(catalogue.preview.locator('h2.band')).toHaveText([/1,000 分以下/, /1,000–2,999 分/, /5,000–9,999 分/])
  await expect(catalogue.card('不锈钢保温杯').locator('img')).toHaveJSProperty('complete', true)
  await saveScreenshot(page, 'gift-catalogue-tab')

  // 保存为 PDF: main asks where, renders the same document and writes it.
  const file = join(app.dataDir, '礼品册.pdf')
  app.double.dialogs.save.push(file)
  await catalogue.save()
  await expect(catalogue.saved).toContainText(file)
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  expect(text).toContain('不锈钢保温杯')
  expect(text).not.toContain('停用的台灯')

  // 打印: the system dialog (answered by the double) receives the catalogue once.
  await catalogue.print()
  expect(app.printed).toHaveLength(1)
  expect(app.printed[0]).toContain('羊绒围巾')
})
