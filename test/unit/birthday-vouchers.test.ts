import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { birthdayMailDocs } from '../../db/print/birthdayMail'
import { DEFAULT_BIRTHDAY_MAIL, fillGreeting, unknownPlaceholders } from '../../db/rules/birthdayMail'
import { DEFAULT_VOUCHER_RULES } from '../../db/rules/vouchers'
import { prepareBirthdayBatch } from '../../db/services/birthdays/batches'
import { birthdayMonthCosts } from '../../db/services/birthdays/costs'
import { birthdaysOfMonth } from '../../db/services/birthdays/month'
import { birthdaySmsList } from '../../db/services/birthdays/sms'
import { createMember } from '../../db/services/members/write'
import { updateSettings } from '../../db/services/settings'
import { birthdayVoucherOf, issueBirthdayVouchers } from '../../db/services/vouchers/birthday'
import { dumpDb, makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb())) // now: 23 November 2026, the store's day
afterEach(() => t.close())

const ADDRESS = { province: '浙江省', city: '杭州市', district: '上城区', address: '解放路 1 号', postalCode: '310002' }
function add(cardNo: string, birthday: string, tier: string, lunar = false): number {
  return createMember(
    t.db,
    {
      cardNo,
      name: `会员${cardNo}`,
      gender: '女',
      phone: `1380013${cardNo.slice(-4)}`,
      birthday,
      birthdayCalendar: lunar ? 'lunar' : 'solar',
      birthdayLeapMonth: false,
      ...ADDRESS,
      smsConsent: true,
      mailConsent: true,
      tier,
    },
    t.admin,
  ).id
}
const vouchers = () =>
  t.db.sqlite
    .prepare(
      'SELECT member_id AS memberId, kind, value_fen AS valueFen, source, ref, valid_from AS validFrom, valid_until AS validUntil FROM vouchers ORDER BY member_id',
    )
    .all() as {
    memberId: number
    kind: string
    valueFen: number
    source: string
    ref: string
    validFrom: number
    validUntil: number
  }[]
function refused(fn: () => unknown, message: RegExp) {
  const before = dumpDb(t.db)
  try {
    fn()
    expect.fail('accepted')
  } catch (e) {
    expect(isAppError(e), String(e)).toBe(true)
    expect((e as Error).message).toMatch(message)
  }
  expect(dumpDb(t.db)).toEqual(before)
}

describe('issueBirthdayVouchers', () => {
  it('gives 金卡 and above one 生日礼券 valid for the birthday month, lunar birthdays included', () => {
    const gold = add('V0001', '1980-12-05', '金卡')
    const diamond = add('V0002', '1975-12-20', '钻石卡')
    add('V0003', '1990-12-06', '银卡') // below the lowest tier
    // Lunar 1985-11-05 falls on a December day in 2026 (lunar month 11 begins 9 Dec 2026).
    const lunar = add('V0004', '1985-11-05', '金卡', true)
    const lunarDay = birthdaysOfMonth(t.db, { month: '2026-12' }).rows.find((r) => r.memberId === lunar)!.dateThisYear
    expect(lunarDay.slice(0, 7)).toBe('2026-12')

    expect(issueBirthdayVouchers(t.db, { month: '2026-12' }, t.admin)).toEqual({ issued: 3, already: 0, eligible: 3 })
    const v = vouchers()
    expect(v.map((x) => x.memberId)).toEqual([gold, diamond, lunar])
    expect(v[0]).toMatchObject({
      kind: '生日礼券',
      valueFen: 5000,
      source: 'birthday',
      ref: `birthday:${gold}:2026-12-05`,
      validFrom: 20261201,
      validUntil: 20261231,
    })
    expect(v[2]!.ref).toBe(`birthday:${lunar}:${lunarDay}`)
    const audit = t.db.sqlite.prepare(`SELECT summary FROM audit_log WHERE entity = 'voucher'`).pluck().all()
    expect(audit).toEqual(['发放 2026-12 生日礼券 3 张（生日礼券）'])
  })

  it('is idempotent: a second run issues nothing, and a voided voucher is not replaced', () => {
    const gold = add('V0001', '1980-12-05', '金卡')
    issueBirthdayVouchers(t.db, { month: '2026-12' }, t.admin)
    t.db.sqlite.prepare(`UPDATE vouchers SET status = 'voided' WHERE member_id = ?`).run(gold)
    expect(issueBirthdayVouchers(t.db, { month: '2026-12' }, t.admin)).toEqual({ issued: 0, already: 1, eligible: 1 })
    expect(vouchers()).toHaveLength(1)
  })

  it('runs from today in the current month, follows the lowest tier in settings', () => {
    add('V0001', '1980-11-28', '银卡')
    updateSettings(
      t.db,
      {
        vouchers: {
          ...DEFAULT_VOUCHER_RULES,
          birthday: { ...DEFAULT_VOUCHER_RULES.birthday, minTier: '银卡', valueFen: 3000 },
        },
      },
      t.admin,
    )
    expect(issueBirthdayVouchers(t.db, { month: '2026-11' }, t.admin).issued).toBe(1)
    expect(vouchers()[0]).toMatchObject({ validFrom: 20261123, validUntil: 20261130, valueFen: 3000 })
  })

  it('refuses in Chinese and writes nothing: a past month, a bad month, a deactivated kind; does nothing when off', () => {
    add('V0001', '1980-10-05', '金卡')
    add('V0002', '1980-12-05', '金卡')
    refused(() => issueBirthdayVouchers(t.db, { month: '2026-10' }, t.admin), /2026-10 已过/)
    refused(() => issueBirthdayVouchers(t.db, { month: '2026-13' }, t.admin), /月份格式/)
    const kinds = DEFAULT_VOUCHER_RULES.kinds.map((k) => (k.name === '生日礼券' ? { ...k, active: false } : k))
    updateSettings(t.db, { vouchers: { ...DEFAULT_VOUCHER_RULES, kinds } }, t.admin)
    refused(() => issueBirthdayVouchers(t.db, { month: '2026-12' }, t.admin), /券种「生日礼券」已停用/)
    updateSettings(
      t.db,
      { vouchers: { ...DEFAULT_VOUCHER_RULES, birthday: { ...DEFAULT_VOUCHER_RULES.birthday, enabled: false } } },
      t.admin,
    )
    const before = dumpDb(t.db)
    expect(issueBirthdayVouchers(t.db, { month: '2026-12' }, t.admin)).toEqual({ issued: 0, already: 0, eligible: 0 })
    expect(dumpDb(t.db)).toEqual(before)
  })
})

describe('{券号} {券面值} on the card and in the SMS', () => {
  it('are known placeholders; without a voucher the sentences about it are left out', () => {
    expect(unknownPlaceholders(DEFAULT_BIRTHDAY_MAIL.smsTemplate)).toEqual([])
    expect(unknownPlaceholders(DEFAULT_BIRTHDAY_MAIL.cardTemplate)).toEqual([])
    const values = { 姓名: '王芳', 称谓: '女士', 生日: '12月5日', 门店: '东方百货', 礼品: '保温杯', 领取期限: '1月4日' }
    const without = fillGreeting(DEFAULT_BIRTHDAY_MAIL.smsTemplate, { ...values, 券号: '', 券面值: '' })
    expect(without).toBe('尊敬的王芳女士：东方百货祝您12月5日生日快乐！凭会员卡于1月4日前到贵宾室领取保温杯。')
    const card = fillGreeting(DEFAULT_BIRTHDAY_MAIL.cardTemplate, { ...values, 券号: '', 券面值: '' })
    expect(card.split('\n')).toHaveLength(3)
    expect(card).not.toContain('券')
  })

  it('carry the issued voucher on the printed card and in the SMS list; others get none', () => {
    const gold = add('V0001', '1980-12-05', '金卡')
    add('V0002', '1980-12-06', '普卡')
    issueBirthdayVouchers(t.db, { month: '2026-12' }, t.admin)
    const no = birthdayVoucherOf(t.db, gold, '2026-12-05')!.voucherNo
    const sms = birthdaySmsList(t.db, { month: '2026-12' }).rows
    expect(sms[0]!.message).toContain(`另赠50元生日礼券，券号${no}。`)
    expect(sms[1]!.message).not.toContain('券')
    const run = prepareBirthdayBatch(t.db, { month: '2026-12', design: 'folded-a5' })
    const html = birthdayMailDocs(t.db, run, '/nonexistent').cards
    expect(html).toContain(`随卡奉上50元生日礼券一张，当月有效。</p><p>券号 ${no}`)
    expect(html.match(/生日礼券一张/g)).toHaveLength(1)
  })
})

describe('birthday costs', () => {
  it('count the 生日礼券 at face value: due ones in the estimate, issued ones in the actuals', () => {
    add('V0001', '1980-12-05', '金卡')
    add('V0002', '1980-12-06', '钻石卡')
    add('V0003', '1980-12-07', '普卡')
    let c = birthdayMonthCosts(t.db, { month: '2026-12' })
    expect(c.estimate.vouchers).toEqual({ count: 2, unitFen: 5000, fen: 10000 })
    expect(c.actual.vouchers).toEqual({ count: 0, fen: 0 })
    const totalBefore = c.estimate.totalFen
    issueBirthdayVouchers(t.db, { month: '2026-12' }, t.admin)
    c = birthdayMonthCosts(t.db, { month: '2026-12' })
    expect(c.estimate.vouchers.fen).toBe(10000)
    // The SMS grew by the voucher sentence once the numbers exist; the total is still the sum of the lines.
    const e = c.estimate
    expect(e.totalFen).toBe(e.cards.fen + e.sms.fen + e.gifts.fen + e.vouchers.fen)
    expect(e.totalFen).toBeGreaterThanOrEqual(totalBefore)
    expect(c.actual.vouchers).toEqual({ count: 2, fen: 10000 })
    expect(c.actual.totalFen).toBe(c.actual.cards.fen + (c.actual.sms?.fen ?? 0) + c.actual.gifts.fen + 10000)
    expect(birthdayMonthCosts(t.db, { month: '2027-01' }).actual.vouchers).toEqual({ count: 0, fen: 0 })
  })
})
