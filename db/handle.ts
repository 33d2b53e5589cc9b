import type Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { conflict } from './errors'
import * as schema from './schema'

export type Orm = BetterSQLite3Database<typeof schema>

/**
 * What every service receives: the raw connection for hot prepared statements, the drizzle
 * handle for the rest, and an injectable clock so tests can fix "now".
 */
export interface Db {
  readonly sqlite: Database.Database
  readonly orm: Orm
  readonly file: string
  now(): Date
}

export function wrap(sqlite: Database.Database, file: string, now: () => Date = () => new Date()): Db {
  return { sqlite, orm: drizzle(sqlite, { schema }), file, now }
}

/** Runs fn inside one synchronous transaction; a throw rolls everything back. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.sqlite.transaction(fn).immediate()
}

/** 'VIPD' in PRAGMA application_id marks a SQLite file as ours, so a foreign one is refused. */
export const APPLICATION_ID = 0x56495044

/** Connections holding a long transaction open (see `inLongTransaction`). */
const longRunning = new WeakSet<object>()

/**
 * True while an import holds its transaction open between progress pauses; any other statement
 * run on the connection meanwhile would join that transaction (and vanish if it rolls back).
 */
export const isInLongTransaction = (db: Db) => longRunning.has(db.sqlite)

/**
 * Page cache for bulk writes, in KiB. An import or the sample seed touches index pages all over
 * the file; SQLite's default 2 MB cache would write and re-read them over and over.
 */
const BULK_CACHE_KIB = 256 * 1024

/** Raises the page cache for bulk writes; returns the function that gives the memory back. */
function bulkCache(db: Db): () => void {
  const before = db.sqlite.pragma('cache_size', { simple: true }) as number
  db.sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`)
  return () => db.sqlite.pragma(`cache_size = ${before}`)
}

/** Runs fn with the bulk page cache (the sample seed's many small transactions). */
export function withBulkCache<T>(db: Db, fn: () => T): T {
  const restore = bulkCache(db)
  try {
    return fn()
  } finally {
    restore()
  }
}

/**
 * One write transaction that may span `await`s (imports pause to report progress, which
 * db.transaction() cannot), with the bulk page cache. Commits when fn succeeds and `keep` is
 * true, otherwise rolls back.
 */
export async function inLongTransaction<T>(db: Db, fn: () => Promise<T>, keep = true): Promise<T> {
  if (longRunning.has(db.sqlite) || db.sqlite.inTransaction) {
    throw conflict('另一项导入正在进行，请等它完成后再试')
  }
  longRunning.add(db.sqlite)
  const restore = bulkCache(db)
  db.sqlite.exec('BEGIN IMMEDIATE')
  try {
    const out = await fn()
    db.sqlite.exec(keep ? 'COMMIT' : 'ROLLBACK')
    return out
  } catch (e) {
    // SQLite may already have rolled back by itself (e.g. disk full); ROLLBACK would then throw.
    if (db.sqlite.inTransaction) db.sqlite.exec('ROLLBACK')
    throw e
  } finally {
    restore()
    longRunning.delete(db.sqlite)
  }
}
