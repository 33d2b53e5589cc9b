import { expect, type Locator, type Page } from '@playwright/test'

/** 唤醒活动: the planners' campaigns (新建活动, 分配, 报告) and a caller's 我的回访. */
export class CampaignsPage {
  readonly list: Locator
  readonly rows: Locator
  readonly wizard: Locator
  readonly previewMembers: Locator
  readonly mine: Locator
  readonly callRows: Locator
  readonly panel: Locator
  readonly reportRows: Locator

  constructor(readonly page: Page) {
    this.list = page.getByTestId('campaigns-list')
    this.rows = page.getByTestId('campaign-row')
    this.wizard = page.getByTestId('campaign-create')
    this.previewMembers = page.getByTestId('campaign-preview-members')
    this.mine = page.getByTestId('campaigns-mine')
    this.callRows = page.getByTestId('my-call-row')
    this.panel = page.getByTestId('call-panel')
    this.reportRows = page.getByTestId('campaign-report-row')
  }

  async tab(name: 'mine' | 'list') {
    await this.page.getByTestId(`campaigns-tab-${name}`).click()
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="campaign-row"][data-campaign="${name}"]`)
  }

  /** 新建活动: the segment's first step as given, then the name (and a voucher kind), then 创建. */
  async create(
    name: string,
    opts: { sleepingMonths: number; voucher?: string; onSegment?: () => Promise<void> },
  ): Promise<number> {
    await this.page.getByTestId('campaign-new').click()
    await expect(this.wizard).toBeVisible()
    const months = this.page.getByTestId('campaign-sleeping').locator('input')
    await months.fill(String(opts.sleepingMonths))
    await months.blur()
    await expect(this.previewMembers).toHaveText(/^[1-9][\d,]*$/)
    const members = Number((await this.previewMembers.textContent())!.replace(/,/g, ''))
    await opts.onSegment?.()
    await this.page.getByTestId('campaign-next').click()
    await this.page.getByTestId('campaign-name').locator('input').fill(name)
    if (opts.voucher) {
      await this.page.getByTestId('campaign-voucher').click()
      await this.page.locator('.n-base-select-option', { hasText: opts.voucher }).click()
    }
    await this.page.getByTestId('campaign-submit').click()
    await expect(this.wizard).toBeHidden()
    await expect(this.row(name)).toBeVisible()
    return members
  }

  async split(name: string, staff: string[]) {
    await this.row(name).getByTestId('campaign-split-open').click()
    const dialog = this.page.getByTestId('campaign-split')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByTestId('campaign-split-open')).toBeVisible()
    for (const s of staff) {
      await this.page.getByTestId('campaign-split-staff').click()
      await this.page.locator('.n-base-select-option', { hasText: s }).click()
    }
    // A multiple select keeps its menu open over the buttons: close it by clicking the text above.
    await dialog.getByTestId('campaign-split-open').click()
    await expect(this.page.locator('.n-base-select-menu')).toBeHidden()
    await this.page.getByTestId('campaign-split-submit').click()
    await expect(dialog).toBeHidden()
  }

  async openReport(name: string) {
    await this.row(name).getByTestId('campaign-report-open').click()
    await expect(this.page.getByTestId('campaign-report')).toBeVisible()
  }

  reportRow(caller: string): Locator {
    return this.page.locator(`[data-testid="campaign-report-row"][data-caller="${caller}"]`)
  }
}
