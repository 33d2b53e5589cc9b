import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitGiftImport, createGift, receiveStock, updateGift } from '../../db/services/gifts'
import { readSheetFile } from '../../db/services/members/import'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeGift } from '../support/gifts'
import { makeSheetDir, writeCsv, type SheetDir } from '../support/sheets'

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

const HEAD = ['礼品编码', '礼品名称', '类别', '成本价', '所需积分', '安全库存', '期初库存']

async function importRows(rows: string[][]) {
  const file = sheets.path('gifts.csv')
  writeCsv(file, [HEAD, ...rows])
  return commitGiftImport(t.db, await readSheetFile(file), t.admin)
}

describe('gift figures within bounds', () => {
  it('refuses a cost, points price or stock of 1e12, naming the column as headed', async () => {
    const r = await importRows([
      ['G1', '雨伞', '积分兑换', '1000000000000', '', '', ''],
      ['G2', '毛巾', '积分兑换', '', '1000000000000', '', ''],
      ['G3', '水杯', '积分兑换', '', '', '1000000000000', '1000000000000'],
    ])
    expect(r.inserted).toBe(0)
    expect(r.rejected).toEqual([
      { row: 2, column: '成本价', reason: '成本超出上限（最多 100,000 元）' },
      { row: 3, column: '所需积分', reason: '兑换积分超出上限（最多 10,000,000）' },
      { row: 4, column: '安全库存', reason: '预警库存超出上限（最多 1,000,000）' },
      { row: 4, column: '期初库存', reason: '期初库存超出上限（最多 1,000,000）' },
    ])
  })

  it('reads full-width digits in every numeric column; refuses a third decimal of cost', async () => {
    const r = await importRows([
      ['G1', '雨伞', '积分兑换', '３５．５', '１，２００', '３', '２０'],
      ['G2', '毛巾', '积分兑换', '12.345', '', '', ''],
    ])
    expect(r.inserted).toBe(1)
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([[3, '成本价']])
    expect(
      t.db.sqlite
        .prepare("SELECT unit_cost_fen, points_price, reorder_level, on_hand FROM gifts WHERE code = 'G1'")
        .get(),
    ).toEqual({ unit_cost_fen: 3550, points_price: 1200, reorder_level: 3, on_hand: 20 })
  })

  it('the gift form and stock receipt refuse the same figures in Chinese, changing nothing', () => {
    makeGift(t.db, t.admin, { code: 'G1' })
    const before = dumpDb(t.db)
    expect(() =>
      createGift(t.db, { code: 'G2', name: '金条', category: 'redemption', unitCostFen: 20_000_000 }, t.admin),
    ).toThrow('成本超出上限（最多 100,000 元）')
    expect(() => updateGift(t.db, { code: 'G1', unitCostFen: 20_000_000 }, t.admin)).toThrow('成本超出上限')
    expect(() => receiveStock(t.db, { code: 'G1', quantity: 5, unitCostFen: 10 ** 12 }, t.admin)).toThrow(
      '成本超出上限',
    )
    expect(dumpDb(t.db)).toEqual(before)
  })
})
