import { expect, type Locator, type Page } from '@playwright/test'

/** 消费积分 → 过期卡 / 沉睡会员, and 设置 → 等级与有效期. */
export class TiersPages {
  readonly expiredTable: Locator
  readonly expiredEmpty: Locator
  readonly sleepingTable: Locator
  readonly tierRows: Locator
  readonly reasonInput: Locator
  readonly reasonConfirm: Locator

  constructor(readonly page: Page) {
    this.expiredTable = page.getByTestId('expired-table')
    this.expiredEmpty = page.getByTestId('expired-empty')
    this.sleepingTable = page.getByTestId('sleeping-table')
    this.tierRows = page.getByTestId('tier-row')
    this.reasonInput = page.getByTestId('reason-input')
    this.reasonConfirm = page.getByTestId('reason-confirm')
  }

  async openPoints(tab: 'expired-cards' | 'sleeping') {
    await this.page.getByTestId('nav-points').click()
    await this.page.getByTestId(`points-tab-${tab}`).click()
    await expect(this.page.getByTestId(tab === 'sleeping' ? 'sleeping-view' : 'expired-cards-view')).toBeVisible()
  }

  async openSettings() {
    await this.page.getByTestId('nav-settings').click()
    await this.page.getByTestId('settings-tab-tiers').click()
    await expect(this.page.getByTestId('tier-settings')).toBeVisible()
  }

  /** 破例续期 on the first expired card, with a reason. */
  async renewAnyway(reason: string) {
    await this.expiredTable.getByTestId('expired-renew').first().click()
    await this.reasonInput.fill(reason)
    await this.reasonConfirm.click()
  }
}
