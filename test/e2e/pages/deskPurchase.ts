import { expect, type Locator, type Page } from '@playwright/test'

/** 消费积分 → 录入消费: find the member, key in one purchase, see its points before saving. */
export class DeskPurchasePage {
  readonly view: Locator
  readonly empty: Locator
  readonly search: Locator
  readonly hits: Locator
  readonly memberName: Locator
  readonly memberPoints: Locator
  readonly amount: Locator
  readonly originalReceipt: Locator
  readonly department: Locator
  readonly counter: Locator
  readonly receipt: Locator
  readonly time: Locator
  readonly previewPoints: Locator
  readonly previewExplain: Locator
  readonly previewError: Locator
  readonly save: Locator
  readonly last: Locator
  readonly lastBalance: Locator
  readonly lastReceipt: Locator
  readonly voucherInput: Locator
  readonly vouchers: Locator
  readonly voucherRefusal: Locator
  readonly lastVouchers: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('desk-view')
    this.empty = page.getByTestId('desk-empty')
    this.search = page.getByTestId('member-search')
    this.hits = page.getByTestId('member-search-hit')
    this.memberName = page.getByTestId('desk-member-name')
    this.memberPoints = page.getByTestId('desk-member-points')
    this.amount = page.getByTestId('desk-amount')
    this.originalReceipt = page.getByTestId('desk-originalReceiptNo')
    this.department = page.getByTestId('desk-department')
    this.counter = page.getByTestId('desk-counter')
    this.receipt = page.getByTestId('desk-receiptNo')
    this.time = page.getByTestId('desk-time').locator('input')
    this.previewPoints = page.getByTestId('desk-preview-points')
    this.previewExplain = page.getByTestId('desk-preview-explain')
    this.previewError = page.getByTestId('desk-preview-error')
    this.save = page.getByTestId('desk-save')
    this.last = page.getByTestId('desk-last')
    this.lastBalance = page.getByTestId('desk-last-balance')
    this.lastReceipt = page.getByTestId('desk-last-receipt')
    this.voucherInput = page.getByTestId('desk-voucher-input')
    this.vouchers = page.getByTestId('desk-voucher')
    this.voucherRefusal = page.getByTestId('desk-voucher-refusal')
    this.lastVouchers = page.getByTestId('desk-last-vouchers')
  }

  /** From anywhere in the app: the 消费积分 job opens on its first tab, 录入消费. */
  async open() {
    await this.page.getByTestId('nav-points').click()
    await expect(this.view).toBeVisible()
  }

  /** 用券: types (or a scanner types) the number and Enter; the voucher or its refusal shows. */
  async scanVoucher(no: string) {
    await this.voucherInput.fill(no)
    await this.voucherInput.press('Enter')
    await expect(this.voucherInput).toHaveValue('')
  }

  /** Types what the member says (phone tail, card, name) and picks the hit for `name` with Enter. */
  async findMember(query: string, name: string) {
    await this.search.fill(query)
    await expect(this.hits.filter({ hasText: name })).toHaveCount(1)
    await this.search.press('Enter')
    await expect(this.memberName).toHaveText(name)
  }

  /** A purchase made earlier: the picker takes the typed yyyy-MM-dd HH:mm when it loses focus. */
  async setTime(text: string) {
    await this.time.click()
    await this.time.fill(text)
    await this.time.press('Enter')
    await this.page.keyboard.press('Escape')
    await expect(this.time).toHaveValue(text)
  }
}

/** The member drawer's 消费记录 and 积分明细 tabs, and the 调整积分 dialog. */
export class MemberPointsTabs {
  readonly purchases: Locator
  readonly purchaseRows: Locator
  readonly ledgerRows: Locator
  readonly balance: Locator
  readonly adjust: Locator
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.purchases = page.getByTestId('member-purchases')
    this.purchaseRows = page.getByTestId('member-purchase-row')
    this.ledgerRows = page.getByTestId('ledger-row')
    this.balance = page.getByTestId('ledger-balance')
    this.adjust = page.getByTestId('ledger-adjust')
    this.dialog = page.getByTestId('adjust-dialog')
  }

  async tab(which: 'purchases' | 'points' | 'tiers') {
    await this.page.getByTestId(`member-tab-${which}`).click()
  }

  /** 调整积分 as an admin or planner; a missing reason is refused in the dialog. */
  async adjustPoints(direction: 'add' | 'deduct', points: number, reason: string) {
    await this.adjust.click()
    await expect(this.dialog).toBeVisible()
    await this.page.getByTestId(direction === 'add' ? 'adjust-add' : 'adjust-deduct').click()
    await this.page.getByTestId('adjust-points').fill(String(points))
    await this.page.getByTestId('adjust-reason').fill(reason)
    await this.page.getByTestId('adjust-confirm').click()
  }

  feedback(): Locator {
    return this.dialog.locator('.n-form-item-feedback')
  }
}
