import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'
import { forWork, PDF_RENDER, PRINT_RUN } from '../support/timeouts'

/** 生日关怀: the month's list, the print panel, the batches, costs and settings tabs. */
export class BirthdayMailPage {
  readonly month: Locator
  readonly counts: Locator
  readonly printOpen: Locator
  readonly panel: Locator
  readonly preview: FrameLocator
  readonly previewName: Locator
  readonly plan: Locator
  readonly refusal: Locator
  readonly reprint: Locator
  readonly batchTable: Locator

  constructor(readonly page: Page) {
    this.month = page.getByTestId('birthday-list')
    this.counts = page.getByTestId('birthday-counts')
    this.printOpen = page.getByTestId('birthday-print-open')
    this.panel = page.getByTestId('birthday-print-panel')
    this.preview = page.frameLocator('[data-testid="birthday-card-preview"]')
    this.previewName = page.getByTestId('birthday-preview-name')
    this.plan = page.getByTestId('birthday-plan')
    this.refusal = page.getByTestId('birthday-refusal')
    this.reprint = page.getByTestId('birthday-reprint')
    this.batchTable = page.getByTestId('batch-table')
  }

  async open() {
    await this.page.getByTestId('nav-birthday').click()
    await expect(this.month).toBeVisible()
  }

  async tab(name: 'month' | 'batches' | 'costs' | 'settings') {
    await this.page.getByTestId(`birthday-tab-${name}`).click()
  }

  /** The month picker's text as shown: 2026 年 12 月 */
  monthInput(): Locator {
    return this.page.getByTestId('birthday-month').locator('input')
  }

  async stepMonth(by: 'prev' | 'next') {
    await this.page.getByTestId(`birthday-${by}`).click()
  }

  /** Picks one option of a filter select by its text. */
  async filter(name: 'tier' | 'status' | 'sms' | 'mail' | 'hasAddress' | 'printed', option: string) {
    await this.page.getByTestId(`birthday-filter-${name}`).click()
    await this.page.locator('.n-base-select-option', { hasText: option }).first().click()
  }

  row(cardNo: string): Locator {
    return this.page.getByTestId(`birthday-row-${cardNo}`)
  }

  names(): Locator {
    return this.page.getByTestId('birthday-name')
  }

  async tick(cardNo: string) {
    await this.row(cardNo).locator('.n-checkbox').click()
  }

  cardStatus(cardNo: string): Locator {
    return this.row(cardNo).getByTestId('birthday-card')
  }

  async openPrint() {
    await this.printOpen.click()
    await expect(this.panel).toBeVisible()
  }

  async choose(design: 'folded-a5' | 'postcard', labels: 'none' | 'envelope' | '3x7' | '2x5', offset = 0) {
    await this.page.getByTestId(`birthday-design-${design}`).click()
    await this.page.getByTestId(`birthday-labels-${labels}`).click()
    if (offset) await this.page.getByTestId(`birthday-sheet-${offset}`).click()
  }

  /** 打印…: the panel closes once the run has gone to the printer and its batch is recorded. */
  async print() {
    await this.page.getByTestId('birthday-print').click()
    await expect(this.panel).toBeHidden(forWork(PRINT_RUN))
  }

  /** 另存为 PDF…: the panel closes once the cards' PDF is written and its batch is recorded. */
  async savePdf() {
    await this.page.getByTestId('birthday-save-pdf').click()
    await expect(this.panel).toBeHidden(forWork(PDF_RENDER))
  }

  async closePanel() {
    await this.page.keyboard.press('Escape')
    await expect(this.panel).toBeHidden()
  }

  batchRow(id: number): Locator {
    return this.page.getByTestId(`batch-row-${id}`)
  }

  async expandBatch(id: number) {
    await this.batchRow(id).locator('.n-data-table-expand-trigger').click()
    await expect(this.page.getByTestId(`batch-cards-${id}`)).toBeVisible()
  }

  batchCard(cardNo: string): Locator {
    return this.page.getByTestId(`batch-card-${cardNo}`)
  }

  /** Ticks cards in the open batch and marks them returned, confirming the address warning. */
  async markReturned(cardNos: string[]) {
    for (const c of cardNos) await this.batchCard(c).locator('.n-checkbox').click()
    await this.page.getByTestId('batch-mark-returned').click()
    await this.page.getByTestId('batch-return-confirm').click()
  }
}
