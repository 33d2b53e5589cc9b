import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { readSheetFile } from '../../db/services/members/import'
import { createMember } from '../../db/services/members'
import {
  commitPurchaseImport,
  guessPurchaseMapping,
  previewPurchase,
  previewPurchaseImport,
  recordPurchase,
} from '../../db/services/purchases'
import { updateSettings, getSettings } from '../../db/services/settings'
import { issueManual, lookupVoucher, voidVoucher, voucherByNo } from '../../db/services/vouchers'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { writeCsv } from '../support/sheets'
import { storeDate } from '../support/storeTime'

// 23 November 2026, 10:00 in the store (makeTestDb's clock): an ordinary Monday, no multiplier.
let t: TestDb
let member: number
beforeEach(() => {
  t = makeTestDb()
  member = createMember(t.db, { cardNo: 'V0001', name: '王芳', phone: '13912345678' }, t.admin).id
})
afterEach(() => t.close())

const issue = (kind = '积分通用券', valueFen?: number) =>
  issueManual(t.db, { memberId: member, kind, valueFen, reason: '测试发券' }, t.admin).voucherNo
const statusOf = (no: string) => voucherByNo(t.db, no)!.status
const pointsOf = () => t.db.sqlite.prepare('SELECT points FROM members WHERE id = ?').pluck().get(member)
const now = () => storeDate(2026, 10, 23, 10).getTime()
const buy = (amountFen: number, voucherNos: string[], extra: object = {}) =>
  recordPurchase(t.db, { memberId: member, amountFen, purchasedAt: now(), voucherNos, ...extra }, t.admin)

function refusedWith(fn: () => unknown, message: RegExp) {
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

describe('using vouchers at the desk', () => {
  it('uses them with the purchase, on its receipt, and the voucher-paid amount earns nothing', () => {
    const a = issue()
    const b = issue('积分通用券', 2000)
    const preview = previewPurchase(t.db, { memberId: member, amountFen: 128000, voucherNos: [a, b] })
    expect(preview).toMatchObject({ points: 1230, explain: '券抵 50.00 元不积分；1,230 元 = 1,230' })
    expect(statusOf(a)).toBe('issued')
    const saved = buy(128000, [a, b])
    expect(saved).toMatchObject({ points: 1230, vouchers: [{ status: 'used' }, { status: 'used' }] })
    expect(pointsOf()).toBe(1230)
    expect(voucherByNo(t.db, a)).toMatchObject({ status: 'used', usedReceiptNo: saved.receiptNo })
    expect(voucherByNo(t.db, b)).toMatchObject({ status: 'used', usedReceiptNo: saved.receiptNo })
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE entity = 'purchase'").pluck().get()
    expect(audit).toContain(`用券 ${a}、${b}`)
  })

  it('caps the voucher at the line: a 30 元 voucher on a 20 元 line leaves nothing to earn', () => {
    expect(buy(2000, [issue()])).toMatchObject({ points: 0, explain: '券抵 20.00 元不积分；其余 0 元，不积分' })
  })

  it('lets a kind that earns points earn on what it paid', () => {
    const s = getSettings(t.db).vouchers
    const kinds = s.kinds.map((k) => (k.name === '积分通用券' ? { ...k, earnsPoints: true } : k))
    updateSettings(t.db, { vouchers: { ...s, kinds } }, t.admin)
    expect(buy(10000, [issue()])).toMatchObject({ points: 100, explain: '100 元 = 100' })
  })

  it('refuses a used, voided, unknown, repeated or below-minimum voucher and saves nothing', () => {
    const used = issue()
    buy(5000, [used])
    refusedWith(() => buy(5000, [used]), /已使用过/)
    const voided = issue()
    voidVoucher(t.db, { voucherNo: voided, reason: '发错会员' }, t.admin)
    refusedWith(() => buy(5000, [voided]), /已作废/)
    refusedWith(() => buy(5000, ['100000000008']), /找不到券号/)
    refusedWith(() => buy(5000, ['100000000009']), /校验位/)
    const twice = issue()
    refusedWith(() => buy(5000, [twice, twice]), /重复录入/)
    // 唤醒券 asks for 200 元 of spending.
    const wake = issue('唤醒券')
    refusedWith(() => buy(19999, [wake]), /须消费满 200.00 元/)
    refusedWith(() => buy(-5000, [wake], { originalReceiptNo: 'X' }), /退货不能用券/)
    expect(statusOf(wake)).toBe('issued')
  })

  it('refuses an expired voucher and one from another 课别, with the reason', () => {
    const old = issue()
    t.setNow(new Date('2027-02-01T10:00:00+08:00'))
    refusedWith(() => buy(5000, [old], { purchasedAt: undefined }), /已过期（有效期至 2027-01-21）/)
    const s = getSettings(t.db).vouchers
    const kinds = s.kinds.map((k) => (k.name === '生日礼券' ? { ...k, departments: ['营业一课'] } : k))
    updateSettings(t.db, { vouchers: { ...s, kinds } }, t.admin)
    const bd = issue('生日礼券')
    refusedWith(() => buy(5000, [bd], { purchasedAt: undefined, department: '营业二课' }), /不能在「营业二课」使用/)
    expect(lookupVoucher(t.db, { voucherNo: bd, department: '营业二课' }).problem).toMatch(/限 营业一课/)
    expect(lookupVoucher(t.db, bd)).toMatchObject({ cardNo: 'V0001', memberName: '王芳', problem: null })
  })
})

const HEADER = ['小票号', '行号', '销售时间', '会员卡号', '实收金额', '课别', '券号']
async function sheetOf(rows: string[][]) {
  const file = join(t.dir, `till-${Math.random().toString(36).slice(2)}.csv`)
  writeCsv(file, [HEADER, ...rows])
  return readSheetFile(file)
}
const importRows = async (rows: string[][]) => {
  const sheet = await sheetOf(rows)
  return commitPurchaseImport(t.db, sheet, guessPurchaseMapping(sheet.headers), t.admin)
}

describe('using vouchers from the till file', () => {
  it('uses two numbers of one cell on that receipt and refuses a second use further down', async () => {
    const [a, b, c] = [issue(), issue(), issue()]
    const rows = [
      ['T1', '1', '2026-11-23 08:00', 'V0001', '800', '营业一课', `${a}、${b}`],
      ['T2', '1', '2026-11-23 08:10', 'V0001', '100', '营业一课', `${c} ${a}`],
      ['T3', '1', '2026-11-23 08:20', 'V0001', '100', '营业一课', '100000000008'],
    ]
    const sheet = await sheetOf(rows)
    expect(guessPurchaseMapping(sheet.headers).at(-1)).toBe('voucherNos')
    const preview = await previewPurchaseImport(t.db, sheet)
    expect(preview).toMatchObject({ willInsert: 1 })
    expect(statusOf(a)).toBe('issued')
    const r = await importRows(rows)
    expect(r.inserted).toBe(1)
    expect(r.rejected).toEqual([
      { row: 3, column: '券号', reason: `券 ${a} 已在第 2 行使用，一张券只能用一次` },
      { row: 4, column: '券号', reason: '找不到券号 100000000008' },
    ])
    expect(voucherByNo(t.db, a)).toMatchObject({ status: 'used', usedReceiptNo: 'T1' })
    expect(voucherByNo(t.db, b)).toMatchObject({ status: 'used', usedReceiptNo: 'T1' })
    expect(statusOf(c)).toBe('issued')
    // 800 元 less the two 30 元 vouchers.
    expect(pointsOf()).toBe(740)
    const explain = t.db.sqlite.prepare("SELECT points_explain FROM purchases WHERE receipt_no = 'T1'").pluck().get()
    expect(explain).toBe('券抵 60.00 元不积分；740 元 = 740')
    // The same file again: nothing new, and no voucher is refused for having paid on its own receipt.
    const again = await importRows(rows.slice(0, 1))
    expect(again).toMatchObject({ inserted: 0, rejected: [] })
    // A later file naming an already-used voucher is refused with the reason.
    const later = await importRows([['T9', '1', '2026-11-23 08:30', 'V0001', '100', '营业一课', a]])
    expect(later.rejected).toEqual([{ row: 2, column: '券号', reason: `券 ${a} 已使用过` }])
  })

  it('judges the minimum spend on the receipt total in the file', async () => {
    const wake = issue('唤醒券')
    const r = await importRows([
      ['T1', '1', '2026-11-23 08:00', 'V0001', '150', '营业一课', wake],
      ['T1', '2', '2026-11-23 08:00', 'V0001', '60', '营业一课', ''],
    ])
    expect(r).toMatchObject({ inserted: 2, rejected: [] })
    const small = issue('唤醒券')
    const r2 = await importRows([['T2', '1', '2026-11-23 08:00', 'V0001', '150', '营业一课', small]])
    expect(r2.rejected).toEqual([{ row: 2, column: '券号', reason: `券 ${small} 须消费满 200.00 元才能使用` }])
    expect(statusOf(small)).toBe('issued')
  })
})
