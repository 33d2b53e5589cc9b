import type { Db } from '../../db/handle'

/**
 * Property tests start every run from an empty ledger, which the append-only triggers (migration
 * 0009) forbid. This lifts exactly those triggers for one transaction and puts the same
 * definitions back before it commits: only a test may wipe a ledger.
 */
export function resetLedgers(db: Db, sql: string): void {
  const guards = db.sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE '%_no_update' OR name LIKE '%_no_delete')",
    )
    .all() as { name: string; sql: string }[]
  db.sqlite.transaction(() => {
    for (const g of guards) db.sqlite.exec(`DROP TRIGGER "${g.name}"`)
    db.sqlite.exec(sql)
    for (const g of guards) db.sqlite.exec(g.sql)
  })()
}
