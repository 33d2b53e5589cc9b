import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitMemberImport, guessMapping, readSheetFile } from '../../db/services/members/import'
import { makeTestDb, type TestDb } from '../support/db'
import { makeSheetDir, writeCsv, type SheetDir } from '../support/sheets'

let t: TestDb
let files: SheetDir
beforeEach(() => {
  t = makeTestDb()
  files = makeSheetDir()
})
afterEach(() => {
  t.close()
  files.remove()
})

const importCsv = async (rows: string[][]) => {
  const file = files.path('members.csv')
  writeCsv(file, rows)
  const sheet = await readSheetFile(file)
  return commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin)
}

describe('member import bounds', () => {
  it('refuses an opening balance over the limit, reads one written in full-width digits', async () => {
    const r = await importCsv([
      ['卡号', '姓名', '可用积分'],
      ['V100001', '张三', '1000000000000'],
      ['V100002', '李四', '１，２００'],
    ])
    expect(r.inserted).toBe(1)
    expect(r.rejected).toEqual([{ row: 2, column: '可用积分', reason: '期初积分超出上限（最多 10,000,000）' }])
    expect(t.db.sqlite.prepare('SELECT sum(points) FROM members').pluck().get()).toBe(1200)
  })
})
