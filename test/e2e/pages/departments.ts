import { expect, type Locator, type Page } from '@playwright/test'

/** 设置 → 课别与专柜: the one list of departments and their counters. */
export class DepartmentsPage {
  readonly view: Locator
  readonly newName: Locator

  constructor(readonly page: Page) {
    this.view = page.getByTestId('departments-settings')
    this.newName = page.getByTestId('department-new-name').locator('input')
  }

  department(name: string): Locator {
    return this.page.getByTestId(`department-${name}`)
  }

  /** Types a new 课别 and presses Enter, then each counter into its row with Enter. */
  async add(name: string, counters: string[]) {
    await this.newName.fill(name)
    await this.newName.press('Enter')
    await expect(this.department(name)).toBeVisible()
    const box = this.page.getByTestId(`counter-new-${name}`).locator('input')
    for (const c of counters) {
      await box.fill(c)
      await box.press('Enter')
      await expect(this.department(name).getByTestId(`counter-${c}`)).toBeVisible()
      await expect(box).toHaveValue('')
    }
  }
}
