import { expect, type Locator, type Page } from '@playwright/test'

/** One member in the side drawer: 资料 and 卡号与补卡 tabs, and the desk's actions at the bottom. */
export class MemberDrawer {
  readonly root: Locator
  readonly name: Locator
  readonly status: Locator
  readonly cardNo: Locator
  readonly phone: Locator
  readonly idNumber: Locator
  readonly birthday: Locator
  readonly address: Locator
  readonly revealPhone: Locator
  readonly cards: Locator
  readonly replacements: Locator
  readonly edit: Locator
  readonly reportLost: Locator
  readonly replace: Locator
  /** The 券 tab's rows */
  readonly voucherRows: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('member-drawer')
    this.name = page.getByTestId('member-drawer-name')
    this.status = page.getByTestId('member-drawer-status')
    this.cardNo = page.getByTestId('member-cardNo')
    this.phone = page.getByTestId('member-phone')
    this.idNumber = page.getByTestId('member-idNumber')
    this.birthday = page.getByTestId('member-birthday')
    this.address = page.getByTestId('member-address')
    this.revealPhone = page.getByTestId('member-reveal-phone')
    this.cards = page.getByTestId('member-cards')
    this.replacements = page.getByTestId('member-replacements')
    this.edit = page.getByTestId('member-edit')
    this.reportLost = page.getByTestId('member-report-lost')
    this.replace = page.getByTestId('member-replace')
    this.voucherRows = page.getByTestId('member-voucher-row')
  }

  async tab(which: 'profile' | 'cards' | 'purchases' | 'points' | 'tiers' | 'vouchers') {
    await this.page.getByTestId(`member-tab-${which}`).click()
  }

  /**
   * Closes the drawer with Esc, as the desk does between customers, and waits until it has slid
   * away: until then it holds the keyboard focus and would take it back from the search box.
   */
  async close() {
    await expect(this.root).toBeVisible()
    await this.page.keyboard.press('Escape')
    await expect(this.root).toBeHidden()
  }

  /** 挂失 with the reason prompt. */
  async markLost(reason: string) {
    await this.reportLost.click()
    const dialog = this.page.getByTestId('reason-dialog')
    await this.page.getByTestId('reason-input').fill(reason)
    await this.page.getByTestId('reason-confirm').click()
    await expect(dialog).toBeHidden()
  }

  /** 券 tab: 作废 on the row of this voucher, with the reason prompt. */
  async voidVoucher(voucherRow: Locator, reason: string) {
    await voucherRow.getByTestId('member-voucher-void').click()
    const dialog = this.page.getByTestId('reason-dialog')
    await this.page.getByTestId('reason-input').fill(reason)
    await this.page.getByTestId('reason-confirm').click()
    await expect(dialog).toBeHidden()
  }
}

/** 补卡: a new card number for the same member, and the fee in 元. */
export class ReplaceCardDialog {
  readonly root: Locator
  readonly newCard: Locator
  readonly fee: Locator
  readonly reason: Locator
  readonly confirm: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('replace-dialog')
    this.newCard = page.getByTestId('replace-new-card')
    this.fee = page.getByTestId('replace-fee')
    this.reason = page.getByTestId('replace-reason')
    this.confirm = page.getByTestId('replace-confirm')
  }

  async replace(newCardNo: string, feeYuan: string) {
    await expect(this.root).toBeVisible()
    await this.newCard.fill(newCardNo)
    await this.fee.fill(feeYuan)
    await this.confirm.click()
    await expect(this.root).toBeHidden()
  }
}
