import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser } from '@playwright/test'
import { httpsRequest } from '../support/https'
import { launchBrowser, startServeMode } from './support/launch'

/**
 * `vipdesk --serve …` from the installed app: the real main bundle under the double starts the
 * store server instead of a window, and a wrong command line ends with exit code 2.
 */
let browser: Browser
let dir: string

test.beforeAll(async () => {
  browser = await launchBrowser()
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-serve-mode-'))
})
test.afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

test('vipdesk --serve starts the store server without a window and answers over HTTPS', async () => {
  const port = await freePort()
  const db = join(dir, 'vipdesk.sqlite')
  const double = startServeMode(browser, {
    userData: join(dir, 'user'),
    argv: ['--serve', '--db', db, '--port', String(port), '--host', '127.0.0.1'],
  })
  const ca = join(dir, 'certs', 'ca.crt')
  await expect
    .poll(async () => {
      if (!existsSync(ca)) return 0
      const r = await httpsRequest(`https://localhost:${port}/api/session:state`, {
        method: 'POST',
        ca: readFileSync(ca, 'utf8'),
        headers: { origin: `https://localhost:${port}`, 'content-type': 'application/json' },
        body: 'null',
      }).catch(() => null)
      return r?.status ?? 0
    })
    .toBe(200)
  // The built renderer inside the app is what the desks' browsers get.
  const page = await httpsRequest(`https://localhost:${port}/`, { ca: readFileSync(ca, 'utf8') })
  expect(page.body).toContain('<div id="app">')
  expect(double.created).toHaveLength(0)
  expect(double.record.exitCode).toBeNull()
  // Quitting the app (the service stopping) closes the server.
  double.module.app.quit()
  await expect
    .poll(async () =>
      httpsRequest(`https://localhost:${port}/`, { ca: readFileSync(ca, 'utf8') }).then(
        () => 'open',
        () => 'closed',
      ),
    )
    .toBe('closed')
})

test('vipdesk --serve with a wrong command line says how to use it and exits with 2', async () => {
  const double = startServeMode(browser, { userData: join(dir, 'user2'), argv: ['--serve', '--help'] })
  await expect.poll(() => double.record.exitCode).toBe(2)
  expect(double.created).toHaveLength(0)
})
