import type Database from 'better-sqlite3'
import type { Db } from './handle'

/**
 * Prepared statements cached per connection: hot paths (search, import) prepare once and reuse.
 */
export function statements<T>(build: (sqlite: Database.Database) => T): (db: Db) => T {
  const cache = new WeakMap<Database.Database, T>()
  return (db) => {
    let st = cache.get(db.sqlite)
    if (!st) {
      st = build(db.sqlite)
      cache.set(db.sqlite, st)
    }
    return st
  }
}
