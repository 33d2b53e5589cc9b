import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { readSheetFile } from '../../db/services/members/import'

let dir: string
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'vipdesk-cjk-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/**
 * exceljs's streaming reader decoded each 16 KB chunk separately and garbled characters that
 * straddled a boundary; a sheet this size has hundreds of boundaries inside Chinese text.
 */
it('reads every Chinese character of a large sheet exactly as written', async () => {
  const file = join(dir, 'big.xlsx')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('会员')
  ws.addRow(['卡号', '姓名', '地址'])
  const streets = ['浙江省杭州市西湖区文三路', '广东省广州市天河区体育西路', '北京市朝阳区建国门外大街']
  const expected: string[][] = []
  for (let i = 0; i < 6000; i++) {
    const row = [`V${100000 + i}`, `欧阳${'静雯丽华'[i % 4]}${i}`, `${streets[i % 3]}${i}号${(i % 7) + 1}栋`]
    expected.push(row)
    ws.addRow(row)
  }
  await wb.xlsx.writeFile(file)
  const sheet = await readSheetFile(file)
  expect(sheet.rows).toHaveLength(6000)
  expect(sheet.rows.map((r) => r.cells.map(String))).toEqual(expected)
})
