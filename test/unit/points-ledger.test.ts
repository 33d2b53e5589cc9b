import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember } from '../../db/services/members'
import { checkBalances, postPoints, type LedgerKind } from '../../db/services/points/ledger'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { resetLedgers } from '../support/ledgerReset'

let t: TestDb
let id: number
beforeEach(() => {
  t = makeTestDb()
  id = createMember(t.db, { cardNo: 'P0001', name: '积分测试' }, t.admin).id
})
afterEach(() => t.close())

const post = (kind: LedgerKind, points: number) =>
  t.db.sqlite.transaction(() => postPoints(t.db, { memberId: id, kind, points }, t.admin))()
const balance = () => t.db.sqlite.prepare('SELECT points, points_debt AS debt FROM members WHERE id = ?').get(id)

describe('the points ledger', () => {
  it('refuses to redeem more than the balance and changes nothing', () => {
    post('earn', 500)
    const before = dumpDb(t.db)
    expect(() => post('redeem', -501)).toThrow('积分不足：当前可用 500 分，需要 501 分')
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('records what a return cannot take back as debt, settled by the next earnings', () => {
    post('earn', 1000)
    post('redeem', -800)
    expect(post('return', -500)).toMatchObject({ delta: -200, debtDelta: 300, balance: 0, debt: 300 })
    expect(post('earn', 1000)).toMatchObject({ delta: 700, debtDelta: -300, balance: 700, debt: 0 })
    expect(balance()).toEqual({ points: 700, debt: 0 })
  })

  it('keeps every balance equal to its ledger and never negative, whatever the sequence', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant<LedgerKind>('earn'), points: fc.integer({ min: 1, max: 5000 }) }),
      fc.record({ kind: fc.constant<LedgerKind>('return'), points: fc.integer({ min: -5000, max: -1 }) }),
      fc.record({ kind: fc.constant<LedgerKind>('redeem'), points: fc.integer({ min: -5000, max: -1 }) }),
      fc.record({
        kind: fc.constant<LedgerKind>('adjust'),
        points: fc.integer({ min: -3000, max: 3000 }).filter((n) => n !== 0),
      }),
      fc.record({ kind: fc.constant<LedgerKind>('expire'), points: fc.integer({ min: -3000, max: -1 }) }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        resetLedgers(t.db, `DELETE FROM points_ledger; UPDATE members SET points = 0, points_debt = 0;`)
        for (const s of steps) {
          const before = balance() as { points: number; debt: number }
          try {
            post(s.kind, s.points)
          } catch (e) {
            expect(String(e)).toMatch(/积分不足/)
            expect(-s.points).toBeGreaterThan(before.points)
            expect(balance()).toEqual(before)
          }
          const now = balance() as { points: number; debt: number }
          expect(now.points).toBeGreaterThanOrEqual(0)
          expect(now.debt).toBeGreaterThanOrEqual(0)
          expect(checkBalances(t.db).differences).toEqual([])
        }
      }),
      { numRuns: 60 },
    )
  })

  it('reports a cached balance that disagrees with its ledger', () => {
    post('earn', 300)
    t.db.sqlite.prepare('UPDATE members SET points = 999 WHERE id = ?').run(id)
    expect(checkBalances(t.db).differences).toEqual([
      { memberId: id, cardNo: 'P0001', cached: { points: 999, debt: 0 }, ledger: { points: 300, debt: 0 } },
    ])
  })
})
