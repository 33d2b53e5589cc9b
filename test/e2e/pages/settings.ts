import { expect, type Locator, type Page } from '@playwright/test'
import type { Role } from '../../../db/rules/roles'
import { ROLE_LABELS } from '../../../db/rules/roles'

export type SettingsTab = 'store' | 'operators' | 'data' | 'audit' | 'departments'

/** 设置: tabs for 门店设置, 积分规则, 等级与有效期, 操作员, 数据与备份 and 操作日志, as the role allows. */
export class SettingsPage {
  readonly tabs: Locator
  readonly operatorRows: Locator
  readonly auditRows: Locator
  readonly storeSave: Locator

  constructor(readonly page: Page) {
    this.tabs = page.locator('[data-testid^="settings-tab-"]')
    this.operatorRows = page.getByTestId('operator-row')
    this.auditRows = page.getByTestId('audit-row')
    this.storeSave = page.getByTestId('store-save')
  }

  tab(name: SettingsTab): Locator {
    return this.page.getByTestId(`settings-tab-${name}`)
  }

  async open(name: SettingsTab) {
    await this.tab(name).click()
  }

  /** 操作日志: pick an operator or an action (by its words) in the filter bar. */
  async filterAudit(which: 'operator' | 'action', label: string) {
    await this.page.getByTestId(`audit-filter-${which}`).click()
    await this.page.locator('.n-base-select-option').getByText(label, { exact: true }).click()
  }

  /** 操作日志: a day range typed as 'YYYY-MM-DD' (store days, both ends included). */
  async filterAuditDays(from: string, to: string) {
    const inputs = this.page.getByTestId('audit-filter-days').locator('input')
    await inputs.nth(0).fill(from)
    await inputs.nth(1).fill(to)
    await inputs.nth(1).press('Enter')
  }

  /** 添加操作员 with a name, role and first password. */
  async addOperator(name: string, role: Role, password: string) {
    await this.page.getByTestId('operator-new').click()
    const dialog = this.page.getByTestId('operator-dialog')
    await expect(dialog).toBeVisible()
    await this.page.getByTestId('operator-form-name').fill(name)
    await this.page.getByTestId('operator-form-role').click()
    await this.page.locator('.n-base-select-option').getByText(ROLE_LABELS[role], { exact: true }).click()
    await this.page.getByTestId('operator-form-password').fill(password)
    await this.page.getByTestId('operator-save').click()
    await expect(dialog).toBeHidden()
    await expect(this.operatorRows.filter({ hasText: name })).toContainText(ROLE_LABELS[role])
  }
}
