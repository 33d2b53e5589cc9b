import { addDepartment } from '../../db/services/departments'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/handle'
import { closeDatabase, defaultMigrationsFolder, openDatabase } from '../../db/open'
import { createMember } from '../../db/services/members'
import { readSheetFile } from '../../db/services/members/import'
import { setupAdmin, toActor } from '../../db/services/operators'
import { postPoints } from '../../db/services/points/ledger'
import { commitPurchaseImport, guessPurchaseMapping } from '../../db/services/purchases'
import { recordPurchase } from '../../db/services/purchases/desk'
import { writeCsv } from '../support/sheets'
import { buildReportScenario, type ReportScenario } from '../support/reportScenario'
import { storeDate, storeDayOf } from '../support/storeTime'

/** sales_monthly as a GROUP BY over purchases would give it. */
function salesByGroup(db: Db) {
  return db.sqlite
    .prepare(
      `SELECT purchase_date / 100 AS month, department, sum(amount_fen) AS amount_fen,
              sum(amount_fen > 0) AS lines, sum(amount_fen < 0) AS return_lines
         FROM purchases GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all()
}
const salesKept = (db: Db) =>
  db.sqlite.prepare(`SELECT month, department, amount_fen, lines, return_lines FROM sales_monthly ORDER BY 1, 2`).all()

/** points_monthly worked out in JS: the local calendar month of each entry, its purchase's department. */
function pointsByGroup(db: Db) {
  const rows = db.sqlite
    .prepare(
      `SELECT l.at, l.kind, coalesce(p.department, '') AS department, l.delta
         FROM points_ledger l LEFT JOIN purchases p ON p.id = l.purchase_id`,
    )
    .all() as { at: number; kind: string; department: string; delta: number }[]
  const sums = new Map<string, { month: number; kind: string; department: string; points: number; entries: number }>()
  for (const r of rows) {
    const month = Math.floor(storeDayOf(r.at) / 100)
    const key = `${month}|${r.kind}|${r.department}`
    const s = sums.get(key) ?? { month, kind: r.kind, department: r.department, points: 0, entries: 0 }
    s.points += r.delta
    s.entries++
    sums.set(key, s)
  }
  const order = (a: { month: number; kind: string; department: string }) => `${a.month}|${a.kind}|${a.department}`
  return [...sums.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
}
const pointsKept = (db: Db) =>
  (
    db.sqlite.prepare(`SELECT month, kind, department, points, entries FROM points_monthly`).all() as {
      month: number
      kind: string
      department: string
    }[]
  ).sort((a, b) => {
    const x = `${a.month}|${a.kind}|${a.department}`
    const y = `${b.month}|${b.kind}|${b.department}`
    return x < y ? -1 : x > y ? 1 : 0
  })

const expectInStep = (db: Db) => {
  expect(salesKept(db)).toEqual(salesByGroup(db))
  expect(pointsKept(db)).toEqual(pointsByGroup(db))
}

describe('monthly sums kept with each purchase and points movement', () => {
  let s: ReportScenario | undefined
  afterEach(() => s?.close())

  it('equal the GROUP BY after seeding, desk purchases, returns, redemptions, expiry and adjustments', () => {
    s = buildReportScenario({ members: 150, purchases: 1500 })
    expect(salesKept(s.db).length).toBeGreaterThan(20)
    expect(salesKept(s.db).some((r) => (r as { return_lines: number }).return_lines > 0)).toBe(true)
    expectInStep(s.db)
  })

  it('equal the GROUP BY after a till import with a return, and a failed write leaves them unchanged', async () => {
    s = buildReportScenario({ members: 60, purchases: 300 })
    const db = s.db
    createMember(db, { cardNo: 'T0001', name: '王芳', phone: '13912345678' }, s.admin)
    // A till file's 课别 must be on the list (设置 → 课别与专柜).
    addDepartment(db, { name: '营业九课' }, s.admin)
    const file = join(s.dir, 'till.csv')
    writeCsv(file, [
      ['小票号', '行号', '销售时间', '会员卡号', '手机号', '实收金额', '课别', '专柜', '特价', '原单号'],
      ['I001', '1', '2026-10-31 23:30', 'T0001', '', '1,280.00', '营业一课', '雅诗兰黛', '否', ''],
      ['I001', '2', '2026-11-01 00:10', 'T0001', '', '200', '营业九课', '书店', '否', ''],
      ['I002', '1', '2026-11-02 15:20', '', '13912345678', '-300', '营业一课', '雅诗兰黛', '', 'I001'],
    ])
    const sheet = await readSheetFile(file)
    const r = await commitPurchaseImport(db, sheet, guessPurchaseMapping(sheet.headers), s.admin)
    expect(r.rejected).toEqual([])
    expect(r.inserted).toBe(3)
    expectInStep(db)
    const nine = db.sqlite.prepare(`SELECT amount_fen FROM sales_monthly WHERE department = '营业九课'`).pluck().all()
    expect(nine).toEqual([20000])

    const before = [salesKept(db), pointsKept(db)]
    const id = db.sqlite.prepare(`SELECT id FROM members WHERE card_no = 'T0001'`).pluck().get() as number
    expect(() =>
      db.sqlite.transaction(() => {
        recordPurchase(db, { memberId: id, receiptNo: 'X1', amountFen: 99_900, department: '营业一课' }, s!.admin)
        postPoints(db, { memberId: id, kind: 'adjust', points: 10, reason: '测试' }, s!.admin)
        throw new Error('断电')
      })(),
    ).toThrow('断电')
    expect([salesKept(db), pointsKept(db)]).toEqual(before)
    // A refused purchase (unknown member) changes nothing either.
    expect(() => recordPurchase(db, { cardNo: 'NOPE', receiptNo: 'X2', amountFen: 100 }, s!.admin)).toThrow()
    expect([salesKept(db), pointsKept(db)]).toEqual(before)
    expectInStep(db)
  })
})

describe('migration 0008 backfills the sums from the history already there', () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  /** db/migrations as it stood before the reports: the journal cut after 0007. */
  function foldersUpTo0007(): string {
    const folder = join(dir, 'migrations-0007')
    cpSync(defaultMigrationsFolder(), folder, { recursive: true })
    const journalFile = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
    journal.entries = journal.entries.filter((e) => e.tag < '0008')
    writeFileSync(journalFile, JSON.stringify(journal))
    return folder
  }

  it('sums match the GROUP BY after migrating a populated 0007 database', () => {
    dir = mkdtempSync(join(tmpdir(), 'vipdesk-rollups-'))
    const file = join(dir, 'old.sqlite')
    const old = openDatabase(file, { migrationsFolder: foldersUpTo0007(), now: () => storeDate(2026, 10, 23, 10) })
    const tables = () =>
      old.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]
    expect(tables()).not.toContain('sales_monthly')
    const admin = toActor(setupAdmin(old, { name: 'admin', password: 'secret123' }))
    const ids = Array.from(
      { length: 8 },
      (_, i) => createMember(old, { cardNo: `OLD${1000 + i}`, name: `老会员${i}` }, admin).id,
    )
    const insert = old.sqlite.prepare(
      `INSERT INTO purchases (receipt_no, line_no, member_id, member_ref, purchased_at, purchase_date, amount_fen,
         department, counter, no_points, original_receipt_no, points, points_explain, source, created_at, created_by)
       VALUES (?, 1, ?, '', ?, ?, ?, ?, '', 0, NULL, ?, '', 'desk', ?, ?)`,
    )
    const ledger = old.sqlite.prepare(
      `INSERT INTO points_ledger (member_id, at, kind, delta, balance_after, purchase_id, reason, created_at)
       VALUES (?, ?, ?, ?, 0, ?, '', ?)`,
    )
    let n = 0
    old.sqlite.transaction(() => {
      for (let month = 0; month < 14; month++) {
        for (const [k, id] of ids.entries()) {
          // Late evening on the month's last day: the local month, not UTC's, must hold it.
          const at = storeDate(2025, 9 + month + 1, 0, 23, 30 - k).getTime()
          const day = storeDayOf(at)
          const amount = (k % 4 === 3 ? -1 : 1) * (1000 + month * 37 + k * 11)
          const p = insert.run(
            `R${n++}`,
            id,
            at,
            day,
            amount,
            ['营业一课', '营业二课', ''][k % 3],
            amount / 100,
            at,
            admin.id,
          )
          ledger.run(id, at, amount > 0 ? 'earn' : 'return', Math.trunc(amount / 100), p.lastInsertRowid, at)
          if (k === 0) ledger.run(id, at + 60_000, ['redeem', 'expire', 'adjust'][month % 3], -5, null, at)
        }
      }
    })()
    const wantSales = salesByGroup(old)
    const wantPoints = pointsByGroup(old)
    closeDatabase(old)

    const migrated = openDatabase(file)
    try {
      expect(salesKept(migrated)).toEqual(wantSales)
      expect(pointsKept(migrated)).toEqual(wantPoints)
      expect(wantSales.length).toBeGreaterThan(20)
      // From here on the services keep them.
      recordPurchase(
        migrated,
        { memberId: ids[0]!, receiptNo: 'NEW1', amountFen: 5_000, department: '营业二课' },
        admin,
      )
      expectInStep(migrated)
    } finally {
      closeDatabase(migrated)
    }
  })
})
