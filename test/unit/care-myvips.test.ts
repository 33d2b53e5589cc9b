import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor'
import { LunarMonth } from 'tyme4ts'
import { lunarToSolar, nextBirthday } from '../../db/rules/birthday'
import { logContact, maintainerChoices, myVips, revealVipPhone } from '../../db/services/care'
import { createMember } from '../../db/services/members'
import { createOperator, toActor } from '../../db/services/operators'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { insertAssignment, insertPurchase, insertStaff } from '../support/careSql'

// Today is 2026-11-23 (the test clock, 10:00 in Beijing).
let t: TestDb
let liu: Actor
let planner: Actor
let liuStaff: number

function vip(cardNo: string, over: Record<string, unknown> = {}) {
  const id = createMember(t.db, { cardNo, name: `会员${cardNo}`, ...over }, t.admin).id
  insertAssignment(t.db, id, liuStaff, 20260101)
  return id
}

beforeEach(() => {
  t = makeTestDb()
  liu = toActor(createOperator(t.db, { name: '刘芳', password: 'secret123', role: 'clerk' }, t.admin))
  planner = toActor(createOperator(t.db, { name: '孙企划', password: 'secret123', role: 'planner' }, t.admin))
  liuStaff = insertStaff(t.db, '刘芳', { operatorId: liu.id })
})
afterEach(() => t.close())

describe('upcoming birthdays', () => {
  const today = { y: 2026, m: 11, d: 23 }
  it('puts a solar birthday this year or next', () => {
    expect(nextBirthday({ calendar: 'solar', month: 11, day: 23, leapMonth: false }, today)).toEqual(today)
    expect(nextBirthday({ calendar: 'solar', month: 11, day: 22, leapMonth: false }, today)).toEqual({
      y: 2027,
      m: 11,
      d: 22,
    })
    expect(nextBirthday({ calendar: 'solar', month: 2, day: 29, leapMonth: false }, today)).toEqual({
      y: 2027,
      m: 2,
      d: 28,
    })
  })
  it('puts a lunar birthday on the solar day it falls this lunar year', () => {
    // 农历十月廿 2026 is 2026-11-28; 腊月二十 of lunar 2026 falls in January 2027.
    expect(nextBirthday({ calendar: 'lunar', month: 10, day: 20, leapMonth: false }, today)).toEqual({
      y: 2026,
      m: 11,
      d: 28,
    })
    expect(nextBirthday({ calendar: 'lunar', month: 12, day: 20, leapMonth: false }, today)).toEqual({
      y: 2027,
      m: 1,
      d: 27,
    })
  })
  it('keeps a leap-month birthday in the ordinary month, on its last day when it is short', () => {
    // Born in 2025's leap sixth month: lunar 2027 has no leap sixth, so the ordinary one's last day counts.
    const days = LunarMonth.fromYm(2027, 6).getDayCount()
    expect(nextBirthday({ calendar: 'lunar', month: 6, day: 30, leapMonth: true }, today)).toEqual(
      lunarToSolar(2027, 6, Math.min(30, days), false),
    )
  })
})

describe('我的VIP', () => {
  it("shows each VIP's birthday, last purchase, last contact, follow-up and 12-month spend", () => {
    const a = vip('V001', { phone: '13900008866', birthday: '1980-10-20', birthdayCalendar: 'lunar', tier: '金卡' })
    insertPurchase(t.db, a, 'R1', new Date('2025-11-22T12:00:00+08:00'), 99_900) // outside the 12 months
    insertPurchase(t.db, a, 'R2', new Date('2026-03-01T12:00:00+08:00'), 50_000)
    insertPurchase(t.db, a, 'R3', new Date('2026-11-02T15:00:00+08:00'), 12_000, 1)
    insertPurchase(t.db, a, 'R3', new Date('2026-11-02T15:00:00+08:00'), 8_000, 2)
    insertPurchase(t.db, a, 'R4', new Date('2026-11-05T15:00:00+08:00'), -8_000) // a return
    logContact(t.db, { memberId: a, kind: 'phone', day: '2026-11-10', nextFollowUp: '2026-11-20' }, liu)

    const result = myVips(t.db, {}, liu)
    expect(result.staff).toMatchObject({ id: liuStaff, name: '刘芳' })
    expect(result.today).toBe('2026-11-23')
    expect(result.rows).toEqual([
      {
        memberId: a,
        name: '会员V001',
        cardNo: 'V001',
        tier: '金卡',
        phone: '139****8866',
        birthday: '2026-11-28',
        birthdayCalendar: 'lunar',
        daysToBirthday: 5,
        lastPurchase: { day: '2026-11-02', amountFen: 20_000 },
        lastContact: { day: '2026-11-10', kind: 'phone', kindLabel: '电话' },
        daysSinceContact: 13,
        followUp: '2026-11-20',
        followUpOverdue: true,
        spend12mFen: 62_000,
        since: '2026-01-01',
        attention: ['overdue', 'birthday'],
      },
    ])
  })

  it('puts overdue follow-ups first, then near birthdays, then the longest without contact', () => {
    const quiet = vip('V010')
    const recent = vip('V011')
    const birthday = vip('V012', { birthday: '1990-12-01' })
    const overdue = vip('V013')
    const never = vip('V014')
    logContact(t.db, { memberId: quiet, kind: 'phone', day: '2026-08-01' }, liu)
    logContact(t.db, { memberId: recent, kind: 'phone', day: '2026-11-20', nextFollowUp: '2026-12-20' }, liu)
    logContact(t.db, { memberId: birthday, kind: 'phone', day: '2026-11-21' }, liu)
    logContact(t.db, { memberId: overdue, kind: 'phone', day: '2026-11-21', nextFollowUp: '2026-11-22' }, liu)
    const rows = myVips(t.db, {}, liu).rows
    expect(rows.map((r) => r.memberId)).toEqual([overdue, birthday, never, quiet, recent])
    expect(rows.find((r) => r.memberId === never)).toMatchObject({ lastContact: null, daysSinceContact: null })
  })

  it('leaves out VIPs handed to someone else, and shows nothing to an operator without a staff record', () => {
    const moved = vip('V020')
    const other = insertStaff(t.db, '周强')
    insertAssignment(t.db, moved, other, 20261101)
    expect(myVips(t.db, {}, liu).rows).toEqual([])
    expect(myVips(t.db, {}, planner)).toMatchObject({ staff: null, rows: [] })
    expect(myVips(t.db, { staffId: other }, planner).rows.map((r) => r.cardNo)).toEqual(['V020'])
    expect(() => myVips(t.db, { staffId: other }, liu)).toThrow(/本人/)
    expect(maintainerChoices(t.db)).toEqual([
      expect.objectContaining({ name: '刘芳', vips: 0 }),
      expect.objectContaining({ name: '周强', vips: 1 }),
    ])
  })

  it("reveals a VIP's phone to the maintainer only, and audits each look", () => {
    const a = vip('V030', { phone: '13900008866' })
    const stranger = createMember(t.db, { cardNo: 'V031', name: '路人', phone: '13700001111' }, t.admin).id
    expect(revealVipPhone(t.db, { memberId: a }, liu)).toEqual({ value: '13900008866' })
    const before = dumpDb(t.db)
    expect(() => revealVipPhone(t.db, { memberId: stranger }, liu)).toThrow(/当前维护/)
    expect(dumpDb(t.db)).toEqual(before)
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'reveal'").pluck().all()
    expect(audit).toEqual(['维护人查看完整手机 卡号V030'])
  })
})
