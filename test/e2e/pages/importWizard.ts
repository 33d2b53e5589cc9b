import { expect, type Locator, type Page } from '@playwright/test'
import { forWork, IMPORT } from '../support/timeouts'

export interface ImportIssueRow {
  row: number
  column: string
  reason: string
}

/** A 表格行 / 列 / 原因 table (member or till import) as plain rows. */
export async function issueRows(table: Locator): Promise<ImportIssueRow[]> {
  const cells = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')))
  return cells.map(([row, column, reason]) => ({ row: Number(row), column: column ?? '', reason: reason ?? '' }))
}

/** 导入: the preview (counts, column mapping, rejected rows), then the result. */
export class ImportWizard {
  readonly root: Locator
  readonly total: Locator
  readonly valid: Locator
  readonly willInsert: Locator
  readonly willUpdate: Locator
  readonly rejectedRows: Locator
  readonly rejected: Locator
  readonly commit: Locator
  readonly result: Locator
  readonly inserted: Locator
  readonly updated: Locator
  readonly notImported: Locator
  readonly close: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-wizard')
    this.total = page.getByTestId('import-total')
    this.valid = page.getByTestId('import-valid')
    this.willInsert = page.getByTestId('import-will-insert')
    this.willUpdate = page.getByTestId('import-will-update')
    this.rejectedRows = page.getByTestId('import-rejected-rows')
    this.rejected = this.root.getByTestId('import-rejected')
    this.commit = page.getByTestId('import-commit')
    this.result = page.getByTestId('import-result')
    this.inserted = page.getByTestId('import-inserted')
    this.updated = page.getByTestId('import-updated')
    this.notImported = page.getByTestId('import-not-imported')
    this.close = page.getByTestId('import-close')
  }

  /** The 表格行 / 列 / 原因 table as plain rows. */
  rejectedTable(): Promise<ImportIssueRow[]> {
    return issueRows(this.rejected)
  }

  /** The file picked in main's open dialog (scripted first) is read and checked: the preview's counts show. */
  async waitForPreview() {
    await expect(this.total).toBeVisible(forWork(IMPORT))
  }

  /** 导入: the result's counts show once every row is in the database. */
  async commitAndWait() {
    await this.commit.click()
    await expect(this.result).toBeVisible(forWork(IMPORT))
  }

  async finish() {
    await this.close.click()
    await expect(this.root).toBeHidden()
  }
}
