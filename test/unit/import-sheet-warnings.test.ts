import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { previewGiftImport } from '../../db/services/gifts'
import { previewMemberImport, readSheetFile } from '../../db/services/members/import'
import { previewPurchaseImport } from '../../db/services/purchases'
import { importStoreSales } from '../../db/services/reports/storeSalesImport'
import { makeTestDb, type TestDb } from '../support/db'
import { makeSheetDir, writeCsv, writeXlsx, type SheetDir } from '../support/sheets'

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

const OTHER_SHEET = '只读取了第一个工作表「会员」，另外 1 个工作表（「说明」）没有读取'

describe('what the sheet reader says besides the rows', () => {
  it('refuses a formula the file carries no value for, naming the cell, instead of reading it as empty', async () => {
    const file = sheets.path('till.xlsx')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('小票')
    ws.addRow(['单号', '交易时间', '卡号', '金额'])
    ws.addRow(['S1', '2026-11-10 10:00', 'V0001', { formula: '100*2' }])
    await wb.xlsx.writeFile(file)
    await expect(readSheetFile(file)).rejects.toThrow('第 2 行 D 列是公式，但文件里没有保存计算结果')
  })

  it('reads a formula with its calculated value', async () => {
    const file = sheets.path('ok.xlsx')
    await writeXlsx(file, [
      ['单号', '金额'],
      ['S1', { formula: '100*2', result: 200 }],
    ])
    expect((await readSheetFile(file)).rows[0]!.cells[1]).toBe(200)
  })

  it('says a header-only file has nothing to import, for every import', async () => {
    const file = sheets.path('empty.csv')
    writeCsv(file, [['单号', '交易时间', '卡号', '金额']])
    await expect(readSheetFile(file)).rejects.toThrow('文件中没有数据行')
    const sales = sheets.path('sales.csv')
    writeCsv(sales, [['月份', '课别', '销售额']])
    await expect(importStoreSales(t.db, sales, t.admin)).rejects.toThrow('文件中没有数据行')
  })

  it('mentions the workbook’s other sheets in every preview, and not for a CSV', async () => {
    const members = sheets.path('members.xlsx')
    await writeXlsx(members, [
      ['卡号', '姓名'],
      ['V0001', '王芳'],
    ])
    expect(previewMemberImport(t.db, await readSheetFile(members)).warnings).toEqual([OTHER_SHEET])
    const till = sheets.path('till.xlsx')
    await writeXlsx(till, [
      ['单号', '交易时间', '卡号', '金额'],
      ['S1', '2026-11-10 10:00', 'V0001', 10],
    ])
    expect((await previewPurchaseImport(t.db, await readSheetFile(till))).warnings).toEqual([OTHER_SHEET])
    const gifts = sheets.path('gifts.xlsx')
    await writeXlsx(gifts, [
      ['编码', '名称', '类别'],
      ['G1', '雨伞', '积分兑换'],
    ])
    expect(previewGiftImport(t.db, await readSheetFile(gifts)).warnings).toEqual([OTHER_SHEET])
    const csv = sheets.path('members.csv')
    writeCsv(csv, [
      ['卡号', '姓名'],
      ['V0001', '王芳'],
    ])
    expect(previewMemberImport(t.db, await readSheetFile(csv)).warnings).toEqual([])
  })
})
