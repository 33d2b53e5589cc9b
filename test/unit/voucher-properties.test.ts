import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { checkBalances } from '../../db/services/points/ledger'
import {
  expireDueVouchers,
  issueManual,
  redeemPointsForVouchers,
  useVoucher,
  voidVoucher,
} from '../../db/services/vouchers'
import { makeTestDb, type TestDb } from '../support/db'
import { makeMemberWithPoints } from '../support/gifts'
import { resetLedgers } from '../support/ledgerReset'
import { storeDate } from '../support/storeTime'

/**
 * Random issue / use / void / expire / points conversion over two members: every voucher's status
 * is the outcome of its events, each balance equals its ledger, no voucher is used twice, voiding
 * a points voucher gives exactly its points back, and a refused call changes nothing.
 */
let t: TestDb
let members: number[] = []
const START_POINTS = 20_000
const START = storeDate(2026, 10, 10, 10).getTime()

beforeAll(() => {
  t = makeTestDb(new Date(START))
  members = [
    makeMemberWithPoints(t.db, t.admin, 'C0001', START_POINTS),
    makeMemberWithPoints(t.db, t.admin, 'C0002', START_POINTS),
  ]
})
afterAll(() => t.close())

function reset() {
  resetLedgers(
    t.db,
    `DELETE FROM voucher_events; DELETE FROM vouchers; DELETE FROM points_ledger WHERE kind != 'opening';
     UPDATE members SET points = ${START_POINTS}, points_debt = 0;`,
  )
  t.setNow(new Date(START))
}

type Step =
  | { kind: 'redeem'; member: number; value: number; count: number }
  | { kind: 'manual'; member: number }
  | { kind: 'use'; pick: number }
  | { kind: 'void'; pick: number }
  | { kind: 'wait'; days: number }
const member = fc.integer({ min: 0, max: 1 })
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      member,
      value: fc.constantFrom(3000, 4000, 5000, 2000),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('manual' as const), member }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('use' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 40 }) }) },
)

const snapshot = () =>
  t.db.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM voucher_events) AS events, (SELECT group_concat(status) FROM vouchers) AS statuses,
              (SELECT count(*) FROM points_ledger) AS entries, (SELECT group_concat(points) FROM members) AS points,
              (SELECT count(*) FROM audit_log) AS audits`,
    )
    .get()

const seen = { used: 0, voided: 0, expired: 0, refused: 0 }

function apply(s: Step, numbers: string[]) {
  const db = t.db
  const a = t.admin
  if (s.kind === 'wait') {
    t.setNow(new Date(db.now().getTime() + s.days * 86_400_000))
    seen.expired += expireDueVouchers(db).vouchers
  } else if (s.kind === 'redeem') {
    const out = redeemPointsForVouchers(
      db,
      { memberId: members[s.member]!, valueFen: s.value, count: s.count, ignoreWindow: true, reason: '随机测试' },
      a,
    )
    numbers.push(...out.map((v) => v.voucherNo))
  } else if (s.kind === 'manual') {
    numbers.push(issueManual(db, { memberId: members[s.member]!, kind: '唤醒券', reason: '随机测试' }, a).voucherNo)
  } else if (numbers.length) {
    const no = numbers[s.pick % numbers.length]!
    if (s.kind === 'use') {
      useVoucher(db, { voucherNo: no, receiptNo: `R${s.pick}` }, a)
      seen.used++
    } else {
      voidVoucher(db, { voucherNo: no, reason: '随机测试' }, a)
      seen.voided++
    }
  }
}

function checkVouchers() {
  // Status = the outcome of the events: one 'issued', then at most one closing event, matching the row.
  const wrong = t.db.sqlite
    .prepare(
      `SELECT v.voucher_no, v.status, group_concat(e.kind) AS kinds FROM vouchers v
         LEFT JOIN voucher_events e ON e.voucher_id = v.id GROUP BY v.id
       HAVING sum(e.kind = 'issued') <> 1 OR count(e.id) > 2
           OR (v.status = 'issued' AND count(e.id) <> 1)
           OR (v.status <> 'issued' AND sum(e.kind = v.status) <> 1)`,
    )
    .all()
  expect(wrong).toEqual([])
  const usedTwice = t.db.sqlite
    .prepare(`SELECT voucher_id FROM voucher_events WHERE kind = 'used' GROUP BY voucher_id HAVING count(*) > 1`)
    .all()
  expect(usedTwice).toEqual([])
  // Points: what vouchers hold (not voided) is exactly what the members spent on them.
  const spent = t.db.sqlite
    .prepare(`SELECT coalesce(-sum(delta), 0) FROM points_ledger WHERE kind IN ('redeem', 'refund')`)
    .pluck()
    .get()
  const held = t.db.sqlite
    .prepare(`SELECT coalesce(sum(points_used), 0) FROM vouchers WHERE status <> 'voided'`)
    .pluck()
    .get()
  expect(spent).toBe(held)
  expect(checkBalances(t.db).differences).toEqual([])
}

describe('vouchers under random desk work', () => {
  it('keep each status equal to its events, balances equal to their ledgers, and no number used twice', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        reset()
        const numbers: string[] = []
        for (const s of steps) {
          const before = snapshot()
          try {
            apply(s, numbers)
          } catch (e) {
            if (!isAppError(e)) throw e
            seen.refused++
            expect(snapshot()).toEqual(before)
          }
        }
        checkVouchers()
      }),
      { numRuns: 60 },
    )
    // The runs reached every branch, refusals included.
    expect(seen.used).toBeGreaterThan(0)
    expect(seen.voided).toBeGreaterThan(0)
    expect(seen.expired).toBeGreaterThan(0)
    expect(seen.refused).toBeGreaterThan(0)
  })
})
