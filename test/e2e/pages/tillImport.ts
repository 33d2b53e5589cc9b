import { expect, type Locator, type Page } from '@playwright/test'
import { forWork, IMPORT } from '../support/timeouts'
import { issueRows, type ImportIssueRow } from './importWizard'

/** 消费积分 → 导入小票: pick a till file, check the preview, import, read the result. */
export class TillImportPage {
  readonly root: Locator
  readonly pick: Locator
  readonly total: Locator
  readonly willInsert: Locator
  readonly already: Locator
  readonly rejectedRows: Locator
  readonly nothingNew: Locator
  readonly rejected: Locator
  readonly sample: Locator
  readonly commit: Locator
  readonly cancel: Locator
  readonly result: Locator
  readonly inserted: Locator
  readonly skipped: Locator
  readonly notImported: Locator
  readonly again: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('till-import')
    this.pick = page.getByTestId('till-import-pick')
    this.total = page.getByTestId('till-total')
    this.willInsert = page.getByTestId('till-will-insert')
    this.already = page.getByTestId('till-already')
    this.rejectedRows = page.getByTestId('till-rejected-rows')
    this.nothingNew = page.getByTestId('till-nothing-new')
    this.rejected = this.root.getByTestId('import-rejected')
    this.sample = page.getByTestId('till-sample')
    this.commit = page.getByTestId('till-commit')
    this.cancel = page.getByTestId('till-cancel')
    this.result = page.getByTestId('till-result')
    this.inserted = page.getByTestId('till-inserted')
    this.skipped = page.getByTestId('till-skipped')
    this.notImported = page.getByTestId('till-not-imported')
    this.again = page.getByTestId('till-again')
  }

  /** From anywhere in the app: 消费积分, then the 导入小票 tab. */
  async open() {
    await this.page.getByTestId('nav-points').click()
    await this.page.getByTestId('points-tab-import').click()
    await expect(this.pick).toBeVisible()
  }

  /** The 表格行 / 列 / 原因 table as plain rows. */
  rejectedTable(): Promise<ImportIssueRow[]> {
    return issueRows(this.rejected)
  }

  /** A table's column headings, left to right. */
  headings(table: Locator): Promise<string[]> {
    return table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''))
  }

  /** 选择文件: main's open dialog (scripted first) answers; the preview's counts show once the file is read. */
  async pickAndWait() {
    await this.pick.click()
    await expect(this.total).toBeVisible(forWork(IMPORT))
  }

  /** 导入: the result's counts show once every receipt is in the database with its points. */
  async commitAndWait() {
    await this.commit.click()
    await expect(this.result).toBeVisible(forWork(IMPORT))
  }
}
