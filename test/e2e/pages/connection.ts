import { expect, type Locator, type Page } from '@playwright/test'
import { forWork, LOGIN } from '../support/timeouts'

/** 连接设置: this PC's database or a store server, its CA fingerprint confirmed on first contact. */
export class ConnectionPage {
  readonly open: Locator
  readonly panel: Locator
  readonly serverMode: Locator
  readonly url: Locator
  readonly test: Locator
  readonly fingerprint: Locator
  readonly confirm: Locator
  readonly error: Locator
  readonly current: Locator

  constructor(readonly page: Page) {
    this.open = page.getByTestId('open-connection')
    this.panel = page.getByTestId('connection-panel')
    this.serverMode = page.getByTestId('connection-mode-server')
    this.url = page.getByTestId('connection-url')
    this.test = page.getByTestId('connection-test')
    this.fingerprint = page.getByTestId('connection-fingerprint')
    this.confirm = page.getByTestId('connection-confirm')
    this.error = page.getByTestId('connection-error')
    this.current = page.getByTestId('connection-current')
  }

  /** Types the address and tests it: the fingerprint (or the error) once the server answered. */
  async testServer(url: string) {
    await this.serverMode.click()
    await this.url.fill(url)
    await this.url.press('Enter')
    await expect(this.fingerprint.or(this.error)).toBeVisible(forWork(LOGIN))
  }
}
