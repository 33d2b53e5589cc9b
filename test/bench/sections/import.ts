import { join } from 'node:path'
import { closeDatabase } from '../../../db/open'
import { SYSTEM_ACTOR } from '../../../db/actor'
import { exportMembers } from '../../../db/services/members/export'
import { commitMemberImport, guessMapping, readSheetFile } from '../../../db/services/members/import'
import type { BenchContext } from '../context'
import { once, type BenchRow, type BenchSection } from '../report'
import type { Stat } from '../stats'

const isStub = (e: unknown) => e instanceof Error && /not implemented/i.test(e.message)

/**
 * The baseline: the same members copied row for row into an empty database with bare prepared
 * INSERTs (member, card, name grams) in one transaction, i.e. the database work an import
 * cannot avoid, without reading, parsing or checking a file.
 */
function bareCopy(ctx: BenchContext): Stat {
  const target = ctx.freshDb('bare-copy')
  try {
    const cols = (target.sqlite.prepare('PRAGMA table_info(members)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id' && c !== 'referrer_id' && c !== 'created_by' && c !== 'updated_by')
    const insert = target.sqlite.prepare(
      `INSERT INTO members (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    )
    const card = target.sqlite.prepare(
      "INSERT INTO member_cards (card_no, member_id, status, issued_at) VALUES (?, ?, 'active', ?)",
    )
    const gram = target.sqlite.prepare('INSERT OR IGNORE INTO member_name_grams (gram, member_id) VALUES (?, ?)')
    const source = ctx.db.sqlite.prepare(`SELECT ${cols.join(', ')} FROM members ORDER BY id`)
    const rows = source.all() as Record<string, unknown>[]
    const t = performance.now()
    target.sqlite.transaction(() => {
      for (const r of rows) {
        const id = insert.run(r).lastInsertRowid
        card.run(r.card_no, id, r.created_at)
        const chars = [...(r.name as string)]
        for (let i = 0; i < chars.length; i++) {
          gram.run(chars[i], id)
          if (i + 1 < chars.length) gram.run(chars[i]! + chars[i + 1]!, id)
        }
      }
    })()
    return once(performance.now() - t)
  } finally {
    closeDatabase(target)
  }
}

async function importInto(ctx: BenchContext, file: string, name: string) {
  const db = ctx.freshDb(name)
  try {
    const t = performance.now()
    const sheet = await readSheetFile(file)
    const result = await commitMemberImport(db, sheet, guessMapping(sheet.headers), SYSTEM_ACTOR)
    return { ms: performance.now() - t, result }
  } finally {
    closeDatabase(db)
  }
}

export const importSection: BenchSection = {
  name: 'import',
  async run(ctx) {
    const rows: BenchRow[] = []
    const n = ctx.members.toLocaleString('en-US')
    const bare = bareCopy(ctx)
    for (const format of ['csv', 'xlsx'] as const) {
      const file = join(ctx.dir, `members.${format}`)
      const label = `import ${n}-row ${format === 'csv' ? 'CSV' : '.xlsx'} (fresh db)`
      const target = format === 'csv' ? 10_000 : 25_000
      try {
        ctx.log(`exporting ${format}…`)
        const t = performance.now()
        await exportMembers(ctx.db, { file, format, filter: {}, full: true }, SYSTEM_ACTOR)
        rows.push({
          label: `export ${n} members to ${format} (to make the file)`,
          unit: 's',
          service: once(performance.now() - t),
        })
      } catch (e) {
        if (!isStub(e)) throw e
        rows.push({ label, unit: 's', target, note: 'not implemented (export)' })
        continue
      }
      try {
        ctx.log(`importing ${format}…`)
        const { ms, result } = await importInto(ctx, file, `import-${format}`)
        const note = `inserted ${result.inserted}, updated ${result.updated}, rejected ${result.rejected.length}`
        rows.push({ label, unit: 's', service: once(ms), bare, target, note })
      } catch (e) {
        if (!isStub(e)) throw e
        rows.push({ label, unit: 's', target, note: 'not implemented' })
      }
    }
    return rows
  },
}
