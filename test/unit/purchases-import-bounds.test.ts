import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSheetFile } from '../../db/services/members/import'
import { createMember } from '../../db/services/members'
import { commitPurchaseImport, guessPurchaseMapping, recordPurchase } from '../../db/services/purchases'
import { updateSettings } from '../../db/services/settings'
import { DEFAULT_LIMITS } from '../../db/rules/limits'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { writeCsv } from '../support/sheets'

// The test clock is 2026-11-23 10:00 in Shanghai.
let t: TestDb
beforeEach(() => {
  t = makeTestDb()
  createMember(t.db, { cardNo: 'V0001', name: '王芳' }, t.admin)
  createMember(t.db, { cardNo: 'V0002', name: '李强' }, t.admin)
})
afterEach(() => t.close())

const HEADER = ['小票号', '行号', '销售时间', '会员卡号', '实收金额', '课别', '专柜', '原单号']

async function importRows(rows: string[][]) {
  const file = join(t.dir, 'till.csv')
  writeCsv(file, [HEADER, ...rows])
  const sheet = await readSheetFile(file)
  return commitPurchaseImport(t.db, sheet, guessPurchaseMapping(sheet.headers), t.admin)
}
const count = (table: string) => t.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()

describe('till import bounds', () => {
  it('refuses a line of more than 1,000,000 元, in either direction, naming the column as headed', async () => {
    const r = await importRows([
      ['S1', '1', '2026-11-10 10:00', 'V0001', '1,000,000,000,000', '', '', ''],
      ['S2', '1', '2026-11-10 10:00', 'V0001', '-1000000.01', '', '', 'S0'],
      ['S3', '1', '2026-11-10 10:00', 'V0001', '1000000', '', '', ''],
    ])
    expect(r.inserted).toBe(1)
    expect(r.rejected).toEqual([
      { row: 2, column: '实收金额', reason: '金额超出上限（单行最多 1,000,000 元），请核对单位是否为元' },
      { row: 3, column: '实收金额', reason: '金额超出上限（单行最多 1,000,000 元），请核对单位是否为元' },
    ])
    expect(t.db.sqlite.prepare('SELECT receipt_no FROM purchases').pluck().all()).toEqual(['S3'])
  })

  it('refuses dates before 1990 and after the store’s tomorrow', async () => {
    const r = await importRows([
      ['S1', '1', '1800-01-01 10:00', 'V0001', '10', '', '', ''],
      ['S2', '1', '2100-01-01 10:00', 'V0001', '10', '', '', ''],
      ['S3', '1', '2026-11-25 00:00', 'V0001', '10', '', '', ''],
      ['S4', '1', '2026-11-24 23:59', 'V0001', '10', '', '', ''],
      ['S5', '1', '1990-01-01 00:00', 'V0001', '10', '', '', ''],
    ])
    expect(r.inserted).toBe(2)
    expect(r.rejected.map((x) => [x.row, x.column, x.reason])).toEqual([
      [2, '销售时间', '交易日期不能早于 1990-01-01'],
      [3, '销售时间', '交易日期不能晚于 2026-11-24（门店今天之后）'],
      [4, '销售时间', '交易日期不能晚于 2026-11-24（门店今天之后）'],
    ])
  })

  it('refuses receipt numbers, departments and counters longer than the limits', async () => {
    const r = await importRows([
      ['R'.repeat(10000), '1', '2026-11-10 10:00', 'V0001', '10', '', '', ''],
      ['S2', '1', '2026-11-10 10:00', 'V0001', '10', '课'.repeat(21), '', ''],
      ['S3', '1', '2026-11-10 10:00', 'V0001', '10', '', '柜'.repeat(21), ''],
    ])
    expect(r.inserted).toBe(0)
    expect(r.rejected).toEqual([
      { row: 2, column: '小票号', reason: '单号最多 40 个字符' },
      { row: 3, column: '课别', reason: '课别最多 20 个字符' },
      { row: 4, column: '专柜', reason: '柜台最多 20 个字符' },
    ])
  })

  it('follows the limits setting', async () => {
    updateSettings(t.db, { limits: { ...DEFAULT_LIMITS, maxLineFen: 50_000 } }, t.admin)
    const r = await importRows([['S1', '1', '2026-11-10 10:00', 'V0001', '500.01', '', '', '']])
    expect(r.rejected[0]!.reason).toBe('金额超出上限（单行最多 500 元），请核对单位是否为元')
  })

  it('reports a second line with the same receipt and line number instead of dropping it', async () => {
    const r = await importRows([
      ['S1', '1', '2026-11-10 10:00', 'V0001', '10', '', '', ''],
      ['S1', '1', '2026-11-10 10:00', 'V0002', '99999', '', '', ''],
    ])
    expect(r.inserted).toBe(1)
    expect(r.rejected).toEqual([{ row: 3, column: '行号', reason: '与第 2 行的单号和行号重复' }])
  })

  it('reads full-width line numbers and amounts; refuses a third decimal', async () => {
    const r = await importRows([
      ['S1', '１', '2026-11-10 10:00', 'V0001', '１２．３４', '', '', ''],
      ['S2', '1', '2026-11-10 10:00', 'V0001', '12.345', '', '', ''],
    ])
    expect(r.inserted).toBe(1)
    expect(t.db.sqlite.prepare("SELECT amount_fen FROM purchases WHERE receipt_no = 'S1'").pluck().get()).toBe(1234)
    expect(r.rejected.map((x) => x.row)).toEqual([3])
  })

  it('refuses a return dated before its original sale with that reason, in the file and at the desk', async () => {
    const r = await importRows([
      ['S1', '1', '2026-11-10 10:00', 'V0001', '100', '', '', ''],
      ['T1', '1', '2026-11-09 10:00', 'V0001', '-50', '', '', 'S1'],
    ])
    expect(r.rejected).toEqual([{ row: 3, column: '原单号', reason: '退货时间早于原单的销售时间' }])
    const before = dumpDb(t.db)
    expect(() =>
      recordPurchase(
        t.db,
        {
          cardNo: 'V0001',
          receiptNo: 'T2',
          amountFen: -5000,
          originalReceiptNo: 'S1',
          purchasedAt: Date.parse('2026-11-08T10:00:00+08:00'),
        },
        t.admin,
      ),
    ).toThrow('退货时间早于原单的销售时间')
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('the desk refuses the same absurd figures', () => {
    const desk = (extra: object) => () =>
      recordPurchase(t.db, { cardNo: 'V0001', receiptNo: 'D1', amountFen: 100, ...extra }, t.admin)
    expect(desk({ amountFen: 100_000_000_000_000 })).toThrow('金额超出上限')
    expect(desk({ purchasedAt: Date.parse('1800-01-01T10:00:00+08:00') })).toThrow('交易日期不能早于 1990-01-01')
    expect(desk({ purchasedAt: Date.parse('2100-01-01T10:00:00+08:00') })).toThrow('交易日期不能晚于')
    expect(count('purchases')).toBe(0)
  })
})
