import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { devCsp, widenForDevServer } from '../../electron/build/devCsp'
import { APP_CSP, appResponder, resolveAppFile } from '../../electron/main/protocol'

const repo = resolve(__dirname, '../..')
const require = createRequire(import.meta.url)
// electron-builder's own YAML reader (a dependency of app-builder-lib, not of the app).
const yaml = require('js-yaml') as { load(text: string): unknown }

describe('app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'vipdesk-renderer-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  writeFileSync(join(root, 'assets', 'app.js'), 'export {}')
  writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]))
  // A file beside the renderer folder that no app:// URL may reach.
  writeFileSync(`${root}-secret.txt`, 'secret')
  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(`${root}-secret.txt`, { force: true })
  })
  const serve = appResponder(root)

  it('maps app://vipdesk paths into the folder and nothing outside it', () => {
    expect(resolveAppFile(root, 'app://vipdesk/assets/app.js')).toBe(join(root, 'assets', 'app.js'))
    expect(resolveAppFile(root, 'app://vipdesk/')).toBe(join(root, 'index.html'))
    for (const url of [
      'app://vipdesk/..%2f..%2fetc%2fpasswd',
      `app://vipdesk/..%2f${root.split('/').pop()}-secret.txt`,
      'app://vipdesk/%00',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull()
    }
    // A backslash is only a separator on Windows; either way the path stays inside the folder.
    const windowsStyle = resolveAppFile(root, 'app://vipdesk/assets/..%5c..%5cx')
    expect(windowsStyle === null || windowsStyle.startsWith(join(root, '/'))).toBe(true)
  })

  it('answers 404 for traversal, other hosts and missing files; right types otherwise', async () => {
    for (const url of [
      'app://vipdesk/../../etc/passwd',
      `app://vipdesk/..%2f${root.split('/').pop()}-secret.txt`,
      'app://vipdesk/assets/missing.js',
      'app://vipdesk/assets',
      'app://elsewhere/index.html',
    ]) {
      expect((await serve(new Request(url))).status, url).toBe(404)
    }
    const html = await serve(new Request('app://vipdesk/index.html'))
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(await html.text()).toBe('<!doctype html>')
    expect((await serve(new Request('app://vipdesk/assets/app.js'))).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    )
    expect((await serve(new Request('app://vipdesk/assets/font.woff2'))).headers.get('content-type')).toBe('font/woff2')
    expect((await serve(new Request('app://vipdesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
  })
})

describe('content security policy', () => {
  const page = readFileSync(join(repo, 'renderer/index.html'), 'utf8')

  it('is the same in the page and in the app:// header, with no dev-server socket or eval', () => {
    expect(page).toContain(`content="${APP_CSP}"`)
    expect(APP_CSP).not.toMatch(/ws:|unsafe-eval/)
  })

  it('lets only the dev server (serve mode) talk to ws://localhost', () => {
    expect(devCsp().apply).toBe('serve')
    expect(widenForDevServer(page)).toContain("connect-src 'self' ws://localhost:*")
  })
})

describe('packaging', () => {
  const config = yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as {
    electronFuses?: Record<string, boolean>
  }

  it('flips the Electron fuses that close the side doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('spells every fuse as electron-builder expects', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } }
    }
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties)
    expect(known).toContain('runAsNode')
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known, key).toContain(key)
  })
})
