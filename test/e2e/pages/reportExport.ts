import { expect, type Locator, type Page } from '@playwright/test'
import { EXPORT, forWork, PDF_RENDER, PRINT_RUN, REPORT } from '../support/timeouts'

type ChartExport = '导出 Excel' | '打印' | '存为 PDF'
const WORK: Record<ChartExport, number> = { '导出 Excel': EXPORT, 打印: PRINT_RUN, '存为 PDF': PDF_RENDER }

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

  /** A chart card's 导出 button; once an export returns it carries what was made in data-result. */
  exportButton(chart: string): Locator {
    return this.page.getByTestId(`chart-export-${chart}`)
  }

  /**
   * Opens the chart card's 导出 menu, picks an entry (导出 Excel, 打印, 存为 PDF) and waits for that
   * export to return: `result` is the file written (the save dialog's scripted answer) or 已打印 N.
   */
  async exportChart(chart: string, entry: ChartExport, result: string) {
    await this.exportButton(chart).click()
    await this.page.locator('.n-dropdown-option').getByText(entry, { exact: true }).click()
    await expect(this.exportButton(chart)).toHaveAttribute('data-result', result, forWork(WORK[entry]))
  }

  /** 月度报告: the dialog, with the month's report computed and previewed. */
  async openMonthly() {
    await this.monthlyButton.click()
    await expect(this.monthly).toBeVisible()
    await expect(this.monthlyPreview).toBeVisible(forWork(REPORT))
  }
}
