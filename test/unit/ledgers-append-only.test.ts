import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { redeemGifts } from '../../db/services/gifts'
import { recordPurchase } from '../../db/services/purchases/desk'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeGift, makeMemberWithPoints } from '../support/gifts'

let t: TestDb
beforeEach(() => {
  t = makeTestDb()
  makeMemberWithPoints(t.db, t.admin, 'V0001', 2000)
  makeGift(t.db, t.admin, { code: 'G001' }, 5)
  redeemGifts(t.db, { memberId: 1, lines: [{ code: 'G001', qty: 1 }] }, t.admin)
  recordPurchase(
    t.db,
    { cardNo: 'V0001', receiptNo: 'R1', amountFen: 12800, purchasedAt: t.db.now().getTime() },
    t.admin,
  )
})
afterEach(() => t.close())

const LEDGERS = [
  ['points_ledger', 'delta = delta + 100'],
  ['gift_movements', 'quantity = quantity + 1'],
  ['purchases', 'points = points + 100'],
  ['audit_log', "summary = '改过'"],
] as const

describe('ledgers are append-only', () => {
  for (const [table, change] of LEDGERS) {
    it(`refuses to edit or delete ${table} rows and changes nothing`, () => {
      const before = dumpDb(t.db)
      expect((before[table] ?? []).length).toBeGreaterThan(0)
      expect(() => t.db.sqlite.exec(`UPDATE ${table} SET ${change}`)).toThrow('台账只能追加，更正请记冲销分录')
      expect(() => t.db.sqlite.exec(`DELETE FROM ${table}`)).toThrow('台账只能追加，更正请记冲销分录')
      expect(dumpDb(t.db)).toEqual(before)
    })
  }
  it('still takes new entries', () => {
    const n = t.db.sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get() as number
    makeMemberWithPoints(t.db, t.admin, 'V0002', 300)
    expect(t.db.sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get()).toBe(n + 1)
  })
})
