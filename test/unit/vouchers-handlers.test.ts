import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMember } from '../../db/services/members'
import { issueManual } from '../../db/services/vouchers'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { dispatcherFor, testShell } from '../support/dispatcher'

// The 券 calls as the renderer makes them: through the dispatcher, with roles and envelopes.
let t: TestDb
const ADMIN = 1
const VIPROOM = 2
const CLERK = 3
let no: string

const desk = () =>
  dispatcherFor(t, testShell(), {
    [ADMIN]: 'admin',
    [VIPROOM]: { name: '赵敏', role: 'viproom' },
    [CLERK]: { name: '钱多', role: 'clerk' },
  })

beforeEach(() => {
  t = makeTestDb()
  const m = createMember(t.db, { cardNo: 'V0088', name: '林雨桐', phone: '13900008866' }, t.admin)
  no = issueManual(t.db, { memberId: m.id, kind: '唤醒券', reason: '唤醒活动' }, t.admin).voucherNo
})
afterEach(() => t.close())

describe('voucher calls', () => {
  it('looks a scan up with the refusal it would meet, then uses it once', async () => {
    const d = await desk()
    const seen = await d.dispatch('vouchers:lookup', { voucherNo: no, receiptTotalFen: 10000 }, VIPROOM)
    expect(seen).toMatchObject({
      ok: true,
      data: { cardNo: 'V0088', valueFen: 2000, status: 'issued', problem: `券 ${no} 须消费满 200.00 元才能使用` },
    })
    expect(await d.dispatch('vouchers:lookup', { voucherNo: no }, CLERK)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    const typo = await d.dispatch('vouchers:lookup', { voucherNo: '12345' }, VIPROOM)
    expect(typo).toMatchObject({ ok: false, error: { kind: 'validation', message: '券号应为 12 位数字：12345' } })
    const used = await d.dispatch('vouchers:use', { voucherNo: no, receiptNo: 'P1', receiptTotalFen: 30000 }, VIPROOM)
    expect(used).toMatchObject({ ok: true, data: { status: 'used', usedReceiptNo: 'P1' } })
    const before = dumpDb(t.db)
    const again = await d.dispatch('vouchers:use', { voucherNo: no }, VIPROOM)
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', message: `券 ${no} 已使用过` } })
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('lists a member’s vouchers for every role; only planners and admins issue and void, with a reason', async () => {
    const d = await desk()
    const list = await d.dispatch('vouchers:list', { memberId: 1 }, CLERK)
    expect(list).toMatchObject({ ok: true, data: [{ voucherNo: no, kind: '唤醒券', status: 'issued' }] })
    const input = { memberId: 1, kind: '积分通用券', reason: '投诉补偿' }
    expect(await d.dispatch('vouchers:issue', input, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await d.dispatch('vouchers:issue', input, ADMIN)).toMatchObject({ ok: true, data: { valueFen: 3000 } })
    const before = dumpDb(t.db)
    const noReason = await d.dispatch('vouchers:void', { voucherNo: no, reason: ' ' }, ADMIN)
    expect(noReason).toMatchObject({ ok: false, error: { kind: 'validation', message: '原因：请填写作废原因' } })
    expect(await d.dispatch('vouchers:void', { voucherNo: no, reason: '发错' }, VIPROOM)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(dumpDb(t.db)).toEqual(before)
    const voided = await d.dispatch('vouchers:void', { voucherNo: no, reason: '发错会员' }, ADMIN)
    expect(voided).toMatchObject({ ok: true, data: { status: 'voided' } })
    const after = await d.dispatch('vouchers:list', { memberId: 1, status: 'voided' }, CLERK)
    expect(after).toMatchObject({ ok: true, data: [{ voucherNo: no }] })
  })
})
