import Database from 'better-sqlite3'
import { readFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { databaseError } from './errors'
import { APPLICATION_ID, wrap, type Db } from './handle'

export { APPLICATION_ID }
import { backupFileName, snapshotTo } from './backup'

export interface OpenOptions {
  /** Folder holding drizzle-kit's migrations; defaults to db/migrations in the source tree. */
  migrationsFolder?: string
  /** Where the pre-migration backup goes; defaults to a `backups` folder beside the database. */
  backupDir?: string
  /** Path to a better-sqlite3 addon built for another runtime (Electron). */
  nativeBinding?: string
  now?: () => Date
  /**
   * How long a statement waits for another connection's write lock, blocking the thread. The CLI
   * can afford the default; the app host passes 0 and retries asynchronously instead
   * (electron/main/busyRetry.ts), because a blocked main thread freezes every window.
   */
  busyTimeoutMs?: number
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000

/** db/migrations beside this file (tests, CLI); the app passes its own folder when packaged. */
export const defaultMigrationsFolder = () => resolve(__dirname, 'migrations')

interface Journal {
  entries: { idx: number; tag: string; when: number }[]
}

function readJournal(folder: string): Journal {
  const path = join(folder, 'meta', '_journal.json')
  if (!existsSync(path)) throw databaseError(`找不到数据库迁移文件：${path}`)
  return JSON.parse(readFileSync(path, 'utf8')) as Journal
}

function tableNames(sqlite: Database.Database): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
}

/**
 * Opens (creating if needed) a vipdesk database: WAL, foreign keys, a backup, then migrations.
 * Foreign keys are switched off around migrate() because drizzle-kit's table rebuilds would
 * otherwise cascade-delete child rows; a foreign_key_check afterwards must come back clean or the
 * backup is restored.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const folder = options.migrationsFolder ?? defaultMigrationsFolder()
  const journal = readJournal(folder)
  const known = journal.entries.length
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true })
  const isNew = file === ':memory:' || !existsSync(file) || statSync(file).size === 0

  let sqlite: Database.Database
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (e) {
    throw databaseError(`无法打开数据库文件（${(e as Error).message}）。该文件可能不是 vipdesk 数据库。`)
  }
  try {
    const appId = sqlite.pragma('application_id', { simple: true }) as number
    const version = sqlite.pragma('user_version', { simple: true }) as number
    const tables = tableNames(sqlite)
    if (!isNew && tables.length > 0 && appId !== APPLICATION_ID) {
      throw databaseError('该文件不是 vipdesk 数据库，未做任何修改。请选择正确的数据库文件。')
    }
    if (version > known) {
      throw databaseError(
        `该数据库由更新版本的 vipdesk 创建（结构版本 ${version}，本程序支持到 ${known}），请先升级程序。`,
      )
    }
    // Only now that the file is known to be ours may anything be written to it.
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`)
    sqlite.pragma('synchronous = NORMAL')
    // Statement journals (every insert into a table with triggers) and sorts stay in memory:
    // on disk they made each member insert about 40 µs slower.
    sqlite.pragma('temp_store = MEMORY')
    // A member insert touches a dozen indexes at random places; with SQLite's default 2 MB page
    // cache a 100,000-row import kept reading back pages it had just evicted.
    sqlite.pragma('cache_size = -65536')
    if (version < known) {
      let backup: string | undefined
      if (!isNew && tables.length > 0) {
        const dir = options.backupDir ?? join(dirname(resolve(file)), 'backups')
        backup = join(dir, backupFileName('pre-migrate', options.now?.() ?? new Date()))
        snapshotTo(sqlite, backup)
      }
      sqlite.pragma('foreign_keys = OFF')
      const db = wrap(sqlite, file, options.now)
      migrate(db.orm, { migrationsFolder: folder })
      const broken = sqlite.pragma('foreign_key_check') as unknown[]
      if (broken.length > 0) {
        throw databaseError(
          `数据库升级后发现 ${broken.length} 处引用错误，已中止。升级前的备份在：${backup ?? '（新库无备份）'}`,
        )
      }
      sqlite.pragma(`application_id = ${APPLICATION_ID}`)
      sqlite.pragma(`user_version = ${known}`)
    }
    sqlite.pragma('foreign_keys = ON')
    return wrap(sqlite, file, options.now)
  } catch (e) {
    sqlite.close()
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') {
      throw databaseError('该文件不是 vipdesk 数据库（也不是 SQLite 数据库），未做任何修改。')
    }
    throw e
  }
}

export function closeDatabase(db: Db): void {
  if (db.sqlite.open) db.sqlite.close()
}
