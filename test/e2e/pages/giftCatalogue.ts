import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'
import { forWork, PDF_RENDER, PRINT_RUN } from '../support/timeouts'

/** 礼品库存 → 礼品册: the validity period, the preview of the printed pages, print and save. */
export class GiftCataloguePage {
  readonly view: Locator
  readonly count: Locator
  readonly preview: FrameLocator
  readonly previewFrame: Locator
  readonly empty: Locator
  readonly printButton: Locator
  readonly saveButton: Locator
  readonly saved: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('gifts-catalogue')
    this.count = page.getByTestId('catalogue-count')
    this.previewFrame = page.getByTestId('catalogue-preview')
    this.preview = page.frameLocator('[data-testid="catalogue-preview"]')
    this.empty = page.getByTestId('catalogue-empty')
    this.printButton = page.getByTestId('catalogue-print')
    this.saveButton = page.getByTestId('catalogue-save')
    this.saved = page.getByTestId('catalogue-saved')
  }

  /** From anywhere in the app: 礼品库存, then its 礼品册 tab. */
  async open() {
    await this.page.getByTestId('nav-gifts').click()
    await this.page.getByTestId('gifts-tab-catalogue').click()
    await expect(this.view).toBeVisible()
  }

  /** A gift's card in the previewed pages. */
  card(name: string): Locator {
    return this.preview.locator('.card', { hasText: name })
  }

  /** 保存为 PDF: the result line naming the file appears once the PDF is written. */
  async save() {
    await this.saveButton.click()
    await expect(this.saved).toBeVisible(forWork(PDF_RENDER))
  }

  /** 打印: the button counts the runs that reached the printer (data-result 已打印 N). */
  async print() {
    const before = Number((await this.printButton.getAttribute('data-result'))?.replace(/\D/g, '') || 0)
    await this.printButton.click()
    await expect(this.printButton).toHaveAttribute('data-result', `已打印 ${before + 1}`, forWork(PRINT_RUN))
  }
}
