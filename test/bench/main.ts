/**
 * `npm run bench`: generates sample members into a temp database and prints how fast the desk's
 * hot paths are, next to the same work as bare prepared statements and the targets.
 * Options: --members N (default 100000), --only NAME (a section), --keep (leave the temp folder).
 * To add a section, write one in sections/ and append it to SECTIONS.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { SYSTEM_ACTOR } from '../../db/actor'
import { closeDatabase, openDatabase } from '../../db/open'
import { seedMembers } from '../../db/seed'
import { makeContext } from './context'
import { formatRows, once, type BenchRow, type BenchSection } from './report'
import { importSection } from './sections/import'
import { pageSection } from './sections/page'
import { searchSection } from './sections/search'

const SECTIONS: BenchSection[] = [searchSection, pageSection, importSection]

async function main() {
  const { values } = parseArgs({
    options: { members: { type: 'string', default: '100000' }, only: { type: 'string' }, keep: { type: 'boolean' } },
  })
  const members = Number(values.members)
  const dir = mkdtempSync(join(tmpdir(), 'vipdesk-bench-'))
  const file = join(dir, 'bench.sqlite')
  const db = openDatabase(file)
  try {
    process.stderr.write(`seeding ${members.toLocaleString('en-US')} members into ${file}…\n`)
    const t = performance.now()
    seedMembers(db, { members, seed: 2014 }, SYSTEM_ACTOR)
    const seedMs = performance.now() - t
    const mb = (statSync(file).size / 1024 / 1024).toFixed(0)
    const rows: BenchRow[] = [
      {
        label: `seed ${members.toLocaleString('en-US')} sample members`,
        unit: 's',
        service: once(seedMs),
        note: `db ${mb} MB`,
      },
    ]
    const ctx = makeContext(dir, db, file, members)
    for (const section of SECTIONS) {
      if (values.only && section.name !== values.only) continue
      process.stderr.write(`running ${section.name}…\n`)
      rows.push(...(await section.run(ctx)))
    }
    process.stdout.write(`\nvipdesk bench — ${members.toLocaleString('en-US')} members, times in ms unless marked\n`)
    process.stdout.write(`${formatRows(rows)}\n`)
    process.stdout.write(
      "service = the app's own function; bare = the same SQL as a hand-written better-sqlite3 prepared statement\n" +
        '(imports: the same rows copied with bare INSERTs into members, cards and name grams); ratio = service p95 / bare p95\n',
    )
    const missed = rows.filter((r) => r.target !== undefined && r.service && r.service.p95 > r.target)
    process.stdout.write(missed.length ? `\n${missed.length} target(s) missed.\n` : '\nAll measured targets met.\n')
  } finally {
    closeDatabase(db)
    if (values.keep) process.stderr.write(`kept ${dir}\n`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 1
})
