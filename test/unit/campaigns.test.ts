import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor'
import { isAppError } from '../../db/errors'
import { createOperator, toActor } from '../../db/services/operators'
import { campaignReport, createCampaign, recordCall, splitCampaign } from '../../db/services/campaigns'
import { listVouchers, useVoucher } from '../../db/services/vouchers'
import { addStaffRow, buy, holdRow, member } from '../support/care'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { storeDate } from '../support/storeTime'

let t: TestDb
let clerk: Actor
let sleepers: number[]
let awake: number
beforeEach(() => {
  t = makeTestDb(storeDate(2026, 6, 1, 10))
  clerk = toActor(createOperator(t.db, { name: 'clerk', password: 'secret123', role: 'clerk' }, t.admin))
  sleepers = ['S001', 'S002', 'S003', 'S004'].map((c) => member(t.db, t.admin, c))
  awake = member(t.db, t.admin, 'A001')
  for (const id of sleepers) buy(t.db, t.admin, id, 20260105, 10_000)
  buy(t.db, t.admin, awake, 20260615, 10_000)
  t.setNow(storeDate(2026, 10, 23, 10)) // S001–S004 last bought in January: sleeping for 6 months; A001 in June
})
afterEach(() => t.close())

const refused = (fn: () => unknown, message: RegExp) => {
  const before = dumpDb(t.db)
  let error: unknown
  try {
    fn()
  } catch (e) {
    error = e
  }
  expect(isAppError(error), String(error)).toBe(true)
  expect((error as Error).message).toMatch(message)
  expect(dumpDb(t.db)).toEqual(before)
}

describe('wake-up campaigns (沉睡会员唤醒)', () => {
  it('take the sleeping members, one voucher each, maintainers first for their own VIPs', () => {
    const wang = addStaffRow(t.db, '王芳')
    const li = addStaffRow(t.db, '李娜')
    holdRow(t.db, wang, sleepers[0]!, 20260101)
    const c = createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6, voucherKind: '唤醒券' }, t.admin)
    expect(c).toMatchObject({ members: 4, assigned: 1, vouchers: 4 })
    expect(
      listVouchers(t.db, { kind: '唤醒券' })
        .map((v) => v.cardNo)
        .sort(),
    ).toEqual(['S001', 'S002', 'S003', 'S004'])
    expect(splitCampaign(t.db, { campaignId: c.id, staffIds: [wang, li] }, t.admin)).toEqual({ assigned: 3 })
    const lists = t.db.sqlite
      .prepare('SELECT staff_id AS s, count(*) AS n FROM campaign_members GROUP BY staff_id ORDER BY staff_id')
      .all()
    expect(lists).toEqual([
      { s: wang, n: 2 },
      { s: li, n: 2 },
    ])
  })

  it('count contacted, reached and returned (a purchase within the window after the first call) per caller', () => {
    const wang = addStaffRow(t.db, '王芳')
    const c = createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6, voucherKind: '唤醒券' }, t.admin)
    splitCampaign(t.db, { campaignId: c.id, staffIds: [wang] }, t.admin)
    const [s1, s2, s3] = sleepers as [number, number, number]
    recordCall(t.db, { campaignId: c.id, memberId: s1, outcome: 'no_answer' }, t.admin)
    recordCall(t.db, { campaignId: c.id, memberId: s1, outcome: 'will_come', nextTry: '2026-11-30' }, t.admin)
    recordCall(t.db, { campaignId: c.id, memberId: s2, outcome: 'refused', note: '已搬家' }, t.admin)
    recordCall(t.db, { campaignId: c.id, memberId: s3, outcome: 'invalid' }, t.admin)
    t.setNow(storeDate(2026, 10, 28, 15))
    buy(t.db, t.admin, s1, 20261128, 50_000) // within 30 days of the first call
    const voucher = listVouchers(t.db, { kind: '唤醒券' }).find((v) => v.cardNo === 'S001')!
    useVoucher(t.db, { voucherNo: voucher.voucherNo, receiptTotalFen: 50_000 }, t.admin)
    t.setNow(storeDate(2027, 0, 5, 10))
    buy(t.db, t.admin, s2, 20261230, 9_000) // 37 days later: not a return
    const r = campaignReport(t.db, c.id)
    expect(r).toMatchObject({ members: 4, contacted: 3, reached: 2, returned: 1, salesFen: 50_000, vouchersUsed: 1 })
    expect(r.callers).toEqual([
      expect.objectContaining({ staffName: '王芳', members: 4, contacted: 3, reached: 2, returned: 1 }),
    ])
  })

  it('refuse a clerk, an empty segment, an unknown voucher kind and a call for someone not on the list', () => {
    refused(() => createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6 }, clerk), /只有企划或管理员/)
    refused(() => createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 60 }, t.admin), /没有符合条件的会员/)
    refused(
      () => createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6, voucherKind: '免费券' }, t.admin),
      /没有券种「免费券」/,
    )
    const c = createCampaign(t.db, { name: '秋季唤醒', sleepingMonths: 6 }, t.admin)
    refused(() => recordCall(t.db, { campaignId: c.id, memberId: awake, outcome: 'reached' }, t.admin), /不在此活动/)
    refused(
      () => recordCall(t.db, { campaignId: c.id, memberId: sleepers[0]!, outcome: 'reached' }, clerk),
      /不能记录回访/,
    )
  })
})
