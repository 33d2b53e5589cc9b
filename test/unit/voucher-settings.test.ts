import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { DEFAULT_VOUCHER_RULES, type VoucherRules } from '../../db/rules/vouchers'
import { getSettings, updateSettings } from '../../db/services/settings'
import { issueManual } from '../../db/services/vouchers'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'
import { makeMemberWithPoints } from '../support/gifts'

// 设置 → 券 is saved through settings:update (the `vouchers` key): what it refuses, and how.
let t: TestDb
beforeEach(() => (t = makeTestDb()))
afterEach(() => t.close())

const rules = (change: (r: VoucherRules) => void): VoucherRules => {
  const r = structuredClone(DEFAULT_VOUCHER_RULES)
  change(r)
  return r
}
function refused(vouchers: VoucherRules, message: RegExp, field?: string) {
  const before = dumpDb(t.db)
  try {
    updateSettings(t.db, { vouchers }, t.admin)
    expect.fail('accepted')
  } catch (e) {
    expect(isAppError(e), String(e)).toBe(true)
    expect((e as Error).message).toMatch(message)
    if (field) expect((e as { issues: { field: string }[] }).issues.map((i) => i.field)).toContain(field)
  }
  expect(dumpDb(t.db)).toEqual(before)
}

describe('voucher settings', () => {
  it('refuse a bad kind in Chinese, naming the field, and save nothing', () => {
    refused(
      rules((r) => (r.kinds[0]!.valueFen = 0)),
      /面值须大于 0/,
      'vouchers.kinds.0.valueFen',
    )
    refused(
      rules((r) => (r.kinds[1]!.name = ' ')),
      /请填写券种名称/,
      'vouchers.kinds.1.name',
    )
    refused(
      rules((r) => (r.kinds[2]!.validDays = null)),
      /券种「唤醒券」请填写有效天数或截止日期/,
    )
    refused(
      rules((r) => (r.yearly.from = '13-01')),
      /./,
      'vouchers.yearly.from',
    )
    refused(
      rules((r) => r.kinds.push({ ...r.kinds[0]! })),
      /券种「积分通用券」重复/,
    )
  })

  it('refuse a birthday voucher for a tier that does not exist', () => {
    refused(
      rules((r) => (r.birthday.minTier = '铂金卡')),
      /生日礼券的最低等级「铂金卡」不是现有等级/,
    )
  })

  it('let a kind with vouchers be deactivated but not removed', () => {
    const m = makeMemberWithPoints(t.db, t.admin, 'C0001', 0)
    issueManual(t.db, { memberId: m, kind: '唤醒券', reason: '测试发券' }, t.admin)
    refused(
      rules((r) => (r.kinds = r.kinds.filter((k) => k.name !== '唤醒券'))),
      /券种「唤醒券」已有券，不能删除，可以停用/,
      'vouchers.kinds',
    )
    const off = rules((r) => (r.kinds[2]!.active = false))
    updateSettings(t.db, { vouchers: off }, t.admin)
    expect(getSettings(t.db).vouchers.kinds[2]).toMatchObject({ name: '唤醒券', active: false })
    const audit = t.db.sqlite.prepare(`SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1`).pluck().get()
    expect(audit).toBe('修改设置：vouchers')
  })
})
