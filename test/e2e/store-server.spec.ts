import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser } from '@playwright/test'
import { startServer } from '../../server/http/main'
import { FirstRunPage, LoginPage } from './pages/auth'
import { MembersPage } from './pages/members'
import { launchBrowser, repoRoot } from './support/launch'
import { allowTestFor, APP_START } from './support/timeouts'

/**
 * The store server as desks use it: no Electron and no double, the real HTTPS host serving the
 * built renderer to real Chromium. The first desk is the server PC itself (loopback), so it may
 * create the administrator; a second desk logs in at the same time and sees the same members.
 */
let browser: Browser
let dir: string
let server: Awaited<ReturnType<typeof startServer>>

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-server-e2e-'))
  server = await startServer(
    {
      db: join(dir, 'vipdesk.sqlite'),
      port: 0,
      host: '127.0.0.1',
      rendererRoot: join(repoRoot, 'out/renderer'),
      jobs: false,
    },
    () => undefined,
  )
  browser = await launchBrowser()
})

test.afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

test('store server: the server PC sets up the store, a second desk logs in, both find the same member', async () => {
  allowTestFor(APP_START)
  const url = `https://localhost:${server.port}/`
  // The desks trust the store CA (installed once); the TLS trust itself is tested in the unit suite.
  const first = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 820 } })
  const page = await first.newPage()
  await page.goto(url)
  await new FirstRunPage(page).openStore('admin-pass', { sample: true })
  const members = new MembersPage(page)
  const name = (await members.rows.first().locator('td').nth(1).textContent())!.trim()
  expect(name).not.toBe('')

  const second = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 820 } })
  const desk2 = await second.newPage()
  await desk2.goto(url)
  await new LoginPage(desk2).login('admin', 'admin-pass')
  // An administrator lands on the dashboard: the same figures the server PC sees.
  await expect(desk2.getByTestId('nav-reports')).toBeVisible()
  await desk2.getByTestId('nav-members').click()
  const members2 = new MembersPage(desk2)
  await expect(members2.view).toBeVisible()
  await members2.openFromSearch(name, name)
  // Lists mask the phone: never the full number on a screen that does not need it.
  await expect(members2.rows.filter({ hasText: '****' }).first()).toBeVisible()
  await expect(members2.table).not.toContainText(/(?<!\d)1[3-9]\d{9}(?!\d)/)

  // The session is the browser's cookie: logging out on one desk leaves the other logged in.
  await desk2.context().clearCookies()
  await desk2.reload()
  await expect(desk2.getByTestId('login-submit')).toBeVisible()
  await members.search.fill(name)
  await expect(members.hits.filter({ hasText: name }).first()).toBeVisible()
  await first.close()
  await second.close()
})
