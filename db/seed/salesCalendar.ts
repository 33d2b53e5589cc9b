import { zonedToMs } from '../rules/storeClock'
import type { Ymd } from '../rules/dates'
import { rewardWeekDays, type EarningRules } from '../rules/points'
import { dayNumber, fromDayNumber, LunarTable } from './lunar'
import type { Random } from './random'

/** How busy a month is, January first: December is the year's peak, summer the trough. */
const MONTH = [1.05, 0.95, 0.95, 0.9, 1, 0.9, 0.85, 0.85, 0.95, 1.1, 1.1, 1.3]
/** Sunday first: weekends are a department store's busiest days. */
const WEEKDAY = [1.6, 0.85, 0.85, 0.85, 0.9, 1.15, 1.7]
/** Fixed-date shopping days (month * 100 + day). */
const FESTIVALS = new Map<number, number>([
  [101, 1.6], // 元旦
  [214, 1.5], // 情人节
  [308, 1.8], // 妇女节
  [501, 1.7],
  [502, 1.6],
  [503, 1.5],
  [1001, 2.4], // 国庆黄金周
  [1002, 2.4],
  [1003, 2.2],
  [1004, 2],
  [1005, 1.8],
  [1006, 1.6],
  [1007, 1.4],
  [1110, 1.6], // 双十一
  [1111, 2.6],
  [1112, 1.5],
  [1224, 1.8], // 圣诞
  [1225, 1.7],
  [1231, 1.6],
])
/** Member days and the reward week draw members in (their points count double). */
const MEMBER_DAY = 2.2
const REWARD_WEEK = 1.7

/**
 * Relative sales of every day in a range, and a seeded pick of a day within any sub-range in
 * proportion to them (binary search over running totals).
 */
export class SalesCalendar {
  private readonly totals: number[] = []

  /** `first` and `last` are day numbers (days since 1970-01-01, see lunar.ts). */
  constructor(
    readonly first: number,
    readonly last: number,
    rules: EarningRules,
  ) {
    const from = fromDayNumber(first)
    const to = fromDayNumber(last)
    const springFestival = new Map<number, number>()
    const lunar = new LunarTable(from.y - 1, to.y + 1)
    for (let y = from.y; y <= to.y + 1; y++) {
      const ny = dayNumber(lunar.toSolar({ calendar: 'lunar', year: y, month: 1, day: 1, leapMonth: false }))
      // The three weeks before 春节 are the year's busiest; the first days of the new year are quiet.
      for (let k = -21; k < 0; k++) springFestival.set(ny + k, 1.6 + (0.9 * (21 + k)) / 21)
      for (let k = 0; k < 3; k++) springFestival.set(ny + k, 0.5)
      for (let k = 3; k < 8; k++) springFestival.set(ny + k, 1.5)
    }
    const rewardDays = new Set<number>()
    for (let y = from.y; y <= to.y; y++)
      for (let m = 1; m <= 12; m++) for (const d of rewardWeekDays(y, m)) rewardDays.add(dayNumber(d))
    let sum = 0
    for (let n = first; n <= last; n++) {
      const d = fromDayNumber(n)
      let w = MONTH[d.m - 1]! * WEEKDAY[new Date(n * 86_400_000).getUTCDay()]!
      w *= FESTIVALS.get(d.m * 100 + d.d) ?? 1
      w *= springFestival.get(n) ?? 1
      if (rules.memberDays.enabled && rules.memberDays.days.includes(d.d)) w *= MEMBER_DAY
      if (rules.rewardWeek.enabled && rewardDays.has(n)) w *= REWARD_WEEK
      sum += w
      this.totals.push(sum)
    }
  }

  /** A day number in [lo, hi] (clamped to the calendar), busier days more likely. */
  pick(rnd: Random, lo: number, hi: number): number {
    const a = Math.max(lo, this.first) - this.first
    const b = Math.min(hi, this.last) - this.first
    const base = a > 0 ? this.totals[a - 1]! : 0
    const x = base + rnd.next() * (this.totals[b]! - base)
    let l = a
    let h = b
    while (l < h) {
      const mid = (l + h) >> 1
      if (this.totals[mid]! > x) h = mid
      else l = mid + 1
    }
    return this.first + l
  }
}

/** Shoppers by hour, 10:00 to 21:59: lunchtime, a long afternoon, the after-work evening. */
const HOURS = [1, 1.2, 1.1, 1.2, 1.5, 1.7, 1.6, 1.3, 1.4, 1.8, 1.6, 0.7]
const HOUR_TOTALS = HOURS.map(
  (
    (s) => (w: number) =>
      (s += w)
  )(0),
)

/** A till time on the given day, by the store's wall clock. */
export function shoppingTime(rnd: Random, day: Ymd, zone: string): number {
  const x = rnd.next() * HOUR_TOTALS[HOUR_TOTALS.length - 1]!
  const hour = 10 + HOUR_TOTALS.findIndex((t) => t > x)
  return zonedToMs({ ...day, h: hour, mi: rnd.int(0, 59), s: rnd.int(0, 59) }, zone)
}
