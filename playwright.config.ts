import { defineConfig } from '@playwright/test'
import { TEST_STEPS } from './test/e2e/support/timeouts'

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
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
})
