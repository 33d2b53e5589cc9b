import { expect, type Locator, type Page } from '@playwright/test'
import { EXPORT, forWork, IMPORT } from '../support/timeouts'
import { issueRows, type ImportIssueRow } from './importWizard'

/** 礼品库存 → 月报: the month's figures, tables and chart, and its Excel. */
export class GiftReportPage {
  readonly root: Locator
  readonly redemptions: Locator
  readonly points: Locator
  readonly cost: Locator
  readonly stock: Locator
  readonly empty: Locator
  readonly categoryChart: Locator
  readonly purposeChart: Locator
  readonly exportButton: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('gift-report')
    this.redemptions = page.getByTestId('gift-report-redemptions')
    this.points = page.getByTestId('gift-report-points')
    this.cost = page.getByTestId('gift-report-cost')
    this.stock = page.getByTestId('gift-report-stock')
    this.empty = page.getByTestId('gift-report-empty')
    this.categoryChart = page.getByTestId('gift-report-category-chart').locator('canvas')
    this.purposeChart = page.getByTestId('gift-report-purpose-chart').locator('canvas')
    this.exportButton = page.getByTestId('gift-report-export')
  }

  /** From anywhere in the app: 礼品库存, then the 月报 tab. */
  async open() {
    await this.page.getByTestId('nav-gifts').click()
    await this.page.getByTestId('gifts-tab-report').click()
    await expect(this.root).toBeVisible()
  }

  /**
   * 导出 Excel: main's save dialog (scripted first) answers with `file`; the button carries the
   * written file in data-result once the workbook is on disk.
   */
  async exportTo(file: string) {
    await this.exportButton.click()
    await expect(this.exportButton).toHaveAttribute('data-result', file, forWork(EXPORT))
  }

  category(key: string): Locator {
    return this.page.getByTestId(`gift-report-category-${key}`)
  }

  purpose(key: string): Locator {
    return this.page.getByTestId(`gift-report-purpose-${key}`)
  }
}

/** 库存's 导入礼品 wizard and 导出 menu. */
export class GiftSheetsPage {
  readonly importButton: Locator
  readonly wizard: Locator
  readonly total: Locator
  readonly willInsert: Locator
  readonly rejectedRows: Locator
  readonly rejected: Locator
  readonly commit: Locator
  readonly cancel: Locator
  readonly result: Locator
  readonly inserted: Locator
  readonly close: Locator
  readonly exportButton: Locator
  readonly exportResult: Locator

  constructor(readonly page: Page) {
    this.importButton = page.getByTestId('gift-import')
    this.wizard = page.getByTestId('gift-import-wizard')
    this.total = page.getByTestId('gift-import-total')
    this.willInsert = page.getByTestId('gift-import-will-insert')
    this.rejectedRows = page.getByTestId('gift-import-rejected-rows')
    this.rejected = this.wizard.getByTestId('import-rejected')
    this.commit = page.getByTestId('gift-import-commit')
    this.cancel = page.getByTestId('gift-import-cancel')
    this.result = page.getByTestId('gift-import-result')
    this.inserted = page.getByTestId('gift-import-inserted')
    this.close = page.getByTestId('gift-import-close')
    this.exportButton = page.getByTestId('gift-export')
    this.exportResult = page.getByTestId('gift-export-result')
  }

  rejectedTable(): Promise<ImportIssueRow[]> {
    return issueRows(this.rejected)
  }

  /** 导入礼品: main's open dialog (scripted first) answers; the preview's counts show once the sheet is read. */
  async openImport() {
    await this.importButton.click()
    await expect(this.total).toBeVisible(forWork(IMPORT))
  }

  /** 导入: the result's counts show once every gift and its opening stock are in. */
  async commitAndWait() {
    await this.commit.click()
    await expect(this.result).toBeVisible(forWork(IMPORT))
  }

  /** Exports as Excel; the save dialog's answer must be scripted first. */
  async exportXlsx() {
    await this.exportButton.click()
    await this.page.getByTestId('gift-export-xlsx').click()
    await expect(this.exportResult).toBeVisible(forWork(EXPORT))
  }
}
