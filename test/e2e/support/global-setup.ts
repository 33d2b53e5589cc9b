import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { chromiumPath } from './launch'

/**
 * Uses the system's Chromium where there is one; otherwise makes sure Playwright's own browser
 * is installed (a one-time download on a machine with internet).
 */
export default function globalSetup(): void {
  if (chromiumPath()) return
  if (existsSync(chromium.executablePath())) return
  execSync('npx playwright install chromium', { stdio: 'inherit' })
}
