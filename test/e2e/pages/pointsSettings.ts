import { expect, type Locator, type Page } from '@playwright/test'

/** 设置 → 积分规则: the earning rules and expiry policy, a plain-Chinese summary and the 试算 box. */
export class PointsSettingsPage {
  readonly root: Locator
  readonly readOnlyNote: Locator
  readonly save: Locator
  readonly perYuan: Locator
  readonly memberDaysMultiplier: Locator
  readonly trialAmount: Locator
  readonly trialDate: Locator
  readonly trialResult: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('points-settings')
    this.readOnlyNote = page.getByTestId('points-settings-readonly')
    this.save = page.getByTestId('points-settings-save')
    this.perYuan = page.getByTestId('points-per-yuan')
    this.memberDaysMultiplier = page.getByTestId('member-days-multiplier')
    this.trialAmount = page.getByTestId('points-trial-amount')
    this.trialDate = page.getByTestId('points-trial-date').locator('input')
    this.trialResult = page.getByTestId('points-trial-result')
  }

  /** One line of the 现行规则一览 (base, memberDays, rewardWeek, birthday, combine, expiry …). */
  rule(key: string): Locator {
    return this.page.getByTestId(`points-rule-${key}`)
  }

  async open() {
    await this.page.getByTestId('nav-settings').click()
    await this.page.getByTestId('settings-tab-points').click()
    await expect(this.root).toBeVisible()
    await expect(this.perYuan).toBeVisible()
  }

  /** 添加活动: a name and a date range typed into the new row (the multiplier stays × 2). */
  async addCampaign(name: string, from: string, to: string) {
    await this.page.getByTestId('campaign-add').click()
    const row = this.page.getByTestId('campaign-row').last()
    await row.locator('input').nth(0).fill(name)
    const start = row.locator('.n-date-picker input').nth(0)
    const end = row.locator('.n-date-picker input').nth(1)
    await start.fill(from)
    await end.fill(to)
    await end.press('Enter')
  }

  /** Types a date into the 试算 date box and confirms it with Enter. */
  async trialOn(amount: string, day: string) {
    await this.trialAmount.fill(amount)
    await this.trialDate.fill(day)
    await this.trialDate.press('Enter')
  }
}
