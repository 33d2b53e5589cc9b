import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeMember, createMember, listMembers, updateMember } from '../../db/services/members'
import { seedMembers } from '../../db/seed'
import { makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

/** The trigger-kept summary must always equal a fresh GROUP BY over members. */
function summaryMatchesMembers(): void {
  const live = t.db.sqlite
    .prepare(
      `SELECT status, tier, source, coalesce(gender, '') g, coalesce(province, '') p, sms_consent, mail_consent,
              phone_last4 IS NOT NULL hp, coalesce(birth_month, 0) bm, count(*) n
       FROM members GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    )
    .all()
  const kept = t.db.sqlite
    .prepare(
      `SELECT status, tier, source, gender g, province p, sms_consent, mail_consent, has_phone hp, birth_month bm, n
       FROM member_filter_counts WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    )
    .all()
  expect(kept).toEqual(live)
}

describe('the filter count summary', () => {
  it('follows inserts, edits and status changes', () => {
    seedMembers(t.db, { members: 300, seed: 5 }, t.admin)
    summaryMatchesMembers()
    const { id } = createMember(t.db, { cardNo: 'S0001', name: '汇总', gender: '女', province: '浙江省' }, t.admin)
    updateMember(t.db, { id, gender: '男', phone: '13912345678', birthday: '1990-05-01', smsConsent: true }, t.admin)
    closeMember(t.db, { id, reason: '测试' }, t.admin)
    summaryMatchesMembers()
  })

  it('gives the pager the same totals as counting the members', () => {
    seedMembers(t.db, { members: 400, seed: 9 }, t.admin)
    const filters = [
      { gender: '女' as const, province: '浙江省' },
      { status: 'active' as const, smsConsent: true },
      { birthMonth: 3, mailConsent: true, status: 'active' as const },
      { tier: '金卡', hasPhone: false },
      { source: '推荐' as const, hasPhone: true },
    ]
    for (const f of filters) {
      const where = Object.entries(f).map(([k, v]) => {
        const col = {
          gender: 'gender',
          province: 'province',
          status: 'status',
          smsConsent: 'sms_consent',
          birthMonth: 'birth_month',
          mailConsent: 'mail_consent',
          tier: 'tier',
          source: 'source',
        }[k]
        if (k === 'hasPhone') return v ? 'phone IS NOT NULL' : 'phone IS NULL'
        return `${col} = ${typeof v === 'string' ? `'${v}'` : Number(v)}`
      })
      const expected = t.db.sqlite
        .prepare(`SELECT count(*) FROM members WHERE ${where.join(' AND ')}`)
        .pluck()
        .get()
      expect(listMembers(t.db, f).total).toBe(expected)
    }
  })
})
