import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toSheet } from '../../db/services/members/import/read'
import { createMember } from '../../db/services/members'
import { expireDuePoints } from '../../db/services/points/expiry'
import { postPoints } from '../../db/services/points/ledger'
import { recordPurchase } from '../../db/services/purchases'
import { commitPurchaseImport } from '../../db/services/purchases/import'
import { guessPurchaseMapping } from '../../db/services/purchases/columns'
import { cardFiguresAt, monthKpi } from '../../db/services/reports/kpi'
import { todayOf } from '../../db/services/gifts/redeem'
import { makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

/**
 * Days and months are the store's (Asia/Shanghai by default) whatever zone this process runs in:
 * the suite runs under TZ=UTC and TZ=America/Los_Angeles, and these tests mean the same in both.
 */
let t: TestDb
beforeEach(() => {
  t = makeTestDb()
})
afterEach(() => t.close())

const row = (sql: string, ...args: unknown[]) => t.db.sqlite.prepare(sql).get(...args) as Record<string, unknown>

describe("a till's time is the store's wall clock", () => {
  it('a purchase at 2026-12-01 07:30 is in December: purchase_date, month sums, active cards', async () => {
    createMember(t.db, { cardNo: 'V0001', name: '王芳', joinDate: '2026-01-05' }, t.admin)
    t.setNow(storeDate(2026, 11, 5, 10))
    const sheet = toSheet('till.csv', [
      { row: 1, cells: ['单号', '交易时间', '卡号', '金额'] },
      { row: 2, cells: ['S1', '2026-12-01 07:30', 'V0001', '100'] },
    ])
    const r = await commitPurchaseImport(t.db, sheet, guessPurchaseMapping(sheet.headers), t.admin)
    expect(r.inserted).toBe(1)
    // 07:30 in Shanghai is 23:30 UTC the day before
    expect(row('SELECT purchased_at AS at, purchase_date AS day FROM purchases')).toEqual({
      at: Date.UTC(2026, 10, 30, 23, 30),
      day: 20261201,
    })
    expect(t.db.sqlite.prepare('SELECT month, amount_fen FROM sales_monthly').raw().all()).toEqual([[202612, 10000]])
    expect(row('SELECT DISTINCT month FROM points_monthly')).toEqual({ month: 202612 })
    // Active at the end of 1 December, not yet at the end of 30 November
    const [dec1] = cardFiguresAt(t.db, 20261201)
    const [nov30] = cardFiguresAt(t.db, 20261130)
    expect([dec1.activeCards, nov30.activeCards]).toEqual([1, 0])
    expect(monthKpi(t.db, { month: '2026-11' }).vipSales).toBe(0)
    expect(monthKpi(t.db, { month: '2026-12' }).vipSales).toBe(10000)
  })
})

describe("today is the store's day, also before 08:00 in China", () => {
  it('a desk purchase at 2026-11-29 07:30 is on member day 29', () => {
    createMember(t.db, { cardNo: 'V0001', name: '王芳' }, t.admin)
    t.setNow(storeDate(2026, 10, 29, 7, 30))
    const r = recordPurchase(t.db, { cardNo: 'V0001', receiptNo: 'R1', amountFen: 10000 }, t.admin)
    expect(r).toMatchObject({ points: 200, explain: '100 元 × 2 (会员日) = 200' })
    expect(row('SELECT purchase_date AS day FROM purchases')).toEqual({ day: 20261129 })
    expect(todayOf(t.db)).toBe(20261129)
  })

  it('a birthday two days away at 07:30 counts the store day, not the UTC one', () => {
    createMember(t.db, { cardNo: 'V0002', name: '生日', birthday: '1990-11-26' }, t.admin)
    // 2026-11-23 07:30 in Shanghai: the 23rd is 3 days before the 26th (in the window), the 22nd is 4
    t.setNow(storeDate(2026, 10, 23, 7, 30))
    const r = recordPurchase(t.db, { cardNo: 'V0002', receiptNo: 'B1', amountFen: 10000 }, t.admin)
    expect(r).toMatchObject({ points: 200, explain: '100 元 × 2 (生日) = 200' })
  })

  it("last year's points lapse at 07:30 on 1 January (calendar-year expiry)", () => {
    const id = createMember(t.db, { cardNo: 'V0003', name: '过期' }, t.admin).id
    postPoints(t.db, { memberId: id, kind: 'adjust', points: 500, at: storeDate(2025, 5, 1, 12).getTime() }, t.admin)
    t.setNow(storeDate(2026, 0, 1, 7, 30))
    expect(expireDuePoints(t.db)).toEqual({ members: 1, points: 500 })
    // dated the store's 1 January, at the store's midnight
    expect(row("SELECT at FROM points_ledger WHERE kind = 'expire'")).toEqual({ at: storeDate(2026, 0, 1).getTime() })
  })
})

describe('members without a join date count from their first purchase', () => {
  it('a month before the import reports the members whose VIP sales it has', async () => {
    // Imported on 2026-11-23 without a join date: the import day is all that was recorded.
    createMember(t.db, { cardNo: 'V0001', name: '王芳' }, t.admin)
    createMember(t.db, { cardNo: 'V0002', name: '李娜' }, t.admin)
    createMember(t.db, { cardNo: 'V0003', name: '没买过' }, t.admin)
    const sheet = toSheet('till.csv', [
      { row: 1, cells: ['单号', '交易时间', '卡号', '金额'] },
      { row: 2, cells: ['S1', '2026-03-10 15:00', 'V0001', '100'] },
      { row: 3, cells: ['S2', '2025-06-10 15:00', 'V0002', '80'] },
    ])
    await commitPurchaseImport(t.db, sheet, guessPurchaseMapping(sheet.headers), t.admin)
    const june = monthKpi(t.db, { month: '2026-06' })
    expect(june.vipSales).toBe(0)
    // Both had a card by June; only V0001 bought in the 12 months to then; V0003 joined in November.
    expect({ members: june.members, activeCards: june.activeCards }).toEqual({ members: 2, activeCards: 1 })
    const march = monthKpi(t.db, { month: '2026-03' })
    expect({ members: march.members, activeCards: march.activeCards, vipSales: march.vipSales }).toEqual({
      members: 2,
      activeCards: 2,
      vipSales: 10000,
    })
    // Before the first purchase of either, nobody had a card yet
    expect(monthKpi(t.db, { month: '2025-05' }).members).toBe(0)
    expect(monthKpi(t.db, { month: '2026-11' }).members).toBe(3)
  })
})
