import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import { storeDayInt, storeZone } from './clock'
import { fileError, withFileErrors } from './fileErrors'
import type { Db } from './handle'
import { DEFAULT_TIME_ZONE, zonedParts } from './rules/storeClock'

const two = (n: number) => String(n).padStart(2, '0')

/** yyyymmdd-hhmmss-mmm on the store's clock, whatever zone the machine is set to. */
function stamp(ms: number, zone: string): string {
  const p = zonedParts(ms, zone)
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0')
  return `${p.y}${two(p.m)}${two(p.d)}-${two(p.h)}${two(p.mi)}${two(p.s)}-${millis}`
}

export const backupFileName = (kind: string, ms: number, zone: string = DEFAULT_TIME_ZONE) =>
  `vipdesk-${kind}-${stamp(ms, zone)}.sqlite`

/** The store's zone when the database can tell it, else the default (a damaged or foreign file). */
export function zoneOf(db: Db): string {
  try {
    return storeZone(db)
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

/**
 * Claims a new, never-used backup file name in `dir` by creating it exclusively ('wx'): two
 * backups in the same millisecond get `-2`, `-3`…, so a safety copy is never overwritten.
 * The caller fills (or replaces) the empty placeholder.
 */
export function reserveBackupFile(dir: string, kind: string, ms: number, zone: string): string {
  mkdirSync(dir, { recursive: true })
  const base = backupFileName(kind, ms, zone).replace(/\.sqlite$/, '')
  for (let n = 1; ; n++) {
    const file = join(dir, `${base}${n === 1 ? '' : `-${n}`}.sqlite`)
    try {
      closeSync(openSync(file, 'wx'))
      return file
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
}

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

/**
 * Daily rotating backups: at most one per day of the store's calendar, the newest `keep` kept.
 * Returns the file written, or undefined when today's already exists.
 */
export function rotateDailyBackup(db: Db, dir: string, keep = 14): string | undefined {
  const day = String(storeDayInt(db))
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
