import { expect, type Locator, type Page } from '@playwright/test'

/** 设置 → 券: the kinds table, the yearly redemption, the birthday voucher and referral points. */
export class VoucherSettingsPage {
  readonly root: Locator
  readonly save: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('voucher-settings')
    this.save = page.getByTestId('voucher-settings-save')
  }

  async open() {
    await this.page.getByTestId('nav-settings').click()
    await this.page.getByTestId('settings-tab-vouchers').click()
    await expect(this.root).toBeVisible()
    await expect(this.kindValue(0)).toBeVisible()
  }

  kindName(i: number): Locator {
    return this.page.getByTestId(`voucher-kind-name-${i}`)
  }

  kindValue(i: number): Locator {
    return this.page.getByTestId(`voucher-kind-value-${i}`)
  }

  kindDays(i: number): Locator {
    return this.page.getByTestId(`voucher-kind-days-${i}`)
  }

  kindError(i: number): Locator {
    return this.page.getByTestId(`voucher-kind-error-${i}`)
  }

  yearlyPoints(i: number): Locator {
    return this.page.getByTestId(`voucher-yearly-points-${i}`)
  }

  yearlyValue(i: number): Locator {
    return this.page.getByTestId(`voucher-yearly-value-${i}`)
  }

  /** Types into a number box and leaves it with Tab, as a keyboard user does. */
  async type(box: Locator, text: string) {
    await box.fill(text)
    await box.press('Tab')
  }
}
