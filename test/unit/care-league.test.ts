import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatAverage, rankLeague, tallyLeague, type HeldPeriod, type SaleLine } from '../../db/rules/care'
import { monthlyLeague } from '../../db/services/care'
import { addStaffRow, buy, holdRow, member } from '../support/care'
import { makeTestDb, type TestDb } from '../support/db'

describe('league rules (pure)', () => {
  const sale = (memberId: number, receiptNo: string, day: number, amountFen = 100): SaleLine => ({
    memberId,
    receiptNo,
    day,
    amountFen,
  })

  it("the store's example: 5 VIPs with 15 purchases average 3.0", () => {
    const periods: HeldPeriod[] = [1, 2, 3, 4, 5].map((m) => ({
      staffId: 7,
      memberId: m,
      fromDay: 20260101,
      untilDay: null,
    }))
    const sales = Array.from({ length: 15 }, (_, i) => sale((i % 5) + 1, `R${i}`, 20261003))
    const [t] = tallyLeague(periods, sales, 2026, 10)
    expect(t).toEqual({ staffId: 7, vips: 5, purchases: 15, spendFen: 1500 })
    const [r] = rankLeague([{ ...t!, name: '张三' }])
    expect(r!.average).toBe(3)
    expect(formatAverage(r!.average)).toBe('3.0')
    expect(r).toMatchObject({ rank: 1, winner: true, tied: false })
  })

  it('a mid-month move counts the VIP for both; each purchase for whoever held them that day', () => {
    const periods: HeldPeriod[] = [
      { staffId: 1, memberId: 9, fromDay: 20260301, untilDay: 20261016 },
      { staffId: 2, memberId: 9, fromDay: 20261016, untilDay: null },
    ]
    const sales = [sale(9, 'A', 20261015), sale(9, 'B', 20261016), sale(9, 'C', 20261031)]
    const t = tallyLeague(periods, sales, 2026, 10).sort((a, b) => a.staffId - b.staffId)
    expect(t).toEqual([
      { staffId: 1, vips: 1, purchases: 1, spendFen: 100 },
      { staffId: 2, vips: 1, purchases: 2, spendFen: 200 },
    ])
  })

  it('a period that ended before the month, or starts after it, does not count', () => {
    const periods: HeldPeriod[] = [
      { staffId: 1, memberId: 1, fromDay: 20260101, untilDay: 20261001 },
      { staffId: 2, memberId: 2, fromDay: 20261101, untilDay: null },
    ]
    expect(tallyLeague(periods, [sale(1, 'A', 20261005)], 2026, 10)).toEqual([])
  })

  it('one receipt of several lines is one purchase; purchases outside the month are left out', () => {
    const periods: HeldPeriod[] = [{ staffId: 1, memberId: 1, fromDay: 20260101, untilDay: null }]
    const sales = [
      sale(1, 'A', 20261005, 100),
      sale(1, 'A', 20261005, 250),
      sale(1, 'B', 20260930),
      sale(1, 'C', 20261101),
    ]
    expect(tallyLeague(periods, sales, 2026, 10)).toEqual([{ staffId: 1, vips: 1, purchases: 1, spendFen: 350 }])
  })

  it('ties: equal averages are split by spend; equal both share the rank and are marked tied', () => {
    const row = (name: string, vips: number, purchases: number, spendFen: number) => ({
      staffId: name.length,
      name,
      vips,
      purchases,
      spendFen,
    })
    const ranked = rankLeague([
      row('丁', 2, 2, 900),
      row('甲', 4, 8, 1000),
      row('乙', 2, 4, 5000),
      row('丙', 3, 3, 900),
      row('戊', 0, 0, 0),
    ])
    expect(ranked.map((r) => [r.name, r.average, r.rank, r.tied, r.winner])).toEqual([
      ['乙', 2, 1, false, true],
      ['甲', 2, 2, false, false],
      ['丙', 1, 3, true, false],
      ['丁', 1, 3, true, false],
    ])
  })

  it('equal at the top: both are winners', () => {
    const ranked = rankLeague([
      { staffId: 1, name: '甲', vips: 1, purchases: 2, spendFen: 10 },
      { staffId: 2, name: '乙', vips: 2, purchases: 4, spendFen: 10 },
    ])
    expect(ranked.map((r) => [r.rank, r.winner, r.tied])).toEqual([
      [1, true, true],
      [1, true, true],
    ])
  })
})

describe('monthlyLeague (database)', () => {
  let t: TestDb
  beforeEach(() => (t = makeTestDb()))
  afterEach(() => t.close())

  it('hand-computed October: move, return, staff who left, members with no purchases', () => {
    const { db, admin } = t
    const zhang = addStaffRow(db, '张三')
    const li = addStaffRow(db, '李四')
    const wang = addStaffRow(db, '王五', false) // left in November, still in October's table
    const zhao = addStaffRow(db, '赵六') // nobody in October: not ranked
    const m = Array.from({ length: 8 }, (_, i) => member(db, admin, `C000${i + 1}`))
    // 张三: 5 VIPs all month, 15 receipts → 3.0
    for (let i = 0; i < 5; i++) holdRow(db, zhang, m[i]!, 20260101)
    for (let i = 0; i < 15; i++) buy(db, admin, m[i % 5]!, 20261001 + (i % 28), 10000)
    // a return in October and a receipt in September / November do not count
    const r = buy(db, admin, m[0]!, 20261002, 5000)
    buy(db, admin, m[0]!, 20261003, -5000, { original: r })
    buy(db, admin, m[1]!, 20260930, 10000)
    buy(db, admin, m[1]!, 20261101, 10000)
    // (the extra sale above is a 16th receipt for 张三: 16 / 5 = 3.2)
    // 李四 held C6 until 16 Oct, then 王五: the 10th counts for 李四, the 20th for 王五
    holdRow(db, li, m[5]!, 20260601, 20261016)
    holdRow(db, wang, m[5]!, 20261016, 20261101)
    buy(db, admin, m[5]!, 20261010, 30000)
    buy(db, admin, m[5]!, 20261020, 20000)
    // 李四 also holds C7, who bought nothing: 1 receipt / 2 VIPs = 0.5
    holdRow(db, li, m[6]!, 20260601)
    // 王五 also held C8 from the 16th (a purchase on the 15th is before their time)
    holdRow(db, wang, m[7]!, 20261016, 20261101)
    buy(db, admin, m[7]!, 20261015, 99900)
    buy(db, admin, m[7]!, 20261025, 10000, { lineNo: 1, receiptNo: 'TWO' })
    buy(db, admin, m[7]!, 20261025, 5000, { lineNo: 2, receiptNo: 'TWO' })
    // 赵六 starts in November
    holdRow(db, zhao, m[7]!, 20261101)

    const league = monthlyLeague(db, { month: '2026-10' })
    expect(league.rows.map((x) => [x.staff, x.vips, x.purchases, x.average, x.rank, x.winner, x.active])).toEqual([
      ['张三', 5, 16, 3.2, 1, true, true],
      ['王五', 2, 2, 1, 2, false, false],
      ['李四', 2, 1, 0.5, 3, false, true],
    ])
    expect(league.rows.find((x) => x.staff === '王五')!.spendFen).toBe(20000 + 15000)
    expect(league.winners).toEqual(['张三'])
  })

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthlyLeague(t.db, { month: '2026-13' })).toThrow('月份应为 YYYY-MM')
  })
})
