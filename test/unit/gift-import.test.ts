import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitGiftImport, listGifts, receiveStock } from '../../db/services/gifts'
import { readSheetFile } from '../../db/services/members/import'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeSheetDir, writeXlsx, type SheetDir } from '../support/sheets'

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

const HEAD = ['礼品编码', '礼品名称', '类别', '单价', '所需积分', '安全库存', '期初库存']

async function importRows(rows: (string | number | null)[][], head = HEAD) {
  const file = sheets.path(`gifts-${Math.random().toString(36).slice(2)}.xlsx`)
  await writeXlsx(file, [head, ...rows])
  return commitGiftImport(t.db, await readSheetFile(file), t.admin)
}

describe('gift import', () => {
  it('adds gifts with cost in 元, points, reorder level and an opening stock movement', async () => {
    const r = await importRows([
      ['G001', '保温杯', '积分兑换', 35.5, 500, 5, 20],
      ['G002', '生日蛋糕', '蛋糕鲜花', '70', null, 0, 0],
    ])
    expect(r).toEqual({ inserted: 2, updated: 0, rejected: [] })
    expect(
      listGifts(t.db).map((g) => [g.code, g.category, g.unitCostFen, g.pointsPrice, g.reorderLevel, g.onHand]),
    ).toEqual([
      ['G001', 'redemption', 3550, 500, 5, 20],
      ['G002', 'cake', 7000, null, 0, 0],
    ])
    expect(t.db.sqlite.prepare('SELECT kind, quantity, on_hand_after FROM gift_movements').all()).toEqual([
      { kind: 'opening', quantity: 20, on_hand_after: 20 },
    ])
  })

  it('reports bad rows by row and column and imports the rest', async () => {
    const r = await importRows([
      ['G001', '保温杯', '饮料', 10, 500, 5, 20],
      ['', '无编码', '其他', 1, null, 0, 0],
      ['G003', '毛巾', '其他', 'abc', -5, 'x', 1.5],
      ['G004', '雨伞', '开卡礼', 20, null, 2, 3],
    ])
    expect(r.inserted).toBe(1)
    expect(r.rejected).toEqual([
      { row: 2, column: '类别', reason: expect.stringContaining('无法识别的类别') },
      { row: 3, column: '礼品编码', reason: '没有礼品编码' },
      { row: 4, column: '单价', reason: expect.stringContaining('成本不是有效金额') },
      { row: 4, column: '所需积分', reason: '兑换积分须为正整数' },
      { row: 4, column: '安全库存', reason: '预警库存须为不小于 0 的整数' },
      { row: 4, column: '期初库存', reason: '期初库存须为不小于 0 的整数' },
    ])
  })

  it('updates by code on re-import and never posts the opening twice', async () => {
    await importRows([['G001', '保温杯', '积分兑换', 35, 500, 5, 20]])
    receiveStock(t.db, { code: 'G001', quantity: 4 }, t.admin)
    const again = await importRows([['G001', '大保温杯', '积分兑换', 35, 600, 5, 20]])
    expect(again).toEqual({ inserted: 0, updated: 1, rejected: [] })
    expect(listGifts(t.db)[0]).toMatchObject({ name: '大保温杯', pointsPrice: 600, onHand: 24 })
    const before = dumpDb(t.db)
    const same = await importRows([['G001', '大保温杯', '积分兑换', 35, 600, 5, 20]])
    expect(same).toEqual({ inserted: 0, updated: 0, rejected: [] })
    const after = dumpDb(t.db)
    expect(after.gift_movements).toEqual(before.gift_movements)
    expect(after.gifts).toEqual(before.gifts)
  })

  it('accepts the short headers and refuses a sheet without code or name columns', async () => {
    expect(
      await importRows(
        [['A1', '笔', '其他', 2, '', 1, 9]],
        ['编码', '名称', '类别', '成本', '兑换积分', '预警库存', '库存'],
      ),
    ).toEqual({
      inserted: 1,
      updated: 0,
      rejected: [],
    })
    await expect(importRows([['x']], ['品类'])).rejects.toThrow('缺少必需的列：编码、名称')
  })
})
