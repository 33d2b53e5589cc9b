import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import type { Db } from '../../../db/handle'
import { closeDatabase, openDatabase } from '../../../db/open'
import { startServer } from '../../../server/http/main'
import { LoginPage } from '../pages/auth'
import { repoRoot } from './launch'

export interface StoreServer {
  /** The data folder: the database, its certs/, backups/ and logs/, and any file a test writes. */
  dir: string
  /** The database file, for the command line and checks on their own connection. */
  db: string
  url: string
  close(): Promise<void>
}

/**
 * The real store server (HTTPS, the built renderer) on a fresh database in its own folder, on a
 * free port of the loopback, without the daily jobs. `prepare` fills the database first on its own
 * connection (operators, members, gifts), closed before the server opens the file.
 */
export async function startStoreServer(prepare?: (db: Db) => void): Promise<StoreServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vipdesk-server-e2e-'))
  const db = join(dir, 'vipdesk.sqlite')
  if (prepare) {
    const conn = openDatabase(db)
    try {
      prepare(conn)
    } finally {
      closeDatabase(conn)
    }
  }
  const server = await startServer(
    { db, port: 0, host: '127.0.0.1', rendererRoot: join(repoRoot, 'out/renderer'), jobs: false },
    () => undefined,
  )
  return {
    dir,
    db,
    url: `https://localhost:${server.port}/`,
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A desk: a browser context of its own (its own session cookie) logged in as `name`. The desks
 * trust the store CA once; the TLS trust itself is tested in the unit suite.
 */
export async function openDesk(browser: Browser, url: string, name: string, password: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 820 } })
  const page = await context.newPage()
  await page.goto(url)
  await new LoginPage(page).login(name, password)
  return page
}
