import type Database from 'better-sqlite3'
import { databaseError } from './errors'
import { APPLICATION_ID } from './handle'
import { knownVersion, tablesAtVersion } from './journal'
import { openSqlite } from './nativeSqlite'

export interface CheckOptions {
  migrationsFolder: string
  nativeBinding?: string
}

const NOT_OURS = '该文件不是 vipdesk 数据库备份，未做任何修改。'
const DAMAGED = '备份文件已损坏（不完整或被改动过），不能用来恢复，未做任何修改。'

function checkOpen(db: Database.Database, options: CheckOptions): void {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw databaseError(NOT_OURS)
  const version = db.pragma('user_version', { simple: true }) as number
  const known = knownVersion(options.migrationsFolder)
  if (version > known) {
    throw databaseError(
      `该备份由更新版本的 vipdesk 创建（结构版本 ${version}，本程序支持到 ${known}），请先升级程序再恢复。未做任何修改。`,
    )
  }
  if (version < 1) throw databaseError(NOT_OURS)
  const problems = db.pragma('integrity_check') as { integrity_check: string }[]
  if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') throw databaseError(DAMAGED)
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
  const missing = [...tablesAtVersion(options.migrationsFolder, version)].filter((t) => !present.has(t))
  if (missing.length > 0)
    throw databaseError(`备份文件缺少数据表（${missing.join('、')}），不能用来恢复，未做任何修改。`)
}

/**
 * Refuses a file unless it is a whole vipdesk database this program can open: our application
 * id, a schema version no newer than ours, a clean integrity check and every table its version
 * must have. Reads only; the caller hands it a private copy, so what was checked is what is swapped in.
 */
export function checkBackupFile(file: string, options: CheckOptions): void {
  let db: Database.Database | undefined
  try {
    db = openSqlite(file, { nativeBinding: options.nativeBinding })
    checkOpen(db, options)
  } catch (e) {
    if ((e as { kind?: string }).kind) throw e
    const code = (e as { code?: string }).code ?? ''
    throw databaseError(code === 'SQLITE_NOTADB' ? NOT_OURS : DAMAGED)
  } finally {
    db?.close()
  }
}
