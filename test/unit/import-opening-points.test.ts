import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitMemberImport, guessMapping, readSheetFile } from '../../db/services/members/import'
import { postPoints } from '../../db/services/points/ledger'
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

const importCsv = async (name: string, rows: string[][]) => {
  const file = files.path(name)
  writeCsv(file, rows)
  const sheet = await readSheetFile(file)
  return commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin)
}
const openings = () =>
  t.db.sqlite
    .prepare(
      `SELECT m.card_no, l.kind, l.delta, l.ref, m.points FROM points_ledger l JOIN members m ON m.id = l.member_id ORDER BY l.id`,
    )
    .all()

describe('opening balances from the old system', () => {
  it('recognises 期初积分, 积分 and 可用积分 as the opening balance column', () => {
    for (const h of ['期初积分', '积分', '可用积分']) expect(guessMapping(['卡号', '姓名', h])[2]).toBe('openingPoints')
  })

  it('posts one opening entry per member, and nothing the second time the file is imported', async () => {
    const rows = [
      ['卡号', '姓名', '可用积分'],
      ['V100001', '张三', '1,200'],
      ['V100002', '李四', '0'],
      ['V100003', '王五', ''],
      ['V100004', '赵六', '350'],
    ]
    await importCsv('old.csv', rows)
    const first = [
      { card_no: 'V100001', kind: 'opening', delta: 1200, ref: 'opening', points: 1200 },
      { card_no: 'V100004', kind: 'opening', delta: 350, ref: 'opening', points: 350 },
    ]
    expect(openings()).toEqual(first)
    await importCsv('old.csv', rows)
    expect(openings()).toEqual(first)
  })

  it('keeps the first opening balance when a later file says otherwise (corrections are adjustments)', async () => {
    await importCsv('a.csv', [
      ['卡号', '姓名', '期初积分'],
      ['V100001', '张三', '500'],
    ])
    const result = await importCsv('b.csv', [
      ['卡号', '姓名', '期初积分'],
      ['V100001', '张三', '800'],
      ['V100002', '李四', '90'],
    ])
    expect(result).toMatchObject({ inserted: 1, updated: 1, rejected: [] })
    expect(openings()).toEqual([
      { card_no: 'V100001', kind: 'opening', delta: 500, ref: 'opening', points: 500 },
      { card_no: 'V100002', kind: 'opening', delta: 90, ref: 'opening', points: 90 },
    ])
  })

  it('posts nothing for a member whose points history has started (e.g. our own export read back)', async () => {
    await importCsv('a.csv', [
      ['卡号', '姓名'],
      ['V100001', '张三'],
    ])
    const id = t.db.sqlite.prepare("SELECT id FROM members WHERE card_no = 'V100001'").pluck().get() as number
    t.db.sqlite.transaction(() => postPoints(t.db, { memberId: id, kind: 'earn', points: 640 }, t.admin))()
    await importCsv('export.csv', [
      ['卡号', '姓名', '积分'],
      ['V100001', '张三', '640'],
    ])
    expect(openings()).toEqual([{ card_no: 'V100001', kind: 'earn', delta: 640, ref: null, points: 640 }])
  })

  it('rejects a negative or fractional balance with row, column and reason; the good rows go in', async () => {
    const result = await importCsv('bad.csv', [
      ['卡号', '姓名', '积分'],
      ['V100001', '张三', '-5'],
      ['V100002', '李四', '12.5'],
      ['V100003', '王五', '十'],
      ['V100004', '赵六', '40'],
    ])
    const reason = '期初积分必须是不小于 0 的整数'
    expect(result).toEqual({
      inserted: 1,
      updated: 0,
      rejected: [
        { row: 2, column: '积分', reason },
        { row: 3, column: '积分', reason },
        { row: 4, column: '积分', reason },
      ],
    })
    expect(openings()).toEqual([{ card_no: 'V100004', kind: 'opening', delta: 40, ref: 'opening', points: 40 }])
  })
})
