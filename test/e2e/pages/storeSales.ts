import { expect, type Locator, type Page } from '@playwright/test'
import { forWork, IMPORT } from '../support/timeouts'
import { Shell } from './shell'

/** 报表 → 全店销售: the year's grid of store sales per month and department, and its import. */
export class StoreSalesPage {
  readonly root: Locator
  readonly grid: Locator
  readonly empty: Locator
  readonly importButton: Locator
  readonly errors: Locator
  readonly total: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('store-sales-view')
    this.grid = page.getByTestId('store-sales-grid')
    this.empty = page.getByTestId('store-sales-empty')
    this.importButton = page.getByTestId('store-sales-import')
    this.errors = page.getByTestId('store-sales-import-errors')
    this.total = page.getByTestId('store-sales-total')
  }

  /** Through the sidebar and the 报表 tabs, as a planner gets there. */
  async open() {
    await new Shell(this.page).open('reports')
    await this.page.getByTestId('reports-tab-store-sales').click()
    await expect(this.root).toBeVisible()
  }

  cell(month: string, department: string): Locator {
    return this.page.getByTestId(`store-sales-cell-${month}-${department}`)
  }

  monthTotal(month: string): Locator {
    return this.page.getByTestId(`store-sales-total-${month}`)
  }

  /** Clicks the cell, types 元 and presses Enter; waits for the figure to show. */
  async enter(month: string, department: string, yuan: string, shown: string) {
    await this.cell(month, department).click()
    const input = this.page.getByTestId('store-sales-input').locator('input')
    await expect(input).toBeFocused()
    await input.fill(yuan)
    await input.press('Enter')
    await expect(this.cell(month, department)).toHaveText(shown)
  }

  /**
   * 导入…: main's open dialog (scripted first) answers and the file is read and saved; the button
   * then says how the import ended in data-result: the file's name, 未导入 (refused) or 已取消.
   * `outcome` must differ from the previous import's, or there would be nothing to wait for.
   */
  async importAndWait(outcome: string) {
    await this.importButton.click()
    await expect(this.importButton).toHaveAttribute('data-result', outcome, forWork(IMPORT))
  }

  /** The refused file's problems as {row, column, reason}. */
  async errorRows(): Promise<{ row: number; column: string; reason: string }[]> {
    const rows = this.errors.locator('tbody tr')
    return (
      await rows.evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')),
      )
    ).map(([row, column, reason]) => ({ row: Number(row), column: column!, reason: reason! }))
  }
}
