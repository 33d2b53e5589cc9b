import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSheetFile } from '../../db/services/members/import'
import { createMember } from '../../db/services/members'
import { commitPurchaseImport, guessPurchaseMapping, previewPurchaseImport } from '../../db/services/purchases'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { writeCsv } from '../support/sheets'
import { storeDate } from '../support/storeTime'

let t: TestDb
beforeEach(() => {
  t = makeTestDb()
  createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, t.admin)
  createMember(t.db, { cardNo: 'V0002', name: '李强' }, t.admin)
})
afterEach(() => t.close())

const HEADER = ['小票号', '行号', '销售时间', '会员卡号', '手机号', '实收金额', '课别', '专柜', '特价', '原单号']

async function importRows(rows: string[][], name = 'till.csv') {
  const file = join(t.dir, name)
  writeCsv(file, [HEADER, ...rows])
  const sheet = await readSheetFile(file)
  return commitPurchaseImport(t.db, sheet, guessPurchaseMapping(sheet.headers), t.admin)
}
const pointsOf = (card: string) =>
  t.db.sqlite.prepare('SELECT points, points_debt AS debt FROM members WHERE card_no = ?').get(card)
const count = (table: string) => t.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()

const GOOD = [
  ['S001', '1', '2026-11-09 10:00', 'V0001', '', '¥1,280.00', '营业一课', '雅诗兰黛', '否', ''],
  ['S001', '2', '2026-11-09 10:00', 'V0001', '', '200', '营业一课', '雅诗兰黛', '是', ''],
  ['S002', '1', '2026/11/10 15:20:05', '', '13912345678', '300.50', '营业二课', '耐克', '', ''],
]

describe('till import', () => {
  it('recognises the usual till headers', () => {
    expect(guessPurchaseMapping(HEADER)).toEqual([
      'receiptNo',
      'lineNo',
      'purchasedAt',
      'cardNo',
      'phone',
      'amount',
      'department',
      'counter',
      'specialPrice',
      'originalReceiptNo',
    ])
    expect(guessPurchaseMapping(['交易单号', '交易时间', '卡号', '手机', '金额', '部门', '柜台'])).toEqual([
      'receiptNo',
      'purchasedAt',
      'cardNo',
      'phone',
      'amount',
      'department',
      'counter',
    ])
  })

  it('imports lines with their points: member day doubled, special price none, phone lookup', async () => {
    expect(await importRows(GOOD)).toEqual({ inserted: 3, updated: 0, rejected: [] })
    expect(pointsOf('V0001')).toEqual({ points: 2560 + 300, debt: 0 })
    const explains = t.db.sqlite.prepare('SELECT points_explain FROM purchases ORDER BY id').pluck().all()
    expect(explains).toEqual(['1,280 元 × 2 (会员日) = 2,560', '特价/不积分商品，不积分', '300.5 元 = 300'])
    const last = t.db.sqlite.prepare("SELECT last_purchase_at FROM members WHERE card_no = 'V0001'").pluck().get()
    expect(last).toBe(storeDate(2026, 10, 10, 15, 20, 5).getTime())
  })

  it('adds nothing when the same file comes again', async () => {
    await importRows(GOOD)
    const before = { purchases: count('purchases'), ledger: count('points_ledger'), points: pointsOf('V0001') }
    expect(await importRows(GOOD)).toEqual({ inserted: 0, updated: 0, rejected: [] })
    expect({ purchases: count('purchases'), ledger: count('points_ledger'), points: pointsOf('V0001') }).toEqual(before)
  })

  it('reports bad lines by row, column and reason and keeps the good ones', async () => {
    const result = await importRows([
      ...GOOD,
      ['S003', '1', '2026-11-10 11:00', '', '', '100', '', '', '', ''],
      ['S004', '1', '明天', 'V0001', '', '100', '', '', '', ''],
      ['S005', '1', '2026-11-10 11:00', 'V0002', '', '一百', '', '', '', ''],
      ['S006', '1', '2026-11-10 11:00', 'V9999', '', '100', '', '', '', ''],
      ['S007', '1', '2026-11-10 11:00', 'V0002', '', '-50', '', '', '', 'S404'],
    ])
    expect(result.inserted).toBe(3)
    expect(result.rejected).toEqual([
      { row: 5, column: '会员卡号', reason: '没有卡号或手机号，不是会员消费' },
      { row: 6, column: '销售时间', reason: '无法识别的交易时间（例：2026-11-09 14:30）' },
      { row: 7, column: '实收金额', reason: '金额不是有效数字（单位：元，最多两位小数）' },
      { row: 8, column: '会员卡号', reason: '找不到该卡号的会员' },
      { row: 9, column: '原单号', reason: '找不到该会员的原单 S404' },
    ])
  })

  it('reverses a return against a receipt earlier in the same file, in time order', async () => {
    const result = await importRows([
      // The return is listed first but happened later: time order decides.
      ['T002', '1', '2026-11-12 09:00', 'V0002', '', '-250', '', '', '', 'T001'],
      ['T001', '1', '2026-11-10 09:00', 'V0002', '', '1000', '', '', '', ''],
    ])
    expect(result).toEqual({ inserted: 2, updated: 0, rejected: [] })
    expect(pointsOf('V0002')).toEqual({ points: 750, debt: 0 })
  })

  it('previews exactly what the import would do without writing', async () => {
    const file = join(t.dir, 'preview.csv')
    writeCsv(file, [HEADER, ...GOOD, ['S009', '1', '2026-11-10 11:00', 'V9999', '', '100', '', '', '', '']])
    const before = dumpDb(t.db)
    const p = await previewPurchaseImport(t.db, await readSheetFile(file))
    expect(p).toMatchObject({ willInsert: 3, alreadyThere: 0, missing: [] })
    expect(p.rejected).toHaveLength(1)
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('leaves the database unchanged when the import fails part-way', async () => {
    const file = join(t.dir, 'fail.csv')
    writeCsv(file, [HEADER, ...GOOD])
    const sheet = await readSheetFile(file)
    const before = dumpDb(t.db)
    let calls = 0
    const boom = () => {
      if (++calls === 2) throw new Error('磁盘已满')
    }
    await expect(commitPurchaseImport(t.db, sheet, guessPurchaseMapping(sheet.headers), t.admin, boom)).rejects.toThrow(
      '磁盘已满',
    )
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('accepts a manual mapping by column position', async () => {
    const file = join(t.dir, 'odd.csv')
    writeCsv(file, [
      ['票', '时', '卡', '钱'],
      ['M1', '2026-11-10 10:00', 'V0002', '88'],
    ])
    const sheet = await readSheetFile(file)
    const mapping = ['receiptNo', 'purchasedAt', 'cardNo', 'amount'] as const
    expect(await commitPurchaseImport(t.db, sheet, [...mapping], t.admin)).toEqual({
      inserted: 1,
      updated: 0,
      rejected: [],
    })
    await expect(commitPurchaseImport(t.db, sheet, [null, null, null, null], t.admin)).rejects.toThrow('缺少必需的列')
  })
})
