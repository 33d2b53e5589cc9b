import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../db/actor'
import { isAppError } from '../../db/errors'
import { htmlToPdf } from '../../db/print/chromium'
import { voucherSheetHtml } from '../../db/print/voucherSheet'
import { voucherSlipHtml } from '../../db/print/voucherSlip'
import { groupVoucherNo, voucherNoFrom } from '../../db/rules/vouchers'
import { updateMember } from '../../db/services/members'
import { createOperator, toActor } from '../../db/services/operators'
import { redeemPointsForVouchers, useVoucher, voidVoucher, yearlyProgress } from '../../db/services/vouchers'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeMemberWithPoints } from '../support/gifts'
import { storeDate } from '../support/storeTime'

let t: TestDb
let viproom: Actor
beforeEach(() => {
  t = makeTestDb(storeDate(2026, 10, 2, 10))
  viproom = toActor(createOperator(t.db, { name: '赵敏', password: 'secret123', role: 'viproom' }, t.admin))
})
afterEach(() => t.close())

const redeem = (memberId: number, lines: { valueFen: number; count: number }[]) =>
  redeemPointsForVouchers(t.db, { memberId, lines }, viproom)

describe('yearlyProgress', () => {
  it('counts members served, points turned and value issued, by store day, leaving voided vouchers out', () => {
    const a = makeMemberWithPoints(t.db, t.admin, 'C0001', 15_000)
    const b = makeMemberWithPoints(t.db, t.admin, 'C0002', 9_000)
    redeem(a, [{ valueFen: 5000, count: 2 }])
    // 23:30 in the store on 11-02 is still 11-02 whatever the machine's zone says.
    t.setNow(storeDate(2026, 10, 2, 23, 30))
    redeem(b, [{ valueFen: 3000, count: 1 }])
    t.setNow(storeDate(2026, 10, 3, 9))
    const [spoilt] = redeem(b, [{ valueFen: 4000, count: 1 }])
    const [later] = redeem(a, [{ valueFen: 3000, count: 1 }])
    voidVoucher(t.db, { voucherNo: spoilt!.voucherNo, reason: '会员改换面值' }, t.admin)
    expect(later).toBeDefined()

    const p = yearlyProgress(t.db)
    expect(p).toMatchObject({
      year: 2026,
      from: '2026-11-01',
      to: '2026-11-30',
      open: true,
      text: '11月1日 至 11月30日',
    })
    expect(p).toMatchObject({ members: 2, vouchers: 4, points: 16_000, valueFen: 16_000 })
    expect(p.days).toEqual([
      { day: '2026-11-02', members: 2, points: 13_000, vouchers: 3, valueFen: 13_000 },
      { day: '2026-11-03', members: 1, points: 3_000, vouchers: 1, valueFen: 3_000 },
    ])
  })

  it('shows the latest event after it ends and last year’s before this year’s starts; refuses a bad year', () => {
    const a = makeMemberWithPoints(t.db, t.admin, 'C0001', 12_000)
    redeem(a, [{ valueFen: 3000, count: 1 }])
    t.setNow(storeDate(2026, 11, 5, 10))
    expect(yearlyProgress(t.db)).toMatchObject({ year: 2026, open: false, members: 1, valueFen: 3000 })
    t.setNow(storeDate(2027, 9, 31, 23, 59))
    expect(yearlyProgress(t.db)).toMatchObject({ year: 2026, open: false, members: 1 })
    t.setNow(storeDate(2027, 10, 1, 0, 1))
    expect(yearlyProgress(t.db)).toMatchObject({ year: 2027, open: true, members: 0, vouchers: 0, days: [] })
    expect(yearlyProgress(t.db, { year: 2026 })).toMatchObject({ members: 1 })
    let error: unknown
    try {
      yearlyProgress(t.db, { year: 1999 })
    } catch (e) {
      error = e
    }
    expect(isAppError(error) && error.message).toMatch(/年份/)
  })
})

describe('printed vouchers', () => {
  let nos: string[]
  beforeEach(() => {
    const a = makeMemberWithPoints(t.db, t.admin, 'C0001', 12_000)
    updateMember(t.db, { id: a, phone: '13900008866' }, t.admin)
    nos = redeem(a, [
      { valueFen: 5000, count: 1 },
      { valueFen: 3000, count: 2 },
    ]).map((v) => v.voucherNo)
  })

  it('prints one slip with each voucher’s value, barcode, number, validity and rules, never the phone', () => {
    const html = voucherSlipHtml(t.db, { voucherNos: nos })
    for (const no of nos) {
      expect(html).toContain(groupVoucherNo(no))
      expect(html).toContain(`aria-label="条码 ${no}"`)
    }
    expect(html).toContain('50.00 元')
    expect(html).toContain('110.00 元')
    expect(html).toContain('有效期至 2026-12-31')
    expect(html).toContain('用券部分不积分')
    expect(html).toContain('不找零')
    expect(html).toContain('C0001')
    expect(html).toContain('11,000 分')
    expect(html).not.toContain('8866')
  })

  it('lays out A4 sheets 8 a page and refuses unknown, mistyped or spent vouchers, changing nothing', () => {
    expect(voucherSheetHtml(t.db, { voucherNos: nos })).toMatchObject({ count: 3, pages: 1 })
    useVoucher(t.db, { voucherNo: nos[1]! }, t.admin)
    const before = dumpDb(t.db)
    const refusal = (voucherNos: string[]) => {
      try {
        voucherSlipHtml(t.db, { voucherNos })
      } catch (e) {
        return isAppError(e) ? e.message : String(e)
      }
      return 'printed'
    }
    expect(refusal([nos[0]!, nos[1]!])).toBe(`券 ${nos[1]} 已使用，不能打印`)
    const unknown = voucherNoFrom('10000000000')
    expect(refusal([unknown])).toBe(`找不到券号 ${unknown}`)
    expect(refusal([unknown.slice(0, -1) + String((Number(unknown.at(-1)) + 1) % 10)])).toMatch(/校验位/)
    expect(refusal([])).toMatch(/请选择要打印的券/)
    expect(dumpDb(t.db)).toEqual(before)
  })

  it('renders a PDF whose text carries the number and the value', async () => {
    const pdf = await htmlToPdf(voucherSlipHtml(t.db, { voucherNos: nos }))
    const dir = mkdtempSync(join(tmpdir(), 'vipdesk-slip-'))
    try {
      writeFileSync(join(dir, 'slip.pdf'), pdf)
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'slip.pdf'), '-'], { encoding: 'utf8' })
      expect(text).toContain(groupVoucherNo(nos[0]!))
      expect(text).toContain('50.00 元')
      expect(text).toContain('积分兑换券')
      // One page: the slip's length follows its content on roll paper.
      const info = execFileSync('pdfinfo', [join(dir, 'slip.pdf')], { encoding: 'utf8' })
      expect(info).toMatch(/Pages:\s+1/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
