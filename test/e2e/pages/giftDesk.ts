import { expect, type Locator, type Page } from '@playwright/test'

/** 礼品库存 → 兑换台 and 库存: find the member, pick gifts and quantities, redeem; the stock table. */
export class GiftDeskPage {
  readonly view: Locator
  readonly desk: Locator
  readonly empty: Locator
  readonly search: Locator
  readonly hits: Locator
  readonly memberName: Locator
  readonly memberPoints: Locator
  readonly total: Locator
  readonly redeemButton: Locator
  readonly confirmButton: Locator
  readonly refused: Locator
  readonly last: Locator
  readonly lastAfter: Locator
  readonly stock: Locator
  readonly stockEmpty: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('gifts-view')
    this.desk = page.getByTestId('gifts-desk')
    this.empty = page.getByTestId('gifts-desk-empty')
    this.search = page.getByTestId('member-search')
    this.hits = page.getByTestId('member-search-hit')
    this.memberName = page.getByTestId('desk-member-name')
    this.memberPoints = page.getByTestId('desk-member-points')
    this.total = page.getByTestId('gifts-desk-total')
    this.redeemButton = page.getByTestId('gifts-redeem')
    this.confirmButton = page.getByTestId('gifts-redeem-confirm')
    this.refused = page.getByTestId('gifts-desk-refused')
    this.last = page.getByTestId('gifts-desk-last')
    this.lastAfter = page.getByTestId('gifts-desk-last-after')
    this.stock = page.getByTestId('gifts-stock')
    this.stockEmpty = page.getByTestId('gift-stock-empty')
  }

  /** From anywhere in the app: 礼品库存 opens on its first tab, 兑换台. */
  async open() {
    await this.page.getByTestId('nav-gifts').click()
    await expect(this.desk).toBeVisible()
  }

  async openStock() {
    await this.page.getByTestId('gifts-tab-stock').click()
    await expect(this.stock).toBeVisible()
  }

  /** Types what the member says and picks the hit for `name` with Enter. */
  async findMember(query: string, name: string) {
    await this.search.fill(query)
    await expect(this.hits.filter({ hasText: name })).toHaveCount(1)
    await this.search.press('Enter')
    await expect(this.memberName).toHaveText(name)
  }

  /** A gift the member can take now: its row in the offer. */
  offer(code: string): Locator {
    return this.page.getByTestId(`gift-offer-${code}`)
  }

  offerOnHand(code: string): Locator {
    return this.offer(code).getByTestId('gift-offer-onhand')
  }

  /** A gift the member cannot take now, with its reason. */
  refusedReason(code: string): Locator {
    return this.page.getByTestId(`gift-refused-${code}`).getByTestId('gift-refused-reason')
  }

  async setQuantity(code: string, qty: number) {
    const input = this.offer(code).getByTestId('gift-offer-qty').locator('input')
    await input.fill(String(qty))
    await input.blur()
  }

  /** 兑换, then 确认兑换 in the dialog that reads back the points before and after. */
  async redeem(expectConfirm: RegExp) {
    await this.redeemButton.click()
    await expect(this.page.locator('.n-dialog')).toContainText(expectConfirm)
    await this.confirmButton.click()
    await expect(this.page.locator('.n-dialog')).toHaveCount(0)
  }

  /** 新增礼品: a redemption gift with its points price; it starts with no stock. */
  async addGift(code: string, name: string, points: number) {
    await this.page.getByTestId('gift-new').click()
    const dialog = this.page.getByTestId('gift-form')
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('gift-form-code').locator('input').fill(code)
    await dialog.getByTestId('gift-form-name').locator('input').fill(name)
    const price = dialog.getByTestId('gift-form-points').locator('input')
    await price.fill(String(points))
    await price.blur()
    await dialog.getByTestId('gift-form-save').click()
    await expect(dialog).toHaveCount(0)
  }

  /** 入库 on a gift's row: quantity, unit cost in 元, supplier. */
  async receive(code: string, quantity: number, unitCostYuan: string, supplier: string) {
    await this.page.getByTestId(`gift-stock-${code}`).getByTestId('gift-stock-receive').click()
    const dialog = this.page.getByTestId('gift-receive-dialog')
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('gift-receive-quantity').locator('input').fill(String(quantity))
    const cost = dialog.getByTestId('gift-receive-cost').locator('input')
    await cost.fill(unitCostYuan)
    await cost.blur()
    await dialog.getByTestId('gift-receive-supplier').locator('input').fill(supplier)
    await dialog.getByTestId('gift-receive-save').click()
    await expect(dialog).toHaveCount(0)
  }

  stockOnHand(code: string): Locator {
    return this.page.getByTestId(`gift-stock-${code}`).getByTestId('gift-stock-onhand')
  }
}
