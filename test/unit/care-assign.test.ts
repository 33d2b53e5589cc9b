import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  assignMember,
  assignmentHistory,
  handOver,
  leaveStaff,
  listStaff,
  moveMember,
  releaseMember,
} from '../../db/services/care'
import { createOperator, toActor } from '../../db/services/operators'
import { makeTestDb, type TestDb } from '../support/db'
import { assignmentRows, makeBuyer, makeStaff } from '../support/careAssign'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

describe('manual assignment', () => {
  it('records each change as periods with day, operator and reason', () => {
    const planner = toActor(createOperator(t.db, { name: 'qihua', password: 'secret123', role: 'planner' }, t.admin))
    const li = makeStaff(t.db, t.admin, '李娜')
    const wang = makeStaff(t.db, t.admin, '王强')
    const m = makeBuyer(t.db, t.admin, 'V0001')
    expect(assignMember(t.db, { memberId: m, staffId: li.id, from: '2026-10-01' }, planner)).toMatchObject({
      staffName: '李娜',
      previousStaffName: null,
      from: '2026-10-01',
    })
    moveMember(t.db, { memberId: m, staffId: wang.id, from: '2026-11-05', reason: '李娜调岗' }, planner)
    releaseMember(t.db, { memberId: m, reason: '会员外地定居' }, t.admin)
    const history = assignmentHistory(t.db, { memberId: m })
    expect(
      history.map(({ staffName, from, until, reason, endReason, createdBy, endedBy }) => ({
        staffName,
        from,
        until,
        reason,
        endReason,
        createdBy,
        endedBy,
      })),
    ).toEqual([
      {
        staffName: '王强',
        from: '2026-11-05',
        until: '2026-11-23',
        reason: '李娜调岗',
        endReason: '会员外地定居',
        createdBy: 'qihua',
        endedBy: 'admin',
      },
      {
        staffName: '李娜',
        from: '2026-10-01',
        until: '2026-11-05',
        reason: '手动分配',
        endReason: '李娜调岗',
        createdBy: 'qihua',
        endedBy: 'qihua',
      },
    ])
    expect(assignmentHistory(t.db, { staffId: li.id })).toHaveLength(1)
    const audit = t.db.sqlite
      .prepare("SELECT summary FROM audit_log WHERE entity = 'vip_assignment' ORDER BY id")
      .pluck()
      .all()
    expect(audit[1]).toBe('会员 V0001 由 李娜 调整为 王强（2026-11-05）：李娜调岗')
  })

  it('refuses leavers, newcomers, full maintainers and overlaps, changing nothing', () => {
    const li = makeStaff(t.db, t.admin, '李娜', { capacity: 1 })
    const newbie = makeStaff(t.db, t.admin, '新人', { hireDate: '2026-08-01' })
    const gone = makeStaff(t.db, t.admin, '离职者')
    leaveStaff(t.db, { id: gone.id }, t.admin)
    const a = makeBuyer(t.db, t.admin, 'V0001')
    const b = makeBuyer(t.db, t.admin, 'V0002')
    assignMember(t.db, { memberId: a, staffId: li.id, from: '2026-11-01' }, t.admin)
    const before = assignmentRows(t.db)
    expect(() => assignMember(t.db, { memberId: b, staffId: gone.id }, t.admin)).toThrow('维护人"离职者"已离职')
    expect(() => assignMember(t.db, { memberId: b, staffId: newbie.id }, t.admin)).toThrow(
      '维护人"新人"入职 3 个月，未满 6 个月，暂不能维护VIP',
    )
    expect(() => assignMember(t.db, { memberId: b, staffId: li.id }, t.admin)).toThrow(
      /已维护 1 位VIP，名额 1 位.*允许超出名额/,
    )
    expect(() => assignMember(t.db, { memberId: a, staffId: li.id }, t.admin)).toThrow('会员 V0001 已由"李娜"维护')
    expect(() => moveMember(t.db, { memberId: b, staffId: li.id }, t.admin)).toThrow('会员 V0002 尚未分配维护人')
    expect(() => releaseMember(t.db, { memberId: b, reason: 'x' }, t.admin)).toThrow('尚未分配维护人')
    expect(() => releaseMember(t.db, { memberId: a, reason: ' ' }, t.admin)).toThrow('请填写原因')
    expect(() =>
      assignMember(t.db, { memberId: b, staffId: li.id, from: '2026-12-01', override: true }, t.admin),
    ).toThrow('开始日期不能晚于今天')
    expect(assignmentRows(t.db)).toEqual(before)
    // A planner may go beyond capacity on purpose; the reason says so.
    assignMember(t.db, { memberId: b, staffId: li.id, override: true }, t.admin)
    expect(assignmentHistory(t.db, { memberId: b })[0]!.reason).toBe('手动分配（超出名额）')
  })

  it("refuses a start before the member's previous period", () => {
    const li = makeStaff(t.db, t.admin, '李娜')
    const wang = makeStaff(t.db, t.admin, '王强')
    const a = makeBuyer(t.db, t.admin, 'V0001')
    assignMember(t.db, { memberId: a, staffId: li.id, from: '2026-11-01' }, t.admin)
    expect(() => moveMember(t.db, { memberId: a, staffId: wang.id, from: '2026-10-01' }, t.admin)).toThrow(
      '开始日期不能早于 2026-11-01',
    )
  })
})

describe('hand-over', () => {
  it("moves all of one maintainer's VIPs to another in one step", () => {
    const li = makeStaff(t.db, t.admin, '李娜')
    const wang = makeStaff(t.db, t.admin, '王强')
    const ids = ['V0001', 'V0002', 'V0003'].map((c) => makeBuyer(t.db, t.admin, c))
    for (const id of ids) assignMember(t.db, { memberId: id, staffId: li.id, from: '2026-11-01' }, t.admin)
    leaveStaff(t.db, { id: li.id }, t.admin)
    expect(handOver(t.db, { fromStaffId: li.id, toStaffId: wang.id }, t.admin)).toEqual({ moved: 3, to: '王强' })
    const staff = listStaff(t.db)
    expect(staff.find((s) => s.name === '王强')!.vipCount).toBe(3)
    expect(staff.find((s) => s.name === '李娜')!.vipCount).toBe(0)
    expect(assignmentHistory(t.db, { staffId: li.id }).every((p) => p.until === '2026-11-23')).toBe(true)
    expect(assignmentHistory(t.db, { staffId: wang.id })[0]!.reason).toBe('交接：李娜 → 王强')
  })

  it('returns them to the pool, or refuses as a whole when the receiver is full', () => {
    const li = makeStaff(t.db, t.admin, '李娜')
    const small = makeStaff(t.db, t.admin, '王强', { capacity: 2 })
    const ids = ['V0001', 'V0002', 'V0003'].map((c) => makeBuyer(t.db, t.admin, c))
    for (const id of ids) assignMember(t.db, { memberId: id, staffId: li.id, from: '2026-11-01' }, t.admin)
    const before = assignmentRows(t.db)
    expect(() => handOver(t.db, { fromStaffId: li.id, toStaffId: small.id }, t.admin)).toThrow('再分配 3 位将超出名额')
    expect(() => handOver(t.db, { fromStaffId: li.id, toStaffId: li.id }, t.admin)).toThrow('同一位维护人')
    expect(assignmentRows(t.db)).toEqual(before)
    expect(handOver(t.db, { fromStaffId: li.id, toStaffId: null }, t.admin)).toEqual({ moved: 3, to: null })
    expect(listStaff(t.db).every((s) => s.vipCount === 0)).toBe(true)
    expect(() => handOver(t.db, { fromStaffId: li.id, toStaffId: null }, t.admin)).toThrow('名下没有VIP')
  })
})
