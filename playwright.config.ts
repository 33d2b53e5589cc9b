import { defineConfig } from '@playwright/test'
import { TEST_STEPS } from './test/e2e/support/timeouts'

// The specs work out their expected days ("this month", "today's receipts") as the store's days, and
// a fresh database's store zone is Asia/Shanghai: run the test processes there so that a CI machine
// on UTC after 16:00 does not expect tomorrow. The app's own zone-independence is the unit suite's
// job (it runs under UTC and America/Los_Angeles).
process.env.TZ = 'Asia/Shanghai'

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // A test's own steps; each wait on real work adds its own budget (test/e2e/support/timeouts.ts).
  timeout: TEST_STEPS,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './test/e2e/support/global-setup.ts',
  // A click or fill that cannot happen (a disabled button) fails within a minute instead of
  // waiting out a test whose budget grew with its long jobs.
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure', actionTimeout: 60_000 },
})
