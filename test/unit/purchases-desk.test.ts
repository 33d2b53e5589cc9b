import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lunarToSolar } from '../../db/rules/birthday'
import { DEFAULT_EARNING_RULES } from '../../db/rules/points'
import { DEFAULT_TIER_TABLE } from '../../db/rules/tiers'
import { createMember } from '../../db/services/members'
import { checkBalances } from '../../db/services/points/ledger'
import { memberLedger, memberPurchases, previewPurchase, recordPurchase } from '../../db/services/purchases'
import { updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

let t: TestDb
let id: number
beforeEach(() => {
  t = makeTestDb()
  id = createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, t.admin).id
})
afterEach(() => t.close())

/** Local wall-clock time in the store, as the till prints it. */
const at = (y: number, m: number, d: number, h = 14) => storeDate(y, m - 1, d, h, 30).getTime()
const points = () => t.db.sqlite.prepare('SELECT points, points_debt AS debt FROM members WHERE id = ?').get(id)
const buy = (receiptNo: string, amountFen: number, when: number, extra: object = {}) =>
  recordPurchase(t.db, { cardNo: 'V0001', receiptNo, amountFen, purchasedAt: when, ...extra }, t.admin)

describe('earning points on a purchase', () => {
  it('earns 1 point per 元 on an ordinary day', () => {
    expect(buy('R1', 128000, at(2026, 11, 10))).toMatchObject({ points: 1280, explain: '1,280 元 = 1,280' })
    expect(points()).toEqual({ points: 1280, debt: 0 })
  })

  it('doubles on a member day (the 9th, 19th, 29th)', () => {
    expect(buy('R1', 128000, at(2026, 11, 9))).toMatchObject({ points: 2560, explain: '1,280 元 × 2 (会员日) = 2,560' })
  })

  it('earns nothing on a special-price line, and says why', () => {
    expect(buy('R1', 50000, at(2026, 11, 9), { specialPrice: true })).toMatchObject({
      points: 0,
      explain: '特价/不积分商品，不积分',
    })
    expect(points()).toEqual({ points: 0, debt: 0 })
  })

  it('doubles within three days of a lunar birthday, on the day it falls on that year', () => {
    const m = createMember(
      t.db,
      { cardNo: 'V0002', name: '农历生日', birthday: '1980-10-05', birthdayCalendar: 'lunar' },
      t.admin,
    )
    // Only the birthday rule, so that a member day or reward week nearby cannot take its place.
    const earning = { ...DEFAULT_EARNING_RULES, memberDays: { ...DEFAULT_EARNING_RULES.memberDays, enabled: false } }
    updateSettings(t.db, { earning: { ...earning, rewardWeek: { multiplier: 2, enabled: false } } }, t.admin)
    const b = lunarToSolar(2026, 10, 5, false)
    const day = storeDate(b.y, b.m - 1, b.d + 2, 12).getTime()
    const r = recordPurchase(t.db, { memberId: m.id, receiptNo: 'B1', amountFen: 10000, purchasedAt: day }, t.admin)
    expect(r).toMatchObject({ points: 200, explain: '100 元 × 2 (生日) = 200' })
    const outside = storeDate(b.y, b.m - 1, b.d + 4, 12).getTime()
    expect(
      previewPurchase(t.db, { memberId: m.id, receiptNo: 'B2', amountFen: 10000, purchasedAt: outside }).points,
    ).toBe(100)
  })

  it('applies the tier multiplier from settings', () => {
    const tierTable = DEFAULT_TIER_TABLE.map((x) => (x.name === '普卡' ? { ...x, multiplier: 1.5 } : x))
    updateSettings(t.db, { tierTable }, t.admin)
    expect(buy('R1', 10000, at(2026, 11, 10))).toMatchObject({ points: 150, explain: '100 元 × 1.5 (普卡) = 150' })
  })

  it('finds the member by the full phone number, and refuses a phone shared by two members', () => {
    expect(
      previewPurchase(t.db, { phone: '13912345678', receiptNo: 'P1', amountFen: 10000, purchasedAt: at(2026, 11, 10) }),
    ).toMatchObject({ member: { id, cardNo: 'V0001' }, points: 100 })
    createMember(t.db, { cardNo: 'V0003', name: '同号', phone: '13912345678' }, t.admin)
    expect(() =>
      previewPurchase(t.db, { phone: '13912345678', receiptNo: 'P1', amountFen: 10000, purchasedAt: at(2026, 11, 10) }),
    ).toThrow('该手机号对应多名会员')
  })

  it('previews without writing, and a rejected purchase changes nothing', () => {
    const before = dumpDb(t.db)
    previewPurchase(t.db, { cardNo: 'V0001', receiptNo: 'R1', amountFen: 10000 })
    expect(() => buy('R1', 0, at(2026, 11, 10))).toThrow('金额不能为零')
    expect(() => recordPurchase(t.db, { cardNo: 'NOPE', receiptNo: 'R1', amountFen: 100 }, t.admin)).toThrow(
      '找不到该卡号的会员',
    )
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('refuses the same receipt line twice', () => {
    buy('R1', 10000, at(2026, 11, 10))
    const before = dumpDb(t.db)
    expect(() => buy('R1', 10000, at(2026, 11, 10))).toThrow('已经录入过')
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('returns', () => {
  it('take back the points in proportion to the amount returned', () => {
    buy('R1', 100000, at(2026, 11, 9)) // 2,000 points on a member day
    expect(buy('X1', -25000, at(2026, 11, 12), { originalReceiptNo: 'R1' })).toMatchObject({ points: -500 })
    expect(points()).toEqual({ points: 1500, debt: 0 })
  })

  it('never take back more than the receipt earned', () => {
    buy('R1', 10000, at(2026, 11, 10))
    buy('X1', -10000, at(2026, 11, 11), { originalReceiptNo: 'R1' })
    expect(buy('X2', -10000, at(2026, 11, 11), { originalReceiptNo: 'R1' })).toMatchObject({ points: 0 })
    expect(points()).toEqual({ points: 0, debt: 0 })
  })

  it('record what was already spent as debt', () => {
    buy('R1', 10000, at(2026, 11, 10))
    t.db.sqlite.prepare('UPDATE members SET points = 30 WHERE id = ?').run(id) // as if 70 were redeemed
    t.db.sqlite
      .prepare(
        "INSERT INTO points_ledger (member_id, at, kind, delta, balance_after, created_at) VALUES (?, 0, 'redeem', -70, 30, 0)",
      )
      .run(id)
    buy('X1', -10000, at(2026, 11, 11), { originalReceiptNo: 'R1' })
    expect(points()).toEqual({ points: 0, debt: 70 })
    expect(checkBalances(t.db).differences).toEqual([])
  })

  it('with an unknown original receipt are refused', () => {
    const before = dumpDb(t.db)
    expect(() => buy('X1', -10000, at(2026, 11, 11), { originalReceiptNo: 'NONE' })).toThrow('找不到该会员的原单 NONE')
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('the member detail', () => {
  it('lists purchases and the ledger newest first, with the running balance', () => {
    buy('R1', 10000, at(2026, 11, 10))
    buy('R2', 5000, at(2026, 11, 19))
    const p = memberPurchases(t.db, { memberId: id, page: 1, pageSize: 10 })
    expect(p.total).toBe(2)
    expect(p.rows.map((r) => [r.receiptNo, r.points, r.pointsExplain])).toEqual([
      ['R2', 100, '50 元 × 2 (会员日) = 100'],
      ['R1', 100, '100 元 = 100'],
    ])
    const l = memberLedger(t.db, { memberId: id, page: 1, pageSize: 10 })
    expect(l.rows.map((r) => [r.kindLabel, r.delta, r.balanceAfter, r.operatorName])).toEqual([
      ['消费积分', 100, 200, 'admin'],
      ['消费积分', 100, 100, 'admin'],
    ])
    const last = t.db.sqlite.prepare('SELECT last_purchase_at FROM members WHERE id = ?').pluck().get(id)
    expect(last).toBe(at(2026, 11, 19))
  })
})
