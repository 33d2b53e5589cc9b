import { mkdirSync } from 'node:fs'
import { test as base, type Browser, type Page } from '@playwright/test'
import type { ElectronDouble } from './electron-double'
import { launchBrowser, startApp } from './launch'
import { allowTestFor, APP_START } from './timeouts'

export interface VipdeskApp {
  page: Page
  double: ElectronDouble
  /** This test's own data folder (database, backups). */
  dataDir: string
  /** The HTML of every document sent to the printer (the double answers the print dialog). */
  readonly printed: string[]
  /** Closes the window the way a user would and starts the app again on the same data. */
  restart(): Promise<Page>
}

export const test = base.extend<{ app: VipdeskApp }, { browser: Browser }>({
  browser: [
    async ({}, use) => {
      const browser = await launchBrowser()
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  // Starting the app is work of its own (see APP_START): it gets its own timeout rather than
  // eating into the test's.
  app: [
    async ({ browser }, use, testInfo) => {
      const dataDir = testInfo.outputPath('data')
      mkdirSync(dataDir, { recursive: true })
      let running = await startApp(browser, { userData: dataDir })
      const handle: VipdeskApp = {
        page: running.page,
        double: running.double,
        dataDir,
        get printed() {
          return running.double.printed
        },
        async restart() {
          allowTestFor(APP_START)
          await running.double.closeAll()
          running = await startApp(browser, { userData: dataDir })
          handle.page = running.page
          handle.double = running.double
          return running.page
        },
      }
      await use(handle)
      await running.double.closeAll()
    },
    { timeout: APP_START },
  ],
})

export { expect } from '@playwright/test'
