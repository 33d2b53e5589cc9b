import type { Db } from '../../handle'
import type { BirthdayCardStatus } from '../../rules/birthdayMail'
import { lunarProblem, lunarToSolar, solarToLunar } from '../../rules/birthday'
import { formatYmd } from '../../rules/dates'
import { refreshAddressFlags } from './addressFlags'
import { STATUSES, type MemberStatus } from '../../rules/members'
import { statements } from '../../statements'
import { parseInput, z } from '../../validate'

/**
 * 生日关怀: the members whose birthday falls in one solar month. Solar birthdays are read by the
 * birth month/day index. A lunar birthday falls on a different solar day every year, so the
 * solar month is first cut into the pieces of lunar months it covers (two or three); each piece
 * is then one index range of lunar birthdays, and its solar dates are plain arithmetic — no
 * member is converted one by one.
 *
 * The list is worked out from the members_birthday index alone (day, flags, tier, card number
 * ride along): the counts, filters and order need nothing else. Whole rows are read only for the
 * members actually returned — one page for the screen, everyone for printing.
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
  /** Already printed for this birthday (a card in a batch) */
  printed: z.boolean().optional(),
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
  /** A card to this address came back undeliverable and the address has not been corrected since */
  addressReturned: boolean
  /** The newest card printed for this birthday, or null */
  card: { batchId: number; status: BirthdayCardStatus } | null
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
  /** Mail consent, a usable address that has not come back: the cards that can be posted. */
  mailable: number
  /** Printed for this birthday already */
  printed: number
  /** Mailable and not printed yet: the next batch */
  toPrint: number
  /** A card came back; the address wants correcting */
  returned: number
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

/** One member in the month as the index tells it: enough to count, filter and sort. */
interface Entry {
  id: number
  dateThisYear: string
  cardNo: string
  calendar: 'solar' | 'lunar'
  tier: string
  addressOk: boolean
  returned: boolean
  sms: boolean
  mail: boolean
  card: { batchId: number; status: BirthdayCardStatus } | null
}

// birth_day, address_ok, returned, sms, mail, tier, card_no, id
type IndexRaw = [number, number, number, number, number, string, string, number]
const INDEX_COLUMNS = `birth_day, address_ok, address_returned_at IS NOT NULL, sms_consent, mail_consent, tier, card_no, id`

const ROW_COLUMNS = `id, card_no, name, gender, phone, birth_year, birth_month, birth_day, birthday_leap_month,
  province, city, district, address, postal_code, tier, status, birthday_calendar`
type RowRaw = [
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
  'solar' | 'lunar',
]

const stmts = statements((s) => ({
  solar: s
    .prepare(
      `SELECT ${INDEX_COLUMNS} FROM members INDEXED BY members_birthday
       WHERE birth_month = ? AND birth_day IS NOT NULL AND birthday_calendar = 'solar' AND (? = 'all' OR status = ?)`,
    )
    .raw(),
  lunar: s
    .prepare(
      `SELECT ${INDEX_COLUMNS} FROM members INDEXED BY members_birthday
       WHERE birth_month = ? AND birth_day BETWEEN ? AND ? AND birthday_calendar = 'lunar'
         AND birthday_leap_month IN (?, ?) AND (? = 'all' OR status = ?)`,
    )
    .raw(),
  cards: s
    .prepare(
      `SELECT member_id, birthday_date, batch_id, status FROM birthday_cards
       WHERE birthday_date BETWEEN ? AND ? ORDER BY id`,
    )
    .raw(),
  row: s.prepare(`SELECT ${ROW_COLUMNS} FROM members WHERE id = ?`).raw(),
}))

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

function toMember(e: Entry, r: RowRaw): BirthdayMember {
  const [id, cardNo, name, gender, phone, y, mo, d, leap, province, city, district, address, postalCode] = r
  return {
    memberId: id,
    cardNo,
    name,
    gender,
    phone,
    birthday: `${pad(y ?? 0, 4)}-${pad(mo)}-${pad(d)}`,
    calendar: r[16],
    leapMonth: leap === 1,
    dateThisYear: e.dateThisYear,
    hasAddress: e.addressOk,
    smsConsent: e.sms,
    mailConsent: e.mail,
    addressReturned: e.returned,
    card: e.card,
    tier: r[14],
    status: r[15],
    province,
    city,
    district,
    address,
    postalCode,
  }
}

/** Can be posted: mail consent and a usable address no card has come back from. */
export const isMailable = (e: { mail: boolean; addressOk: boolean; returned: boolean }) =>
  e.mail && e.addressOk && !e.returned

function countsOf(entries: Entry[]): BirthdayCounts {
  const c: BirthdayCounts = {
    born: entries.length,
    withAddress: 0,
    sms: 0,
    mail: 0,
    mailable: 0,
    printed: 0,
    toPrint: 0,
    returned: 0,
  }
  for (const e of entries) {
    if (e.addressOk) c.withAddress++
    if (e.sms) c.sms++
    if (e.mail) c.mail++
    if (e.returned) c.returned++
    if (e.card) c.printed++
    if (isMailable(e)) {
      c.mailable++
      if (!e.card) c.toPrint++
    }
  }
  return c
}

interface MonthEntries {
  month: string
  counts: BirthdayCounts
  shown: BirthdayCounts
  entries: Entry[]
}

/**
 * Everyone born in the month (by the rules of db/rules/birthday.ts: 2月29日 on the 28th in common
 * years; a leap-month birthday in the ordinary month unless that year has the same leap month; a
 * lunar 30th on the 29th of a short month), sorted by the day it falls on, then card number.
 */
function monthEntries(db: Db, q: z.output<typeof birthdayMonthSchema>): MonthEntries {
  refreshAddressFlags(db)
  const year = +q.month.slice(0, 4)
  const month = +q.month.slice(5, 7)
  const st = stmts(db)
  const cards = new Map<number, { date: string; batchId: number; status: BirthdayCardStatus }>()
  for (const [memberId, date, batchId, status] of st.cards.all(`${q.month}-01`, `${q.month}-31`) as [
    number,
    string,
    number,
    BirthdayCardStatus,
  ][]) {
    cards.set(memberId, { date, batchId, status })
  }
  const all: Entry[] = []
  const add = (r: IndexRaw, calendar: 'solar' | 'lunar', dateThisYear: string) => {
    const card = cards.get(r[7])
    all.push({
      id: r[7],
      dateThisYear,
      cardNo: r[6],
      calendar,
      tier: r[5],
      addressOk: r[1] === 1,
      returned: r[2] === 1,
      sms: r[3] === 1,
      mail: r[4] === 1,
      card: card && card.date === dateThisYear ? { batchId: card.batchId, status: card.status } : null,
    })
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const solarDates = Array.from({ length: 31 }, (_, i) => formatYmd({ y: year, m: month, d: Math.min(i + 1, lastDay) }))
  for (const r of st.solar.all(month, q.status, q.status) as IndexRaw[]) add(r, 'solar', solarDates[r[0] - 1]!)
  for (const p of lunarPieces(year, month)) {
    // A 30th kept in a 29-day month lands on its last day, so that day's range takes the 30th too.
    const upTo = p.toDay === p.length ? 30 : p.toDay
    // In a year with a leap month N, members born in leap N celebrate in it and the others in the
    // ordinary N; in other years both celebrate in the ordinary N.
    const leaps = p.leap ? [1, 1] : hasLeap(p.year, p.month) ? [0, 0] : [0, 1]
    const first = lunarToSolar(p.year, p.month, p.fromDay, p.leap)
    const firstUtc = Date.UTC(first.y, first.m - 1, first.d)
    for (const r of st.lunar.all(p.month, p.fromDay, upTo, leaps[0], leaps[1], q.status, q.status) as IndexRaw[]) {
      const day = Math.min(r[0], p.length)
      add(r, 'lunar', new Date(firstUtc + (day - p.fromDay) * 86_400_000).toISOString().slice(0, 10))
    }
  }
  all.sort((a, b) =>
    a.dateThisYear < b.dateThisYear ? -1 : a.dateThisYear > b.dateThisYear ? 1 : a.cardNo < b.cardNo ? -1 : 1,
  )
  const entries = all.filter(
    (e) =>
      (q.tier === undefined || e.tier === q.tier) &&
      (q.sms === undefined || e.sms === q.sms) &&
      (q.mail === undefined || e.mail === q.mail) &&
      (q.hasAddress === undefined || e.addressOk === q.hasAddress) &&
      (q.printed === undefined || (e.card !== null) === q.printed),
  )
  return { month: q.month, counts: countsOf(all), shown: countsOf(entries), entries }
}

function rowsOf(db: Db, entries: Entry[]): BirthdayMember[] {
  const row = stmts(db).row
  return entries.map((e) => toMember(e, row.get(e.id) as RowRaw))
}

/** The whole month's list (after the filters), every row read: for printing, the SMS list and the CLI. */
export function birthdaysOfMonth(db: Db, input: BirthdayMonthInput): BirthdayMonth {
  const m = monthEntries(db, parseInput(birthdayMonthSchema, input))
  return { month: m.month, counts: m.counts, shown: m.shown, rows: rowsOf(db, m.entries) }
}

export const birthdayPageSchema = birthdayMonthSchema.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})
export type BirthdayPageInput = z.input<typeof birthdayPageSchema>

export interface BirthdayPage extends BirthdayMonth {
  /** Rows after the filters; `rows` is the one page of them */
  total: number
  page: number
  pageSize: number
  /** Every shown member that can be posted, in order: "print all" and selection across pages */
  mailableIds: number[]
}

/** The screen's view: counts for the month and one page of rows. */
export function birthdayMonthPage(db: Db, input: BirthdayPageInput): BirthdayPage {
  const q = parseInput(birthdayPageSchema, input)
  const m = monthEntries(db, q)
  const from = (q.page - 1) * q.pageSize
  return {
    month: m.month,
    counts: m.counts,
    shown: m.shown,
    total: m.entries.length,
    page: q.page,
    pageSize: q.pageSize,
    rows: rowsOf(db, m.entries.slice(from, from + q.pageSize)),
    mailableIds: m.entries.filter(isMailable).map((e) => e.id),
  }
}

/** The pieces of a month never change: kept so a repeated list costs no calendar work. */
const pieceCache = new Map<number, LunarPiece[]>()
function lunarPieces(year: number, month: number): LunarPiece[] {
  const key = year * 100 + month
  let pieces = pieceCache.get(key)
  if (!pieces) pieceCache.set(key, (pieces = lunarPiecesOf(year, month)))
  return pieces
}
