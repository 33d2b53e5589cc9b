import { storeZone } from '../../db/clock'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatDay } from '../../db/rules/expiry'
import { createMember } from '../../db/services/members'
import { adjustPoints } from '../../db/services/points/adjust'
import { expirePoints } from '../../db/services/points/expiry'
import { checkBalances, postPoints } from '../../db/services/points/ledger'
import { recordPurchase } from '../../db/services/purchases/desk'
import { updateSettings } from '../../db/services/settings'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { resetLedgers } from '../support/ledgerReset'
import { balanceNow } from '../../db/services/points/lapse'
import { storeDate } from '../support/storeTime'

/**
 * Random days at the desk — purchases (some special-price, some of two lines), full and partial
 * returns of earlier receipts, redemptions, manual adjustments both ways, and expiry runs, with the
 * clock moving on — must keep every cached balance equal to its ledger and never negative.
 */
let t: TestDb
let ids: number[]
beforeEach(() => {
  t = makeTestDb()
  ids = [1, 2, 3].map((n) => createMember(t.db, { cardNo: `P000${n}`, name: `会员${n}` }, t.admin).id)
})
afterEach(() => t.close())

const DAY = 86400000
const START = storeDate(2024, 0, 1, 10).getTime()

type Step =
  | { kind: 'buy'; member: number; days: number; fen: number[]; special: boolean }
  | { kind: 'return'; member: number; days: number; pick: number; share: number }
  | { kind: 'redeem' | 'adjust'; member: number; days: number; points: number }
  | { kind: 'expire'; days: number }

const member = fc.integer({ min: 0, max: 2 })
const days = fc.integer({ min: 0, max: 120 })
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('buy' as const),
      member,
      days,
      special: fc.boolean(),
      fen: fc.array(fc.integer({ min: 1, max: 800_000 }), { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      member,
      days: fc.integer({ min: 0, max: 10 }),
      pick: fc.nat(),
      share: fc.constantFrom(1, 1, 0.5, 0.3, 0.01),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      member,
      days,
      points: fc.integer({ min: 1, max: 6000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      member,
      days,
      points: fc.integer({ min: -4000, max: 4000 }).filter((n) => n !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const), days: fc.integer({ min: 0, max: 400 }) }) },
)

/** What the runs exercised, so a generator that drifts into trivial cases fails loudly. */
const seen = { returns: 0, refused: 0, expired: 0, debt: 0 }

interface Receipt {
  no: string
  member: number
  fen: number
  returned: number
}

const sums = () =>
  t.db.sqlite
    .prepare(
      `SELECT m.id, m.points, m.points_debt AS debt, coalesce(sum(l.delta), 0) AS lp, coalesce(sum(l.debt_delta), 0) AS ld
       FROM members m LEFT JOIN points_ledger l ON l.member_id = m.id GROUP BY m.id ORDER BY m.id`,
    )
    .all() as { id: number; points: number; debt: number; lp: number; ld: number }[]

/** Per original receipt: points its lines earned and points its returns took back. */
const reversals = () =>
  t.db.sqlite
    .prepare(
      `SELECT r.original_receipt_no AS no, -sum(r.points) AS taken,
         (SELECT sum(points) FROM purchases o WHERE o.receipt_no = r.original_receipt_no AND o.amount_fen > 0) AS earned
       FROM purchases r WHERE r.amount_fen < 0 GROUP BY r.original_receipt_no`,
    )
    .all() as { no: string; taken: number; earned: number }[]

function reset() {
  resetLedgers(
    t.db,
    `DELETE FROM points_ledger; DELETE FROM purchases; DELETE FROM tier_changes;
     UPDATE members SET points = 0, points_debt = 0, last_purchase_at = NULL, tier = '普卡';`,
  )
}

/** A refused deduction must leave every table as it was. */
function refusedChangesNothing(run: () => unknown) {
  const before = dumpDb(t.db)
  expect(run).toThrow(/积分不足/)
  seen.refused++
  expect(dumpDb(t.db)).toEqual(before)
}

function apply(s: Step, now: number, receipts: Receipt[], serial: number) {
  const db = t.db
  if (s.kind === 'buy') {
    const no = `R${serial}`
    s.fen.forEach((fen, i) =>
      recordPurchase(
        db,
        {
          memberId: ids[s.member],
          receiptNo: no,
          lineNo: i + 1,
          purchasedAt: now,
          amountFen: fen,
          specialPrice: s.special,
        },
        t.admin,
      ),
    )
    receipts.push({ no, member: s.member, fen: s.fen.reduce((a, b) => a + b, 0), returned: 0 })
  } else if (s.kind === 'return') {
    const mine = receipts.filter((r) => r.member === s.member && r.returned < r.fen)
    if (!mine.length) return
    const o = mine[s.pick % mine.length]!
    const fen = Math.max(1, Math.floor((o.fen - o.returned) * s.share))
    recordPurchase(
      db,
      { memberId: ids[s.member], receiptNo: `R${serial}`, purchasedAt: now, amountFen: -fen, originalReceiptNo: o.no },
      t.admin,
    )
    o.returned += fen
    seen.returns++
  } else if (s.kind === 'redeem') {
    const memberId = ids[s.member]!
    const balance = db.sqlite.prepare('SELECT points FROM members WHERE id = ?').pluck().get(memberId) as number
    const redeem = () =>
      db.sqlite.transaction(() =>
        postPoints(db, { memberId, kind: 'redeem', points: -s.points, reason: '兑换礼品' }, t.admin),
      )()
    if (s.points > balance) refusedChangesNothing(redeem)
    else redeem()
  } else if (s.kind === 'adjust') {
    const memberId = ids[s.member]!
    // A deduction first lapses what is due by today (db/services/points/lapse.ts): what it may take
    // is the balance net of points lapsed but not yet posted.
    const cached = db.sqlite.prepare('SELECT points FROM members WHERE id = ?').pluck().get(memberId) as number
    const balance = balanceNow(db, memberId, cached)
    const adjust = () => adjustPoints(db, { memberId, points: s.points, reason: '测试调整' }, t.admin)
    if (-s.points > balance) refusedChangesNothing(adjust)
    else adjust()
  } else {
    const asOf = formatDay(now, storeZone(db))
    seen.expired += expirePoints(db, { asOf }, t.admin).points
    expect(expirePoints(db, { asOf }, t.admin)).toEqual({ members: 0, points: 0 })
  }
}

describe('purchases, returns, redemptions, adjustments and expiry together', () => {
  for (const policy of ['calendarYear', 'rolling'] as const) {
    it(`keep every balance equal to its ledger and never negative (${policy})`, () => {
      updateSettings(t.db, { expiry: { policy, months: 12 } }, t.admin)
      Object.assign(seen, { returns: 0, refused: 0, expired: 0, debt: 0 })
      fc.assert(
        fc.property(fc.array(step, { minLength: 10, maxLength: 40, size: 'medium' }), (steps) => {
          reset()
          const receipts: Receipt[] = []
          let now = START
          steps.forEach((s, i) => {
            now += s.days * DAY + 60_000
            t.setNow(new Date(now))
            apply(s, now, receipts, i)
            for (const r of sums()) {
              expect(r.points).toBe(r.lp)
              expect(r.debt).toBe(r.ld)
              expect(r.points).toBeGreaterThanOrEqual(0)
              expect(r.debt).toBeGreaterThanOrEqual(0)
              if (r.debt > 0) seen.debt++
            }
            expect(checkBalances(t.db).differences).toEqual([])
            for (const r of reversals()) expect(r.taken, r.no).toBeLessThanOrEqual(r.earned)
          })
        }),
        { numRuns: 30 },
      )
      expect(seen.returns).toBeGreaterThan(20)
      expect(seen.refused).toBeGreaterThan(10)
      expect(seen.expired).toBeGreaterThan(0)
      expect(seen.debt).toBeGreaterThan(0)
    })
  }
})
