import { storeDayInt } from '../../clock'
import type { Db } from '../../handle'
import { birthdayInMonth, type Birthday } from '../../rules/birthday'
import type { CakeDeliveryStatus } from '../../rules/care'
import { formatYmd, ymdToInt } from '../../rules/dates'
import { addMonths, SPEND_WINDOW_MONTHS } from '../../rules/tiers'
import { statements } from '../../statements'
import { getSettings } from '../settings'
import { leagueMonthOf, type LeagueMonth } from './league'

/**
 * The birthday cake list (生日蛋糕): each month the members with the most points whose birthday
 * falls in it. Deliveries (schedule, deliver, cancel) are in cakeDeliveries.ts.
 */

const stmts = statements((s) => ({
  born: s.prepare(
    `SELECT id, card_no AS cardNo, name, points, birth_year AS y, birth_month AS mo, birth_day AS d,
            birthday_calendar AS calendar, birthday_leap_month AS leap
     FROM members WHERE status = 'active' AND birth_month = ? AND birthday_calendar = ? AND birth_day IS NOT NULL`,
  ),
  spend: s
    .prepare(
      `SELECT coalesce(sum(amount_fen), 0) FROM purchases
       WHERE member_id = ? AND purchase_date >= ? AND purchase_date <= ?`,
    )
    .pluck(),
  lastYear: s.prepare("SELECT member_id FROM cake_deliveries WHERE month = ? AND status = 'delivered'").pluck(),
  maintainer: s
    .prepare(
      `SELECT s.name FROM vip_assignments a JOIN staff s ON s.id = a.staff_id
       WHERE a.member_id = ? AND a.from_day <= ? AND (a.until_day IS NULL OR a.until_day > ?)
       ORDER BY a.from_day DESC LIMIT 1`,
    )
    .pluck(),
  deliveries: s.prepare(
    `SELECT d.id, d.member_id AS memberId, d.status, d.scheduled_at AS scheduledAt, d.deliverer_id AS delivererId,
            s.name AS deliverer, d.delivered_at AS deliveredAt, d.cost_fen AS costFen, d.note,
            d.cake_gift_id AS cakeGiftId, d.flowers_gift_id AS flowersGiftId, d.birthday_day AS birthdayDay
     FROM cake_deliveries d LEFT JOIN staff s ON s.id = d.deliverer_id WHERE d.month = ?`,
  ),
  member: s.prepare(
    `SELECT id, card_no AS cardNo, name, points, birth_year AS y, birth_month AS mo, birth_day AS d,
            birthday_calendar AS calendar, birthday_leap_month AS leap, status FROM members WHERE id = ?`,
  ),
}))

interface BornRow {
  id: number
  cardNo: string
  name: string
  points: number
  y: number | null
  mo: number
  d: number
  calendar: string
  leap: number
}

export const birthdayOf = (r: BornRow): Birthday => ({
  calendar: r.calendar === 'lunar' ? 'lunar' : 'solar',
  year: r.y ?? 2000,
  month: r.mo,
  day: r.d,
  leapMonth: Boolean(r.leap),
})

/**
 * A lunar month falls in the solar month one or two later (leap months push it further), so a
 * solar month gathers lunar birthdays of its own number and the three before; the exact day is
 * then worked out per member.
 */
const lunarMonthsFor = (m: number) => [m, m - 1, m - 2, m - 3].map((x) => ((x + 11) % 12) + 1)

/** Members (active) whose birthday falls in the month, with the yyyymmdd it falls on. */
export function bornIn(db: Db, m: LeagueMonth): (BornRow & { falls: number })[] {
  const st = stmts(db)
  const rows = [
    ...(st.born.all(m.month, 'solar') as BornRow[]),
    ...lunarMonthsFor(m.month).flatMap((lm) => st.born.all(lm, 'lunar') as BornRow[]),
  ]
  const out: (BornRow & { falls: number })[] = []
  for (const r of rows) {
    const falls = birthdayInMonth(birthdayOf(r), m.year, m.month)
    if (falls) out.push({ ...r, falls: ymdToInt(falls) })
  }
  return out
}

/** yyyymmdd of a member's birthday in the month, or null (used when scheduling). */
export function birthdayDayIn(
  db: Db,
  memberId: number,
  m: LeagueMonth,
): { falls: number | null; status: string } | null {
  const r = stmts(db).member.get(memberId) as (BornRow & { status: string }) | undefined
  if (!r) return null
  if (r.mo === null || r.d === null) return { falls: null, status: r.status }
  const falls = birthdayInMonth(birthdayOf(r), m.year, m.month)
  return { falls: falls ? ymdToInt(falls) : null, status: r.status }
}

export interface CakeDelivery {
  id: number
  status: CakeDeliveryStatus
  scheduledAt: number | null
  delivererId: number | null
  deliverer: string | null
  deliveredAt: number | null
  costFen: number
  note: string
  cakeGiftId: number | null
  flowersGiftId: number | null
}

export interface CakeCandidate {
  memberId: number
  cardNo: string
  name: string
  points: number
  /** Net spend over the last 12 months, fen: the tie-break */
  spendFen: number
  /** YYYY-MM-DD the birthday falls on this year */
  birthdayThisYear: string
  lunar: boolean
  maintainer: string | null
  /** false for a row kept because it was already planned, though no longer in the top N */
  inTop: boolean
  delivery: CakeDelivery | null
}

export interface CakeListInput {
  month: string
  /** Overrides the setting skipLastYearsRecipients */
  skipLastYear?: boolean
}

export interface CakeList {
  month: string
  perMonth: number
  skipLastYear: boolean
  /** How many were left out for having had a cake in the same month last year */
  skipped: number
  rows: CakeCandidate[]
  /** Cost of the month's delivered cakes and flowers, fen */
  costFen: number
}

/**
 * The month's cake list: the N (settings cakesPerMonth) active members born that month with the
 * most points, ties broken by 12-month spend, then card number. Rows already scheduled for the
 * month stay listed even if they have dropped out of the top N, so a plan never vanishes.
 */
export function cakeList(db: Db, input: CakeListInput): CakeList {
  const m = leagueMonthOf(input?.month)
  const care = getSettings(db).care
  const skipLastYear = input.skipLastYear ?? care.skipLastYearsRecipients
  const st = stmts(db)
  const today = storeDayInt(db)
  const windowFrom = addMonths(today, -SPEND_WINDOW_MONTHS)
  const monthKey = m.year * 100 + m.month
  const lastYear = new Set(skipLastYear ? (st.lastYear.all(monthKey - 100) as number[]) : [])
  const born = bornIn(db, m)
  const eligible = born.filter((r) => !lastYear.has(r.id)).sort((a, b) => b.points - a.points)
  // Spend decides only among equal points at the cut, so it is summed only where it can matter.
  const cut = eligible[Math.min(care.cakesPerMonth, eligible.length) - 1]?.points ?? Infinity
  const spendOf = new Map<number, number>()
  for (const r of eligible) if (r.points >= cut) spendOf.set(r.id, st.spend.get(r.id, windowFrom, today) as number)
  const top = eligible
    .filter((r) => r.points >= cut)
    .sort((a, b) => b.points - a.points || spendOf.get(b.id)! - spendOf.get(a.id)! || a.cardNo.localeCompare(b.cardNo))
    .slice(0, care.cakesPerMonth)
  const deliveries = new Map(
    (st.deliveries.all(monthKey) as (CakeDelivery & { memberId: number; birthdayDay: number })[]).map((d) => [
      d.memberId,
      d,
    ]),
  )
  const topIds = new Set(top.map((r) => r.id))
  const kept = [...deliveries.keys()].filter((id) => !topIds.has(id))
  const byId = new Map(born.map((r) => [r.id, r]))
  const rows: CakeCandidate[] = []
  const add = (r: BornRow & { falls: number }, inTop: boolean) => {
    const d = deliveries.get(r.id)
    const day = String(r.falls)
    rows.push({
      memberId: r.id,
      cardNo: r.cardNo,
      name: r.name,
      points: r.points,
      spendFen: spendOf.get(r.id) ?? (st.spend.get(r.id, windowFrom, today) as number),
      birthdayThisYear: formatYmd({ y: +day.slice(0, 4), m: +day.slice(4, 6), d: +day.slice(6) }),
      lunar: r.calendar === 'lunar',
      maintainer: (st.maintainer.get(r.id, r.falls, r.falls) as string | undefined) ?? null,
      inTop,
      delivery: d
        ? {
            id: d.id,
            status: d.status,
            scheduledAt: d.scheduledAt,
            delivererId: d.delivererId,
            deliverer: d.deliverer,
            deliveredAt: d.deliveredAt,
            costFen: d.costFen,
            note: d.note,
            cakeGiftId: d.cakeGiftId,
            flowersGiftId: d.flowersGiftId,
          }
        : null,
    })
  }
  for (const r of top) add(r, true)
  for (const id of kept) {
    const r = byId.get(id)
    if (r) add(r, false)
  }
  const costFen = [...deliveries.values()].filter((d) => d.status === 'delivered').reduce((s, d) => s + d.costFen, 0)
  return {
    month: `${m.year}-${String(m.month).padStart(2, '0')}`,
    perMonth: care.cakesPerMonth,
    skipLastYear,
    skipped: born.filter((r) => lastYear.has(r.id)).length,
    rows,
    costFen,
  }
}
