import { resolve } from 'node:path'
import { test, type Page } from '@playwright/test'

/**
 * Saves a screen into the test's output folder, or into test/e2e/screenshots/ (the README's
 * pictures, kept in git) when VIPDESK_SCREENSHOTS=1, so that an ordinary `npm test` leaves the
 * work tree clean. Taken after the
 * test's own assertions have waited for the screen to settle, so no sleeps are needed here.
 * Toasts from the step before are hidden: they would cover the screen's header and say nothing
 * about the screen itself.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // A tab or drawer still sliding in would be caught half-drawn (Playwright's `animations:
  // 'disabled'` skips Naive UI's enter transitions to their start); let finite ones finish.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  )
  await page.screenshot({
    path: process.env.VIPDESK_SCREENSHOTS
      ? resolve(__dirname, '../screenshots', `${name}.png`)
      : test.info().outputPath(`${name}.png`),
    animations: 'disabled',
    style: '.n-message-container { display: none !important; }',
  })
}
