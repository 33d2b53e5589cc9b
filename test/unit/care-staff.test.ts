import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addStaff, leaveStaff, listStaff, rejoinStaff, updateStaff } from '../../db/services/care'
import { createOperator } from '../../db/services/operators'
import { updateSettings, getSettings } from '../../db/services/settings'
import { serviceMonths } from '../../db/rules/careProposal'
import { makeTestDb, type TestDb } from '../support/db'
import { makeStaff } from '../support/careAssign'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

const staffCount = () => t.db.sqlite.prepare('SELECT count(*) FROM staff').pluck().get()

describe('service months', () => {
  it('counts a month once its day is reached', () => {
    expect(serviceMonths(20260523, 20261123)).toBe(6)
    expect(serviceMonths(20260524, 20261123)).toBe(5)
    expect(serviceMonths(20261201, 20261123)).toBe(0)
  })
})

describe('staff register', () => {
  it('registers staff with the default capacity and eligibility by service months', () => {
    makeStaff(t.db, t.admin, '李娜', { hireDate: '2026-05-23', phone: '139 1234 5678' })
    makeStaff(t.db, t.admin, '张伟', { hireDate: '2026-05-24', capacity: 3, department: '贵宾室' })
    const [li, zhang] = listStaff(t.db)
    expect(li).toMatchObject({ name: '李娜', capacity: 8, ownCapacity: null, serviceMonths: 6, eligible: true })
    expect(li!.phone).toBe('13912345678')
    expect(zhang).toMatchObject({ name: '张伟', capacity: 3, serviceMonths: 5, eligible: false, vipCount: 0 })
    const audit = t.db.sqlite.prepare("SELECT summary, operator_name FROM audit_log WHERE entity = 'staff'").all()
    expect(audit).toContainEqual({ summary: '登记维护人 李娜（营业一课）', operator_name: 'admin' })
  })

  it('follows the settings for capacity and months', () => {
    makeStaff(t.db, t.admin, '李娜', { hireDate: '2026-09-01' })
    updateSettings(t.db, { care: { ...getSettings(t.db).care, minServiceMonths: 2, defaultCapacity: 12 } }, t.admin)
    expect(listStaff(t.db)[0]).toMatchObject({ capacity: 12, eligible: true })
  })

  it('refuses bad input in Chinese and writes nothing', () => {
    expect(() => addStaff(t.db, { name: ' ', department: '营业一课', hireDate: '2026-01-01' }, t.admin)).toThrow(
      '请填写姓名',
    )
    expect(() =>
      addStaff(t.db, { name: '李娜', department: '保安部' as never, hireDate: '2026-01-01' }, t.admin),
    ).toThrow('部门「保安部」不在课别列表中或已停用：请从列表中选择（设置 → 课别与专柜）')
    expect(() => makeStaff(t.db, t.admin, '李娜', { hireDate: '2026-02-30' })).toThrow(
      '入职日期应为 YYYY-MM-DD 格式的有效日期',
    )
    expect(() => makeStaff(t.db, t.admin, '李娜', { hireDate: '2027-01-01' })).toThrow('入职日期不能晚于今天')
    expect(() => makeStaff(t.db, t.admin, '李娜', { phone: '12345' })).toThrow('手机号码无效')
    expect(() => makeStaff(t.db, t.admin, '李娜', { capacity: 0 })).toThrow('维护名额至少 1 位')
    expect(staffCount()).toBe(0)
  })

  it('keeps names unique with a message saying what to do', () => {
    const li = makeStaff(t.db, t.admin, '李娜')
    expect(() => makeStaff(t.db, t.admin, '李娜', { department: '企划' })).toThrow('已有名为"李娜"的维护人')
    const wang = makeStaff(t.db, t.admin, '王强')
    expect(() => updateStaff(t.db, { id: wang.id, name: '李娜' }, t.admin)).toThrow('已有名为"李娜"的维护人')
    expect(updateStaff(t.db, { id: li.id, name: '李娜', capacity: 5 }, t.admin)).toMatchObject({ capacity: 5 })
    expect(staffCount()).toBe(2)
  })

  it('links one staff member per login account', () => {
    const op = createOperator(t.db, { name: 'lina', password: 'secret123', role: 'clerk' }, t.admin)
    const li = makeStaff(t.db, t.admin, '李娜', { operatorId: op.id })
    expect(li).toMatchObject({ operatorId: op.id, operatorName: 'lina' })
    expect(() => makeStaff(t.db, t.admin, '王强', { operatorId: op.id })).toThrow('登录账号"lina"已关联维护人"李娜"')
    expect(() => makeStaff(t.db, t.admin, '王强', { operatorId: 999 })).toThrow('找不到该登录账号')
    expect(updateStaff(t.db, { id: li.id, operatorId: null }, t.admin).operatorId).toBeNull()
  })

  it('marks a leaver inactive with the day and keeps the row; rejoin undoes it', () => {
    const li = makeStaff(t.db, t.admin, '李娜')
    const left = leaveStaff(t.db, { id: li.id, leftOn: '2026-11-20' }, t.admin)
    expect(left).toMatchObject({ active: false, leftOn: '2026-11-20', eligible: false })
    expect(() => leaveStaff(t.db, { id: li.id }, t.admin)).toThrow('已于 2026-11-20 离职')
    expect(rejoinStaff(t.db, { id: li.id }, t.admin)).toMatchObject({ active: true, leftOn: null })
    expect(() => leaveStaff(t.db, { id: li.id, leftOn: '2023-01-01' }, t.admin)).toThrow('离职日期不能早于入职日期')
  })
})
