import { storeToday, storeZone } from '../../clock'
import type { Db } from '../../handle'
import { formatYmd, type Ymd } from '../../rules/dates'
import { dayIntInZone, endOfDayMs, startOfDayMs } from '../../rules/storeClock'
import { dayText, mmddText } from '../../rules/vouchers'
import { parseInput, z } from '../../validate'
import { getSettings } from '../settings'

/** How the yearly redemption went, in total and day by day: the dashboard's card and the desk's header. */
export interface YearlyProgress {
  /** The year the event started in */
  year: number
  /** YYYY-MM-DD, both included */
  from: string
  to: string
  /** 11月1日 至 11月30日 */
  text: string
  /** Today (store clock) falls in this event's window */
  open: boolean
  members: number
  points: number
  vouchers: number
  valueFen: number
  days: { day: string; members: number; points: number; vouchers: number; valueFen: number }[]
}

const schema = z
  .object({ year: z.number().int('年份须为整数').min(2000, '年份不对').max(2100, '年份不对').optional() })
  .default({})

const mmdd = (text: string) => text.split('-').map(Number) as [number, number]

/** The event's first and last day when it starts in `year` (a window across New Year ends the year after). */
function eventDays(from: string, to: string, year: number): { first: Ymd; last: Ymd } {
  const [fm, fd] = mmdd(from)
  const [tm, td] = mmdd(to)
  return {
    first: { y: year, m: fm, d: fd },
    last: { y: fm * 100 + fd <= tm * 100 + td ? year : year + 1, m: tm, d: td },
  }
}

/**
 * The event of `year`, or by default the one running today, else the latest that has started
 * (in October the dashboard still shows last November's, then this one from its first day).
 */
export function yearlyProgress(db: Db, input?: { year?: number }): YearlyProgress {
  const { year: asked } = parseInput(schema, input ?? {})
  const rules = getSettings(db).vouchers.yearly
  const today = storeToday(db)
  const [fm, fd] = mmdd(rules.from)
  const started = today.m * 100 + today.d >= fm * 100 + fd
  // Open across New Year in January: the event started the year before.
  const year = asked ?? (started ? today.y : today.y - 1)
  const { first, last } = eventDays(rules.from, rules.to, year)
  const zone = storeZone(db)
  // Voided vouchers gave their points back, so they neither served a member nor turned points.
  const rows = db.sqlite
    .prepare(
      `SELECT member_id AS memberId, points_used AS points, value_fen AS valueFen, issued_at AS at
         FROM vouchers INDEXED BY vouchers_issued_at
        WHERE issued_at BETWEEN ? AND ? AND source = 'points' AND status <> 'voided'`,
    )
    .all(startOfDayMs(first, zone), endOfDayMs(last, zone)) as {
    memberId: number
    points: number
    valueFen: number
    at: number
  }[]
  const byDay = new Map<number, { members: Set<number>; points: number; vouchers: number; valueFen: number }>()
  const members = new Set<number>()
  let points = 0
  let valueFen = 0
  for (const r of rows) {
    const day = dayIntInZone(r.at, zone)
    let d = byDay.get(day)
    if (!d) byDay.set(day, (d = { members: new Set(), points: 0, vouchers: 0, valueFen: 0 }))
    d.members.add(r.memberId)
    d.points += r.points
    d.vouchers++
    d.valueFen += r.valueFen
    members.add(r.memberId)
    points += r.points
    valueFen += r.valueFen
  }
  const todayText = formatYmd(today)
  return {
    year,
    from: formatYmd(first),
    to: formatYmd(last),
    text: `${mmddText(rules.from)} 至 ${mmddText(rules.to)}`,
    open: todayText >= formatYmd(first) && todayText <= formatYmd(last),
    members: members.size,
    points,
    vouchers: rows.length,
    valueFen,
    days: [...byDay.entries()]
      .sort(([a], [b]) => a - b)
      .map(([day, d]) => ({
        day: dayText(day),
        members: d.members.size,
        points: d.points,
        vouchers: d.vouchers,
        valueFen: d.valueFen,
      })),
  }
}
