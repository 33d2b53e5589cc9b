import { copyFileSync, existsSync, renameSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { reserveBackupFile } from './backup'

/**
 * A byte-for-byte copy of the database file as it is before a migration writes anything, so a
 * failed migration can be undone exactly (a VACUUM copy would hold the same rows in other bytes).
 */
export function copyAside(sqlite: Database.Database, file: string, dir: string, ms: number, zone: string): string {
  const target = reserveBackupFile(dir, 'pre-migrate', ms, zone)
  // A WAL left by a crash is folded in first, so that the file alone is the whole database. The
  // read transaction then keeps any other connection's checkpoint from writing into the file
  // while it is copied.
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.exec('BEGIN')
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
    copyFileSync(file, target)
  } finally {
    sqlite.exec('COMMIT')
  }
  return target
}

/**
 * Puts the pre-migration copy back over the file, after the migrating connection has closed.
 * SQLite deletes the -wal and -shm when the last connection closes; if they are still there,
 * another connection has the file open and replacing it under that one would corrupt it.
 */
export function putBackPreMigration(file: string, copy: string): boolean {
  if (existsSync(`${file}-wal`) || existsSync(`${file}-shm`)) return false
  const tmp = `${file}.premigrate-${Date.now()}-${process.pid}`
  copyFileSync(copy, tmp)
  renameSync(tmp, file)
  return true
}

/** Why a migration failed, in the user's words and without the migration's SQL. */
export function migrationFailure(e: unknown, copy: string | undefined, restored: boolean): string {
  const cause = (e as { cause?: unknown }).cause
  const why = ((cause instanceof Error ? cause : (e as Error)).message ?? String(e)).split('\n')[0]
  if (!copy) return `数据库升级失败（${why}）。`
  if (restored) return `数据库升级失败（${why}），已恢复到升级前的状态，数据没有任何改变。升级前的备份另存在：${copy}`
  return (
    `数据库升级失败（${why}）。另有程序正在使用该数据库，未能自动恢复到升级前的状态：` +
    `请关闭所有使用它的程序后，从升级前的备份恢复：${copy}`
  )
}
