/**
 * `npm run bench`: generates sample members into a temp database and prints how fast the desk's
 * hot paths are, next to the same work as bare prepared statements and the targets.
 * Options: --members N (default 100000), --purchases N (sample purchase lines through the points
 * engine, default 3000000; 0 for none), --only NAME[,NAME] (some sections), --keep (leave the temp folder).
 * To add a section, write one in sections/ and append it to SECTIONS.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { SYSTEM_ACTOR } from '../../db/actor'
import { closeDatabase, openDatabase } from '../../db/open'
import { seedMembers } from '../../db/seed'
import { seedPurchases } from '../../db/seed/purchases'
import { makeContext } from './context'
import { formatRows, once, type BenchRow, type BenchSection } from './report'
import { birthdayPrintSection } from './sections/birthdayPrint'
import { birthdaysSection } from './sections/birthdays'
import { careSection } from './sections/care'
import { careLeagueSection } from './sections/careLeague'
import { careMineSection } from './sections/careMine'
import { giftCatalogueSection } from './sections/giftCatalogue'
import { giftsSection } from './sections/gifts'
import { importSection } from './sections/import'
import { memberFiltersSection } from './sections/memberFilters'
import { pageSection } from './sections/page'
import { pointsSection } from './sections/points'
import { purchaseImportSection } from './sections/purchaseImport'
import { reportsSection } from './sections/reports'
import { searchSection } from './sections/search'
import { serverSection } from './sections/server'
import { vouchersSection } from './sections/vouchers'

// The purchase import runs last: it adds a million lines the other sections should not see.
const SECTIONS: BenchSection[] = [
  searchSection,
  pageSection,
  memberFiltersSection,
  importSection,
  pointsSection,
  purchaseImportSection,
  giftsSection,
  vouchersSection,
  giftCatalogueSection,
  careMineSection,
  careLeagueSection,
  careSection,
  birthdaysSection,
  birthdayPrintSection,
  reportsSection,
  serverSection,
]

async function main() {
  const { values } = parseArgs({
    options: {
      members: { type: 'string', default: '100000' },
      purchases: { type: 'string', default: '3000000' },
      only: { type: 'string' },
      keep: { type: 'boolean' },
    },
  })
  const members = Number(values.members)
  const purchases = Number(values.purchases)
  const only = values.only?.split(',').map((s) => s.trim())
  const unknown = only?.filter((name) => !SECTIONS.some((s) => s.name === name))
  if (unknown?.length) {
    throw new Error(`--only: no section "${unknown.join('", "')}"; sections: ${SECTIONS.map((s) => s.name).join(', ')}`)
  }
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
    if (purchases > 0) {
      process.stderr.write(`seeding ${purchases.toLocaleString('en-US')} purchase lines through the points engine…\n`)
      const t = performance.now()
      const p = seedPurchases(db, { purchases, seed: 2014 }, SYSTEM_ACTOR)
      const ms = performance.now() - t
      rows.push({
        label: `seed ${purchases.toLocaleString('en-US')} sample purchase lines`,
        unit: 's',
        service: once(ms),
        note: `${p.receipts} receipts, ${p.returns} returns; ${(ms / (purchases / 1e6) / 1000).toFixed(0)} s/M; db ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`,
      })
    }
    const ctx = makeContext(dir, db, file, members)
    for (const section of SECTIONS) {
      if (only && !only.includes(section.name)) continue
      process.stderr.write(`running ${section.name}…\n`)
      rows.push(...(await section.run(ctx)))
    }
    process.stdout.write(
      `\nvipdesk bench — ${members.toLocaleString('en-US')} members, ${purchases.toLocaleString('en-US')} seeded purchase lines, times in ms unless marked\n`,
    )
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
