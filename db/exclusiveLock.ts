import type Database from 'better-sqlite3'
import { databaseError } from './errors'
import { openSqlite } from './nativeSqlite'

export const IN_USE = '数据库正被其他程序使用（例如命令行导入或另一个 vipdesk 窗口），请先关闭后再恢复。未做任何修改。'

/**
 * Takes the database file for this connection alone, or refuses. In WAL mode every other
 * connection that has read the file keeps a shared lock on it, even idle between statements, and
 * a plain BEGIN EXCLUSIVE only takes the WAL's write lock, so it would not see an idle reader in
 * another process. With locking_mode=EXCLUSIVE set before its first read, SQLite must take an
 * exclusive lock on the file itself (and keeps its WAL index in private memory, never touching
 * the -shm of the others), which fails while any other connection is open.
 *
 * Returns the locked connection with its WAL folded into the file (so the file alone is the whole
 * database), or undefined when the file is not a usable database at all (nobody can be working in
 * it; replacing it is the point of a restore).
 */
export function lockExclusively(file: string, nativeBinding?: string): Database.Database | undefined {
  const db = openSqlite(file, { nativeBinding, timeout: 250 })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    db.pragma('wal_checkpoint(TRUNCATE)')
    return db
  } catch (e) {
    db.close()
    const code = (e as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw databaseError(IN_USE)
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return undefined
    throw e
  }
}
