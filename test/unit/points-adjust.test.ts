import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../db/rules/roles'
import { createMember } from '../../db/services/members'
import { createOperator, toActor } from '../../db/services/operators'
import { adjustPoints } from '../../db/services/points/adjust'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

let t: TestDb
let id: number
beforeEach(() => {
  t = makeTestDb()
  id = createMember(t.db, { cardNo: 'A0001', name: '调整测试' }, t.admin).id
})
afterEach(() => t.close())

const as = (role: Role) => toActor(createOperator(t.db, { name: `op-${role}`, password: 'secret123', role }, t.admin))
const ledger = () =>
  t.db.sqlite.prepare('SELECT kind, delta, balance_after, reason, operator_id FROM points_ledger').all()

describe('manual points adjustments', () => {
  it('adds and takes points with the reason on the ledger and in the audit log', () => {
    const planner = as('planner')
    expect(adjustPoints(t.db, { memberId: id, points: 500, reason: '  投诉补偿 ' }, planner)).toMatchObject({
      delta: 500,
      balance: 500,
    })
    adjustPoints(t.db, { memberId: id, points: -120, reason: '重复积分冲正' }, t.admin)
    expect(ledger()).toEqual([
      { kind: 'adjust', delta: 500, balance_after: 500, reason: '投诉补偿', operator_id: planner.id },
      { kind: 'adjust', delta: -120, balance_after: 380, reason: '重复积分冲正', operator_id: t.admin.id },
    ])
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'adjust'").pluck().all()
    expect(audit).toEqual(['人工调整积分 +500：投诉补偿', '人工调整积分 -120：重复积分冲正'])
  })

  it('is only for the administrator and the planners', () => {
    for (const role of ['viproom', 'clerk'] as const) {
      const actor = as(role)
      const before = dumpDb(t.db)
      expect(() => adjustPoints(t.db, { memberId: id, points: 10, reason: '试试' }, actor)).toThrow(
        '只有管理员和企划可以调整积分',
      )
      expect(dumpDb(t.db)).toEqual(before)
    }
  })

  it('needs a reason and a non-zero whole number of points', () => {
    expect(() => adjustPoints(t.db, { memberId: id, points: 10, reason: '   ' }, t.admin)).toThrow('请填写调整原因')
    expect(() => adjustPoints(t.db, { memberId: id, points: 0, reason: '无' }, t.admin)).toThrow('调整积分不能为 0')
    expect(() => adjustPoints(t.db, { memberId: id, points: 1.5, reason: '无' }, t.admin)).toThrow('调整积分必须是整数')
    expect(() => adjustPoints(t.db, { memberId: 9999, points: 5, reason: '无' }, t.admin)).toThrow('找不到该会员')
  })

  it('refuses to take more than the balance and changes nothing', () => {
    adjustPoints(t.db, { memberId: id, points: 100, reason: '开卡礼' }, t.admin)
    const before = dumpDb(t.db)
    expect(() => adjustPoints(t.db, { memberId: id, points: -101, reason: '扣回' }, t.admin)).toThrow(
      '积分不足：当前可用 100 分，需要 101 分',
    )
    expect(dumpDb(t.db)).toEqual(before)
  })
})
