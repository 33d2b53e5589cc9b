import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  giftMonthReport,
  issueGift,
  parseMonth,
  receiveStock,
  redeemGifts,
  returnRedeemed,
  stocktake,
} from '../../db/services/gifts'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeGift, makeMemberWithPoints } from '../support/gifts'

let t: TestDb
beforeEach(() => {
  t = makeTestDb(new Date('2026-10-28T10:00:00+08:00'))
})
afterEach(() => t.close())

const at = (iso: string) => t.setNow(new Date(`${iso}+08:00`))

/**
 * October: goods in, a redemption of two cups on the 31st. November: one cup comes back (a
 * defect, the October redemption), cups received at a new price, gifts issued for three
 * purposes, two redemptions, a count that finds one opening gift missing. December: more
 * movements that November must not see. Costs are in fen.
 */
function seedThreeMonths() {
  makeGift(t.db, t.admin, { code: 'CUP', name: '保温杯', unitCostFen: 1000, pointsPrice: 500 }, 10)
  makeGift(t.db, t.admin, { code: 'CAKE', name: '生日蛋糕', category: 'cake', unitCostFen: 7000, pointsPrice: null }, 3)
  makeGift(
    t.db,
    t.admin,
    { code: 'BDAY', name: '生日礼盒', category: 'birthday', unitCostFen: 2500, pointsPrice: null },
    6,
  )
  makeGift(
    t.db,
    t.admin,
    { code: 'OPEN', name: '开卡雨伞', category: 'opening', unitCostFen: 1500, pointsPrice: null },
    4,
  )
  const member = makeMemberWithPoints(t.db, t.admin, 'C0001', 5000)
  at('2026-10-31T10:00:00')
  const october = redeemGifts(t.db, { memberId: member, lines: [{ code: 'CUP', qty: 2 }] }, t.admin)

  at('2026-11-01T12:00:00')
  returnRedeemed(t.db, { redemptionId: october.redemptionId, code: 'CUP', qty: 1, reason: '杯盖破损' }, t.admin)
  at('2026-11-05T09:00:00')
  receiveStock(t.db, { code: 'CUP', quantity: 5, unitCostFen: 1200, supplier: '华美贸易' }, t.admin)
  at('2026-11-10T15:00:00')
  issueGift(t.db, { code: 'CAKE', quantity: 1, purpose: 'cake', cardNo: 'C0001' }, t.admin)
  issueGift(t.db, { code: 'BDAY', quantity: 2, purpose: 'birthday' }, t.admin)
  issueGift(t.db, { code: 'OPEN', quantity: 1, purpose: 'opening' }, t.admin)
  at('2026-11-12T11:00:00')
  redeemGifts(t.db, { memberId: member, lines: [{ code: 'CUP', qty: 3 }] }, t.admin)
  redeemGifts(t.db, { memberId: member, lines: [{ code: 'CUP', qty: 1 }] }, t.admin)
  at('2026-11-30T18:00:00')
  stocktake(t.db, { code: 'OPEN', counted: 2, reason: '盘点短少' }, t.admin)

  at('2026-12-01T12:00:00')
  issueGift(t.db, { code: 'CAKE', quantity: 1, purpose: 'cake' }, t.admin)
  redeemGifts(t.db, { memberId: member, lines: [{ code: 'CUP', qty: 1 }] }, t.admin)
}

describe('monthly gift report', () => {
  it('sums a month by category and purpose, nets a return of last month’s redemption, ignores next month', () => {
    seedThreeMonths()
    const nov = giftMonthReport(t.db, { year: 2026, month: 11 })
    // Redemptions: 3 + 1 cups at 10 元, less the cup returned (10 元, 500 points back).
    expect(nov).toMatchObject({
      month: '2026-11',
      redemptions: 2,
      redeemedPoints: 1500 + 500 - 500,
      redeemed: { qty: 3, costFen: 3000 },
      received: { qty: 5, costFen: 6000 },
      totalCostFen: 3000 + 7000 + 5000 + 1500,
      movements: 8,
    })
    expect(nov.costByCategory).toEqual({
      opening: 1500,
      birthday: 5000,
      referral: 0,
      redemption: 3000,
      comeback: 0,
      cake: 7000,
      other: 0,
    })
    expect(nov.costByPurpose).toEqual({ opening: 1500, birthday: 5000, referral: 0, cake: 7000, event: 0, other: 0 })
    expect(nov.purposes.filter((p) => p.qty)).toEqual([
      { purpose: 'opening', qty: 1, costFen: 1500 },
      { purpose: 'birthday', qty: 2, costFen: 5000 },
      { purpose: 'cake', qty: 1, costFen: 7000 },
    ])
    // Month end: cups 10 − 2 + 1 + 5 − 4 = 10, cakes 3 − 1 = 2, boxes 6 − 2 = 4, umbrellas 4 − 1 − 1 = 2,
    // each at the catalogue cost (the cups' dearer delivery does not change it).
    expect(nov.categories.filter((c) => c.qty || c.stockQty)).toEqual([
      { category: 'opening', qty: 1, costFen: 1500, stockQty: 2, stockValueFen: 3000 },
      { category: 'birthday', qty: 2, costFen: 5000, stockQty: 4, stockValueFen: 10000 },
      { category: 'redemption', qty: 3, costFen: 3000, stockQty: 10, stockValueFen: 10000 },
      { category: 'cake', qty: 1, costFen: 7000, stockQty: 2, stockValueFen: 14000 },
    ])
    expect(nov.stockValueEndFen).toBe(3000 + 10000 + 10000 + 14000)
    expect(nov.topGifts).toEqual([{ code: 'CUP', name: '保温杯', qty: 3, points: 1500 }])
    // Now (after December's cake and cup): 9 cups, 1 cake, 4 boxes, 2 umbrellas.
    expect(nov.stockValueFen).toBe(9 * 1000 + 7000 + 4 * 2500 + 2 * 1500)
    expect(nov.purposes.reduce((s, p) => s + p.costFen, 0) + nov.redeemed.costFen).toBe(nov.totalCostFen)
  })

  it('counts October’s redemption in October and December’s movements in December', () => {
    seedThreeMonths()
    expect(giftMonthReport(t.db, { year: 2026, month: 10 })).toMatchObject({
      redemptions: 1,
      redeemedPoints: 1000,
      redeemed: { qty: 2, costFen: 2000 },
      received: { qty: 23, costFen: 10 * 1000 + 3 * 7000 + 6 * 2500 + 4 * 1500 },
      totalCostFen: 2000,
      stockValueEndFen: 8 * 1000 + 3 * 7000 + 6 * 2500 + 4 * 1500,
      topGifts: [{ code: 'CUP', name: '保温杯', qty: 2, points: 1000 }],
    })
    expect(giftMonthReport(t.db, { year: 2026, month: 12 })).toMatchObject({
      redemptions: 1,
      redeemedPoints: 500,
      costByPurpose: { cake: 7000 },
      totalCostFen: 7000 + 1000,
      stockValueEndFen: 9 * 1000 + 7000 + 4 * 2500 + 2 * 1500,
      movements: 2,
    })
  })

  it('an empty month says so: no movements, nothing out, stock carried from before', () => {
    seedThreeMonths()
    const before = giftMonthReport(t.db, { year: 2026, month: 9 })
    expect(before).toMatchObject({ movements: 0, totalCostFen: 0, redemptions: 0, stockValueEndFen: 0, topGifts: [] })
    const later = giftMonthReport(t.db, { year: 2027, month: 1 })
    expect(later).toMatchObject({ movements: 0, totalCostFen: 0, redemptions: 0 })
    expect(later.stockValueEndFen).toBe(later.stockValueFen)
  })

  it('refuses a month that is not one, in Chinese, and writes nothing', () => {
    seedThreeMonths()
    const before = dumpDb(t.db)
    expect(() => giftMonthReport(t.db, { year: 2026, month: 13 })).toThrow('月份应为 1–12')
    expect(() => giftMonthReport(t.db, { year: 1999, month: 1 })).toThrow('年份不正确')
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('reads YYYY-MM', () => {
    expect(parseMonth('2026-11')).toEqual({ year: 2026, month: 11 })
    expect(parseMonth(' 2026-3 ')).toEqual({ year: 2026, month: 3 })
    expect(parseMonth('2026-13')).toBeNull()
    expect(parseMonth('11/2026')).toBeNull()
  })
})
