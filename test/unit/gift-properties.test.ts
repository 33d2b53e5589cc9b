import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { checkStock, issueGift, receiveStock, redeemGifts, returnRedeemed, stocktake } from '../../db/services/gifts'
import { checkBalances } from '../../db/services/points/ledger'
import { makeTestDb, type TestDb } from '../support/db'
import { makeGift, makeMemberWithPoints } from '../support/gifts'
import { resetLedgers } from '../support/ledgerReset'

/**
 * Random sequences of receive / issue / redeem / return / stocktake over three gifts and two
 * members: stock always equals the sum of its movements and is never negative, every balance
 * equals its ledger, points only move by redemptions and refunds, and a refused call changes
 * nothing.
 */
let t: TestDb
const CODES = ['G0', 'G1', 'G2']
const START_POINTS = 4000
let members: number[] = []
const START = new Date('2026-11-23T10:00:00+08:00').getTime()

beforeAll(() => {
  t = makeTestDb(new Date(START))
  makeGift(t.db, t.admin, { code: 'G0', pointsPrice: 300 })
  makeGift(t.db, t.admin, { code: 'G1', pointsPrice: 1000, maxBalance: 3000 })
  makeGift(t.db, t.admin, { code: 'G2', pointsPrice: 700 })
  members = [
    makeMemberWithPoints(t.db, t.admin, 'C0001', START_POINTS),
    makeMemberWithPoints(t.db, t.admin, 'C0002', START_POINTS),
  ]
})
afterAll(() => t.close())

function reset() {
  resetLedgers(
    t.db,
    `DELETE FROM gift_movements; DELETE FROM redemptions; UPDATE gifts SET on_hand = 0;
     DELETE FROM points_ledger WHERE kind != 'opening'; UPDATE members SET points = ${START_POINTS}, points_debt = 0;`,
  )
  t.setNow(new Date(START))
  for (const code of CODES) receiveStock(t.db, { code, quantity: 3 }, t.admin)
}

const gift = fc.constantFrom(...CODES)
const qty = fc.integer({ min: 1, max: 4 })
type Step =
  | { kind: 'receive'; code: string; qty: number }
  | { kind: 'issue'; code: string; qty: number }
  | { kind: 'redeem'; member: number; lines: { code: string; qty: number }[] }
  | { kind: 'return'; pick: number; code: string; qty: number; hours: number }
  | { kind: 'stocktake'; code: string; counted: number }
  | { kind: 'wait'; hours: number }
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('receive' as const), code: gift, qty: fc.integer({ min: 1, max: 10 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('issue' as const), code: gift, qty }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      member: fc.integer({ min: 0, max: 1 }),
      lines: fc.array(fc.record({ code: gift, qty: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      pick: fc.nat(),
      code: gift,
      qty: fc.integer({ min: 1, max: 2 }),
      hours: fc.integer({ min: 0, max: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('stocktake' as const),
      code: gift,
      counted: fc.integer({ min: 0, max: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
)

const seen = { redeemed: 0, returned: 0, refused: 0 }

/** The parts of the database a call writes, to check a refused call left them alone. */
const snapshot = () =>
  t.db.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM gift_movements) AS moves, (SELECT count(*) FROM points_ledger) AS entries,
              (SELECT count(*) FROM redemptions) AS redemptions, (SELECT count(*) FROM audit_log) AS audits,
              (SELECT group_concat(on_hand) FROM gifts) AS stock, (SELECT group_concat(points) FROM members) AS points`,
    )
    .get()

function apply(s: Step, redemptions: { id: number; code: string }[]) {
  const db = t.db
  const a = t.admin
  if (s.kind === 'receive') receiveStock(db, { code: s.code, quantity: s.qty }, a)
  else if (s.kind === 'issue') issueGift(db, { code: s.code, quantity: s.qty, purpose: 'event' }, a)
  else if (s.kind === 'stocktake') stocktake(db, { code: s.code, counted: s.counted, reason: '盘点' }, a)
  else if (s.kind === 'wait') t.setNow(new Date(db.now().getTime() + s.hours * 3600_000))
  else if (s.kind === 'redeem') {
    const r = redeemGifts(db, { memberId: members[s.member]!, lines: s.lines }, a)
    for (const l of r.lines) redemptions.push({ id: r.redemptionId, code: l.code })
    seen.redeemed++
  } else if (redemptions.length) {
    t.setNow(new Date(db.now().getTime() + s.hours * 3600_000))
    // Mostly a gift the redemption holds; sometimes any gift, which must be refused.
    const line = redemptions[s.pick % redemptions.length]!
    const code = s.pick % 4 ? line.code : s.code
    returnRedeemed(db, { redemptionId: line.id, code, qty: s.qty, reason: '质量问题' }, a)
    seen.returned++
  }
}

describe('gift stock and points under random desk work', () => {
  it('keep stock = sum(movements) ≥ 0 and points consistent with the ledger', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        reset()
        const redemptions: { id: number; code: string }[] = []
        for (const s of steps) {
          const before = snapshot()
          try {
            apply(s, redemptions)
          } catch (e) {
            if (!isAppError(e)) throw e
            seen.refused++
            expect(snapshot()).toEqual(before)
          }
          expect(checkStock(t.db).differences).toEqual([])
        }
        const negative = t.db.sqlite
          .prepare('SELECT count(*) FROM gift_movements WHERE on_hand_after < 0')
          .pluck()
          .get()
        expect(negative).toBe(0)
        expect(checkBalances(t.db).differences).toEqual([])
        // Points moved only by redemptions and refunds, exactly as the stock movements say.
        const flows = t.db.sqlite
          .prepare(
            `SELECT m.id, m.points, coalesce((SELECT sum(-g.quantity * g.points) FROM gift_movements g
               WHERE g.member_id = m.id AND g.kind IN ('redeem', 'return')), 0) AS spent
             FROM members m ORDER BY m.id`,
          )
          .all() as { id: number; points: number; spent: number }[]
        for (const f of flows) {
          expect(f.points).toBe(START_POINTS - f.spent)
          expect(f.points).toBeGreaterThanOrEqual(0)
        }
      }),
      { numRuns: 150 },
    )
    expect(seen.redeemed).toBeGreaterThan(20)
    expect(seen.returned).toBeGreaterThan(5)
    expect(seen.refused).toBeGreaterThan(20)
  })
})
