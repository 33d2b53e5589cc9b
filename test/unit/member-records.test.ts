import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../db/services/audit'
import {
  closeMember,
  createMember,
  getMember,
  listMembers,
  quickSearch,
  reactivateMember,
  replaceCard,
  reportLost,
  revealMember,
  updateMember,
} from '../../db/services/members'
import { postPoints } from '../../db/services/points/ledger'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

const add = (cardNo: string, name: string, extra: Record<string, unknown> = {}) =>
  createMember(t.db, { cardNo, name, ...extra }, t.admin).id

describe('member fields', () => {
  it('stores a lunar leap-month birthday as written and checks it against the ID number', () => {
    // 农历1990年闰五月初十 fell on 1990-07-02 (the leap 5th month of 1990 began on 1990-06-23).
    const id = add('V2001', '陈静', {
      birthday: '1990-05-10',
      birthdayCalendar: 'lunar',
      birthdayLeapMonth: true,
      idNumber: '110105199007020025',
    })
    const m = getMember(t.db, { id })
    expect([m.birthday, m.birthdayCalendar, m.birthdayLeapMonth, m.birthdayText]).toEqual([
      '1990-05-10',
      'lunar',
      true,
      '农历1990年闰五月初十',
    ])
    expect(m.idNumber).toBe('110105********0025')
  })

  it('refuses an ID number whose birth date disagrees with the birthday', () => {
    expect(() => add('V2002', '陈静', { birthday: '1990-07-03', idNumber: '110105199007020025' })).toThrow(
      /与身份证号中的出生日期（1990-07-02）不一致/,
    )
  })

  it('lists every problem of a form at once, each on its field', () => {
    try {
      add('V2003', '', { phone: '555', postalCode: '12', province: '广东省', city: '长沙市' })
      expect.unreachable()
    } catch (e) {
      const fields = (e as { issues: { field: string }[] }).issues.map((i) => i.field).sort()
      expect(fields).toEqual(['city', 'name', 'phone', 'postalCode'])
    }
  })
})

describe('referrals', () => {
  it('allows a member to refer at most three friends', () => {
    add('R0001', '推荐人')
    for (const card of ['F0001', 'F0002', 'F0003']) add(card, '朋友', { referrerCardNo: 'R0001' })
    const before = dumpDb(t.db)
    expect(() => add('F0004', '第四位', { referrerCardNo: 'R0001' })).toThrow(/达到上限3人/)
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('consent', () => {
  it('keeps who gave and withdrew SMS consent and when', () => {
    const id = add('C0001', '周敏', { smsConsent: true })
    t.setNow(new Date('2026-11-24T09:00:00+08:00'))
    updateMember(t.db, { id, smsConsent: false }, t.admin)
    const m = getMember(t.db, { id })
    expect(m.smsConsent).toBe(false)
    expect(m.consents.map((c) => [c.channel, c.granted, c.operator])).toEqual([
      ['sms', true, 'admin'],
      ['sms', false, 'admin'],
    ])
    expect(m.consents[1]!.at).toBe(new Date('2026-11-24T09:00:00+08:00').getTime())
  })
})

describe('editing', () => {
  it('changes only the fields sent and records them in the audit log without values', () => {
    const id = add('E0001', '王芳', { phone: '13900001111', notes: '老顾客' })
    const r = updateMember(t.db, { id, phone: '13900002222' }, t.admin)
    expect(r.changed).toEqual(['手机'])
    expect(getMember(t.db, { id }).notes).toBe('老顾客')
    const entry = listAudit(t.db, { entity: 'member' }).rows[0]!
    expect(entry.summary).toContain('手机')
    expect(entry.summary).not.toContain('13900002222')
  })
  it('refuses to change the card number outside a replacement', () => {
    const id = add('E0002', '王芳')
    expect(() => updateMember(t.db, { id, cardNo: 'E9999' }, t.admin)).toThrow(/补卡/)
  })
})

describe('lost cards', () => {
  it('issues a new number that keeps points and history; the old number still finds the member', () => {
    const id = add('L0001', '赵磊', { phone: '13700001234' })
    t.db.sqlite.transaction(() => postPoints(t.db, { memberId: id, kind: 'opening', points: 1500 }, t.admin))()
    reportLost(t.db, { id, reason: '顾客来电挂失' }, t.admin)
    expect(getMember(t.db, { id }).status).toBe('lost')
    const r = replaceCard(t.db, { id, newCardNo: 'L0002', feeFen: 2000, reason: '遗失' }, t.admin)
    expect(r).toEqual({ id, oldCardNo: 'L0001', newCardNo: 'L0002', feeFen: 2000 })
    const m = getMember(t.db, { id })
    expect([m.cardNo, m.status, m.points]).toEqual(['L0002', 'active', 1500])
    expect(m.replacements[0]).toMatchObject({ oldCardNo: 'L0001', newCardNo: 'L0002', feeFen: 2000, operator: 'admin' })
    const hit = quickSearch(t.db, { query: 'L0001' })
    expect(hit.map((h) => [h.id, h.cardNo, h.matchedBy])).toEqual([[id, 'L0002', 'oldCard']])
    // The ledger records the card transfer without moving the balance.
    const last = t.db.sqlite
      .prepare(
        'SELECT kind, delta, balance_after AS balance, reason FROM points_ledger WHERE member_id = ? ORDER BY id DESC',
      )
      .get(id)
    expect(last).toEqual({
      kind: 'transfer',
      delta: 0,
      balance: 1500,
      reason: '补卡：原卡 L0001 的 1,500 积分转入新卡 L0002',
    })
  })
  it('takes the fee from settings when none is given, and refuses a number in use', () => {
    const a = add('L1001', '甲')
    add('L1002', '乙')
    expect(() => replaceCard(t.db, { id: a, newCardNo: 'L1002' }, t.admin)).toThrow('新卡号：卡号 L1002 已被使用')
    expect(replaceCard(t.db, { id: a, newCardNo: 'L1003' }, t.admin).feeFen).toBe(2000)
  })
})

describe('status changes', () => {
  it('closes and reactivates with a reason, and refuses impossible transitions', () => {
    const id = add('S0001', '孙丽')
    closeMember(t.db, { id, reason: '顾客要求注销' }, t.admin)
    expect(() => reportLost(t.db, { id, reason: 'x' }, t.admin)).toThrow(/已注销/)
    expect(() => closeMember(t.db, { id, reason: '' }, t.admin)).toThrow(/原因/)
    reactivateMember(t.db, { id, reason: '顾客回来了' }, t.admin)
    expect(getMember(t.db, { id }).status).toBe('active')
  })
})

describe('seeing personal data', () => {
  it('shows the full phone on request and audits the look', () => {
    const id = add('P0001', '钱多', { phone: '13612345678' })
    expect(listMembers(t.db, {}).rows[0]!.phone).toBe('136****5678')
    expect(revealMember(t.db, { id, field: 'phone' }, t.admin)).toEqual({ value: '13612345678' })
    expect(listAudit(t.db, { entity: 'member' }).rows[0]).toMatchObject({ action: 'reveal', operatorName: 'admin' })
  })
})

describe('the member list', () => {
  beforeEach(() => {
    add('A0003', '张伟', { tier: '金卡', joinDate: '2024-03-01', phone: '13800000003', birthday: '1980-03-15' })
    add('A0001', '李娜', { tier: '普卡', joinDate: '2025-01-10', phone: '13800000001', birthday: '1992-11-02' })
    add('A0002', '张敏', { tier: '金卡', joinDate: '2023-07-20', phone: '13900000003', birthday: '1975-03-01' })
  })
  it('filters, sorts and pages in the database', () => {
    const gold = listMembers(t.db, { tier: '金卡', sort: 'joinDate', order: 'desc' })
    expect(gold.total).toBe(2)
    expect(gold.rows.map((r) => r.cardNo)).toEqual(['A0003', 'A0002'])
    const page2 = listMembers(t.db, { pageSize: 2, page: 2 })
    expect(page2.rows.map((r) => r.cardNo)).toEqual(['A0003'])
    expect(listMembers(t.db, { birthMonth: 3, sort: 'birthday' }).rows.map((r) => r.cardNo)).toEqual(['A0002', 'A0003'])
  })
  it('finds by name part, phone last four and card prefix', () => {
    expect(listMembers(t.db, { keyword: '张' }).total).toBe(2)
    expect(
      quickSearch(t.db, { query: '0003' })
        .map((h) => h.cardNo)
        .sort(),
    ).toEqual(['A0003', 'A0002'].sort())
    expect(quickSearch(t.db, { query: 'a000' }).length).toBe(3)
    expect(quickSearch(t.db, { query: '伟' }).map((h) => h.cardNo)).toEqual(['A0003'])
  })
})
