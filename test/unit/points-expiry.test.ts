import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember } from '../../db/services/members'
import { expirePoints, expireDuePoints, expiringSoon } from '../../db/services/points/expiry'
import { postPoints, type LedgerKind } from '../../db/services/points/ledger'
import { updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

let t: TestDb
let id: number
beforeEach(() => {
  t = makeTestDb()
  id = createMember(t.db, { cardNo: 'E0001', name: '过期测试', phone: '13812345678' }, t.admin).id
})
afterEach(() => t.close())

/** A local calendar day, as the store's tills record it. */
const on = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number)
  return storeDate(y!, m! - 1, d!, 12).getTime()
}
const post = (kind: LedgerKind, points: number, ymd: string, memberId = id) =>
  t.db.sqlite.transaction(() => postPoints(t.db, { memberId, kind, points, at: on(ymd) }, t.admin))()
const balance = (memberId = id) =>
  t.db.sqlite.prepare('SELECT points FROM members WHERE id = ?').pluck().get(memberId) as number
const expireEntries = () =>
  t.db.sqlite.prepare("SELECT delta, at, reason FROM points_ledger WHERE kind = 'expire' ORDER BY id").all() as {
    delta: number
    at: number
    reason: string
  }[]
const expire = (asOf: string) => expirePoints(t.db, { asOf }, t.admin)

describe('calendar-year expiry (the default)', () => {
  it("lapses a year's unspent points on 1 January, spending the oldest points first", () => {
    post('earn', 1000, '2025-03-10')
    post('redeem', -300, '2025-11-20')
    post('earn', 500, '2026-02-01')
    expect(expire('2026-01-01')).toEqual({ members: 1, points: 700 })
    expect(balance()).toBe(500)
    expect(expireEntries()).toEqual([
      { delta: -700, at: storeDate(2026, 0, 1).getTime(), reason: '2025年积分于2026-01-01过期' },
    ])
  })

  it('keeps the points until the day they lapse', () => {
    post('earn', 1000, '2025-03-10')
    expect(expire('2025-12-31')).toEqual({ members: 0, points: 0 })
    expect(balance()).toBe(1000)
  })

  it("takes a redemption in the new year from last year's points first", () => {
    post('earn', 1000, '2025-03-10')
    post('earn', 500, '2026-01-05')
    post('redeem', -1200, '2026-01-06')
    // 1,000 from 2025 and 200 from 2026 were redeemed: nothing of 2025 is left to lapse.
    expect(expire('2027-01-01')).toEqual({ members: 1, points: 300 })
    expect(balance()).toBe(0)
  })

  it('posts nothing the second time it runs for the same day', () => {
    post('earn', 1000, '2025-03-10')
    post('earn', 400, '2026-03-10')
    expect(expire('2026-01-01')).toEqual({ members: 1, points: 1000 })
    const before = dumpDb(t.db)
    expect(expire('2026-01-01')).toEqual({ members: 0, points: 0 })
    expect(expire('2026-06-30')).toEqual({ members: 0, points: 0 })
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('counts returns, manual deductions and refunds in the same first-in first-out order', () => {
    post('opening', 800, '2024-12-31')
    post('earn', 600, '2025-05-01')
    post('return', -300, '2025-05-02') // from the opening balance
    post('adjust', -200, '2025-06-01') // from the opening balance
    post('refund', 100, '2025-07-01')
    expect(expire('2025-01-01')).toEqual({ members: 1, points: 300 })
    expect(expire('2026-01-01')).toEqual({ members: 1, points: 700 })
    expect(balance()).toBe(0)
  })

  it('lapses every member in one run and writes one audit entry', () => {
    const other = createMember(t.db, { cardNo: 'E0002', name: '另一位' }, t.admin).id
    post('earn', 100, '2025-01-01')
    post('earn', 250, '2025-08-08', other)
    expect(expire('2026-01-01')).toEqual({ members: 2, points: 350 })
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'expire'").pluck().all()
    expect(audit).toEqual(['积分过期（截至 2026-01-01）：2 名会员，共 350 分'])
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => expire('2026-02-30')).toThrow('日期应为 YYYY-MM-DD 格式的有效日期')
  })

  it('lapses what is due by the store day (the daily job)', () => {
    post('earn', 100, '2025-01-01')
    t.setNow(storeDate(2026, 0, 1, 8))
    expect(expireDuePoints(t.db)).toEqual({ members: 1, points: 100 })
    expect(expireDuePoints(t.db)).toEqual({ members: 0, points: 0 })
  })
})

describe('rolling expiry', () => {
  beforeEach(() => updateSettings(t.db, { expiry: { policy: 'rolling', months: 24 } }, t.admin))

  it('lapses each grant 24 months after it was earned', () => {
    post('earn', 100, '2024-03-15')
    post('earn', 200, '2024-09-01')
    expect(expire('2026-03-14')).toEqual({ members: 0, points: 0 })
    expect(expire('2026-03-15')).toEqual({ members: 1, points: 100 })
    expect(expireEntries()[0]).toEqual({
      delta: -100,
      at: storeDate(2026, 2, 15).getTime(),
      reason: '2024-03-15获得的积分满24个月，于2026-03-15过期',
    })
    expect(expire('2026-09-01')).toEqual({ members: 1, points: 200 })
    expect(balance()).toBe(0)
  })

  it('spends the oldest grants first, so only what is left of them lapses', () => {
    post('earn', 100, '2024-03-15')
    post('earn', 200, '2024-09-01')
    post('redeem', -150, '2025-01-01')
    expect(expire('2026-03-15')).toEqual({ members: 0, points: 0 })
    expect(expire('2026-09-01')).toEqual({ members: 1, points: 150 })
  })

  it('uses the last day of a shorter month', () => {
    updateSettings(t.db, { expiry: { policy: 'rolling', months: 1 } }, t.admin)
    post('earn', 100, '2025-01-31')
    expect(expire('2025-02-27')).toEqual({ members: 0, points: 0 })
    expect(expire('2025-02-28')).toEqual({ members: 1, points: 100 })
  })

  it('runs late without losing count, and then stays idempotent', () => {
    post('earn', 100, '2023-01-10')
    post('earn', 200, '2023-06-10')
    post('earn', 50, '2025-06-10')
    expect(expire('2026-01-01')).toEqual({ members: 1, points: 300 })
    expect(expire('2026-01-01')).toEqual({ members: 0, points: 0 })
    expect(balance()).toBe(50)
  })
})

describe('points expiring soon (for reminders)', () => {
  it('lists members whose points lapse within 30 days, soonest first, with a masked phone', () => {
    const other = createMember(t.db, { cardNo: 'E0002', name: '另一位' }, t.admin).id
    const later = createMember(t.db, { cardNo: 'E0003', name: '明年再说' }, t.admin).id
    post('earn', 1000, '2025-03-10')
    post('redeem', -300, '2025-04-01')
    post('earn', 500, '2025-12-01')
    post('earn', 80, '2025-07-07', other)
    post('earn', 90, '2026-01-02', later)
    const soon = expiringSoon(t.db, { asOf: '2025-12-10' })
    expect(soon).toEqual({
      total: 2,
      points: 1280,
      rows: [
        {
          memberId: id,
          cardNo: 'E0001',
          name: '过期测试',
          phone: '138****5678',
          points: 1200,
          expiresOn: '2026-01-01',
          balance: 1200,
        },
        {
          memberId: other,
          cardNo: 'E0002',
          name: '另一位',
          phone: null,
          points: 80,
          expiresOn: '2026-01-01',
          balance: 80,
        },
      ],
    })
    expect(expiringSoon(t.db, { asOf: '2025-11-30' }).total).toBe(0)
    expect(expiringSoon(t.db, { asOf: '2025-12-10', page: 2, pageSize: 1 }).rows.map((r) => r.cardNo)).toEqual([
      'E0002',
    ])
  })
})
