import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  applyAutoAssign,
  assignMember,
  assignmentHistory,
  leaveStaff,
  listStaff,
  proposeAutoAssign,
  updateStaff,
} from '../../db/services/care'
import { getSettings, updateSettings } from '../../db/services/settings'
import { makeTestDb, type TestDb } from '../support/db'
import { assignmentRows, makeBuyer, makeStaff } from '../support/careAssign'

let t: TestDb
beforeEach(() => {
  t = makeTestDb()
  const care = getSettings(t.db).care
  updateSettings(t.db, { care: { ...care, highValue: { ...care.highValue, top: 6 } } }, t.admin)
})
afterEach(() => t.close())

const toApply = (rows: { memberId: number; staffId: number; currentStaffId: number | null }[]) =>
  rows.map(({ memberId, staffId, currentStaffId }) => ({ memberId, staffId, currentStaffId }))

describe('automatic assignment', () => {
  it('proposes the unassigned with department first, leaves existing pairs alone, applies in one go', () => {
    const one = makeStaff(t.db, t.admin, '一课甲', { department: '营业一课' })
    makeStaff(t.db, t.admin, '二课乙', { department: '营业二课' })
    makeStaff(t.db, t.admin, '新人', { hireDate: '2026-10-01' })
    const kept = makeBuyer(t.db, t.admin, 'V0001', [[9000, '营业二课']])
    makeBuyer(t.db, t.admin, 'V0002', [
      [8000, '营业二课'],
      [100, '营业一课'],
    ])
    makeBuyer(t.db, t.admin, 'V0003', [[7000, '营业一课']])
    makeBuyer(t.db, t.admin, 'V0004', [[6000]])
    assignMember(t.db, { memberId: kept, staffId: one.id }, t.admin)
    const p = proposeAutoAssign(t.db)
    expect(p.rows.map((r) => [r.cardNo, r.staffName, r.reason, r.department])).toEqual([
      ['V0002', '二课乙', '同课优先', '营业二课'],
      ['V0003', '一课甲', '同课优先', '营业一课'],
      ['V0004', '二课乙', '均衡', null],
    ])
    expect(p.staff.find((s) => s.name === '一课甲')).toMatchObject({ keptCount: 1, keptValue: 900000 })
    expect(p.rows.some((r) => r.cardNo === 'V0001')).toBe(false)
    // The planner moves V0004 to 一课甲 before applying.
    const edited = toApply(p.rows).map((r) => (r.memberId === p.rows[2]!.memberId ? { ...r, staffId: one.id } : r))
    expect(applyAutoAssign(t.db, { rows: edited }, t.admin)).toEqual({ assigned: 3, moved: 0 })
    const count = Object.fromEntries(listStaff(t.db).map((s) => [s.name, s.vipCount]))
    expect(count).toEqual({ 一课甲: 3, 二课乙: 1, 新人: 0 })
    expect(assignmentHistory(t.db, { memberId: kept })).toHaveLength(1)
    expect(proposeAutoAssign(t.db).rows).toEqual([])
  })

  it('re-checks on apply and writes nothing when anything changed', () => {
    const one = makeStaff(t.db, t.admin, '一课甲', { capacity: 2 })
    const two = makeStaff(t.db, t.admin, '二课乙')
    const ids = ['V0001', 'V0002', 'V0003'].map((c, i) => makeBuyer(t.db, t.admin, c, [[9000 - i * 1000]]))
    const rows = toApply(proposeAutoAssign(t.db).rows)
    const before = assignmentRows(t.db)
    const allToOne = rows.map((r) => ({ ...r, staffId: one.id }))
    expect(() => applyAutoAssign(t.db, { rows: allToOne }, t.admin)).toThrow('将超出名额 2 位')
    assignMember(t.db, { memberId: ids[0]!, staffId: two.id }, t.admin)
    const afterManual = assignmentRows(t.db)
    expect(() => applyAutoAssign(t.db, { rows }, t.admin)).toThrow('会员 V0001 的维护人已有变动，请重新生成方案')
    expect(assignmentRows(t.db)).toEqual(afterManual)
    expect(afterManual).toHaveLength(before.length + 1)
    updateStaff(t.db, { id: one.id, hireDate: '2026-10-01' }, t.admin)
    const rest = rows.slice(1).map((r) => ({ ...r, staffId: one.id }))
    expect(() => applyAutoAssign(t.db, { rows: rest }, t.admin)).toThrow('入职未满规定月数')
    expect(() => applyAutoAssign(t.db, { rows: [rest[0]!, rest[0]!] }, t.admin)).toThrow('同一会员出现了两次')
    expect(assignmentRows(t.db)).toEqual(afterManual)
  })

  it('offers the VIPs of a maintainer who left, and moves existing pairs only when rebalancing', () => {
    const one = makeStaff(t.db, t.admin, '一课甲')
    makeStaff(t.db, t.admin, '二课乙')
    const gone = makeStaff(t.db, t.admin, '离职者')
    const ids = ['V0001', 'V0002', 'V0003', 'V0004'].map((c, i) => makeBuyer(t.db, t.admin, c, [[9000 - i * 1000]]))
    for (const id of ids.slice(0, 3)) assignMember(t.db, { memberId: id, staffId: one.id, from: '2026-11-01' }, t.admin)
    assignMember(t.db, { memberId: ids[3]!, staffId: gone.id, from: '2026-11-01' }, t.admin)
    leaveStaff(t.db, { id: gone.id }, t.admin)
    const plain = proposeAutoAssign(t.db)
    expect(plain.rows.map((r) => [r.cardNo, r.currentStaffName, r.staffName])).toEqual([['V0004', '离职者', '二课乙']])
    const rebalance = proposeAutoAssign(t.db, { rebalance: true })
    expect(rebalance.rows.map((r) => [r.cardNo, r.currentStaffName, r.staffName])).toEqual([
      ['V0002', '一课甲', '二课乙'],
      ['V0004', '离职者', '二课乙'],
    ])
    expect(rebalance.rows.every((r) => r.reason === '均衡')).toBe(true)
    expect(() => applyAutoAssign(t.db, { rows: toApply(rebalance.rows) }, t.admin)).toThrow('需选择"重新均衡"')
    expect(applyAutoAssign(t.db, { rows: toApply(rebalance.rows), rebalance: true }, t.admin)).toEqual({
      assigned: 0,
      moved: 2,
    })
    expect(listStaff(t.db).map((s) => [s.name, s.vipCount])).toEqual([
      ['一课甲', 2],
      ['二课乙', 2],
      ['离职者', 0],
    ])
    expect(assignmentHistory(t.db, { memberId: ids[1]! })[0]!.reason).toBe('自动分配（重新均衡）')
  })
})
