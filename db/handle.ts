import type Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
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
