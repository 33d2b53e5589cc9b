import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../db/open'
import { checkStock, redeemGifts } from '../../db/services/gifts'
import { checkBalances } from '../../db/services/points/ledger'
import { makeTestDb, type TestDb } from '../support/db'
import { makeGift, makeMemberWithPoints } from '../support/gifts'
import { resetLedgers } from '../support/ledgerReset'

const WORKER = join(__dirname, '../support/redeem-worker.ts')

let t: TestDb
let members: number[]
beforeEach(() => {
  t = makeTestDb()
  makeGift(t.db, t.admin, { code: 'LAST', pointsPrice: 500 }, 1)
  members = [makeMemberWithPoints(t.db, t.admin, 'C0001', 1000), makeMemberWithPoints(t.db, t.admin, 'C0002', 1000)]
})
afterEach(() => t.close())

type Outcome = { ok: true; redemptionId: number } | { ok: false; kind: string; message: string }

const redeemedUnits = () =>
  t.db.sqlite.prepare("SELECT count(*) FROM gift_movements WHERE kind = 'redeem'").pluck().get() as number

describe('two desks redeeming the last unit', () => {
  it('on two connections one after the other: the second is refused', () => {
    const a = openDatabase(t.file)
    const b = openDatabase(t.file)
    try {
      redeemGifts(a, { memberId: members[0]!, lines: [{ code: 'LAST', qty: 1 }] }, t.admin)
      expect(() => redeemGifts(b, { memberId: members[1]!, lines: [{ code: 'LAST', qty: 1 }] }, t.admin)).toThrow(
        '礼品LAST已无库存',
      )
    } finally {
      closeDatabase(a)
      closeDatabase(b)
    }
    expect(redeemedUnits()).toBe(1)
  })

  it('in two threads at the same moment: exactly one succeeds', async () => {
    for (let round = 0; round < 3; round++) {
      const signal = new SharedArrayBuffer(8)
      const flag = new Int32Array(signal)
      const start = (memberId: number) =>
        // The worker loads TypeScript through tsx's require hook (vitest's transform does not reach threads).
        new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER)})`, {
          eval: true,
          workerData: { file: t.file, memberId, code: 'LAST', signal },
        })
      const workers = members.map(start)
      const outcomes = workers.map(
        (w) =>
          new Promise<Outcome>((resolve, reject) => {
            w.once('message', resolve)
            w.once('error', reject)
          }),
      )
      // Both connections are open and waiting: let them go together.
      while (Atomics.load(flag, 1) < 2) await new Promise((r) => setTimeout(r, 5))
      Atomics.store(flag, 0, 1)
      Atomics.notify(flag, 0)
      const results = await Promise.all(outcomes)
      await Promise.all(workers.map((w) => w.terminate()))
      const won = results.filter((r) => r.ok)
      const lost = results.filter((r): r is Extract<Outcome, { ok: false }> => !r.ok)
      expect(won).toHaveLength(1)
      expect(lost).toEqual([{ ok: false, kind: 'conflict', message: '礼品LAST已无库存' }])
      expect(checkStock(t.db).differences).toEqual([])
      expect(checkBalances(t.db).differences).toEqual([])
      // Put the unit back for the next round.
      const again = t.db.sqlite.prepare("SELECT on_hand FROM gifts WHERE code = 'LAST'").pluck().get()
      expect(again).toBe(0)
      resetLedgers(
        t.db,
        "DELETE FROM gift_movements WHERE kind = 'redeem'; DELETE FROM points_ledger WHERE kind = 'redeem'; DELETE FROM redemptions; UPDATE gifts SET on_hand = 1; UPDATE members SET points = 1000",
      )
    }
  }, 30_000)
})
