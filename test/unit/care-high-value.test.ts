import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assignMember, forgetSpendRanking, highValueList, highValueMembers, leaveStaff } from '../../db/services/care'
import { getSettings, updateSettings } from '../../db/services/settings'
import type { HighValueMeasure } from '../../db/rules/care'
import { makeTestDb, type TestDb } from '../support/db'
import { makeBuyer, makeStaff } from '../support/careAssign'
import { insertPurchase } from '../support/careSql'
import { storeDate } from '../support/storeTime'

let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

const criteria = (measure: HighValueMeasure, top: number, minimum = 0, minTier = '金卡') =>
  updateSettings(t.db, { care: { ...getSettings(t.db).care, highValue: { measure, top, minimum, minTier } } }, t.admin)
const cards = () => highValueList(t.db).rows.map((r) => r.cardNo)
const points = (id: number, n: number) => t.db.sqlite.prepare('UPDATE members SET points = ? WHERE id = ?').run(n, id)

describe('who is high-value', () => {
  it('by rolling 12-month spend: returns count, older purchases do not, top N and the floor apply', () => {
    makeBuyer(t.db, t.admin, 'V0001', [[3000], [2000]])
    makeBuyer(t.db, t.admin, 'V0002', [[4000]])
    makeBuyer(t.db, t.admin, 'V0003', [[9000], [-6000]])
    makeBuyer(t.db, t.admin, 'V0004', [[50000]], storeDate(2025, 10, 22, 12).getTime())
    makeBuyer(t.db, t.admin, 'V0005', [[100]])
    criteria('spend', 3)
    expect(cards()).toEqual(['V0001', 'V0002', 'V0003'])
    expect(highValueList(t.db).rows[0]).toMatchObject({ rank: 1, value: 500000, spendFen: 500000, inCriteria: true })
    criteria('spend', 10, 350000)
    expect(cards()).toEqual(['V0001', 'V0002'])
  })

  it('sees new purchases and closed cards at once (the ranking is reused only while nothing changed)', () => {
    makeBuyer(t.db, t.admin, 'V0001', [[3000]])
    const b = makeBuyer(t.db, t.admin, 'V0002', [[2000]])
    criteria('spend', 1)
    expect(cards()).toEqual(['V0001'])
    makeBuyer(t.db, t.admin, 'V0003', [[5000]])
    expect(cards()).toEqual(['V0003'])
    t.db.sqlite.prepare("UPDATE members SET status = 'closed' WHERE card_no IN ('V0003', 'V0001')").run()
    expect(cards()).toEqual(['V0002'])
    expect(highValueList(t.db).rows[0]!.memberId).toBe(b)
  })

  it('by points, and by tier sorted by spend', () => {
    const a = makeBuyer(t.db, t.admin, 'V0001', [[1000]])
    const b = makeBuyer(t.db, t.admin, 'V0002', [[6000]])
    const c = makeBuyer(t.db, t.admin, 'V0003', [[12000]])
    points(a, 90000)
    points(b, 100)
    points(c, 5000)
    criteria('points', 2)
    expect(cards()).toEqual(['V0001', 'V0003'])
    expect(highValueList(t.db).rows[0]!.value).toBe(90000)
    criteria('tier', 10)
    expect(cards()).toEqual(['V0003', 'V0002'])
    criteria('tier', 10, 0, '钻石卡')
    expect(cards()).toEqual(['V0003'])
  })

  it('shows the maintainer, one who left, days since contact, masked phone; keeps assigned members who fell out, flagged', () => {
    const li = makeStaff(t.db, t.admin, '李娜')
    const wang = makeStaff(t.db, t.admin, '王强')
    const a = makeBuyer(t.db, t.admin, 'V0001', [[9000]])
    const b = makeBuyer(t.db, t.admin, 'V0002', [[8000]])
    makeBuyer(t.db, t.admin, 'V0003', [[7000]])
    const d = makeBuyer(t.db, t.admin, 'V0004', [[10]])
    assignMember(t.db, { memberId: a, staffId: li.id, from: '2026-11-01' }, t.admin)
    assignMember(t.db, { memberId: b, staffId: wang.id }, t.admin)
    assignMember(t.db, { memberId: d, staffId: wang.id }, t.admin)
    leaveStaff(t.db, { id: wang.id }, t.admin)
    t.db.sqlite
      .prepare(
        "INSERT INTO vip_contacts (member_id, staff_id, kind, day, created_at) VALUES (?, ?, 'phone', 20261113, 0)",
      )
      .run(a, li.id)
    criteria('spend', 3)
    const rows = highValueList(t.db).rows
    expect(rows.map((r) => [r.cardNo, r.status, r.staffName, r.inCriteria, r.rank])).toEqual([
      ['V0001', 'assigned', '李娜', true, 1],
      ['V0002', 'staffLeft', '王强', true, 2],
      ['V0003', 'unassigned', null, true, 3],
      ['V0004', 'staffLeft', '王强', false, null],
    ])
    expect(rows[0]).toMatchObject({
      daysSinceContact: 10,
      since: '2026-11-01',
      phone: '139****5678',
      lastPurchase: '2026-10-20',
    })
    expect(rows[2]!.daysSinceContact).toBeNull()
  })

  it('keeps the spend ranking up to date from new purchases and returns exactly as a fresh pass would', () => {
    // More spenders than the kept margin (top 10 keeps 210), so the cut-off matters.
    const ids = Array.from({ length: 260 }, (_, i) => makeBuyer(t.db, t.admin, `V${String(i).padStart(4, '0')}`))
    let seed = 7
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n)
    const when = storeDate(2026, 9, 20, 14)
    let receipt = 0
    for (const id of ids) insertPurchase(t.db, id, `S${++receipt}`, when, (1 + rnd(5000)) * 100)
    criteria('spend', 10)
    const fresh = () => {
      forgetSpendRanking(t.db)
      return highValueMembers(t.db)
    }
    expect(highValueMembers(t.db)).toEqual(fresh())
    for (let round = 0; round < 12; round++) {
      const top = highValueMembers(t.db)
      // A low spender jumps in, a top one returns most of it, and a few small lines elsewhere.
      insertPurchase(t.db, ids[rnd(ids.length)]!, `S${++receipt}`, when, (3000 + rnd(4000)) * 100)
      insertPurchase(t.db, top[rnd(top.length)]!.id, `S${++receipt}`, when, -(rnd(4000) * 100))
      for (let i = 0; i < 3; i++) insertPurchase(t.db, ids[rnd(ids.length)]!, `S${++receipt}`, when, rnd(300) * 100)
      const kept = highValueMembers(t.db)
      expect(kept).toEqual(fresh())
    }
  })
})
