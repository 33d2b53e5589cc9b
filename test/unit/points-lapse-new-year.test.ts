import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createJobRunner } from '../../db/jobs/runner'
import { zonedToMs } from '../../db/rules/storeClock'
import { createMember, getMember, replaceCard } from '../../db/services/members'
import { adjustPoints } from '../../db/services/points/adjust'
import { checkBalances, postPoints } from '../../db/services/points/ledger'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell, testState } from '../support/dispatcher'
import { makeGift } from '../support/gifts'

// Issue 14: an app left open over New Year let the VIP room redeem last year's lapsed points.
// Times are the store's (Asia/Shanghai) whatever zone the machine runs in.
const storeTime = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) =>
  new Date(zonedToMs({ y, m, d, h, mi, s }, 'Asia/Shanghai'))
const NEW_YEARS_EVE = storeTime(2026, 12, 31, 23, 59)
const JUST_AFTER_MIDNIGHT = storeTime(2027, 1, 1, 0, 0, 30)
// New points are earned well inside the new year: which year a grant made right at the store's
// midnight belongs to is the store-zone expiry rules' concern (db/rules/expiry.ts), not this one.
const NEW_YEAR = storeTime(2027, 1, 2, 12)
const ADMIN = 1

let t: TestDb
let memberId: number
beforeEach(() => {
  t = makeTestDb(NEW_YEARS_EVE)
  memberId = createMember(t.db, { cardNo: 'V2026', name: '跨年' }, t.admin).id
  const earned = storeTime(2026, 6, 15, 12).getTime()
  t.db.sqlite.transaction(() => postPoints(t.db, { memberId, kind: 'earn', points: 2400, at: earned }, t.admin))()
  makeGift(t.db, t.admin, { code: 'G24', name: '羊绒围巾', pointsPrice: 2400 }, 3)
  makeGift(t.db, t.admin, { code: 'G05', name: '保温杯', pointsPrice: 500 }, 3)
})
afterEach(() => t.close())

const redeemScarf = { memberId: 0, lines: [{ code: 'G24', qty: 1 }] }
const ledger = () =>
  t.db.sqlite.prepare('SELECT kind, delta FROM points_ledger WHERE member_id = ? ORDER BY id').all(memberId)
const onHand = (code: string) => t.db.sqlite.prepare('SELECT on_hand FROM gifts WHERE code = ?').pluck().get(code)

describe('the app left open over New Year', () => {
  it('lapses 2,400 points at the first call after the store midnight: the redemption is refused and no balance shows them', async () => {
    const state = { ...testState(t), jobs: createJobRunner({ db: () => t.db }) }
    state.jobs.start()
    try {
      const d = await dispatcherFor(t, testShell(), { [ADMIN]: 'admin' }, { state })
      expect(await d.dispatch('members:get', { id: memberId }, ADMIN)).toMatchObject({
        ok: true,
        data: { points: 2400 },
      })

      t.setNow(JUST_AFTER_MIDNIGHT) // no restart
      const r = await d.dispatch('gifts:redeem', { ...redeemScarf, memberId }, ADMIN)
      expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } })
      expect(!r.ok && r.error.message).toMatch(/积分不足/)
      expect(state.jobs.lastRuns().expiry).toMatchObject({
        trigger: 'call',
        day: 20270101,
        ok: true,
        result: { members: 1, points: 2400 },
      })

      expect(await d.dispatch('members:get', { id: memberId }, ADMIN)).toMatchObject({ data: { points: 0 } })
      const desk = await d.dispatch('gifts:eligible', { memberId }, ADMIN)
      expect(desk).toMatchObject({ ok: true, data: { member: { points: 0 }, eligible: [] } })
      expect(await d.dispatch('members:list', {}, ADMIN)).toMatchObject({ data: { rows: [{ points: 0 }] } })
      expect(ledger()).toEqual([
        { kind: 'earn', delta: 2400 },
        { kind: 'expire', delta: -2400 },
      ])
      expect(onHand('G24')).toBe(3)
      expect(checkBalances(t.db).differences).toEqual([])
    } finally {
      state.jobs.stop()
    }
  })
})

describe('lapsed points without any job run', () => {
  it('refuses the redemption in Chinese and changes nothing', async () => {
    const d = await dispatcherFor(t, testShell(), { [ADMIN]: 'admin' })
    t.setNow(JUST_AFTER_MIDNIGHT)
    const before = dumpDb(t.db)
    const r = await d.dispatch('gifts:redeem', { ...redeemScarf, memberId }, ADMIN)
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } })
    expect(!r.ok && r.error.message).toMatch(/积分不足/)
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('shows the member detail, the redemption desk and the purchase desk without them', async () => {
    const d = await dispatcherFor(t, testShell(), { [ADMIN]: 'admin' })
    t.setNow(NEW_YEAR)
    expect(getMember(t.db, { id: memberId }).points).toBe(0)
    const desk = await d.dispatch('gifts:eligible', { memberId }, ADMIN)
    expect(desk).toMatchObject({ ok: true, data: { member: { points: 0 }, eligible: [] } })
    const sale = { memberId, receiptNo: 'R1', amountFen: 10000 }
    const saved = await d.dispatch('purchases:record', sale, ADMIN)
    expect(saved).toMatchObject({ ok: true, data: { points: 100, balance: 100 } })
  })

  it('lets only what is still valid be spent, and the balance checks out', () => {
    t.setNow(NEW_YEAR)
    t.db.sqlite.transaction(() => postPoints(t.db, { memberId, kind: 'earn', points: 500 }, t.admin))()
    expect(getMember(t.db, { id: memberId }).points).toBe(500)
    expect(() => adjustPoints(t.db, { memberId, points: -600, reason: '测试扣减' }, t.admin)).toThrow(
      '积分不足：当前可用 500 分，需要 600 分',
    )
    expect(adjustPoints(t.db, { memberId, points: -500, reason: '测试扣减' }, t.admin).balance).toBe(0)
    expect(ledger()).toEqual([
      { kind: 'earn', delta: 2400 },
      { kind: 'earn', delta: 500 },
      { kind: 'expire', delta: -2400 },
      { kind: 'adjust', delta: -500 },
    ])
    expect(checkBalances(t.db).differences).toEqual([])
  })

  it('moves only the valid points to a replacement card', () => {
    t.setNow(JUST_AFTER_MIDNIGHT)
    replaceCard(t.db, { id: memberId, newCardNo: 'V2027' }, t.admin)
    const transfer = t.db.sqlite
      .prepare("SELECT reason FROM points_ledger WHERE kind = 'transfer'")
      .pluck()
      .get() as string
    expect(transfer).toBe('补卡：原卡 V2026 的 0 积分转入新卡 V2027')
    expect(checkBalances(t.db).differences).toEqual([])
  })

  it('still spends them on New Year’s Eve', async () => {
    const d = await dispatcherFor(t, testShell(), { [ADMIN]: 'admin' })
    const r = await d.dispatch('gifts:redeem', { ...redeemScarf, memberId }, ADMIN)
    expect(r).toMatchObject({ ok: true, data: { points: 2400, pointsAfter: 0 } })
  })
})
