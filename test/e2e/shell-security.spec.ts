import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FirstRunPage } from './pages/auth'
import { expect, test } from './support/fixtures'
import { repoRoot, startSecondCopy } from './support/launch'

const built = join(repoRoot, 'out/renderer')
const builtHtml = () => readFileSync(join(built, 'index.html'), 'utf8')
const metaCsp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]

test('the renderer comes from app://vipdesk, a privileged scheme serving only the built folder', async ({ app }) => {
  const { double } = app
  expect(double.protocol.privileged).toEqual([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true }, beforeReady: true },
  ])
  expect(double.created[0]!.webContents.getURL()).toMatch(/^app:\/\/vipdesk\/index\.html(#.*)?$/)

  const serve = double.protocol.handlers.get('app')!
  const get = (url: string) => serve(new Request(url))
  for (const url of [
    'app://vipdesk/../../etc/passwd',
    'app://vipdesk/..%2f..%2fetc%2fpasswd',
    'app://vipdesk/%2e%2e/%2e%2e/etc/passwd',
    'app://vipdesk/assets/..%2f..%2f..%2fpackage.json',
    'app://vipdesk/assets/missing.js',
    'app://elsewhere/index.html',
  ]) {
    expect((await get(url)).status, url).toBe(404)
  }
  const assets = readdirSync(join(built, 'assets'))
  const types = {
    'index.html': 'text/html',
    [`assets/${assets.find((f) => f.endsWith('.js'))}`]: 'text/javascript',
    [`assets/${assets.find((f) => f.endsWith('.css'))}`]: 'text/css',
  }
  for (const [path, type] of Object.entries(types)) {
    const res = await get(`app://vipdesk/${path}`)
    expect(res.status, path).toBe(200)
    expect(res.headers.get('content-type'), path).toContain(type)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  }
  // The header carries the production policy, the same as the page's own.
  const index = await get('app://vipdesk/index.html')
  expect(index.headers.get('content-security-policy')).toBe(metaCsp(builtHtml()))
})

test('the production page allows no dev-server socket and no eval', () => {
  const html = builtHtml()
  expect(metaCsp(html)).toContain("connect-src 'self'")
  expect(html).not.toContain('ws://localhost')
  expect(html).not.toContain('unsafe-eval')
})

test('every permission is refused, on the default session and on any later one', async ({ app }) => {
  const origin = 'app://vipdesk'
  const later = app.double.newSession()
  for (const session of [app.double.defaultSession, later]) {
    const request = session.requestHandler!
    const check = session.checkHandler!
    const asked = (permission: string, url: string) =>
      new Promise<boolean>((resolve) => request(null, permission, resolve, { requestingUrl: url }))
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      expect(await asked(permission, `${origin}/index.html`), permission).toBe(false)
      expect(check(null, permission, origin), permission).toBe(false)
    }
    // The import's 复制 button may write to the clipboard, from the app's page only.
    expect(await asked('clipboard-sanitized-write', `${origin}/index.html`)).toBe(true)
    expect(check(null, 'clipboard-sanitized-write', origin)).toBe(true)
    expect(await asked('clipboard-sanitized-write', 'https://example.com/')).toBe(false)
    expect(check(null, 'clipboard-sanitized-write', 'app://vipdesk.evil')).toBe(false)
  }
})

test('one copy at a time: a second start brings the first forward and quits', async ({ app, browser }, info) => {
  expect(app.double.record.singleInstanceLock).toBe(1)
  app.double.secondInstance()
  expect(app.double.record.focus).toBe(1)

  const dataDir = info.outputPath('second')
  const second = await startSecondCopy(browser, { userData: dataDir })
  expect(second.record.quit).toBe(1)
  expect(second.created).toHaveLength(0)
  expect(second.handlers.size).toBe(0)
  expect(existsSync(join(dataDir, 'vipdesk.sqlite'))).toBe(false)
})

test('dialogs are modal to the window that asked; the print window is locked down too', async ({ app }) => {
  const { page, double } = app
  await new FirstRunPage(page).openStore('admin-pass', { sample: false })
  const main = double.created[0]!
  const call = (name: string, input: unknown) =>
    page.evaluate(([n, i]) => window.vipdesk.invoke(n as never, i as never), [name, input] as const)

  expect(await call('reports:monthlySave', { month: '2026-01' })).toEqual({ ok: true, data: null })
  expect(double.dialogParents).toEqual([main])

  expect(await call('reports:monthlyPrint', { month: '2026-01' })).toEqual({ ok: true, data: { printed: true } })
  const printWindow = double.created[1]!
  expect(printWindow.options.parent).toBe(main)
  for (const win of [main, printWindow]) {
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    })
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    for (const event of ['will-navigate', 'will-attach-webview']) {
      let prevented = false
      win.webContents.emit(event, { preventDefault: () => (prevented = true) }, 'https://example.com/')
      expect(prevented, event).toBe(true)
    }
  }
  expect(printWindow.options.webPreferences).toMatchObject({ javascript: false })
})
