import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeDatabase, openDatabase } from '../../db/open'
import { createMember } from '../../db/services/members/write'
import { setupAdmin, toActor } from '../../db/services/operators'
import { startServer } from '../../server/http/main'
import { LoginPage } from './pages/auth'
import { ConnectionPage } from './pages/connection'
import { MembersPage } from './pages/members'
import { Shell } from './pages/shell'
import { expect, test } from './support/fixtures'
import { repoRoot } from './support/launch'

/**
 * The desktop app as a desk of the store server: a new PC (it has never logged in) switches to a
 * real server started here, compares and confirms the CA fingerprint, logs in with the server's
 * operator and finds a member that exists only in the server's database.
 */
const PASSWORD = 'server-pass'
let dir: string
let server: Awaited<ReturnType<typeof startServer>>

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vipdesk-desk-client-'))
  const file = join(dir, 'vipdesk.sqlite')
  const db = openDatabase(file)
  const admin = toActor(setupAdmin(db, { name: 'admin', password: PASSWORD }))
  createMember(db, { cardNo: 'S7001', name: '服务器会员' }, admin)
  closeDatabase(db)
  server = await startServer(
    { db: file, port: 0, host: '127.0.0.1', rendererRoot: join(repoRoot, 'out/renderer'), jobs: false },
    () => undefined,
  )
})

test.afterAll(async () => {
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('a new desk connects to the store server before login, confirms its fingerprint and works on its data', async ({
  app,
}) => {
  const { page } = app
  const connection = new ConnectionPage(page)
  // A fresh PC opens on 创建管理员账号 for its own database; the link is there before any login.
  await expect(page.getByTestId('setup-submit')).toBeVisible()
  await connection.open.click()
  await expect(connection.current).toHaveText('当前：本机数据库')

  // Not HTTPS: refused with the reason, nothing pinned.
  await connection.testServer(`http://localhost:${server.port}`)
  await expect(connection.error).toContainText('须以 https:// 开头')

  await connection.url.fill(`https://localhost:${server.port}`)
  await connection.test.click()
  await expect(connection.fingerprint).toHaveText(server.certs.caFingerprint)
  await connection.confirm.click()

  // The window reloads on the server's login page: the server has its administrator.
  const login = new LoginPage(page)
  await expect(login.submit).toBeVisible()
  const saved = JSON.parse(readFileSync(join(app.dataDir, 'connection.json'), 'utf8')) as Record<string, string>
  expect(saved).toMatchObject({
    mode: 'server',
    url: `https://localhost:${server.port}`,
    caFingerprint: server.certs.caFingerprint,
  })
  await login.login('admin', PASSWORD)
  await expect(page.getByTestId('header-operator')).toBeVisible()
  await page.getByTestId('nav-members').click()
  const members = new MembersPage(page)
  await members.openFromSearch('服务器', '服务器会员')
  await members.drawer.close()

  // 设置 → 连接 shows the server and its pinned fingerprint.
  await new Shell(page).open('settings')
  await page.getByTestId('settings-tab-connection').click()
  await expect(connection.current).toContainText(server.certs.caFingerprint)
})
