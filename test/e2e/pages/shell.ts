import { expect, type Locator, type Page } from '@playwright/test'

export type Job = 'members' | 'points' | 'gifts' | 'care' | 'campaigns' | 'birthday' | 'reports' | 'settings'

/** The frame around every screen: the sidebar of jobs and the header with who is logged in. */
export class Shell {
  readonly sidebar: Locator
  /** The sidebar's entries; their text is the job's label (会员, 设置 …). */
  readonly navItems: Locator
  readonly operator: Locator
  readonly role: Locator

  constructor(readonly page: Page) {
    this.sidebar = page.getByTestId('sidebar')
    // The menu entries, not the low-stock badge inside 礼品库存 (nav-gifts-low).
    this.navItems = this.sidebar.locator('[data-testid^="nav-"]:not([data-testid="nav-gifts-low"])')
    this.operator = page.getByTestId('header-operator')
    this.role = page.getByTestId('header-role')
  }

  nav(job: Job): Locator {
    return this.page.getByTestId(`nav-${job}`)
  }

  async open(job: Job) {
    await this.nav(job).click()
  }

  async logout() {
    await this.page.getByTestId('logout').click()
    await expect(this.page.getByTestId('login-submit')).toBeVisible()
  }
}
