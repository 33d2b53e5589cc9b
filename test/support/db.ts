import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, closeDatabase } from '../../db/open'
import type { Db } from '../../db/handle'
import type { Actor } from '../../db/actor'
import { setupAdmin, toActor } from '../../db/services/operators'

export interface TestDb {
  db: Db
  dir: string
  file: string
  admin: Actor
  /** Moves the injectable clock. */
  setNow(d: Date): void
  close(): void
}

/** A fresh database file in a temp folder, built by the real migrations, with an admin. */
export function makeTestDb(now = new Date('2026-11-23T10:00:00+08:00')): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'vipdesk-test-'))
  const file = join(dir, 'vipdesk.sqlite')
  let clock = now
  const db = openDatabase(file, { now: () => clock })
  const admin = toActor(setupAdmin(db, { name: 'admin', password: 'secret123' }))
  const handle: TestDb = {
    db,
    dir,
    file,
    admin,
    setNow: (d) => (clock = d),
    close: () => {
      closeDatabase(handle.db)
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return handle
}

/** Everything in the database, to assert that a rejected call changed nothing. */
export function dumpDb(db: Db): Record<string, unknown[]> {
  const tables = db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  return Object.fromEntries(tables.map((t) => [t, db.sqlite.prepare(`SELECT * FROM "${t}"`).all()]))
}
