import { afterEach, describe, expect, it } from 'vitest'
import { birthDateSolar, lunarToSolar, solarToLunar } from '../../db/rules/birthday'
import { formatYmd } from '../../db/rules/dates'
import { checkDivision } from '../../db/rules/divisions'
import { checkIdNumber } from '../../db/rules/idNumber'
import { isMobile } from '../../db/rules/phone'
import { seedMembers } from '../../db/seed'
import { cardNumber, luhnDigit } from '../../db/seed/cards'
import { LunarTable } from '../../db/seed/lunar'
import { HOME } from '../../db/seed/placeData'
import { areaCodeOf } from '../../db/seed/places'
import { listAudit } from '../../db/services/audit'
import { crossCheckMember, resolveMemberFields, toExportRecord, type MemberRowRaw } from '../../db/services/members'
import { DEFAULT_SETTINGS } from '../../db/services/settings'
import { makeTestDb, type TestDb } from '../support/db'

const open: TestDb[] = []
const fresh = () => {
  const t = makeTestDb()
  open.push(t)
  return t
}
afterEach(() => open.splice(0).forEach((t) => t.close()))

const rows = (t: TestDb) => t.db.sqlite.prepare('SELECT * FROM members ORDER BY id').all() as MemberRowRaw[]
const share = (list: MemberRowRaw[], pred: (r: MemberRowRaw) => boolean) => list.filter(pred).length / list.length

describe('sample members', () => {
  it('are the same for the same seed and differ for another seed', () => {
    const [a, b, c] = [fresh(), fresh(), fresh()]
    seedMembers(a.db, { members: 300, seed: 7 }, a.admin)
    seedMembers(b.db, { members: 300, seed: 7 }, b.admin)
    seedMembers(c.db, { members: 300, seed: 8 }, c.admin)
    const strip = (t: TestDb) => rows(t).map(toExportRecord)
    expect(strip(a)).toEqual(strip(b))
    expect(strip(a)).not.toEqual(strip(c))
  })

  it('pass every rule the member form applies', () => {
    const t = fresh()
    expect(seedMembers(t.db, { members: 2000, seed: 1 }, t.admin)).toEqual({ members: 2000 })
    const list = rows(t)
    expect(list).toHaveLength(2000)
    for (const r of list.slice(0, 600)) {
      const e = toExportRecord(r)
      const { values, issues } = resolveMemberFields(
        { ...e, joinDate: String(r.join_date), source: r.source as never, notes: r.notes as string },
        DEFAULT_SETTINGS,
      )
      issues.push(...crossCheckMember(values, 20261123))
      expect(issues, `${e.cardNo}`).toEqual([])
      // What the form would store is what the seed stored.
      expect(values.phone ?? null).toBe(r.phone)
      expect(values.district ?? null).toBe(r.district)
    }
  })

  it('have unique valid mobiles and valid ID numbers that agree with birthday and gender', () => {
    const t = fresh()
    seedMembers(t.db, { members: 3000, seed: 3 }, t.admin)
    const list = rows(t)
    const phones = list.map((r) => r.phone).filter((p): p is string => !!p)
    expect(new Set(phones).size).toBe(phones.length)
    expect(phones.length / list.length).toBeGreaterThan(0.95)
    for (const p of phones) {
      expect(isMobile(p)).toBe(true)
      expect(p.slice(0, 2)).toMatch(/^1[3589]$/)
    }
    const withId = list.filter((r) => r.id_number)
    expect(withId.length / list.length).toBeGreaterThan(0.5)
    expect(withId.length / list.length).toBeLessThan(0.7)
    for (const r of withId) {
      const id = r.id_number as string
      const check = checkIdNumber(id)
      expect(check.ok, id).toBe(true)
      const b = toExportRecord(r)
      const born = birthDateSolar({
        calendar: b.birthdayCalendar,
        year: r.birth_year as number,
        month: r.birth_month as number,
        day: r.birth_day as number,
        leapMonth: b.birthdayLeapMonth,
      })
      expect(check.birthDate).toBe(formatYmd(born))
      expect(Number(id[16]) % 2 === 1 ? '男' : '女').toBe(r.gender)
    }
    // Most ID numbers were issued where the member lives.
    const local = withId.filter((r) => {
      const code = areaCodeOf({
        province: r.province as string,
        city: r.city as string,
        district: r.district as string | null,
      })
      return code === (r.id_number as string).slice(0, 6)
    })
    expect(local.length / withId.length).toBeGreaterThan(0.5)
  })

  it('live mostly in the home city, at real addresses with plausible postal codes', () => {
    const t = fresh()
    seedMembers(t.db, { members: 3000, seed: 4 }, t.admin)
    const list = rows(t)
    expect(share(list, (r) => r.city === HOME.city)).toBeGreaterThan(0.65)
    for (const r of list.filter((r) => r.province)) {
      const d = checkDivision(r.province as string, r.city as string, r.district as string | null)
      expect(d.problem, `${r.province}${r.city}${r.district}`).toBeUndefined()
    }
    for (const r of list.filter((r) => r.postal_code)) {
      expect(r.postal_code).toMatch(/^\d{6}$/)
      if (r.city === HOME.city) expect(r.postal_code).toMatch(/^31[01]/)
    }
    expect(share(list, (r) => !!r.address)).toBeGreaterThan(0.75)
    expect(
      share(
        list,
        (r) => /[路街弄]/.test((r.address as string) ?? '') || /\d+-\d+-\d+$/.test((r.address as string) ?? ''),
      ),
    ).toBeGreaterThan(0.75)
  })

  it('have about a quarter lunar birthdays, some in leap months, and tiers getting rarer upwards', () => {
    const t = fresh()
    seedMembers(t.db, { members: 5000, seed: 5 }, t.admin)
    const list = rows(t)
    const lunar = share(list, (r) => r.birthday_calendar === 'lunar')
    expect(lunar).toBeGreaterThan(0.18)
    expect(lunar).toBeLessThan(0.35)
    expect(list.filter((r) => r.birthday_leap_month === 1).length).toBeGreaterThan(10)
    const tiers = ['普卡', '银卡', '金卡', '钻石卡'].map((tier) => list.filter((r) => r.tier === tier).length)
    expect(tiers[0]! > tiers[1]! && tiers[1]! > tiers[2]! && tiers[2]! > tiers[3]! && tiers[3]! > 0).toBe(true)
    expect(share(list, (r) => r.gender === '女')).toBeGreaterThan(0.55)
  })

  it('refer at most three friends each, always earlier members', () => {
    const t = fresh()
    seedMembers(t.db, { members: 3000, seed: 6 }, t.admin)
    const counts = t.db.sqlite
      .prepare(
        'SELECT referrer_id AS ref, count(*) AS n, max(id) AS last FROM members WHERE referrer_id IS NOT NULL GROUP BY referrer_id',
      )
      .all() as { ref: number; n: number; last: number }[]
    expect(counts.length).toBeGreaterThan(100)
    expect(Math.max(...counts.map((c) => c.n))).toBeLessThanOrEqual(3)
    expect(counts.every((c) => c.ref < c.last)).toBe(true)
    const unsourced = t.db.sqlite
      .prepare("SELECT count(*) FROM members WHERE referrer_id IS NOT NULL AND source <> '推荐'")
      .pluck()
      .get()
    expect(unsourced).toBe(0)
  })

  it('prints card numbers in order of joining, continues numbering on a second run, and audits once per run', () => {
    const t = fresh()
    seedMembers(t.db, { members: 200, seed: 1 }, t.admin)
    seedMembers(t.db, { members: 200, seed: 1 }, t.admin)
    const list = rows(t)
    expect(list[0]!.card_no).toBe(cardNumber(1))
    expect(list[399]!.card_no).toBe(cardNumber(400))
    for (const r of list.slice(0, 200)) {
      expect(luhnDigit(r.card_no.slice(0, 11))).toBe(r.card_no[11])
    }
    const joins = list.slice(0, 200).map((r) => r.join_date as number)
    expect([...joins].sort((a, b) => a - b)).toEqual(joins)
    expect(Math.min(...joins)).toBeGreaterThanOrEqual(20211123)
    expect(Math.max(...joins)).toBeLessThanOrEqual(20261123)
    const phones = list.map((r) => r.phone).filter(Boolean)
    expect(new Set(phones).size).toBe(phones.length)
    const audit = listAudit(t.db, { entity: 'member' }).rows
    expect(audit.map((a) => a.action)).toEqual(['seed', 'seed'])
    expect(audit[0]!.summary).toContain('200')
  })

  it('rejects a bad count with a Chinese message', () => {
    const t = fresh()
    expect(() => seedMembers(t.db, { members: 0 }, t.admin)).toThrow(/会员数量/)
  })
})

describe('the seed’s lunar table', () => {
  it('agrees with the rules’ own conversion day by day', () => {
    const table = new LunarTable(1940, 2010)
    for (let n = Date.UTC(1950, 0, 1) / 86400000; n < Date.UTC(2005, 0, 1) / 86400000; n += 7) {
      const dt = new Date(n * 86400000)
      const ymd = { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() }
      const lunar = table.toLunar(ymd)
      if (n % 91 === 0) expect(lunar).toEqual(solarToLunar(ymd))
      expect(table.toSolar(lunar)).toEqual(ymd)
    }
    // 农历1990年闰五月初十 = 1990-07-02
    expect(table.toSolar({ calendar: 'lunar', year: 1990, month: 5, day: 10, leapMonth: true })).toEqual(
      lunarToSolar(1990, 5, 10, true),
    )
  })
})
