import { expect, type Locator, type Page } from '@playwright/test'

/** 高端VIP维护 → 我的VIP: a maintainer's VIPs, the 记录维护 dialog and a member's 维护记录. */
export class CareMinePage {
  readonly root: Locator
  readonly tabs: Locator
  readonly rows: Locator
  readonly staffPicker: Locator
  readonly unlinked: Locator
  readonly dialog: Locator
  readonly note: Locator
  readonly save: Locator
  readonly drawerLogRows: Locator
  readonly drawerMaintainers: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('care-mine')
    this.tabs = page.locator('[data-testid^="care-tab-"]')
    this.rows = page.getByTestId('my-vip-row')
    this.staffPicker = page.getByTestId('my-vips-staff')
    this.unlinked = page.getByTestId('my-vips-unlinked')
    this.dialog = page.getByTestId('contact-dialog')
    this.note = page.getByTestId('contact-note')
    this.save = page.getByTestId('contact-save')
    this.drawerLogRows = page.getByTestId('member-drawer').getByTestId('care-log-row')
    this.drawerMaintainers = page.getByTestId('member-drawer').getByTestId('care-log-maintainer')
  }

  row(cardNo: string): Locator {
    return this.page.locator(`[data-testid="my-vip-row"][data-card="${cardNo}"]`)
  }

  /** A planner looks at one maintainer's VIPs. */
  async pickStaff(label: string) {
    await this.staffPicker.click()
    await this.page.locator('.n-base-select-option', { hasText: label }).click()
  }

  async openLog(cardNo: string) {
    await this.row(cardNo).getByTestId('vip-log').click()
    await expect(this.dialog).toBeVisible()
  }

  async kind(kind: 'phone' | 'visit' | 'birthday' | 'gift' | 'other') {
    await this.page.getByTestId(`contact-kind-${kind}`).click()
  }
}
