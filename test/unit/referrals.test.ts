import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember } from '../../db/services/members'
import { checkBalances } from '../../db/services/points/ledger'
import { recordPurchase } from '../../db/services/purchases'
import { updateSettings } from '../../db/services/settings'
import { DEFAULT_VOUCHER_RULES } from '../../db/rules/vouchers'
import { makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

let t: TestDb
beforeEach(() => (t = makeTestDb(storeDate(2026, 10, 23, 10))))
afterEach(() => t.close())

const referralLines = (memberId: number) =>
  t.db.sqlite
    .prepare("SELECT delta, reason FROM points_ledger WHERE member_id = ? AND kind = 'referral' ORDER BY id")
    .all(memberId)
const buy = (memberId: number, receiptNo: string, amountFen: number) =>
  recordPurchase(t.db, { memberId, receiptNo, amountFen, purchasedAt: storeDate(2026, 10, 23, 9).getTime() }, t.admin)

describe('referrals (推荐办卡)', () => {
  it("give the referrer the settings' points at the new member's first purchase, once, in both ledgers", () => {
    const a = createMember(t.db, { cardNo: 'A001', name: '老会员' }, t.admin).id
    const b = createMember(t.db, { cardNo: 'B001', name: '新会员', referrerCardNo: 'A001' }, t.admin).id
    buy(b, 'R1', 10_000)
    buy(b, 'R2', 10_000)
    expect(referralLines(a)).toEqual([{ delta: 100, reason: '推荐会员 B001 首次消费' }])
    expect(referralLines(b)).toEqual([{ delta: 0, reason: '推荐人 A001 获推荐奖励 100 分' }])
    expect(t.db.sqlite.prepare('SELECT points FROM members WHERE id = ?').pluck().get(a)).toBe(100)
    expect(checkBalances(t.db).differences).toEqual([])
  })

  it('follow the setting (0: none), and never reward a member who had bought before', () => {
    const a = createMember(t.db, { cardNo: 'A001', name: '老会员' }, t.admin).id
    const b = createMember(t.db, { cardNo: 'B001', name: '新会员', referrerCardNo: 'A001' }, t.admin).id
    updateSettings(t.db, { vouchers: { ...structuredClone(DEFAULT_VOUCHER_RULES), referralPoints: 0 } }, t.admin)
    buy(b, 'R1', 10_000)
    updateSettings(t.db, { vouchers: { ...structuredClone(DEFAULT_VOUCHER_RULES), referralPoints: 50 } }, t.admin)
    buy(b, 'R2', 10_000)
    expect(referralLines(a)).toEqual([])
    const c = createMember(t.db, { cardNo: 'C001', name: '又一位', referrerCardNo: 'A001' }, t.admin).id
    buy(c, 'R3', 5_000)
    expect(referralLines(a)).toEqual([{ delta: 50, reason: '推荐会员 C001 首次消费' }])
  })
})
