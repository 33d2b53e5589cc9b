import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'
import { forWork, PDF_RENDER } from '../support/timeouts'

/** 高端VIP维护 → 月度评比: the month, the ranked table, the chart, the report preview, print and save. */
export class CareLeaguePage {
  readonly view: Locator
  readonly month: Locator
  readonly verdict: Locator
  readonly table: Locator
  readonly chart: Locator
  readonly preview: FrameLocator
  readonly saveButton: Locator
  readonly printButton: Locator
  readonly saved: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('care-league')
    this.month = page.getByTestId('league-month')
    this.verdict = page.getByTestId('league-verdict')
    this.table = page.getByTestId('league-table')
    this.chart = page.getByTestId('league-chart')
    this.preview = page.frameLocator('[data-testid="league-preview"]')
    this.saveButton = page.getByTestId('league-save')
    this.printButton = page.getByTestId('league-print')
    this.saved = page.getByTestId('league-saved')
  }

  async open() {
    await this.page.getByTestId('nav-care').click()
    await this.page.getByTestId('care-tab-league').click()
    await expect(this.view).toBeVisible()
  }

  /** One ranked row's cells as the meeting reads them. */
  row(rank: number) {
    const r = this.page.getByTestId(`league-row-${rank}`)
    return {
      staff: r.getByTestId('league-staff'),
      vips: r.getByTestId('league-vips'),
      purchases: r.getByTestId('league-purchases'),
      average: r.getByTestId('league-average'),
      rank: r.getByTestId('league-rank'),
    }
  }

  async showReport() {
    await this.page.getByTestId('league-tab-report').click()
  }

  /** 保存为 PDF: the result line naming the file appears once the PDF is written. */
  async save() {
    await this.saveButton.click()
    await expect(this.saved).toBeVisible(forWork(PDF_RENDER))
  }
}

/** 高端VIP维护 → 生日蛋糕: next month's list, scheduling and recording a delivery. */
export class CakeListPage {
  readonly view: Locator
  readonly total: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('care-cakes')
    this.total = page.getByTestId('cake-total')
  }

  async open() {
    await this.page.getByTestId('nav-care').click()
    await this.page.getByTestId('care-tab-cakes').click()
    await expect(this.view).toBeVisible()
  }

  row(cardNo: string): Locator {
    return this.page.getByTestId(`cake-row-${cardNo}`)
  }

  names(): Locator {
    return this.page.getByTestId('cake-name')
  }

  status(cardNo: string): Locator {
    return this.row(cardNo).getByTestId('cake-status')
  }

  /** 安排: the birthday at 15:00 is proposed; picks the deliverer by name. */
  async schedule(cardNo: string, deliverer: string) {
    await this.row(cardNo).getByTestId('cake-schedule').click()
    const dialog = this.page.getByTestId('cake-schedule-dialog')
    await dialog.getByTestId('cake-schedule-deliverer').click()
    await this.page.locator('.n-base-select-option', { hasText: deliverer }).click()
    await dialog.getByTestId('cake-schedule-save').click()
    await expect(dialog).toBeHidden()
  }

  /** 登记送达 with the proposed cake and flowers; returns the dialog for a refusal to be read. */
  async deliver(cardNo: string) {
    await this.row(cardNo).getByTestId('cake-deliver').click()
    const dialog = this.page.getByTestId('cake-deliver-dialog')
    await expect(dialog.getByTestId('cake-deliver-cost')).not.toHaveText(/^0\.00/)
    await dialog.getByTestId('cake-deliver-save').click()
    return dialog
  }
}
