import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitGiftImport, guessGiftMapping, previewGiftImport } from '../../db/services/gifts'
import { readSheetFile, type SheetData } from '../../db/services/members/import'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeGift } from '../support/gifts'
import { makeSheetDir, writeXlsx, type SheetDir, type XlsxCell } from '../support/sheets'

let t: TestDb
let sheets: SheetDir
beforeEach(() => {
  t = makeTestDb()
  sheets = makeSheetDir()
})
afterEach(() => {
  t.close()
  sheets.remove()
})

async function sheetOf(rows: XlsxCell[][]): Promise<SheetData> {
  const file = sheets.path(`gifts-${Math.random().toString(36).slice(2)}.xlsx`)
  await writeXlsx(file, rows)
  return readSheetFile(file)
}

// 供应商 is a column the importer does not know; G009 is new but has no category (only the
// database can tell that it is new).
const ROWS: XlsxCell[][] = [
  ['编码', '名称', '类别', '成本(元)', '兑换积分', '预警库存', '库存', '供应商'],
  ['G001', '保温杯', '积分兑换', 35.5, 500, 5, 20, '华美'], // 2: known, cost changes
  ['G002', '雨伞', '开卡礼', 15, null, 2, 3, '华美'], // 3: new
  ['G003', '毛巾', '饮料', 'abc', null, 0, 0, ''], // 4: bad category and cost
  ['G009', '围巾', null, 20, null, 0, 0, ''], // 5: new without category
  ['G005', '蛋糕', '蛋糕鲜花', 70, null, 0, 0, ''], // 6: known, unchanged
]

describe('gift import preview', () => {
  it('lists every bad cell and what the import would do, and writes nothing', async () => {
    makeGift(t.db, t.admin, { code: 'G001', name: '保温杯', unitCostFen: 3000, reorderLevel: 5 }, 2)
    makeGift(t.db, t.admin, { code: 'G005', name: '蛋糕', category: 'cake', unitCostFen: 7000, pointsPrice: null })
    const sheet = await sheetOf(ROWS)
    const before = dumpDb(t.db)
    const preview = previewGiftImport(t.db, sheet)
    expect(preview).toMatchObject({
      totalRows: 5,
      mapping: ['code', 'name', 'category', 'unitCost', 'pointsPrice', 'reorderLevel', 'opening', null],
      missing: [],
      willInsert: 1,
      willUpdate: 1,
      unchanged: 1,
    })
    expect(preview.rejected).toEqual([
      { row: 4, column: '类别', reason: expect.stringContaining('无法识别的类别') },
      { row: 4, column: '成本(元)', reason: expect.stringContaining('成本不是有效金额') },
      { row: 5, column: '类别', reason: '新礼品须填写类别' },
    ])
    expect(dumpDb(t.db)).toEqual(before)

    // The commit does what the preview said.
    const done = await commitGiftImport(t.db, sheet, t.admin)
    expect(done).toEqual({ inserted: preview.willInsert, updated: preview.willUpdate, rejected: preview.rejected })
  })

  it('names the required columns nobody mapped, and takes a mapping by hand', async () => {
    const sheet = await sheetOf([
      ['货号', '品名', '类别'],
      ['G001', '保温杯', '积分兑换'],
    ])
    expect(guessGiftMapping(sheet.headers)).toEqual([null, 'name', 'category'])
    expect(previewGiftImport(t.db, sheet)).toMatchObject({ missing: ['编码'], willInsert: 0, rejected: [] })
    await expect(commitGiftImport(t.db, sheet, t.admin)).rejects.toThrow('缺少必需的列：编码')
    const mapped = previewGiftImport(t.db, sheet, ['code', 'name', 'category'])
    expect(mapped).toMatchObject({ missing: [], willInsert: 1 })
    expect(await commitGiftImport(t.db, sheet, t.admin, ['code', 'name', 'category'])).toEqual({
      inserted: 1,
      updated: 0,
      rejected: [],
    })
  })
})
