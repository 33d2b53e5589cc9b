import { expect, type Locator, type Page } from '@playwright/test'
import { forWork, LOGIN, SEED_SAMPLE } from '../support/timeouts'

/** 创建管理员账号: the first-run screen, and the sample-data offer that follows on an empty store. */
export class FirstRunPage {
  readonly name: Locator
  readonly password: Locator
  readonly confirm: Locator
  readonly submit: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.name = page.getByTestId('setup-name')
    this.password = page.getByTestId('setup-password')
    this.confirm = page.getByTestId('setup-confirm')
    this.submit = page.getByTestId('setup-submit')
    this.error = page.getByTestId('setup-error')
  }

  async createAdmin(password: string, confirm = password) {
    await this.password.fill(password)
    await this.confirm.fill(confirm)
    await this.submit.click()
  }

  /**
   * Collects, in the page, every line the sample data's progress shows. The seed runs in the test's
   * own process (the main-process bundle under Node), so the test cannot look while it works: the
   * page writes the lines down, and `seedProgressSeen` reads them after.
   */
  async watchSeedProgress() {
    await this.page.evaluate(() => {
      const seen: string[] = []
      Object.assign(window, { __seedProgress: seen })
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="seed-progress"]')?.textContent?.trim()
        if (text && seen[seen.length - 1] !== text) seen.push(text)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
  }

  seedProgressSeen(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __seedProgress: string[] }).__seedProgress)
  }

  /** Answers the 生成示例数据？ dialog: the demo store, members and purchases only, or no. */
  async answerSampleOffer(accept: Sample) {
    const button = this.page.getByTestId(accept ? 'seed-yes' : 'seed-no')
    if (accept === 'members') await this.page.getByTestId('seed-members-only').click()
    if (accept) {
      // Seeding takes a while and must not be asked for twice: one click, then wait. The dialog
      // stays open (its button loading, the steps shown) until the seeding call has returned.
      await button.click()
      await expect(button).toBeHidden(forWork(SEED_SAMPLE))
      return
    }
    // A click while the dialog is still opening was once lost (one CI run in about a hundred
    // first starts); a user would simply click again, and so does the test, while it is there.
    // Each try allows 5 s: on a loaded machine one click's checks alone took over 2 s.
    await expect(async () => {
      if (await button.isVisible()) await button.click({ timeout: 5_000 })
      await expect(button).toBeHidden({ timeout: 5_000 })
    }).toPass({ timeout: 30_000 })
  }

  /**
   * The whole first start as flows other than the first-run one need it: an admin, with or
   * without sample members, and the member list on screen.
   */
  async openStore(password: string, options: { sample: Sample }) {
    await this.createAdmin(password)
    await this.answerSampleOffer(options.sample)
    await expect(this.page.getByTestId('members-view')).toBeVisible()
  }
}

/** true: the whole demo store; 'members': sample members and purchases only; false: none. */
export type Sample = boolean | 'members'

/** 登录 */
export class LoginPage {
  readonly name: Locator
  readonly password: Locator
  readonly submit: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.name = page.getByTestId('login-name')
    this.password = page.getByTestId('login-password')
    this.submit = page.getByTestId('login-submit')
    this.error = page.getByTestId('login-error')
  }

  /** Logs in and waits for the answer: the operator in the header, or the form's error. */
  async login(name: string, password: string) {
    await this.name.fill(name)
    await this.password.fill(password)
    await this.submit.click()
    await expect(this.page.getByTestId('header-operator').or(this.error)).toBeVisible(forWork(LOGIN))
  }
}
