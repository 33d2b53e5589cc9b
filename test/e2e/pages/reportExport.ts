import { expect, type Locator, type Page } from '@playwright/test'

/** 仪表盘's exports: a chart card's 导出 menu and the 月度报告 dialog. */
export class ReportExportPage {
  readonly monthlyButton: Locator
  readonly monthly: Locator
  readonly monthlyPreview: Locator
  readonly monthlySave: Locator

  constructor(readonly page: Page) {
    this.monthlyButton = page.getByTestId('dashboard-monthly')
    this.monthly = page.getByTestId('monthly-report')
    this.monthlyPreview = page.getByTestId('monthly-preview')
    this.monthlySave = page.getByTestId('monthly-save')
  }

  /** Opens the chart card's 导出 menu and picks an entry (导出 Excel, 打印, 存为 PDF). */
  async exportChart(chart: string, entry: '导出 Excel' | '打印' | '存为 PDF') {
    await this.page.getByTestId(`chart-export-${chart}`).click()
    await this.page.locator('.n-dropdown-option').getByText(entry, { exact: true }).click()
  }

  /** The success message naming the written file. */
  toast(text: string): Locator {
    return this.page.locator('.n-message').filter({ hasText: text })
  }

  async openMonthly() {
    await this.monthlyButton.click()
    await expect(this.monthly).toBeVisible()
  }
}
