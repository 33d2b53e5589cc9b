import { idNumberFor } from '../support/identity'
import { FirstRunPage } from './pages/auth'
import { MembersPage } from './pages/members'
import { SettingsPage } from './pages/settings'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

// 农历1990年闰五月初十 is 2 July 1990 (the leap fifth month began on 23 June that year).
const MEMBER = {
  cardNo: 'V2024-0001',
  name: '欧阳晓岚',
  phone: '13812345678',
  lunarBirthday: '1990-05-10',
  idNumber: idNumberFor('19900702', '110105'),
  postalCode: '100020',
}

test('members: create with the keyboard form, find by phone tail, card and name, reveal, edit', async ({ app }) => {
  const { page } = app
  const members = new MembersPage(page)
  const { form, drawer } = members
  await new FirstRunPage(page).openStore('admin-pass', { sample: 'members' })
  const takenCard = (await members.rows.first().locator('td').first().textContent())!.trim()

  await members.openCreate()
  // The form opens on the card number so the desk can type straight away.
  await expect(form.field('cardNo')).toBeFocused()
  await page.keyboard.type(takenCard)
  await form.field('name').fill(MEMBER.name)
  await form.gender('女')
  await form.field('phone').fill(MEMBER.phone)
  await form.lunarBirthday(MEMBER.lunarBirthday, true)
  await expect(form.feedback('birthday')).toHaveText('农历1990年闰五月初十，即公历 1990-07-02')
  await form.field('idNumber').fill(MEMBER.idNumber)
  await expect(form.feedback('idNumber')).toHaveText('校验通过，出生日期 1990-07-02')
  await form.region('朝阳', '北京市 / 北京市 / 朝阳区')
  await form.field('address').fill('望京街道1号')
  await form.field('postalCode').fill(MEMBER.postalCode)
  await form.tier('金卡')

  // Only the database knows the card is taken: the service's answer lands under 卡号.
  await form.saveWithEnter('postalCode')
  await expect(form.feedback('cardNo')).toHaveText(`卡号 ${takenCard} 已被使用`)
  // …and the cursor goes there, so the fix is one keystroke away.
  await expect(form.field('cardNo')).toBeFocused()
  await saveScreenshot(page, 'member-form')
  await expect(form.root).toBeVisible()
  await form.field('cardNo').fill(MEMBER.cardNo)
  await expect(form.feedback('cardNo')).toHaveCount(0)
  await form.saveWithEnter('cardNo')
  await expect(form.root).toBeHidden()
  await expect(drawer.name).toHaveText(MEMBER.name)
  await drawer.close()

  // Quick search: the last four digits of the phone, the start of the card, part of the name.
  await expect(members.matchOf(await members.find('5678', MEMBER.name))).toHaveText('手机尾号')
  await expect(members.matchOf(await members.find('v2024', MEMBER.name))).toHaveText('卡号')
  await expect(members.matchOf(await members.find('晓岚', MEMBER.name))).toHaveText('姓名')
  // Enter opens the first hit, as a card scanner would.
  await members.search.fill(MEMBER.cardNo)
  await members.search.press('Enter')
  await expect(drawer.name).toHaveText(MEMBER.name)

  await expect(drawer.cardNo).toHaveText(MEMBER.cardNo)
  await expect(drawer.birthday).toHaveText('农历1990年闰五月初十')
  await expect(drawer.address).toHaveText('北京市 朝阳区 望京街道1号')
  await expect(drawer.phone).toHaveText('138****5678')
  await expect(drawer.idNumber).toHaveText('110105********' + MEMBER.idNumber.slice(-4))
  await drawer.revealPhone.click()
  await expect(drawer.phone).toHaveText(MEMBER.phone)
  await saveScreenshot(page, 'member-drawer')

  await drawer.edit.click()
  await expect(form.field('name')).toBeFocused()
  await form.field('address').fill('望京西路8号')
  await form.save.click()
  await expect(form.root).toBeHidden()
  await expect(drawer.address).toHaveText('北京市 朝阳区 望京西路8号')

  // Another desk changes the member while this one has the form open: the save is refused with
  // who changed what, 重新载入 has the focus, and the save from the reloaded form goes through.
  await drawer.edit.click()
  await expect(form.field('name')).toBeFocused()
  await form.field('notes').fill('喜欢丝巾')
  await page.evaluate(async (cardNo) => {
    const v = window.vipdesk
    const hit = await v.invoke('members:search', { query: cardNo })
    if (!hit.ok) throw new Error(hit.error.message)
    const seen = await v.invoke('members:get', { id: hit.data[0]!.id })
    if (!seen.ok) throw new Error(seen.error.message)
    const r = await v.invoke('members:update', {
      id: seen.data.id,
      expectedVersion: seen.data.version,
      address: '望京东路2号',
    })
    if (!r.ok) throw new Error(r.error.message)
  }, MEMBER.cardNo)
  await form.save.click()
  await expect(form.conflict).toHaveText(/^该会员资料已被 admin 于 .+ 修改（地址），请重新载入后再改$/)
  await expect(form.reload).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(form.conflict).toHaveCount(0)
  await expect(form.field('address')).toHaveValue('望京东路2号')
  await expect(form.field('notes')).toHaveValue('')
  await form.field('notes').fill('喜欢丝巾')
  await form.saveWithEnter('address')
  await expect(form.root).toBeHidden()
  await expect(drawer.address).toHaveText('北京市 朝阳区 望京东路2号')
  await drawer.close()

  // Every look at a full number is in the audit log, with who and which card.
  const shell = new Shell(page)
  const settings = new SettingsPage(page)
  await shell.open('settings')
  await settings.open('audit')
  const reveal = settings.auditRows.filter({ hasText: '查看完整信息' })
  await expect(reveal).toHaveCount(1)
  await expect(reveal).toContainText('admin')
  await expect(reveal).toContainText(`卡号${MEMBER.cardNo}`)
  await expect(settings.auditRows.first()).toContainText('修改')
  await saveScreenshot(page, 'audit-log')

  // Filtered in the database by action (in words), operator and store days.
  const all = await settings.auditRows.count()
  await settings.filterAudit('action', '查看完整信息')
  await expect(settings.auditRows).toHaveCount(1)
  await expect(settings.auditRows).toContainText('查看完整信息')
  await settings.filterAudit('operator', 'admin')
  await expect(settings.auditRows).toHaveCount(1)
  await page.getByTestId('audit-filter-clear').click()
  await expect(settings.auditRows).toHaveCount(all)
  await settings.filterAuditDays('2001-01-01', '2001-01-31')
  await expect(settings.auditRows).toHaveCount(0)
  await saveScreenshot(page, 'audit-log-filtered')
})
