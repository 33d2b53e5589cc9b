import { LunarYear } from 'tyme4ts'
import type { Birthday } from '../rules/birthday'
import type { Ymd } from '../rules/dates'

/**
 * Lunar dates for the seed, fast. tyme4ts converts one date in about 0.2 ms, too slow for tens of
 * thousands of members; but it lists a lunar year's months with their first days cheaply, so
 * each year is asked once and every date is then arithmetic on day numbers.
 */
interface LunarMonthSpan {
  year: number
  month: number
  leap: boolean
  /** Days since 1970-01-01 of the month's first day. */
  start: number
  days: number
}

export const dayNumber = ({ y, m, d }: Ymd) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * 86_400_000)
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() }
}

export class LunarTable {
  private readonly months: LunarMonthSpan[] = []
  private readonly leapByYear = new Map<number, LunarMonthSpan>()

  /** Covers lunar years `from`..`to` inclusive. */
  constructor(from: number, to: number) {
    for (let y = from; y <= to; y++) {
      for (const m of LunarYear.fromYear(y).getMonths()) {
        const s = m.getFirstJulianDay().getSolarDay()
        const span: LunarMonthSpan = {
          year: y,
          month: Math.abs(m.getMonthWithLeap()),
          leap: m.isLeap(),
          start: dayNumber({ y: s.getYear(), m: s.getMonth(), d: s.getDay() }),
          days: m.getDayCount(),
        }
        this.months.push(span)
        if (span.leap) this.leapByYear.set(y, span)
      }
    }
  }

  /** The lunar birthday of a solar date (which must lie inside the table's years). */
  toLunar(solar: Ymd): Birthday {
    const n = dayNumber(solar)
    let lo = 0
    let hi = this.months.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.months[mid]!.start <= n) lo = mid
      else hi = mid - 1
    }
    const span = this.months[lo]!
    if (n < span.start || n >= span.start + span.days) throw new RangeError('date outside the lunar table')
    return { calendar: 'lunar', year: span.year, month: span.month, day: n - span.start + 1, leapMonth: span.leap }
  }

  /** The leap month of a lunar year, if it has one: [month, days]. */
  leapMonth(year: number): { month: number; days: number; start: number } | undefined {
    return this.leapByYear.get(year)
  }

  toSolar(b: Birthday): Ymd {
    if (b.leapMonth) {
      const span = this.leapByYear.get(b.year)
      if (!span || span.month !== b.month) throw new RangeError('no such leap month')
      return fromDayNumber(span.start + b.day - 1)
    }
    const span = this.months.find((m) => m.year === b.year && m.month === b.month && !m.leap)
    if (!span) throw new RangeError('lunar year outside the table')
    return fromDayNumber(span.start + b.day - 1)
  }
}
