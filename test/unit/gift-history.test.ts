import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  giftMonthReport,
  giftMovementHistory,
  issueGift,
  memberRedemptions,
  receiveStock,
  redeemGifts,
  returnRedeemed,
} from '../../db/services/gifts'
import { makeTestDb, type TestDb } from '../support/db'
import { makeGift, makeMemberWithPoints } from '../support/gifts'

let t: TestDb
beforeEach(() => {
  t = makeTestDb(new Date('2026-11-10T10:00:00+08:00'))
})
afterEach(() => t.close())

describe('gift history and the monthly figures', () => {
  it('keeps each member’s redemptions and each gift’s movements, and sums a month', () => {
    makeGift(t.db, t.admin, { code: 'G001', pointsPrice: 500, unitCostFen: 1000 }, 5)
    makeGift(t.db, t.admin, { code: 'CAKE', category: 'cake', pointsPrice: null, unitCostFen: 7000 }, 2)
    const m = makeMemberWithPoints(t.db, t.admin, 'C0001', 2000)
    const r = redeemGifts(t.db, { memberId: m, lines: [{ code: 'G001', qty: 2 }] }, t.admin)
    returnRedeemed(t.db, { redemptionId: r.redemptionId, code: 'G001', qty: 1, reason: '破损' }, t.admin)
    issueGift(t.db, { code: 'CAKE', quantity: 1, purpose: 'cake', cardNo: 'C0001' }, t.admin)
    t.setNow(new Date('2026-12-02T10:00:00+08:00'))
    receiveStock(t.db, { code: 'G001', quantity: 1 }, t.admin)
    redeemGifts(t.db, { memberId: m, lines: [{ code: 'G001', qty: 1 }] }, t.admin)

    const history = memberRedemptions(t.db, { memberId: m })
    expect(history).toHaveLength(2)
    expect(history[1]).toMatchObject({
      redemptionId: r.redemptionId,
      points: 1000,
      pointsBefore: 2000,
      pointsAfter: 1000,
      operatorName: 'admin',
      lines: [{ code: 'G001', name: '礼品G001', qty: 2, points: 1000, returned: 1 }],
    })
    expect(giftMovementHistory(t.db, { code: 'CAKE' })[0]).toMatchObject({
      kind: 'issue',
      quantity: -1,
      purpose: 'cake',
      cardNo: 'C0001',
      operatorName: 'admin',
    })
    expect(giftMovementHistory(t.db, { code: 'G001' }).map((x) => x.kind)).toEqual([
      'redeem',
      'receive',
      'return',
      'redeem',
      'receive',
    ])

    const nov = giftMonthReport(t.db, { year: 2026, month: 11 })
    expect(nov.costByCategory).toMatchObject({ redemption: 1000, cake: 7000, opening: 0 })
    expect(nov.costByPurpose).toMatchObject({ cake: 7000, birthday: 0 })
    expect(nov).toMatchObject({ redemptions: 1, redeemedPoints: 500, stockValueFen: 4 * 1000 + 1 * 7000 })
    expect(giftMonthReport(t.db, { year: 2026, month: 12 })).toMatchObject({ redemptions: 1, redeemedPoints: 500 })
  })
})
