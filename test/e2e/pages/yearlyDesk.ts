import { expect, type Locator, type Page } from '@playwright/test'

/** 礼品库存 → 年度兑换: the VIP room's queue desk for turning points into vouchers. */
export class YearlyDeskPage {
  readonly desk: Locator
  readonly card: Locator
  readonly memberName: Locator
  readonly memberPoints: Locator
  readonly chosen: Locator
  readonly left: Locator
  readonly confirmButton: Locator
  readonly refused: Locator
  readonly last: Locator
  readonly lastAfter: Locator
  readonly lastNos: Locator
  readonly empty: Locator
  readonly closed: Locator
  readonly progressMembers: Locator
  readonly progressValue: Locator

  constructor(readonly page: Page) {
    this.desk = page.getByTestId('yearly-desk')
    this.card = page.getByTestId('yearly-card')
    this.memberName = page.getByTestId('yearly-member-name')
    this.memberPoints = page.getByTestId('yearly-member-points')
    this.chosen = page.getByTestId('yearly-chosen')
    this.left = page.getByTestId('yearly-left')
    this.confirmButton = page.getByTestId('yearly-confirm')
    this.refused = page.getByTestId('yearly-refused')
    this.last = page.getByTestId('yearly-last')
    this.lastAfter = page.getByTestId('yearly-last-after')
    this.lastNos = page.getByTestId('yearly-last-nos')
    this.empty = page.getByTestId('yearly-empty')
    this.closed = page.getByTestId('yearly-closed')
    this.progressMembers = page.getByTestId('yearly-progress-members')
    this.progressValue = page.getByTestId('yearly-progress-value')
  }

  async open() {
    await this.page.getByTestId('nav-gifts').click()
    await this.page.getByTestId('gifts-tab-yearly').click()
    await expect(this.desk).toBeVisible()
    await expect(this.card).toBeFocused()
  }

  /** What a scanner does: the card number and Enter, typed into the focused field. */
  async scan(cardNo: string) {
    await expect(this.card).toBeFocused()
    await this.page.keyboard.type(cardNo)
    await this.page.keyboard.press('Enter')
  }

  count(valueFen: number): Locator {
    return this.page.getByTestId(`yearly-count-${valueFen}`)
  }

  most(valueFen: number): Locator {
    return this.page.getByTestId(`yearly-most-${valueFen}`)
  }

  plus(valueFen: number): Locator {
    return this.page.getByTestId(`yearly-plus-${valueFen}`)
  }

  minus(valueFen: number): Locator {
    return this.page.getByTestId(`yearly-minus-${valueFen}`)
  }
}
