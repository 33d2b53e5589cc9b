import { join } from 'node:path'
import type { Db } from '../../db/handle'
import { openDatabase } from '../../db/open'
import { Random } from '../../db/seed/random'

/** What every bench section gets: the seeded database and a place for scratch files. */
export interface BenchContext {
  dir: string
  /** The database seeded with `members` sample members. */
  db: Db
  file: string
  members: number
  /** Deterministic choices of queries, so runs are comparable. */
  rnd: Random
  /** A new, empty database in the bench's temp folder. */
  freshDb(name: string): Db
  /** Progress for the person waiting (stderr, so the table on stdout stays clean). */
  log(text: string): void
}

export function makeContext(dir: string, db: Db, file: string, members: number): BenchContext {
  return {
    dir,
    db,
    file,
    members,
    rnd: new Random(42),
    freshDb: (name) => openDatabase(join(dir, `${name}.sqlite`)),
    log: (text) => process.stderr.write(`${text}\n`),
  }
}
