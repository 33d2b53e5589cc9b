import { leapThirtiethCase, solarLunar } from '../support/solarLunar'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../db/errors'
import { birthdayInMonth, lunarProblem } from '../../db/rules/birthday'
import { formatYmd } from '../../db/rules/dates'
import { isUsableAddress } from '../../db/rules/mailAddress'
import { birthdaysOfMonth, lunarPiecesOf } from '../../db/services/birthdays/month'
import { createMember } from '../../db/services/members/write'
import { makeTestDb, type TestDb } from '../support/db'

let t: TestDb
beforeEach(() => (t = makeTestDb())) // now: 23 November 2026
afterEach(() => t.close())

const ADDRESS = { province: '浙江省', city: '杭州市', district: '上城区', address: '解放路 1 号', postalCode: '310002' }

interface Opts {
  lunar?: boolean
  leap?: boolean
  address?: boolean
  sms?: boolean
  mail?: boolean
  tier?: string
  status?: 'closed' | 'lost'
}
function add(cardNo: string, birthday: string, o: Opts = {}): number {
  const id = createMember(
    t.db,
    {
      cardNo,
      name: `会员${cardNo}`,
      birthday,
      birthdayCalendar: o.lunar ? 'lunar' : 'solar',
      birthdayLeapMonth: o.leap ?? false,
      ...(o.address ? ADDRESS : {}),
      smsConsent: o.sms ?? false,
      mailConsent: o.mail ?? false,
      ...(o.tier ? { tier: o.tier } : {}),
    },
    t.admin,
  ).id
  if (o.status) t.db.sqlite.prepare('UPDATE members SET status = ? WHERE id = ?').run(o.status, id)
  return id
}

const days = (month: string, filter: object = {}) =>
  birthdaysOfMonth(t.db, { month, ...filter }).rows.map((r) => `${r.cardNo} ${r.dateThisYear}`)

describe('birthdaysOfMonth', () => {
  it('lists solar and lunar birthdays by the day they fall on, then card number', () => {
    add('B003', '1980-10-31')
    add('B002', '1990-08-21', { lunar: true }) // 八月廿一 → 2026-10-01
    add('B001', '1990-08-20', { lunar: true }) // 八月二十 → 2026-09-30: September
    add('B004', '1985-09-05', { lunar: true }) // 九月初五 → 2026-10-14
    add('B000', '1970-10-14')
    expect(days('2026-10')).toEqual(['B002 2026-10-01', 'B000 2026-10-14', 'B004 2026-10-14', 'B003 2026-10-31'])
    expect(days('2026-09')).toEqual(['B001 2026-09-30'])
  })

  it('keeps the birthday as stored in its own calendar, with the leap flag', () => {
    add('L001', '2023-02-15', { lunar: true, leap: true })
    const [row] = birthdaysOfMonth(t.db, { month: '2027-03' }).rows
    expect(row).toMatchObject({ birthday: '2023-02-15', calendar: 'lunar', leapMonth: true })
  })

  it('a leap-month birthday falls in the leap month only in a year with the same leap month', () => {
    // Born 闰二月十五 2023: in 2023 on 2023-04-05 (闰二月十五); in 2024 (no 闰二月) on 二月十五.
    add('L001', '2023-02-15', { lunar: true, leap: true })
    add('L002', '2000-02-15', { lunar: true }) // ordinary 二月十五: 2023-03-06
    expect(days('2023-04')).toEqual(['L001 2023-04-05'])
    expect(days('2023-03')).toEqual(['L002 2023-03-06'])
    const ordinary2024 = solarLunar.lunar2solar(2024, 2, 15, false)
    if (ordinary2024 === -1) throw new Error('out of range')
    const m2024 = `2024-${String(ordinary2024.cMonth).padStart(2, '0')}`
    expect(days(m2024)).toEqual(
      ['L001', 'L002'].map((c) => `${c} ${formatYmd({ y: 2024, m: ordinary2024.cMonth, d: ordinary2024.cDay })}`),
    )
  })

  it('a lunar 30th falls on the 29th of a 29-day month', () => {
    // Born on a 闰N月三十; a later year whose 闰N月 has 29 days keeps it on that month's 29th.
    const { born, year, month } = leapThirtiethCase()
    add('D030', formatYmd({ y: born, m: month, d: 30 }), { lunar: true, leap: true })
    add('D029', '1990-02-29', { lunar: true }) // ordinary 二月廿九 2023 → 2023-03-20
    const at = solarLunar.lunar2solar(year, month, 29, true)
    if (at === -1) throw new Error('out of range')
    const day = formatYmd({ y: at.cYear, m: at.cMonth, d: at.cDay })
    expect(days(day.slice(0, 7))).toContain(`D030 ${day}`)
    expect(days('2023-03')).toEqual(['D029 2023-03-20'])
  })

  it('a 腊月 birthday of the previous lunar year lands in January', () => {
    add('LA01', '1990-12-20', { lunar: true })
    expect(days('2027-01')).toEqual(['LA01 2027-01-27'])
    expect(days('2026-12')).toEqual([])
  })

  it('29 February falls on the 28th in a common year', () => {
    add('F029', '1996-02-29')
    expect(days('2026-02')).toEqual(['F029 2026-02-28'])
    expect(days('2028-02')).toEqual(['F029 2028-02-29'])
  })

  it('leaves closed cards out unless asked, and filters by tier, consent and address with counts', () => {
    add('C001', '1980-05-01', { address: true, sms: true, mail: true })
    add('C002', '1980-05-02', { sms: true, mail: true, tier: '金卡' })
    add('C003', '1980-05-03', { address: true })
    add('C004', '1980-05-04', { sms: true, status: 'closed' })
    add('C005', '1980-04-01', { address: true, sms: true, mail: true }) // April
    const all = birthdaysOfMonth(t.db, { month: '2026-05' })
    expect(all.rows.map((r) => r.cardNo)).toEqual(['C001', 'C002', 'C003'])
    expect(all.counts).toEqual({
      born: 3,
      withAddress: 2,
      sms: 2,
      mail: 2,
      mailable: 1,
      printed: 0,
      toPrint: 1,
      returned: 0,
    })
    expect(days('2026-05', { status: 'all' })).toHaveLength(4)
    expect(days('2026-05', { status: 'closed' })).toEqual(['C004 2026-05-04'])
    expect(days('2026-05', { tier: '金卡' })).toEqual(['C002 2026-05-02'])
    expect(days('2026-05', { sms: true })).toEqual(['C001 2026-05-01', 'C002 2026-05-02'])
    expect(days('2026-05', { mail: false })).toEqual(['C003 2026-05-03'])
    const withAddress = birthdaysOfMonth(t.db, { month: '2026-05', hasAddress: true })
    expect(withAddress.rows.map((r) => r.cardNo)).toEqual(['C001', 'C003'])
    // The counts above the list stay the month's; `shown` counts what the filters leave.
    expect(withAddress.counts.born).toBe(3)
    expect(withAddress.shown).toEqual({
      born: 2,
      withAddress: 2,
      sms: 1,
      mail: 1,
      mailable: 1,
      printed: 0,
      toPrint: 1,
      returned: 0,
    })
  })

  it('a usable address needs every part and a six-digit postal code', () => {
    expect(isUsableAddress(ADDRESS)).toBe(true)
    expect(isUsableAddress({ ...ADDRESS, postalCode: null })).toBe(false)
    expect(isUsableAddress({ ...ADDRESS, postalCode: '31000' })).toBe(false)
    expect(isUsableAddress({ ...ADDRESS, address: ' ' })).toBe(false)
    expect(isUsableAddress({ ...ADDRESS, district: null })).toBe(false)
    // A county-level city directly under the province has no district.
    expect(isUsableAddress({ ...ADDRESS, province: '河南省', city: '济源市', district: null })).toBe(true)
  })

  it('rejects a bad month in Chinese', () => {
    for (const month of ['2026-13', '2026/11', '1899-01', '']) {
      try {
        birthdaysOfMonth(t.db, { month })
        expect.fail(`accepted ${month}`)
      } catch (e) {
        expect(isAppError(e) && e.kind).toBe('validation')
        expect((e as Error).message).toMatch(/月份/)
      }
    }
  })

  it('agrees with the birthday rule member by member over two years of months', () => {
    // A deterministic spread of lunar birthdays (leap months and 30ths included) and solar ones.
    let n = 0
    const births: { cardNo: string; b: Parameters<typeof birthdayInMonth>[0] }[] = []
    for (let y = 1950; y < 2010 && n < 400; y += 1) {
      const leap = solarLunar.leapMonth(y)
      for (const [m, d, isLeap] of [
        [((y * 7) % 12) + 1, 30, false],
        [((y * 5) % 12) + 1, ((y * 13) % 30) + 1, false],
        [leap || 1, leap ? 30 : 15, leap > 0],
        [leap || 2, ((y * 3) % 29) + 1, leap > 0],
      ] as const) {
        if (lunarProblem(y, m, d, isLeap)) continue
        const cardNo = `P${String(++n).padStart(4, '0')}`
        add(cardNo, formatYmd({ y, m, d }), { lunar: true, leap: isLeap })
        births.push({ cardNo, b: { calendar: 'lunar', year: y, month: m, day: d, leapMonth: isLeap } })
      }
      const s = { y, m: ((y * 11) % 12) + 1, d: ((y * 17) % 28) + 1 }
      const cardNo = `S${String(++n).padStart(4, '0')}`
      add(cardNo, formatYmd(s))
      births.push({ cardNo, b: { calendar: 'solar', year: s.y, month: s.m, day: s.d, leapMonth: false } })
    }
    for (let i = 0; i < 24; i++) {
      const year = 2032 + Math.floor(i / 12)
      const month = (i % 12) + 1
      const expected = births
        .flatMap(({ cardNo, b }) => {
          const d = birthdayInMonth(b, year, month)
          return d ? [`${cardNo} ${formatYmd(d)}`] : []
        })
        .sort((a, b) => a.slice(6).localeCompare(b.slice(6)) || a.localeCompare(b))
      expect(days(`${year}-${String(month).padStart(2, '0')}`), `${year}-${month}`).toEqual(expected)
    }
  })

  it('cuts a solar month into the lunar months it covers', () => {
    // 2033-12: 十一月 from 2033-11-22, then 闰十一月 from 2033-12-22.
    expect(lunarPiecesOf(2033, 12).map((p) => [p.month, p.leap, p.fromDay, p.toDay, p.solarDay])).toEqual([
      [11, false, 10, 30, 1],
      [11, true, 1, 10, 22],
    ])
  })
})
