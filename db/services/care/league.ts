import { validationError } from '../../errors'
import type { Db } from '../../handle'
import { birthdayInMonth, type Birthday } from '../../rules/birthday'
import {
  CONTACT_KIND_LABELS,
  monthDays,
  rankLeague,
  tallyLeague,
  type ContactKind,
  type HeldPeriod,
  type Ranked,
  type SaleLine,
} from '../../rules/care'
import { ymdToInt } from '../../rules/dates'
import { dayStartMs } from '../../rules/tiers'
import { storeZone } from '../../clock'
import { statements } from '../../statements'

/**
 * The monthly league (月度评比), read straight from vip_assignments and purchases: who held which
 * VIP on which day decides whose a receipt is (see tallyLeague in db/rules/care.ts).
 */

const stmts = statements((s) => ({
  periods: s.prepare(
    `SELECT staff_id AS staffId, member_id AS memberId, from_day AS fromDay, until_day AS untilDay
     FROM vip_assignments WHERE from_day < ? AND (until_day IS NULL OR until_day > ?)`,
  ),
  // Sale lines only: a return is a negative line naming the receipt it returns. The time range
  // walks purchases_member_time; the day check keeps the month exact.
  sales: s.prepare(
    `SELECT member_id AS memberId, receipt_no AS receiptNo, purchase_date AS day, amount_fen AS amountFen
     FROM purchases
     WHERE member_id = ? AND purchased_at >= ? AND purchased_at < ?
       AND purchase_date >= ? AND purchase_date < ? AND amount_fen > 0 AND original_receipt_no IS NULL`,
  ),
  staff: s.prepare('SELECT id, name, department, active FROM staff'),
  contacts: s.prepare(
    `SELECT c.staff_id AS staffId, c.day, c.kind, c.note, m.name AS member, m.card_no AS cardNo
     FROM vip_contacts c JOIN members m ON m.id = c.member_id
     WHERE c.day >= ? AND c.day < ? ORDER BY c.staff_id, c.day, c.id`,
  ),
  heldOn: s.prepare(
    `SELECT a.staff_id AS staffId, m.id, m.card_no AS cardNo, m.name, m.birth_year AS y, m.birth_month AS mo,
            m.birth_day AS d, m.birthday_calendar AS calendar, m.birthday_leap_month AS leap
     FROM vip_assignments a JOIN members m ON m.id = a.member_id
     WHERE a.from_day <= ? AND (a.until_day IS NULL OR a.until_day > ?) AND m.birth_month IS NOT NULL`,
  ),
}))

export interface LeagueMonth {
  year: number
  month: number
}

/** 'YYYY-MM' → the month, or a Chinese validation error. */
export function leagueMonthOf(text: unknown): LeagueMonth {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})$/.exec(text.trim()) : null
  const month = m ? Number(m[2]) : 0
  if (!m || month < 1 || month > 12 || Number(m[1]) < 2000 || Number(m[1]) > 2100)
    throw validationError('月份应为 YYYY-MM 格式，例如 2026-11', [{ field: 'month', message: '月份格式不对' }])
  return { year: Number(m[1]), month }
}

const label = (m: LeagueMonth) => `${m.year}-${String(m.month).padStart(2, '0')}`

export interface LeagueRow extends Ranked {
  staffId: number
  staff: string
  department: string
  /** false for someone who has since left: they still appear for months they maintained */
  active: boolean
  vips: number
  purchases: number
  spendFen: number
}

export interface League {
  month: string
  rows: LeagueRow[]
  /** Names of the winners (more than one when the top is a tie) */
  winners: string[]
}

/** The league table for one month ('YYYY-MM'), ordered by rank. */
export function monthlyLeague(db: Db, input: { month: string }): League {
  const m = leagueMonthOf(input?.month)
  const { from, until } = monthDays(m.year, m.month)
  const st = stmts(db)
  const zone = storeZone(db)
  const periods = st.periods.all(until, from) as HeldPeriod[]
  const fromMs = dayStartMs(from, zone)
  const untilMs = dayStartMs(until, zone)
  const sales: SaleLine[] = []
  for (const memberId of new Set(periods.map((p) => p.memberId)))
    sales.push(...(st.sales.all(memberId, fromMs, untilMs, from, until) as SaleLine[]))
  const staff = new Map(
    (st.staff.all() as { id: number; name: string; department: string; active: number }[]).map((s) => [s.id, s]),
  )
  const tallies = tallyLeague(periods, sales, m.year, m.month).map((t) => {
    const s = staff.get(t.staffId)
    return { ...t, name: s?.name ?? `#${t.staffId}`, department: s?.department ?? '', active: Boolean(s?.active) }
  })
  const rows = rankLeague(tallies).map(({ name, ...r }) => ({ ...r, staff: name }))
  return { month: label(m), rows, winners: rows.filter((r) => r.winner).map((r) => r.staff) }
}

export interface LeagueContact {
  day: number
  kind: ContactKind
  kindLabel: string
  member: string
  cardNo: string
  note: string
}

/** Each maintainer's logged contacts in the month, by staff id, oldest first. */
export function leagueContacts(db: Db, input: { month: string }): Map<number, LeagueContact[]> {
  const m = leagueMonthOf(input?.month)
  const { from, until } = monthDays(m.year, m.month)
  const out = new Map<number, LeagueContact[]>()
  const rows = stmts(db).contacts.all(from, until) as (Omit<LeagueContact, 'kindLabel'> & { staffId: number })[]
  for (const { staffId, ...c } of rows) {
    if (!out.has(staffId)) out.set(staffId, [])
    out.get(staffId)!.push({ ...c, kindLabel: CONTACT_KIND_LABELS[c.kind] ?? c.kind })
  }
  return out
}

export interface VipBirthday {
  /** yyyymmdd the birthday falls on */
  day: number
  lunar: boolean
  cardNo: string
  name: string
  staffId: number
}

/**
 * The VIPs (held by a maintainer on the first day of the month) whose birthday falls in that
 * month, by the date it falls on: a lunar birthday by its solar date that year.
 */
export function vipBirthdaysIn(db: Db, m: LeagueMonth): VipBirthday[] {
  const first = monthDays(m.year, m.month).from
  type Row = { staffId: number; cardNo: string; name: string; y: number | null; mo: number; d: number }
  const rows = stmts(db).heldOn.all(first, first) as (Row & { calendar: string; leap: number })[]
  const out: VipBirthday[] = []
  for (const r of rows) {
    const b: Birthday = {
      calendar: r.calendar === 'lunar' ? 'lunar' : 'solar',
      year: r.y ?? 2000,
      month: r.mo,
      day: r.d,
      leapMonth: Boolean(r.leap),
    }
    const falls = birthdayInMonth(b, m.year, m.month)
    if (falls)
      out.push({
        day: ymdToInt(falls),
        lunar: b.calendar === 'lunar',
        cardNo: r.cardNo,
        name: r.name,
        staffId: r.staffId,
      })
  }
  return out.sort((a, b) => a.day - b.day || a.cardNo.localeCompare(b.cardNo))
}

/** The month after 'YYYY-MM'. */
export function nextMonth(m: LeagueMonth): LeagueMonth {
  return m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 }
}
