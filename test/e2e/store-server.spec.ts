import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser } from '@playwright/test'
import { startServer } from '../../server/http/main'
import { FirstRunPage, LoginPage } from './pages/auth'
import { MembersPage } from './pages/members'
import { ReportExportPage } from './pages/reportExport'
import { TillImportPage } from './pages/tillImport'
import { launchBrowser, repoRoot } from './support/launch'
import { allowTestFor, APP_START, forWork, PRINT_RUN } from './support/timeouts'

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
  await new FirstRunPage(page).openStore('admin-pass', { sample: 'members' })
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

test('store server: a desk imports a till file through the browser file chooser and prints a report as a PDF tab', async () => {
  allowTestFor(APP_START)
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 820 } })
  const page = await context.newPage()
  await page.goto(`https://localhost:${server.port}/`)
  await new LoginPage(page).login('admin', 'admin-pass')
  await expect(page.getByTestId('nav-reports')).toBeVisible()

  // A till export on this desk's disk: one receipt for a sample member, two days ago.
  const cardNo = server.state.db.sqlite
    .prepare('SELECT card_no FROM members ORDER BY id LIMIT 1')
    .pluck()
    .get() as string
  const day = new Date(Date.now() - 2 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  const file = join(dir, '11月小票.csv')
  writeFileSync(file, `\ufeff小票号,交易时间,会员卡号,实收金额\r\nWEB-1,${day} 10:30,${cardNo},188\r\n`)

  const till = new TillImportPage(page)
  await till.open()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), till.pick.click()])
  expect(chooser.isMultiple()).toBe(false)
  await chooser.setFiles(file)
  await expect(till.total).toHaveText('1', forWork(PRINT_RUN))
  await expect(till.willInsert).toHaveText('1')
  await till.commitAndWait()
  await expect(till.inserted).toHaveText('1')
  const rows = server.state.db.sqlite.prepare("SELECT count(*) FROM purchases WHERE receipt_no = 'WEB-1'").pluck().get()
  expect(rows).toBe(1)

  // 打印 in a browser: the server makes the PDF, a new tab opens it for the browser to print.
  await page.getByTestId('nav-reports').click()
  const exports = new ReportExportPage(page)
  await expect(exports.exportButton('sales')).toBeVisible()
  const [tab] = await Promise.all([
    context.waitForEvent('page', forWork(PRINT_RUN)),
    exports.exportChart('sales', '打印', '已打印 1'),
  ])
  expect(tab.url()).toMatch(/\/api\/download\/[\w-]+$/)
  await expect(page.getByText('已在新标签页打开（PDF），请用浏览器打印')).toBeVisible()
  await context.close()
})
