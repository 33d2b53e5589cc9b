import { FirstRunPage } from './pages/auth'
import { ReplaceCardDialog } from './pages/memberDrawer'
import { MembersPage } from './pages/members'
import { expect, test } from './support/fixtures'
import { saveScreenshot } from './support/screenshots'

test('card replacement: a lost card is replaced for a fee, and the old number still finds the member', async ({
  app,
}) => {
  const { page } = app
  const members = new MembersPage(page)
  const { drawer } = members
  await new FirstRunPage(page).openStore('admin-pass', { sample: 'members' })

  await members.rows.first().click()
  await expect(drawer.status).toHaveText('正常')
  const name = (await drawer.name.textContent())!.trim()
  const oldCard = (await drawer.cardNo.textContent())!.trim()

  await drawer.markLost('会员来电报失')
  await expect(drawer.status).toHaveText('挂失')
  await expect(drawer.reportLost).toHaveCount(0)

  await drawer.replace.click()
  const dialog = new ReplaceCardDialog(page)
  await expect(dialog.reason).toHaveValue('遗失补卡')
  // The store's fee (20 元 by default) is offered; this desk charges 35.
  await expect(dialog.fee).toHaveValue('20.00')
  await dialog.replace('V9000001', '35')

  await expect(drawer.cardNo).toHaveText('V9000001')
  await expect(drawer.status).toHaveText('正常')
  await drawer.tab('cards')
  await expect(drawer.cards.locator('tbody tr')).toHaveCount(2)
  await expect(drawer.cards.locator('tbody tr').filter({ hasText: oldCard })).toContainText('已换卡（旧卡）')
  await expect(drawer.cards.locator('tbody tr').filter({ hasText: 'V9000001' })).toContainText('在用')
  const replacement = drawer.replacements.locator('tbody tr')
  await expect(replacement).toHaveCount(1)
  await expect(replacement).toContainText(`${oldCard} → V9000001`)
  await expect(replacement).toContainText('35.00 元')
  await expect(replacement).toContainText('遗失补卡')
  await expect(replacement).toContainText('admin')
  await saveScreenshot(page, 'card-replacement')
  await drawer.close()

  // The member comes back with the old card in a drawer: it still finds them, marked as old.
  const hit = await members.find(oldCard, name)
  await expect(members.matchOf(hit)).toHaveText(`旧卡号 ${oldCard}`)
  await expect(hit).toContainText('V9000001')
  await members.search.press('Enter')
  await expect(drawer.name).toHaveText(name)
  await drawer.tab('profile')
  await expect(drawer.cardNo).toHaveText('V9000001')
})
