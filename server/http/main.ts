import { hostname, networkInterfaces } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileLogger, logDirOf } from '../../db/log'
import { createJobRunner } from '../../db/jobs/runner'
import { closeDatabase, openDatabase } from '../../db/open'
import type { AppState } from '../core/context'
import { createDispatcher } from '../core/dispatch'
import { handlers } from '../core/handlers'
import { buildHttpHost } from './app'
import { ensureStoreCertificates } from './certs'
import { DbSessions } from './cookieSessions'
import { EventHub } from './events'
import { FileStore } from './files'
import { serverShell } from './shell'
import { WorkerJobs } from '../core/sheets/workerJobs'

/**
 * `npm run serve -- --db FILE [--port 8443] [--host 0.0.0.0]`: the store server. One PC holds
 * the database; every desk opens https://<this PC>:8443 in Chrome or Edge.
 */
export interface ServeOptions {
  db: string
  port: number
  host: string
  rendererRoot: string
  /** Tests move the store's clock (session expiry, daily jobs). */
  now?: () => Date
  /** The daily jobs and warm-ups (default on). */
  jobs?: boolean
  /** The largest upload in bytes (tests make it small). */
  uploadLimit?: number
  /** Where the installed app keeps its migrations and Electron's SQLite build (`vipdesk --serve`). */
  open?: { migrationsFolder?: string; nativeBinding?: string }
}

export function parseServeArgs(argv: string[]): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8443' },
      host: { type: 'string', default: '0.0.0.0' },
    },
    strict: true,
  })
  if (!values.db) throw new Error('请用 --db 指定数据库文件，例如：npm run serve -- --db D:\\vipdesk\\vipdesk.sqlite')
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port 须为 0–65535 的端口号：${values.port}`)
  return { db: resolve(values.db), port, host: values.host!, rendererRoot: resolve(__dirname, '../../out/renderer') }
}

/** The names a desk may use to reach this machine: the certificate covers all of them. */
export function serverNames(): string[] {
  const names = new Set(['localhost', hostname(), '127.0.0.1', '::1'])
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') names.add(a.address)
  }
  return [...names]
}

export async function startServer(o: ServeOptions, print: (line: string) => void = console.log) {
  const log = fileLogger(logDirOf(o.db), { echo: (m) => console.error(`[vipdesk] ${m}`) })
  const backupDir = join(dirname(o.db), 'backups')
  // Never block the event loop waiting for a lock: every desk would freeze with it.
  const openOptions = { ...o.open, backupDir, busyTimeoutMs: 0, now: o.now }
  const names = serverNames()
  const certs = await ensureStoreCertificates(join(dirname(o.db), 'certs'), names)
  const events = new EventHub()
  const state: AppState = {
    db: openDatabase(o.db, openOptions),
    dbFile: o.db,
    backupDir,
    openOptions,
    // After a restore the desks' event streams close too: they told everyone first.
    sessions: new DbSessions(
      () => state.db,
      () => events.disconnectAll(),
    ),
    imports: new Map(),
    // Imports run in a worker thread with a connection of its own: the desks' reads go on meanwhile.
    sheets: new WorkerJobs({ dbFile: o.db, openOptions: { ...o.open, backupDir, busyTimeoutMs: 0 } }, () =>
      state.db.now().getTime(),
    ),
    jobs: o.jobs === false ? undefined : createJobRunner({ db: () => state.db, backupDir, warmUps: true, log }),
    reopen() {
      closeDatabase(state.db)
      state.db = openDatabase(o.db, openOptions)
    },
  }
  const files = new FileStore(o.db, { limit: o.uploadLimit, now: o.now && (() => o.now!().getTime()) })
  const shell = serverShell(events, files)
  const app = await buildHttpHost({
    https: { key: certs.key, cert: certs.cert },
    state,
    dispatcher: createDispatcher(handlers, state, shell, log),
    rendererRoot: o.rendererRoot,
    events,
    files,
    log,
  })
  state.jobs?.start()
  await app.listen({ port: o.port, host: o.host })
  const port = (app.server.address() as { port: number }).port
  const shown = o.host === '0.0.0.0' || o.host === '::' ? names.filter((n) => n !== '::1') : [o.host]
  print('VIP 会员管家 · 门店服务器已启动')
  for (const n of shown) print(`  https://${n.includes(':') ? `[${n}]` : n}:${port}/`)
  print(`门店证书（certs/ca.crt）SHA-256 指纹：${certs.caFingerprint}`)
  print('各柜台首次连接时请核对此指纹，并把 ca.crt 安装到“受信任的根证书颁发机构”。按 Ctrl+C 停止。')
  return {
    app,
    port,
    certs,
    state,
    events,
    files,
    async close() {
      events.close()
      files.close()
      await app.close()
      state.jobs?.stop()
      await state.sheets.close()
      await shell.close()
      closeDatabase(state.db)
    },
  }
}

// Bundled into the desktop app's main (vipdesk --serve), this module is part of Electron's main
// script: there the app decides, not this block.
if (require.main === module && !process.versions.electron) {
  let options: ServeOptions
  try {
    options = parseServeArgs(process.argv.slice(2))
  } catch (e) {
    console.error((e as Error).message)
    process.exit(2)
  }
  startServer(options).then(
    (server) => {
      const stop = () => void server.close().then(() => process.exit(0))
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    },
    (e: unknown) => {
      console.error(`门店服务器无法启动：${e instanceof Error ? e.message : String(e)}`)
      process.exit(1)
    },
  )
}
