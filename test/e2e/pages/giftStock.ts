import { expect, type Locator, type Page } from '@playwright/test'

/** What the gift form fills in; anything left out keeps the form's default. */
export interface GiftFields {
  code?: string
  name?: string
  points?: number
  costYuan?: string
  reorder?: number
  /** yyyy-MM-dd, both ends */
  window?: [string, string]
  maxBalance?: number
}

/** 礼品库存 → 库存: the gift form, 发放, 盘点 and the gift drawer with its movements. */
export class GiftStockPage {
  readonly form: Locator
  readonly drawer: Locator
  readonly moves: Locator
  readonly totalValue: Locator

  constructor(readonly page: Page) {
    this.form = page.getByTestId('gift-form')
    this.drawer = page.getByTestId('gift-drawer')
    this.moves = page.getByTestId('gift-move-row')
    this.totalValue = page.getByTestId('gift-stock-total-value')
  }

  row(code: string): Locator {
    return this.page.getByTestId(`gift-stock-${code}`)
  }

  private async typeNumber(testid: string, value: number | string) {
    const input = this.form.getByTestId(testid).locator('input')
    await input.fill(String(value))
    await input.blur()
  }

  /** 新增礼品: opens the empty form with the cursor in 礼品编码. */
  async openNew() {
    await this.page.getByTestId('gift-new').click()
    await expect(this.form).toBeVisible()
    await expect(this.form.getByTestId('gift-form-code').locator('input')).toBeFocused()
  }

  /** 更多 → 编辑 on a row: the form opens with the code fixed and the cursor in 礼品名称. */
  async openEdit(code: string) {
    await this.more(code, '编辑')
    await expect(this.form).toBeVisible()
    await expect(this.form.getByTestId('gift-form-code').locator('input')).toBeDisabled()
    await expect(this.form.getByTestId('gift-form-name').locator('input')).toBeFocused()
  }

  async fill(f: GiftFields) {
    if (f.code !== undefined) await this.form.getByTestId('gift-form-code').locator('input').fill(f.code)
    if (f.name !== undefined) await this.form.getByTestId('gift-form-name').locator('input').fill(f.name)
    if (f.costYuan !== undefined) await this.typeNumber('gift-form-cost', f.costYuan)
    if (f.points !== undefined) await this.typeNumber('gift-form-points', f.points)
    if (f.reorder !== undefined) await this.typeNumber('gift-form-reorder', f.reorder)
    if (f.maxBalance !== undefined) await this.typeNumber('gift-form-max-balance', f.maxBalance)
    if (f.window) {
      // The range picker's two boxes take typed dates; its panel's 确认 sets the range.
      const inputs = this.form.getByTestId('gift-form-window').locator('input')
      await inputs.nth(0).click()
      await inputs.nth(0).fill(f.window[0])
      await inputs.nth(1).fill(f.window[1])
      await this.page.locator('.n-date-panel-actions').getByRole('button', { name: '确认' }).click()
      await expect(this.page.locator('.n-date-panel')).toHaveCount(0)
    }
  }

  /** 选择照片: main's open dialog answers with `file` (scripted by the test). */
  async pickPhoto() {
    await this.form.getByTestId('gift-form-photo-pick').click()
    await expect(this.form.getByTestId('gift-form-photo-preview')).toBeVisible()
  }

  async save() {
    await this.form.getByTestId('gift-form-save').click()
    await expect(this.form).toHaveCount(0)
  }

  /** Picks an entry of a row's 更多 menu (盘点 / 编辑 / 明细). */
  async more(code: string, label: '盘点' | '编辑' | '明细') {
    await this.row(code).getByTestId('gift-stock-more').click()
    await this.page.locator('.n-dropdown-option').filter({ hasText: label }).click()
  }

  /** 发放 on a row: purpose, quantity and the member's card, read back before saving. */
  async issue(code: string, purpose: string, quantity: number, card?: { cardNo: string; name: string }) {
    await this.row(code).getByTestId('gift-stock-issue').click()
    const dialog = this.page.getByTestId('gift-issue-dialog')
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('gift-issue-purpose').click()
    await this.page.locator('.n-base-select-option').filter({ hasText: purpose }).click()
    const qty = dialog.getByTestId('gift-issue-quantity').locator('input')
    await qty.fill(String(quantity))
    await qty.blur()
    if (card) {
      await dialog.getByTestId('card-lookup').locator('input').fill(card.cardNo)
      await expect(dialog.getByTestId('card-lookup-hit')).toContainText(card.name)
    }
    await dialog.getByTestId('gift-issue-save').click()
    await expect(dialog).toHaveCount(0)
  }

  /** 更多 → 盘点: types the count, checks the difference shown, then saves with the reason. */
  stocktakeDialog(): Locator {
    return this.page.getByTestId('gift-stocktake-dialog')
  }

  async startStocktake(code: string, counted: number, expectDifference: string | RegExp) {
    await this.more(code, '盘点')
    const dialog = this.stocktakeDialog()
    await expect(dialog).toBeVisible()
    const input = dialog.getByTestId('gift-stocktake-counted').locator('input')
    await input.fill(String(counted))
    await input.blur()
    await expect(dialog.getByTestId('gift-stocktake-difference')).toHaveText(expectDifference)
  }

  async finishStocktake(reason: string) {
    const dialog = this.stocktakeDialog()
    await dialog.getByTestId('gift-stocktake-reason').locator('input').fill(reason)
    await dialog.getByTestId('gift-stocktake-save').click()
    await expect(dialog).toHaveCount(0)
  }

  /** A click on the row opens the gift drawer. */
  async openDrawer(code: string, name: string) {
    await this.row(code).locator('td').first().click()
    await expect(this.drawer.getByTestId('gift-drawer-name')).toHaveText(name)
  }

  async closeDrawer() {
    await this.page.keyboard.press('Escape')
    await expect(this.drawer).toBeHidden()
  }
}
