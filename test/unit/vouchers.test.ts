import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor'
import { isAppError } from '../../db/errors'
import { checkBalances } from '../../db/services/points/ledger'
import { createOperator, toActor } from '../../db/services/operators'
import { updateSettings } from '../../db/services/settings'
import {
  expireDueVouchers,
  issueManual,
  listVouchers,
  lookupVoucher,
  redeemPointsForVouchers,
  useVoucher,
  voidVoucher,
  voucherFigures,
  yearlyOptions,
} from '../../db/services/vouchers'
import { bestVoucherMix, luhnDigit, readVoucherNo, splitVoucherNos, voucherNoFrom } from '../../db/rules/vouchers'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeMemberWithPoints } from '../support/gifts'
import { storeDate } from '../support/storeTime'

let t: TestDb
let m1: number
const actors: Record<string, Actor> = {}
beforeEach(() => {
  t = makeTestDb(storeDate(2026, 10, 23, 10))
  m1 = makeMemberWithPoints(t.db, t.admin, 'C0001', 12_500)
  for (const role of ['viproom', 'clerk', 'planner'] as const)
    actors[role] = toActor(createOperator(t.db, { name: role, password: 'secret123', role }, t.admin))
})
afterEach(() => t.close())

const actorOf = (role: 'viproom' | 'clerk' | 'planner') => actors[role]!
const pointsOf = (id: number) => t.db.sqlite.prepare('SELECT points FROM members WHERE id = ?').pluck().get(id)
function refused(fn: () => unknown, message: RegExp) {
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

describe('voucher numbers', () => {
  it('carry a Luhn check digit that catches a mistyped digit or two swapped ones', () => {
    // 7992739871 is the textbook Luhn example: its check digit is 3.
    expect(luhnDigit('7992739871')).toBe(3)
    const no = voucherNoFrom('12345678901')
    expect(no).toHaveLength(12)
    expect(readVoucherNo(no)).toEqual({ ok: true, no })
    expect(readVoucherNo(` ${no.slice(0, 4)} ${no.slice(4, 8)}-${no.slice(8)} `)).toEqual({ ok: true, no })
    const typo = no.slice(0, 5) + String((Number(no[5]) + 1) % 10) + no.slice(6)
    expect(readVoucherNo(typo)).toMatchObject({ ok: false, reason: expect.stringContaining('校验位') })
    const swapped = no.slice(0, 2) + no[3] + no[2] + no.slice(4)
    if (swapped !== no) expect(readVoucherNo(swapped).ok).toBe(false)
    expect(readVoucherNo('12345')).toMatchObject({ ok: false, reason: '券号应为 12 位数字：12345' })
    expect(splitVoucherNos('111、222, 333，444  555')).toEqual(['111', '222', '333', '444', '555'])
  })

  it('best mix: the most value the balance buys, then the fewest vouchers', () => {
    const table = [
      { points: 3000, valueFen: 3000 },
      { points: 4000, valueFen: 4000 },
      { points: 5000, valueFen: 5000 },
    ]
    expect(bestVoucherMix(2999, table)).toEqual({ lines: [], points: 0, valueFen: 0 })
    // 7,500: 4,000 + 3,000 = 70 元 beats one 50 元 voucher.
    expect(bestVoucherMix(7500, table)).toEqual({
      lines: [
        { points: 4000, valueFen: 4000, count: 1 },
        { points: 3000, valueFen: 3000, count: 1 },
      ],
      points: 7000,
      valueFen: 7000,
    })
    // 10,000: two 50 元, not 4+3+3.
    expect(bestVoucherMix(10_000, table).lines).toEqual([{ points: 5000, valueFen: 5000, count: 2 }])
  })
})

describe('the yearly redemption', () => {
  it('turns points into vouchers in one transaction with one ledger entry each', () => {
    const out = redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 3000, count: 2 }, actorOf('viproom'))
    expect(out).toHaveLength(2)
    expect(out[0]).toMatchObject({ kind: '积分通用券', valueFen: 3000, pointsUsed: 3000, validUntil: '2027-01-21' })
    expect(pointsOf(m1)).toBe(6500)
    const ledger = t.db.sqlite
      .prepare("SELECT delta, ref FROM points_ledger WHERE kind = 'redeem' ORDER BY id")
      .all() as { delta: number; ref: string }[]
    expect(ledger).toEqual(out.map((v) => ({ delta: -3000, ref: `voucher:${v.voucherNo}` })))
    expect(checkBalances(t.db).differences).toEqual([])
    expect(listVouchers(t.db, { cardNo: 'C0001' }).map((v) => v.status)).toEqual(['issued', 'issued'])
  })

  it('serves the best mix at once and shows it after a scan', () => {
    const options = yearlyOptions(t.db, { cardNo: 'C0001' })
    expect(options).toMatchObject({ points: 12_500, window: { open: true, text: '11月1日 至 11月30日' } })
    expect(options.best.valueFen).toBe(12_000)
    const lines = options.best.lines.map((l) => ({ valueFen: l.valueFen, count: l.count }))
    const out = redeemPointsForVouchers(t.db, { memberId: m1, lines }, actorOf('viproom'))
    expect(out.reduce((a, v) => a + v.valueFen, 0)).toBe(12_000)
    expect(pointsOf(m1)).toBe(500)
  })

  it('refuses without enough points, outside the window, an unknown value or a clerk — and changes nothing', async () => {
    const vip = actorOf('viproom')
    const clerk = actorOf('clerk')
    refused(
      () => redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 5000, count: 3 }, vip),
      /^积分不足：50 元×3 需 15,000 分，当前可用 12,500 分$/,
    )
    refused(() => redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 2000 }, vip), /没有 20 元这一档/)
    refused(() => redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 3000 }, clerk), /只有贵宾室/)
    refused(() => redeemPointsForVouchers(t.db, { cardNo: 'NOPE', valueFen: 3000 }, vip), /找不到卡号 NOPE/)
    t.setNow(storeDate(2026, 11, 1, 9))
    refused(
      () => redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 3000 }, vip),
      /^不在年度积分兑换期内（11月1日 至 11月30日）$/,
    )
    refused(
      () => redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 3000, ignoreWindow: true, reason: '出差' }, vip),
      /只有企划或管理员/,
    )
    refused(
      () => redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 3000, ignoreWindow: true }, actorOf('planner')),
      /须填写原因/,
    )
    const late = redeemPointsForVouchers(
      t.db,
      { cardNo: 'C0001', valueFen: 3000, ignoreWindow: true, reason: '会员出差错过活动' },
      actorOf('planner'),
    )
    expect(late).toHaveLength(1)
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE entity = 'voucher'").pluck().all()
    expect(audit).toEqual([expect.stringContaining('兑换期外，原因：会员出差错过活动')])
  })
})

describe('using, voiding and expiring', () => {
  it('uses a voucher once and refuses the second use, a typo and an unknown number with the reason', async () => {
    const [v] = redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 3000 }, t.admin)
    expect(lookupVoucher(t.db, v!.voucherNo)).toMatchObject({ cardNo: 'C0001', valueFen: 3000, problem: null })
    expect(useVoucher(t.db, { voucherNo: v!.voucherNo, receiptNo: 'R1' }, t.admin)).toMatchObject({
      status: 'used',
      usedReceiptNo: 'R1',
    })
    refused(() => useVoucher(t.db, { voucherNo: v!.voucherNo }, t.admin), /已使用过/)
    refused(() => useVoucher(t.db, { voucherNo: '123456789012' }, t.admin), /校验位不对|找不到券号/)
    refused(() => useVoucher(t.db, { voucherNo: voucherNoFrom('99999999999') }, t.admin), /^找不到券号/)
    refused(() => voidVoucher(t.db, { voucherNo: v!.voucherNo, reason: '错发' }, t.admin), /已使用，不能作废/)
  })

  it('refuses a voucher below its minimum spend or in a 课别 that does not take it', async () => {
    const kinds = structuredClone((await import('../../db/rules/vouchers')).DEFAULT_VOUCHER_RULES)
    kinds.kinds[2]!.departments = ['营业一课']
    updateSettings(t.db, { vouchers: kinds }, t.admin)
    const v = issueManual(t.db, { memberId: m1, kind: '唤醒券', reason: '回访赠券' }, t.admin)
    refused(
      () => useVoucher(t.db, { voucherNo: v.voucherNo, department: '营业二课', receiptTotalFen: 50_000 }, t.admin),
      /不能在「营业二课」使用（限 营业一课）/,
    )
    refused(
      () => useVoucher(t.db, { voucherNo: v.voucherNo, department: '营业一课', receiptTotalFen: 19_999 }, t.admin),
      /须消费满 200.00 元才能使用/,
    )
    useVoucher(t.db, { voucherNo: v.voucherNo, department: '营业一课', receiptTotalFen: 20_000 }, t.admin)
  })

  it('voiding a points voucher gives the points back; only planners and administrators may void', async () => {
    const [v] = redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 5000 }, t.admin)
    expect(pointsOf(m1)).toBe(7500)
    refused(() => voidVoucher(t.db, { voucherNo: v!.voucherNo, reason: '错发' }, actorOf('viproom')), /只有企划/)
    refused(() => voidVoucher(t.db, { voucherNo: v!.voucherNo, reason: '' }, t.admin), /请填写作废原因/)
    expect(voidVoucher(t.db, { voucherNo: v!.voucherNo, reason: '会员要求退回' }, t.admin).status).toBe('voided')
    expect(pointsOf(m1)).toBe(12_500)
    expect(checkBalances(t.db).differences).toEqual([])
    refused(() => useVoucher(t.db, { voucherNo: v!.voucherNo }, t.admin), /已作废/)
  })

  it('expires on the day after its last valid day, by the store clock, once; the month figures follow', async () => {
    const [a, b] = redeemPointsForVouchers(t.db, { cardNo: 'C0001', valueFen: 3000, count: 2 }, t.admin)
    useVoucher(t.db, { voucherNo: a!.voucherNo }, t.admin)
    expect(voucherFigures(t.db, 202611)).toEqual({
      vouchersIssued: 6000,
      vouchersUsed: 3000,
      vouchersExpired: 0,
      vouchersOutstanding: 3000,
    })
    t.setNow(storeDate(2027, 0, 21, 23, 59))
    expect(expireDueVouchers(t.db)).toEqual({ vouchers: 0, valueFen: 0 })
    t.setNow(storeDate(2027, 0, 22, 0, 1))
    refused(() => useVoucher(t.db, { voucherNo: b!.voucherNo }, t.admin), /已过期（有效期至 2027-01-21）/)
    expect(expireDueVouchers(t.db)).toEqual({ vouchers: 1, valueFen: 3000 })
    expect(expireDueVouchers(t.db)).toEqual({ vouchers: 0, valueFen: 0 })
    expect(voucherFigures(t.db, 202701)).toEqual({
      vouchersIssued: 0,
      vouchersUsed: 0,
      vouchersExpired: 3000,
      vouchersOutstanding: 0,
    })
    expect(voucherFigures(t.db, 202612).vouchersOutstanding).toBe(3000)
    expect(() => t.db.sqlite.prepare("UPDATE vouchers SET status = 'issued'").run()).toThrow(/券只能通过/)
    expect(() => t.db.sqlite.prepare('DELETE FROM voucher_events').run()).toThrow(/台账只能追加/)
  })
})
