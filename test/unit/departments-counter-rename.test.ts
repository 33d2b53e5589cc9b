import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppError } from '../../db/errors'
import { addDepartment, canonicalCounter, listDepartments, updateCounter } from '../../db/services/departments'
import { createMember } from '../../db/services/members'
import { recordPurchase } from '../../db/services/purchases'
import { makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

// 改名 of a 专柜 keeps history the way a 课别's rename does: purchases keep the text their receipt
// had, the old name stays as the counter's alias (shown as 也认作), so a till file or a desk entry
// with the old name is read as the renamed counter.
let t: TestDb
beforeEach(() => {
  t = makeTestDb()
  createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, t.admin)
  addDepartment(t.db, { name: '营业六课', counters: ['兰蔻', '雅诗兰黛'] }, t.admin)
})
afterEach(() => t.close())

const when = storeDate(2026, 10, 10, 14, 0).getTime()
const six = () => listDepartments(t.db).find((d) => d.name === '营业六课')!
const counter = (name: string) => six().counters.find((c) => c.name === name)!
const sale = (receiptNo: string, name: string) =>
  recordPurchase(
    t.db,
    { cardNo: 'V0001', receiptNo, amountFen: 100, purchasedAt: when, department: '营业六课', counter: name },
    t.admin,
  )

describe('renaming a 专柜', () => {
  it('keeps the old name as its alias; old lines keep their text; the old name is read as the new one', () => {
    sale('R1', '兰蔻')
    const row = updateCounter(t.db, { id: counter('兰蔻').id, name: '兰蔻专柜' }, t.admin)
    expect(row.counters[0]).toMatchObject({ name: '兰蔻专柜', active: true, aliases: ['兰蔻'] })
    expect(canonicalCounter(t.db, '营业六课', '兰蔻')).toBe('兰蔻专柜')
    sale('R2', '兰蔻')
    expect(t.db.sqlite.prepare('SELECT receipt_no, counter FROM purchases ORDER BY id').all()).toEqual([
      { receipt_no: 'R1', counter: '兰蔻' },
      { receipt_no: 'R2', counter: '兰蔻专柜' },
    ])
    const audit = t.db.sqlite.prepare(`SELECT summary, operator_id FROM audit_log WHERE entity = 'counter'`).all()
    expect(audit).toEqual([{ summary: '专柜 兰蔻 改名为 兰蔻专柜（旧名保留为别名）', operator_id: t.admin.id }])
  })

  it('refuses another counter’s name or old name in Chinese, and changes nothing', () => {
    updateCounter(t.db, { id: counter('兰蔻').id, name: '兰蔻专柜' }, t.admin)
    const refused = (name: string) => {
      try {
        updateCounter(t.db, { id: counter('雅诗兰黛').id, name }, t.admin)
      } catch (e) {
        return (e as AppError).message
      }
      throw new Error('expected a refusal')
    }
    expect(refused('兰蔻专柜')).toBe('该课别已有专柜「兰蔻专柜」')
    expect(refused('兰蔻')).toBe('「兰蔻」已是该课别另一个专柜的旧名或别名，不能再用作新名')
    expect(six().counters.map((c) => [c.name, c.aliases])).toEqual([
      ['兰蔻专柜', ['兰蔻']],
      ['雅诗兰黛', []],
    ])
  })
})
