import { expect, type Locator, type Page } from '@playwright/test'

/** 高端VIP维护 for planners: 维护人 (staff register), 高端名单, 自动分配 and 设置 › 维护设置. */
export class CareAssignPage {
  readonly staffRows: Locator
  readonly autoRows: Locator
  readonly loads: Locator
  readonly vipRows: Locator

  constructor(readonly page: Page) {
    this.staffRows = page.getByTestId('staff-table').locator('tbody tr')
    this.autoRows = page.getByTestId('auto-table').locator('tbody tr')
    this.loads = page.getByTestId('auto-loads').locator('tbody tr')
    this.vipRows = page.getByTestId('vip-table').locator('tbody tr')
  }

  async tab(name: 'staff' | 'vips' | 'auto') {
    await this.page.getByTestId(`care-tab-${name}`).click()
  }

  /** 设置 › 维护设置: how many members the high-value list holds. */
  async setListSize(top: number) {
    await this.page.getByTestId('settings-tab-care').click()
    const input = this.page.getByTestId('care-top').locator('input')
    await input.fill(String(top))
    await this.page.getByTestId('care-settings-save').click()
    await expect(this.page.getByText('维护设置已保存')).toBeVisible()
  }

  async addStaff(name: string, department: string, hireDate: string) {
    await this.page.getByTestId('staff-new').click()
    await expect(this.page.getByTestId('staff-form')).toBeVisible()
    await this.page.getByTestId('staff-name').fill(name)
    await this.page.getByTestId('staff-department').click()
    await this.page.locator('.n-base-select-option').getByText(department, { exact: true }).click()
    await this.page.getByTestId('staff-hire-date').fill(hireDate)
    await this.page.getByTestId('staff-hire-date').press('Enter')
    await expect(this.page.getByTestId('staff-form')).toBeHidden()
  }

  staffRow(name: string): Locator {
    return this.staffRows.filter({ has: this.page.getByTestId('staff-row-name').getByText(name, { exact: true }) })
  }

  loadRow(name: string): Locator {
    return this.loads.filter({ has: this.page.getByTestId('auto-load-name').getByText(name, { exact: true }) })
  }

  /** Picks another maintainer for one row of the proposal. */
  async changeRowStaff(row: Locator, name: string) {
    await row.getByTestId('auto-row-staff').click()
    await this.page.locator('.n-base-select-option', { hasText: name }).click()
  }
}
