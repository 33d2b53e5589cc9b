import type Database from 'better-sqlite3'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { zoneOf } from './backup'
import { AppError, databaseError } from './errors'
import { APPLICATION_ID, wrap, type Db } from './handle'
import { knownVersion } from './journal'
import { openSqlite } from './nativeSqlite'
import { copyAside, migrationFailure, putBackPreMigration } from './premigrate'

export { APPLICATION_ID }

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
   * (server/core/busyRetry.ts), because a blocked main thread freezes every window.
   */
  busyTimeoutMs?: number
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000

/** db/migrations beside this file (tests, CLI); the app passes its own folder when packaged. */
export const defaultMigrationsFolder = () => resolve(__dirname, 'migrations')

function tableNames(sqlite: Database.Database): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
}

/**
 * Migrates with foreign keys held off (drizzle-kit's table rebuilds would otherwise cascade-delete
 * child rows), then requires a clean foreign_key_check. On any failure the connection is closed
 * and the file put back exactly as it was before (`copy`), so it opens again with this version.
 */
function migrateOrUndo(sqlite: Database.Database, file: string, folder: string, known: number, copy?: string) {
  try {
    sqlite.pragma('foreign_keys = OFF')
    migrate(wrap(sqlite, file).orm, { migrationsFolder: folder })
    const broken = sqlite.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) throw new Error(`升级后发现 ${broken.length} 处引用错误`)
    sqlite.pragma(`application_id = ${APPLICATION_ID}`)
    sqlite.pragma(`user_version = ${known}`)
  } catch (e) {
    sqlite.close()
    const restored = copy !== undefined && putBackPreMigration(file, copy)
    throw databaseError(migrationFailure(e, copy, restored))
  }
}

/**
 * Opens (creating if needed) a vipdesk database: checks it is ours and not newer, backs it up
 * byte for byte, migrates (see migrateOrUndo), then WAL and foreign keys on.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const folder = options.migrationsFolder ?? defaultMigrationsFolder()
  const known = knownVersion(folder)
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true })
  const isNew = file === ':memory:' || !existsSync(file) || statSync(file).size === 0

  let sqlite: Database.Database
  try {
    sqlite = openSqlite(file, { nativeBinding: options.nativeBinding })
  } catch (e) {
    if (e instanceof AppError) throw e
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
    // The copy that undoes a failed migration is taken before anything at all is written.
    let copy: string | undefined
    if (version < known && !isNew && tables.length > 0) {
      const dir = options.backupDir ?? join(dirname(resolve(file)), 'backups')
      const ms = (options.now?.() ?? new Date()).getTime()
      copy = copyAside(sqlite, file, dir, ms, zoneOf(wrap(sqlite, file)))
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
    if (version < known) migrateOrUndo(sqlite, file, folder, known, copy)
    sqlite.pragma('foreign_keys = ON')
    return wrap(sqlite, file, options.now)
  } catch (e) {
    if (sqlite.open) sqlite.close()
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') {
      throw databaseError('该文件不是 vipdesk 数据库（也不是 SQLite 数据库），未做任何修改。')
    }
    throw e
  }
}

export function closeDatabase(db: Db): void {
  if (db.sqlite.open) db.sqlite.close()
}
