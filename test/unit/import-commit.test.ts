import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/services/audit'
import { createMember, replaceCard } from '../../db/services/members'
import {
  commitMemberImport,
  guessMapping,
  isImporting,
  readSheetFile,
  type ImportProgress,
  type SheetData,
} from '../../db/services/members/import'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { idNumberFor } from '../support/identity'
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

const importCsv = async (name: string, rows: string[][], encoding?: 'utf8' | 'utf8-bom' | 'gbk') => {
  const file = files.path(name)
  writeCsv(file, rows, encoding)
  const sheet = await readSheetFile(file)
  return commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin)
}
const count = (sql: string, ...args: unknown[]) =>
  t.db.sqlite
    .prepare(sql)
    .pluck()
    .get(...args) as number
const member = (card: string) =>
  t.db.sqlite.prepare('SELECT * FROM members WHERE card_no = ?').get(card) as Record<string, unknown>

/** n generated rows: card V100000+i, a valid phone, name 会员i. */
function bigSheet(n: number): SheetData {
  const rows = Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    cells: [`V${100000 + i}`, `会员${i}`, `139${String(i).padStart(8, '0')}`],
  }))
  return { fileName: 'big.csv', headers: ['卡号', '姓名', '手机'], rows }
}

describe('committing an import', () => {
  const LIST = [
    ['卡号', '姓名', '手机', '等级', '短信同意'],
    ['V0001', '张三', '13812345678', '金卡', '是'],
    ['V0002', '李四', '13912345678', '银卡', '否'],
    ['V0003', '王五', 'bad', '', ''],
  ]

  it('inserts valid rows, lists the invalid ones, and writes one audit entry for the file', async () => {
    const result = await importCsv('名单.csv', LIST)
    expect(result).toEqual({
      inserted: 2,
      updated: 0,
      rejected: [{ row: 4, column: '手机', reason: '手机号应为11位中国大陆手机号（1开头）' }],
    })
    expect(count('SELECT count(*) FROM members')).toBe(2)
    expect(count('SELECT count(*) FROM member_cards')).toBe(2)
    expect(count("SELECT count(*) FROM consent_events WHERE channel = 'sms' AND granted = 1")).toBe(1)
    const audit = listAudit(t.db, {}).rows.filter((r) => r.action === 'import')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).toBe('导入会员（文件：名单.csv）：新增2条，更新0条，拒绝1行')
  })

  it('updates instead of duplicating when the same file is imported again', async () => {
    await importCsv('名单.csv', LIST)
    const again = await importCsv('名单.csv', LIST)
    expect(again.inserted).toBe(0)
    expect(again.updated).toBe(2)
    expect(count('SELECT count(*) FROM members')).toBe(2)
    expect(count('SELECT count(*) FROM consent_events')).toBe(1)
  })

  it('changes only what the row says: blank cells and unmapped columns keep their values', async () => {
    await importCsv('first.csv', [
      ['卡号', '姓名', '手机', '等级', '省份', '城市', '区县', '备注'],
      ['V0001', '张三', '13812345678', '金卡', '广东', '广州', '天河区', '老顾客'],
    ])
    const result = await importCsv('second.csv', [
      ['卡号', '姓名', '手机', '等级', '省份'],
      ['V0001', '', '', '钻石卡', '广东省'],
    ])
    expect(result.updated).toBe(1)
    expect(member('V0001')).toMatchObject({
      name: '张三',
      phone: '13812345678',
      tier: '钻石卡',
      province: '广东省',
      city: '广州市',
      district: '天河区',
      notes: '老顾客',
    })
    // A new city on its own keeps the province but drops the district that belonged to the old city.
    await importCsv('third.csv', [
      ['卡号', '姓名', '城市'],
      ['V0001', '', '深圳'],
    ])
    expect(member('V0001')).toMatchObject({ province: '广东省', city: '深圳市', district: null })
  })

  it('updates a member found by an old, replaced card number', async () => {
    const a = createMember(t.db, { cardNo: 'V0001', name: '张三' }, t.admin)
    replaceCard(t.db, { id: a.id, newCardNo: 'V9001' }, t.admin)
    const result = await importCsv('old-card.csv', [
      ['卡号', '姓名', '手机'],
      ['V0001', '张三', '13812345678'],
    ])
    expect(result).toMatchObject({ inserted: 0, updated: 1 })
    expect(member('V9001')).toMatchObject({ id: a.id, phone: '13812345678' })
  })

  it('checks an update against what is on file (ID number against the stored birthday)', async () => {
    createMember(t.db, { cardNo: 'V0001', name: '张三', birthday: '1990-01-02' }, t.admin)
    const result = await importCsv('id.csv', [
      ['卡号', '姓名', '身份证号'],
      ['V0001', '', idNumberFor('19900105')],
    ])
    expect(result.rejected).toEqual([
      { row: 2, column: '生日', reason: '生日与身份证号中的出生日期（1990-01-05）不一致' },
    ])
    expect(member('V0001').id_number).toBeNull()
  })

  it('reads a GBK file saved by Chinese Excel', async () => {
    await importCsv(
      'gbk.csv',
      [
        ['会员卡号', '会员姓名', '联系地址'],
        ['V0001', '欧阳娜娜', '广东省广州市天河区体育西路1号'],
      ],
      'gbk',
    )
    expect(member('V0001')).toMatchObject({
      name: '欧阳娜娜',
      province: '广东省',
      district: '天河区',
      address: '体育西路1号',
    })
  })
})

describe('referrers in an import', () => {
  it('accepts a referrer further down the file and enforces the limit of three', async () => {
    const rows = [['卡号', '姓名', '推荐人卡号']]
    for (let i = 1; i <= 4; i++) rows.push([`V000${i}`, `朋友${i}`, 'V0009'])
    rows.push(['V0009', '老会员', ''], ['V0010', '自己', 'V0010'], ['V0011', '某人', 'V9999'])
    const result = await importCsv('referrals.csv', rows)
    expect(result.inserted).toBe(4)
    expect(result.rejected).toEqual([
      { row: 5, column: '推荐人卡号', reason: '该推荐人已推荐3人，达到上限3人' },
      { row: 7, column: '推荐人卡号', reason: '会员不能推荐自己' },
      { row: 8, column: '推荐人卡号', reason: '找不到该推荐人卡号（既不在系统中，也不在本文件的有效行中）' },
    ])
    expect(
      count('SELECT count(*) FROM members WHERE referrer_id = (SELECT id FROM members WHERE card_no = ?)', 'V0009'),
    ).toBe(3)
  })
})

describe('an import that cannot finish', () => {
  it('refuses a mapping without card number or name and changes nothing', async () => {
    const before = dumpDb(t.db)
    const sheet: SheetData = { fileName: 'x.csv', headers: ['姓名'], rows: [{ row: 2, cells: ['张三'] }] }
    await expect(commitMemberImport(t.db, sheet, ['name'], t.admin)).rejects.toMatchObject({
      kind: 'validation',
      message: '请先为「卡号」指定对应的列',
    })
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('leaves the database exactly as it was when a write fails midway', async () => {
    createMember(t.db, { cardNo: 'V0001', name: '已有会员' }, t.admin)
    // A real SQLite failure on the 3,001st new member, after several progress pauses.
    t.db.sqlite.exec(`CREATE TRIGGER fail_import BEFORE INSERT ON members WHEN NEW.card_no = 'V103000'
      BEGIN SELECT RAISE(ABORT, '磁盘故障'); END`)
    const before = dumpDb(t.db)
    const phases = new Set<string>()
    const sheet = bigSheet(5000)
    await expect(
      commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin, (p) => phases.add(p.phase)),
    ).rejects.toThrow('磁盘故障')
    expect(phases).toEqual(new Set(['check', 'write']))
    expect(dumpDb(t.db)).toEqual(before)
    expect(t.db.sqlite.inTransaction).toBe(false)
    expect(isImporting(t.db)).toBe(false)
  })

  it('rolls back when the caller gives up during progress', async () => {
    const before = dumpDb(t.db)
    const sheet = bigSheet(4500)
    const stop = (p: ImportProgress) => {
      if (p.phase === 'write' && p.done >= 4000) throw new Error('窗口已关闭')
    }
    await expect(commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin, stop)).rejects.toThrow(
      '窗口已关闭',
    )
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('refuses a second import while the first holds its transaction', async () => {
    const sheet = bigSheet(3000)
    const first = commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin)
    expect(isImporting(t.db)).toBe(true)
    await expect(commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin)).rejects.toMatchObject({
      kind: 'conflict',
    })
    expect(await first).toMatchObject({ inserted: 3000, updated: 0 })
  })
})

describe('progress', () => {
  it('reports checking and writing in batches, ending at the total', async () => {
    const sheet = bigSheet(4100)
    const seen: ImportProgress[] = []
    await commitMemberImport(t.db, sheet, guessMapping(sheet.headers), t.admin, (p) => seen.push(p))
    expect(seen.filter((p) => p.phase === 'check').map((p) => p.done)).toEqual([2000, 4000, 4100])
    expect(seen.filter((p) => p.phase === 'write').map((p) => p.done)).toEqual([2000, 4000, 4100])
    expect(count('SELECT count(*) FROM members')).toBe(4100)
  })
})
