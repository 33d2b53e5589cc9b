import type { Db } from '../../handle'
import { lunarProblem, lunarToSolar, solarToLunar } from '../../rules/birthday'
import { formatYmd } from '../../rules/dates'
import { isUsableAddress } from '../../rules/mailAddress'
import { STATUSES, type MemberStatus } from '../../rules/members'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'

/**
 * 生日关怀: the members whose birthday falls in one solar month. Solar birthdays are read by the
 * birth month/day index. A lunar birthday falls on a different solar day every year, so the
 * solar month is first cut into the pieces of lunar months it covers (two or three); each piece
 * is then one index range of lunar birthdays, and its solar dates are plain arithmetic — no
 * member is converted one by one.
 */

export const birthdayMonthSchema = z.object({
  month: z
    .string({ error: '请选择月份' })
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM（例：2026-11）')
    .refine((m) => +m.slice(0, 4) >= 1901 && +m.slice(0, 4) <= 2100, '月份须在 1901–2100 年之间'),
  tier: z.string().trim().min(1).max(10).optional(),
  /** 'all' includes closed and lost cards too; the default is active members only. */
  status: z.enum([...STATUSES, 'all'], { error: '会员状态无效' }).default('active'),
  sms: z.boolean().optional(),
  mail: z.boolean().optional(),
  hasAddress: z.boolean().optional(),
})
export type BirthdayMonthInput = z.input<typeof birthdayMonthSchema>

export interface BirthdayMember {
  memberId: number
  cardNo: string
  name: string
  gender: '男' | '女' | null
  /** Full number: the SMS export needs it; lists mask it. */
  phone: string | null
  /** YYYY-MM-DD in the birthday's own calendar (year 0000 when the year is unknown). */
  birthday: string
  calendar: 'solar' | 'lunar'
  leapMonth: boolean
  /** The solar day it falls on in the chosen month. */
  dateThisYear: string
  hasAddress: boolean
  smsConsent: boolean
  mailConsent: boolean
  tier: string
  status: MemberStatus
  province: string | null
  city: string | null
  district: string | null
  address: string | null
  postalCode: string | null
}

/** What the clerk sees above the list, for everyone born that month (status filter applied). */
export interface BirthdayCounts {
  born: number
  withAddress: number
  sms: number
  mail: number
  /** Mail consent and a usable address: the cards that can be posted. */
  mailable: number
}

export interface BirthdayMonth {
  month: string
  counts: BirthdayCounts
  /** The same counts for the rows after the tier/consent/address filters. */
  shown: BirthdayCounts
  rows: BirthdayMember[]
}

/** Part of one lunar month inside the solar month: lunar days fromDay..toDay start on solar day `solarDay`. */
export interface LunarPiece {
  year: number
  month: number
  leap: boolean
  /** Days in that lunar month (29 or 30). */
  length: number
  fromDay: number
  toDay: number
  solarDay: number
}

const hasLeap = (year: number, month: number) => lunarProblem(year, month, 1, true) === null
const lengthOf = (year: number, month: number, leap: boolean) => (lunarProblem(year, month, 30, leap) ? 29 : 30)

/** The lunar months a solar month covers, in order (the first may begin before it, the last end after). */
export function lunarPiecesOf(year: number, month: number): LunarPiece[] {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const start = solarToLunar({ y: year, m: month, d: 1 })
  let cur = { year: start.year, month: start.month, leap: start.leapMonth, day: start.day }
  const pieces: LunarPiece[] = []
  for (let solarDay = 1; solarDay <= last;) {
    const length = lengthOf(cur.year, cur.month, cur.leap)
    const span = Math.min(length - cur.day, last - solarDay)
    pieces.push({ ...cur, length, fromDay: cur.day, toDay: cur.day + span, solarDay })
    solarDay += span + 1
    if (!cur.leap && hasLeap(cur.year, cur.month)) cur = { ...cur, leap: true, day: 1 }
    else if (cur.month === 12) cur = { year: cur.year + 1, month: 1, leap: false, day: 1 }
    else cur = { year: cur.year, month: cur.month + 1, leap: false, day: 1 }
  }
  return pieces
}

const COLUMNS = `id, card_no, name, gender, phone, birth_year, birth_month, birth_day, birthday_leap_month,
  province, city, district, address, postal_code, tier, status, sms_consent, mail_consent`

type Raw = [
  number,
  string,
  string,
  '男' | '女' | null,
  string | null,
  number | null,
  number,
  number,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  MemberStatus,
  number,
  number,
]

const stmts = statements((s) => ({
  solar: s
    .prepare(
      `SELECT ${COLUMNS} FROM members
       WHERE birth_month = ? AND birth_day IS NOT NULL AND birthday_calendar = 'solar' AND (? = 'all' OR status = ?)`,
    )
    .raw(),
  lunar: s
    .prepare(
      `SELECT ${COLUMNS} FROM members
       WHERE birth_month = ? AND birth_day BETWEEN ? AND ? AND birthday_calendar = 'lunar'
         AND birthday_leap_month IN (?, ?) AND (? = 'all' OR status = ?)`,
    )
    .raw(),
}))

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

function toMember(r: Raw, calendar: 'solar' | 'lunar', dateThisYear: string): BirthdayMember {
  const [id, cardNo, name, gender, phone, y, mo, d, leap, province, city, district, address, postalCode] = r
  return {
    memberId: id,
    cardNo,
    name,
    gender,
    phone,
    birthday: `${pad(y ?? 0, 4)}-${pad(mo)}-${pad(d)}`,
    calendar,
    leapMonth: leap === 1,
    dateThisYear,
    hasAddress: isUsableAddress({ province, city, district, address, postalCode }),
    smsConsent: r[16] === 1,
    mailConsent: r[17] === 1,
    tier: r[14],
    status: r[15],
    province,
    city,
    district,
    address,
    postalCode,
  }
}

function countsOf(rows: BirthdayMember[]): BirthdayCounts {
  const c: BirthdayCounts = { born: rows.length, withAddress: 0, sms: 0, mail: 0, mailable: 0 }
  for (const r of rows) {
    if (r.hasAddress) c.withAddress++
    if (r.smsConsent) c.sms++
    if (r.mailConsent) c.mail++
    if (r.mailConsent && r.hasAddress) c.mailable++
  }
  return c
}

/**
 * Everyone born in the month (by the rules of db/rules/birthday.ts: 2月29日 on the 28th in common
 * years; a leap-month birthday in the ordinary month unless that year has the same leap month; a
 * lunar 30th on the 29th of a short month), sorted by the day it falls on, then card number.
 */
export function birthdaysOfMonth(db: Db, input: BirthdayMonthInput): BirthdayMonth {
  const q = parseInput(birthdayMonthSchema, input)
  const year = +q.month.slice(0, 4)
  const month = +q.month.slice(5, 7)
  const st = stmts(db)
  const all: BirthdayMember[] = []
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  for (const r of st.solar.all(month, q.status, q.status) as Raw[]) {
    all.push(toMember(r, 'solar', formatYmd({ y: year, m: month, d: Math.min(r[7], lastDay) })))
  }
  for (const p of lunarPieces(year, month)) {
    // A 30th kept in a 29-day month lands on its last day, so that day's range takes the 30th too.
    const upTo = p.toDay === p.length ? 30 : p.toDay
    // In a year with a leap month N, members born in leap N celebrate in it and the others in the
    // ordinary N; in other years both celebrate in the ordinary N.
    const leaps = p.leap ? [1, 1] : hasLeap(p.year, p.month) ? [0, 0] : [0, 1]
    const first = lunarToSolar(p.year, p.month, p.fromDay, p.leap)
    const firstUtc = Date.UTC(first.y, first.m - 1, first.d)
    for (const r of st.lunar.all(p.month, p.fromDay, upTo, leaps[0], leaps[1], q.status, q.status) as Raw[]) {
      const day = Math.min(r[7], p.length)
      const at = new Date(firstUtc + (day - p.fromDay) * 86_400_000)
      all.push(toMember(r, 'lunar', at.toISOString().slice(0, 10)))
    }
  }
  all.sort((a, b) =>
    a.dateThisYear < b.dateThisYear ? -1 : a.dateThisYear > b.dateThisYear ? 1 : a.cardNo < b.cardNo ? -1 : 1,
  )
  const rows = all.filter(
    (r) =>
      (q.tier === undefined || r.tier === q.tier) &&
      (q.sms === undefined || r.smsConsent === q.sms) &&
      (q.mail === undefined || r.mailConsent === q.mail) &&
      (q.hasAddress === undefined || r.hasAddress === q.hasAddress),
  )
  return { month: q.month, counts: countsOf(all), shown: countsOf(rows), rows }
}

/** The pieces of a month never change: kept so a repeated list costs no calendar work. */
const pieceCache = new Map<number, LunarPiece[]>()
function lunarPieces(year: number, month: number): LunarPiece[] {
  const key = year * 100 + month
  let pieces = pieceCache.get(key)
  if (!pieces) pieceCache.set(key, (pieces = lunarPiecesOf(year, month)))
  return pieces
}
