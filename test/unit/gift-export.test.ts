import { storeToday } from '../../db/clock'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitGiftImport, issueGift, listGifts, updateGift } from '../../db/services/gifts'
import { exportGiftReport, exportGifts } from '../../db/services/gifts/export'
import { readSheetFile } from '../../db/services/members/import'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeGift } from '../support/gifts'
import { makeSheetDir, readXlsxRows, type SheetDir } from '../support/sheets'

let t: TestDb
let other: TestDb
let sheets: SheetDir
beforeEach(() => {
  t = makeTestDb()
  other = makeTestDb()
  sheets = makeSheetDir()
  makeGift(t.db, t.admin, { code: 'G001', name: '保温杯', unitCostFen: 3550, pointsPrice: 500, reorderLevel: 5 }, 12)
  makeGift(t.db, t.admin, { code: 'CAKE', name: '生日蛋糕', category: 'cake', unitCostFen: 7000, pointsPrice: null }, 2)
  // A name Excel would run as a formula comes back as plain text.
  makeGift(t.db, t.admin, { code: 'X1', name: '=1+1 礼盒', category: 'other', unitCostFen: 0, pointsPrice: null })
  updateGift(t.db, { code: 'X1', active: false }, t.admin)
  issueGift(t.db, { code: 'CAKE', quantity: 1, purpose: 'cake' }, t.admin)
})
afterEach(() => {
  t.close()
  other.close()
  sheets.remove()
})

const catalogue = (db: TestDb['db']) =>
  listGifts(db).map((g) => [g.code, g.name, g.category, g.unitCostFen, g.pointsPrice, g.reorderLevel, g.onHand])

describe('gift export', () => {
  it('writes the catalogue with stock and value under headers the importer reads', async () => {
    const file = sheets.path('礼品目录.xlsx')
    expect(await exportGifts(t.db, { file, format: 'xlsx' }, t.admin)).toEqual({ file, count: 3 })
    const { rows } = await readXlsxRows(file)
    expect(rows).toEqual([
      ['编码', '名称', '类别', '成本(元)', '兑换积分', '预警库存', '库存', '库存金额(元)', '状态'],
      ['CAKE', '生日蛋糕', '蛋糕鲜花', 70, undefined, 0, 1, 70, '在用'],
      ['G001', '保温杯', '积分兑换', 35.5, 500, 5, 12, 426, '在用'],
      ['X1', "'=1+1 礼盒", '其他', 0, undefined, 0, 0, 0, '停用'],
    ])
  })

  for (const format of ['xlsx', 'csv'] as const) {
    it(`${format}: an export imports back into an empty store as the same catalogue and stock`, async () => {
      const file = sheets.path(`礼品目录.${format}`)
      await exportGifts(t.db, { file, format }, t.admin)
      if (format === 'csv') expect(readFileSync(file, 'utf8').startsWith('\uFEFF编码,名称,类别,成本(元)')).toBe(true)
      const sheet = await readSheetFile(file)
      expect(await commitGiftImport(other.db, sheet, other.admin)).toEqual({ inserted: 3, updated: 0, rejected: [] })
      expect(catalogue(other.db)).toEqual(catalogue(t.db))
      // Into the store it came from: nothing to change, and the stock is not posted again.
      const before = dumpDb(t.db)
      expect(await commitGiftImport(t.db, sheet, t.admin)).toEqual({ inserted: 0, updated: 0, rejected: [] })
      const { audit_log: _a, ...after } = dumpDb(t.db)
      const { audit_log: _b, ...was } = before
      expect(after).toEqual(was)
    })
  }

  it('writes the month’s report as one sheet with its figures and tables', async () => {
    const file = sheets.path('月报.xlsx')
    const now = storeToday(t.db)
    await exportGiftReport(t.db, { year: now.y, month: now.m, file }, t.admin)
    const { rows } = await readXlsxRows(file)
    expect(rows[0]).toEqual([`礼品月报 ${now.y}-${String(now.m).padStart(2, '0')}`])
    expect(rows).toContainEqual(['礼品成本(元)', 70])
    expect(rows).toContainEqual(['月末库存金额(元)', 12 * 35.5 + 70])
    expect(rows).toContainEqual(['蛋糕鲜花', 1, 70, 1, 70])
    expect(rows).toContainEqual(['蛋糕鲜花配送', 1, 70])
  })
})
