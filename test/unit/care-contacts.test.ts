import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor'
import { contactsOf, contactsOfStaff, logContact, maintainerHistory, myVips } from '../../db/services/care'
import { createMember } from '../../db/services/members'
import { createOperator, toActor } from '../../db/services/operators'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { insertAssignment, insertStaff } from '../support/careSql'

// Today is 2026-11-23 (the test clock).
let t: TestDb
let mine: number
let theirs: number
let free: number
let liu: Actor
let zhou: Actor
let planner: Actor
let nobody: Actor
let liuStaff: number
let zhouStaff: number

beforeEach(() => {
  t = makeTestDb()
  mine = createMember(t.db, { cardNo: 'V001', name: '林雨桐', phone: '13900008866' }, t.admin).id
  theirs = createMember(t.db, { cardNo: 'V002', name: '陈思远' }, t.admin).id
  free = createMember(t.db, { cardNo: 'V003', name: '王一鸣' }, t.admin).id
  liu = toActor(createOperator(t.db, { name: '刘芳', password: 'secret123', role: 'clerk' }, t.admin))
  zhou = toActor(createOperator(t.db, { name: '周强', password: 'secret123', role: 'viproom' }, t.admin))
  planner = toActor(createOperator(t.db, { name: '孙企划', password: 'secret123', role: 'planner' }, t.admin))
  nobody = toActor(createOperator(t.db, { name: '钱进', password: 'secret123', role: 'clerk' }, t.admin))
  liuStaff = insertStaff(t.db, '刘芳', { operatorId: liu.id })
  zhouStaff = insertStaff(t.db, '周强', { operatorId: zhou.id })
  insertAssignment(t.db, mine, liuStaff, 20260601)
  insertAssignment(t.db, theirs, zhouStaff, 20260601)
})
afterEach(() => t.close())

describe('logging a contact', () => {
  it("records the maintainer's contact with the operator, and audits it without the note", () => {
    const c = logContact(
      t.db,
      { memberId: mine, kind: 'phone', day: '2026-11-20', note: '约周末到店', nextFollowUp: '2026-11-28' },
      liu,
    )
    expect(c).toMatchObject({
      memberId: mine,
      staffId: liuStaff,
      staffName: '刘芳',
      kind: 'phone',
      kindLabel: '电话',
      day: '2026-11-20',
      note: '约周末到店',
      nextFollowUp: '2026-11-28',
      operatorName: '刘芳',
    })
    const row = t.db.sqlite.prepare('SELECT created_by FROM vip_contacts WHERE id = ?').get(c.id)
    expect(row).toEqual({ created_by: liu.id })
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'contact'").pluck().all()
    expect(audit).toEqual(['维护记录：电话 卡号V001'])
  })

  it('defaults the day to today', () => {
    expect(logContact(t.db, { memberId: mine, kind: 'visit' }, liu).day).toBe('2026-11-23')
  })

  it.each([
    [
      'a VIP someone else maintains',
      () => logContact(t.db, { memberId: theirs, kind: 'phone' }, liu),
      /不是您当前维护/,
    ],
    ['a member nobody maintains', () => logContact(t.db, { memberId: free, kind: 'phone' }, liu), /不是您当前维护/],
    ['a future day', () => logContact(t.db, { memberId: mine, kind: 'phone', day: '2026-11-24' }, liu), /不能晚于今天/],
    [
      'a follow-up before the contact',
      () => logContact(t.db, { memberId: mine, kind: 'phone', day: '2026-11-20', nextFollowUp: '2026-11-19' }, liu),
      /不能早于联系日期/,
    ],
    [
      'an impossible day',
      () => logContact(t.db, { memberId: mine, kind: 'phone', day: '2026-02-30' }, liu),
      /有效日期/,
    ],
    ['an unknown kind', () => logContact(t.db, { memberId: mine, kind: 'sms' as 'phone' }, liu), /联系方式|kind/],
    [
      'a day before the maintenance began',
      () => logContact(t.db, { memberId: mine, kind: 'phone', day: '2026-05-31' }, liu),
      /早于这段维护的开始日期/,
    ],
    [
      'an operator with no staff record',
      () => logContact(t.db, { memberId: mine, kind: 'phone' }, nobody),
      /还没有关联维护人/,
    ],
    [
      "someone else's name",
      () => logContact(t.db, { memberId: mine, kind: 'phone', staffId: liuStaff }, zhou),
      /本人的名义/,
    ],
  ])('refuses %s and changes nothing', (_what, attempt, message) => {
    const before = dumpDb(t.db)
    expect(attempt).toThrow(message)
    expect(dumpDb(t.db)).toEqual(before)
  })

  it("lets a planner log on the maintainer's behalf, under the maintainer's name", () => {
    const c = logContact(t.db, { memberId: theirs, kind: 'gift', note: '送生日礼' }, planner)
    expect(c).toMatchObject({ staffId: zhouStaff, staffName: '周强', operatorName: '孙企划' })
    expect(() => logContact(t.db, { memberId: theirs, kind: 'gift', staffId: liuStaff }, planner)).toThrow(
      /当前的维护人/,
    )
    expect(() => logContact(t.db, { memberId: free, kind: 'gift' }, planner)).toThrow(/没有维护人/)
  })

  it('closes a follow-up by logging the next contact: the latest one decides what is due', () => {
    logContact(t.db, { memberId: mine, kind: 'phone', day: '2026-11-01', nextFollowUp: '2026-11-10' }, liu)
    expect(myVips(t.db, {}, liu).rows[0]).toMatchObject({ followUp: '2026-11-10', followUpOverdue: true })
    logContact(t.db, { memberId: mine, kind: 'visit', day: '2026-11-22' }, liu)
    expect(myVips(t.db, {}, liu).rows[0]).toMatchObject({
      followUp: null,
      followUpOverdue: false,
      lastContact: { day: '2026-11-22', kind: 'visit', kindLabel: '到店接待' },
    })
  })
})

describe('reading the log', () => {
  it("lists a member's contacts across maintainers, newest first, and the maintainer history", () => {
    logContact(t.db, { memberId: mine, kind: 'phone', day: '2026-10-02' }, liu)
    insertAssignment(t.db, mine, zhouStaff, 20261101)
    logContact(t.db, { memberId: mine, kind: 'visit', day: '2026-11-05' }, zhou)
    expect(contactsOf(t.db, { memberId: mine }).map((c) => [c.day, c.staffName])).toEqual([
      ['2026-11-05', '周强'],
      ['2026-10-02', '刘芳'],
    ])
    expect(maintainerHistory(t.db, { memberId: mine })).toEqual([
      expect.objectContaining({ staffName: '周强', from: '2026-11-01', until: null }),
      expect.objectContaining({ staffName: '刘芳', from: '2026-06-01', until: '2026-10-31', endReason: '测试换人' }),
    ])
  })

  it("lists one maintainer's contacts of a month", () => {
    logContact(t.db, { memberId: mine, kind: 'phone', day: '2026-10-31' }, liu)
    logContact(t.db, { memberId: mine, kind: 'visit', day: '2026-11-01' }, liu)
    logContact(t.db, { memberId: mine, kind: 'other', day: '2026-11-23' }, liu)
    logContact(t.db, { memberId: theirs, kind: 'other', day: '2026-11-02' }, zhou)
    expect(contactsOfStaff(t.db, { staffId: liuStaff, month: '2026-11' }).map((c) => c.day)).toEqual([
      '2026-11-01',
      '2026-11-23',
    ])
    expect(() => contactsOfStaff(t.db, { staffId: liuStaff, month: '2026-13' })).toThrow(/YYYY-MM/)
  })
})
