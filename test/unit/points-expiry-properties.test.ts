import { storeZone } from '../../db/clock'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatDay } from '../../db/rules/expiry'
import { createMember } from '../../db/services/members'
import { expirePoints } from '../../db/services/points/expiry'
import { checkBalances, postPoints, type LedgerKind } from '../../db/services/points/ledger'
import { walkLots } from '../../db/services/points/lots'
import { getSettings, updateSettings } from '../../db/services/settings'
import { makeTestDb, type TestDb } from '../support/db'
import { resetLedgers } from '../support/ledgerReset'
import { storeDate } from '../support/storeTime'

let t: TestDb
let ids: number[]
beforeEach(() => {
  t = makeTestDb()
  ids = [1, 2, 3].map((n) => createMember(t.db, { cardNo: `R000${n}`, name: `会员${n}` }, t.admin).id)
})
afterEach(() => t.close())

const DAY = 86400000
const START = storeDate(2023, 0, 1).getTime()

type Step = { kind: LedgerKind | 'run'; member: number; points: number; days: number }
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<Step['kind']>('earn', 'return', 'redeem', 'adjust', 'run'),
  member: fc.integer({ min: 0, max: 2 }),
  points: fc.integer({ min: 1, max: 3000 }),
  // how far the clock moves before the step
  days: fc.integer({ min: 0, max: 200 }),
})

const balances = () => t.db.sqlite.prepare('SELECT points FROM members ORDER BY id').pluck().all() as number[]

describe('the ledger under expiry', () => {
  for (const policy of ['calendarYear', 'rolling'] as const) {
    it(`keeps every balance equal to its ledger, never negative, and equal to its open grants (${policy})`, () => {
      updateSettings(t.db, { expiry: { policy, months: 12 } }, t.admin)
      const rules = getSettings(t.db).expiry
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
          resetLedgers(t.db, 'DELETE FROM points_ledger; UPDATE members SET points = 0, points_debt = 0;')
          let now = START
          for (const s of steps) {
            now += s.days * DAY
            if (s.kind === 'run') {
              const asOf = formatDay(now, storeZone(t.db))
              expirePoints(t.db, { asOf }, t.admin)
              expect(expirePoints(t.db, { asOf }, t.admin)).toEqual({ members: 0, points: 0 })
              walkLots(t.db, rules, (_, lots) => expect(lots.filter((l) => l.expires <= now)).toEqual([]))
            } else {
              const points = s.kind === 'earn' ? s.points : -s.points
              try {
                t.db.sqlite.transaction(() =>
                  postPoints(t.db, { memberId: ids[s.member]!, kind: s.kind as LedgerKind, points, at: now }, t.admin),
                )()
              } catch (e) {
                expect(String(e)).toMatch(/积分不足/)
              }
            }
            expect(balances().every((b) => b >= 0)).toBe(true)
            expect(checkBalances(t.db).differences).toEqual([])
          }
          const open = new Map<number, number>()
          walkLots(t.db, rules, (m, lots) =>
            open.set(
              m,
              lots.reduce((n, l) => n + l.left, 0),
            ),
          )
          expect(ids.map((m) => open.get(m) ?? 0)).toEqual(balances())
        }),
        { numRuns: 40 },
      )
    })
  }
})
