import { existsSync, mkdirSync, readdirSync, rmSync, renameSync, copyFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import Sqlite from 'better-sqlite3'
import { databaseError } from './errors'
import { fileError, withFileErrors } from './fileErrors'
import type { Db } from './handle'
import { APPLICATION_ID } from './handle'

const pad = (n: number) => String(n).padStart(2, '0')
const stamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`

export const backupFileName = (kind: string, at: Date) => `vipdesk-${kind}-${stamp(at)}.sqlite`

/** A consistent copy of a live database (VACUUM INTO reads one snapshot and writes a compact file). */
export function snapshotTo(sqlite: Database.Database, target: string): void {
  mkdirSync(dirname(target), { recursive: true })
  if (existsSync(target)) rmSync(target)
  sqlite.prepare('VACUUM INTO ?').run(target)
}

export function backupDatabase(db: Db, target: string): { file: string } {
  if (existsSync(target) && statSync(target).isDirectory()) throw fileError({ code: 'EISDIR' }, target, 'write')
  try {
    withFileErrors(target, 'write', () => snapshotTo(db.sqlite, target))
  } catch (e) {
    // VACUUM INTO reports its own failures as SQLite's, not the file system's.
    const code = String((e as { code?: unknown }).code ?? '')
    if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))
      throw fileError({ code: 'EACCES' }, target, 'write')
    if (code.startsWith('SQLITE_FULL')) throw fileError({ code: 'ENOSPC' }, target, 'write')
    throw e
  }
  return { file: target }
}

/** Checks that a file is a vipdesk database before it replaces the live one. */
export function assertVipdeskFile(file: string): void {
  if (!existsSync(file)) throw databaseError(`找不到备份文件：“${basename(file)}”`)
  if (statSync(file).isDirectory()) throw fileError({ code: 'EISDIR' }, file, 'read')
  let probe: Database.Database | undefined
  try {
    probe = new Sqlite(file, { readonly: true, fileMustExist: true })
    const id = probe.pragma('application_id', { simple: true })
    if (id !== APPLICATION_ID) throw databaseError('该文件不是 vipdesk 数据库备份，未做任何修改。')
    const ok = probe.pragma('integrity_check', { simple: true })
    if (ok !== 'ok') throw databaseError('备份文件已损坏，未做任何修改。')
  } catch (e) {
    if ((e as { kind?: string }).kind) throw e
    throw databaseError('该文件不是 vipdesk 数据库备份，未做任何修改。')
  } finally {
    probe?.close()
  }
}

/**
 * Replaces the database file at `dbFile` with `source`. The caller must have closed its
 * connection; the current file is kept beside it as a safety copy.
 */
export function restoreDatabase(dbFile: string, source: string, now = new Date()): { safetyCopy?: string } {
  assertVipdeskFile(source)
  let safetyCopy: string | undefined
  if (existsSync(dbFile)) {
    safetyCopy = join(dirname(dbFile), 'backups', backupFileName('before-restore', now))
    mkdirSync(dirname(safetyCopy), { recursive: true })
    const live = new Sqlite(dbFile)
    try {
      snapshotTo(live, safetyCopy)
      live.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      live.close()
    }
  }
  for (const ext of ['-wal', '-shm']) if (existsSync(dbFile + ext)) rmSync(dbFile + ext)
  const tmp = `${dbFile}.restoring`
  copyFileSync(source, tmp)
  renameSync(tmp, dbFile)
  return { safetyCopy }
}

/**
 * Daily rotating backups: at most one per calendar day, the newest `keep` kept.
 * Returns the file written, or undefined when today's already exists.
 */
export function rotateDailyBackup(db: Db, dir: string, keep = 14): string | undefined {
  const now = db.now()
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`
  mkdirSync(dir, { recursive: true })
  const daily = () =>
    readdirSync(dir)
      .filter((f) => /^vipdesk-daily-\d{8}\.sqlite$/.test(f))
      .sort()
  let written: string | undefined
  if (!daily().some((f) => f.includes(day))) {
    written = join(dir, `vipdesk-daily-${day}.sqlite`)
    snapshotTo(db.sqlite, written)
  }
  const all = daily()
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(join(dir, old))
  return written
}
