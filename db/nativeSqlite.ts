import Sqlite from 'better-sqlite3'
import type Database from 'better-sqlite3'
import { databaseError } from './errors'

export interface SqliteOpenOptions {
  /** Path to a better-sqlite3 addon built for another runtime (Electron's). */
  nativeBinding?: string
  readonly?: boolean
  /** Milliseconds to wait for another connection's lock (better-sqlite3 waits 5 s by default). */
  timeout?: number
}

/**
 * Every connection in backup and restore goes through here, so that inside Electron each one
 * loads the same addon as the app's own connection (the Node build would not load there).
 */
export function openSqlite(file: string, options: SqliteOpenOptions = {}): Database.Database {
  const { nativeBinding, ...rest } = options
  try {
    return new Sqlite(file, {
      ...rest,
      fileMustExist: rest.readonly ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
  } catch (e) {
    // SqliteError is about the file; anything else is the addon failing to load.
    if ((e as Error).name === 'SqliteError') throw e
    throw databaseError(
      `无法加载数据库组件（${nativeBinding ?? 'better-sqlite3'}），未做任何修改。请重新安装 vipdesk。`,
    )
  }
}
